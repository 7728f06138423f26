package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.separata.layout.PageGeometry;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * No offprint ends with a page that holds only the how-to-cite line and the licence, or nothing:
 * the seed is rendered with a body of one paragraph more each time, so that the back block falls
 * at every place of a page in turn, in all three packs, and its pages are read back.
 */
@Slow
class LastPageTest {

    @Test
    void theBackMatterNeverStandsAloneOnTheLastPage() throws IOException {
        List<String> alone = new ArrayList<>();
        for (String pack : List.of("classic", "compact", "modern")) {
            PageGeometry g = Rendering.separata().layouts().get(pack).pack().page();
            double mm = 72 / 25.4;
            for (int k = 1; k <= 14; k++) {
                byte[] pdf = render(pack, TestIssues.seedWithBody(k));
                try (PdfInspector in = new PdfInspector(pdf)) {
                    int last = in.pageCount();
                    String lastBody = PdfInspector.flat(in.textInArea(last, 0, (float) (g.top() * mm), (float) (g.width() * mm),
                            (float) ((g.height() - g.top() - g.bottom()) * mm)));
                    if (lastBody.startsWith("Cómo citar") || lastBody.startsWith("For citation")) {
                        alone.add(pack + " with " + k + " paragraphs: " + lastBody);
                    }
                }
            }
        }
        assertTrue(alone.isEmpty(), alone.size() + " last pages with only the how-to-cite line and licence: " + alone);
    }
    /**
     * What was seen: an article without a licence ends with its how-to-cite line, whose bottom
     * margin fell past the foot of the last full page for some lengths and made a page holding only
     * the running head and the folio. The seed without its licence, with a body of one paragraph
     * more each time, in all three packs: every page has text in its text block.
     */
    @Test
    void noPageIsLeftWithNothingOnIt() throws IOException {
        List<String> blank = new ArrayList<>();
        for (String pack : List.of("classic", "compact", "modern")) {
            PageGeometry g = Rendering.separata().layouts().get(pack).pack().page();
            double mm = 72 / 25.4;
            for (int k = 1; k <= 14; k++) {
                String seed = TestIssues.seedWithBody(k);
                int licence = seed.indexOf("\nlicense:");
                assertTrue(licence > 0 && seed.indexOf("\n", seed.indexOf("text:", licence)) >= seed.length() - 1,
                        "the licence ends the seed");
                byte[] pdf = render(pack, seed.substring(0, licence + 1));
                try (PdfInspector in = new PdfInspector(pdf)) {
                    for (int p = 1; p <= in.pageCount(); p++) {
                        String body = PdfInspector.flat(in.textInArea(p, 0, (float) (g.top() * mm),
                                (float) (g.width() * mm), (float) ((g.height() - g.top() - g.bottom()) * mm)));
                        if (body.isBlank()) {
                            blank.add(pack + " with " + k + " paragraphs: page " + p + " of " + in.pageCount());
                        }
                    }
                    assertTrue(PdfInspector.flat(in.text()).contains("Cómo citar"), pack + " " + k);
                }
            }
        }
        assertTrue(blank.isEmpty(), blank.size() + " pages with nothing in their text block: " + blank);
    }

    private static byte[] render(String pack, String manifest) {
        return Rendering.separata().render(org.separata.read.InputReader.read(manifest.getBytes(StandardCharsets.UTF_8),
                "seed.yaml"), new org.separata.pipeline.RenderOptions(pack, false)).pdf();
    }
}
