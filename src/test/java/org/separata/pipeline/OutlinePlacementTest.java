package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.separata.diag.Diagnostic;
import org.separata.finish.OutlineItem;
import org.separata.layout.OutlineEntry;
import org.separata.layout.XhtmlDocument;
import org.separata.render.RenderedPdf;
import org.separata.support.Slow;

/** The layout's outline entries meet the renderer's positions; an entry without a target is reported. */
@Slow
class OutlinePlacementTest {

    @Test
    void entriesTakeTheirTargetsPositionAndUnplacedOnesBecomeWarnings() {
        XhtmlDocument doc = new XhtmlDocument("<html/>", name -> Optional.empty(), List.of(), 1, "test-pack",
                List.of(new OutlineEntry("outline-title", "Title", 1), new OutlineEntry("outline-sec-1", "One", 1),
                        new OutlineEntry("outline-sec-1-1", "One.one", 2)));
        RenderedPdf rendered = new RenderedPdf(new byte[0], 2, List.of(), List.of(
                new RenderedPdf.Anchor("outline-sec-1-1", 1, 70, 500.5f, 100, 12),
                new RenderedPdf.Anchor("outline-title", 0, 70, 700, 100, 20)));
        List<Diagnostic> warnings = new ArrayList<>();
        List<OutlineItem> items = Separata.outline(doc, rendered.anchors(), warnings);
        assertEquals(List.of(new OutlineItem("Title", 1, 0, 700), new OutlineItem("One.one", 2, 1, 500.5f)), items);
        assertEquals(1, warnings.size());
        String w = warnings.get(0).format();
        assertTrue(w.contains("'One'") && w.contains("outline-sec-1") && w.contains("test-pack"), w);
    }
}
