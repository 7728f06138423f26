package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.layout.PageGeometry;
import org.separata.support.Articles;
import org.separata.support.PageGlyphs;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Slow;

/**
 * What a production manager checks on every page, over every example and test article (the
 * examples, the test cases, the long typography articles, the JATS test files and the shared
 * corpus of real files) in all three packs, read back from the PDFs: no ink outside the text
 * block, every line once in the text layer, and hyphens as restrained as TeX's.
 */
@Slow
class PageQualityTest {

    private static final double PT_PER_MM = 72 / 25.4;
    /** pack → article → PDF */
    private static final Map<String, Map<String, byte[]>> PDFS = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        for (String pack : List.of("classic", "compact", "modern")) {
            Map<String, byte[]> m = new LinkedHashMap<>();
            for (Articles.Input in : Articles.all()) {
                m.put(in.name(), Rendering.render(in.path(), pack).pdf());
            }
            PDFS.put(pack, m);
        }
    }

    private static PageGeometry page(String pack) {
        return Rendering.separata().layouts().get(pack).pack().page();
    }

    @Test
    void noInkFallsOutsideTheTextBlock() {
        List<String> out = new ArrayList<>();
        PDFS.forEach((pack, pdfs) -> {
            PageGeometry g = page(pack);
            pdfs.forEach((name, pdf) -> {
                for (PageGlyphs.Glyph t : PageGlyphs.of(pdf)) {
                    // left and right pages are mirrored: the text block lies between the narrower
                    // margin on one side and the page width less it on the other
                    double left = Math.min(g.inner(), g.outer()) * PT_PER_MM;
                    double right = (g.width() - Math.min(g.inner(), g.outer())) * PT_PER_MM;
                    if (t.left() < left - 0.5 || t.right() > right + 0.5 || t.top() < 0
                            || t.bottom() > g.height() * PT_PER_MM) {
                        out.add(pack + " " + name + " p." + t.page() + " '" + t.text() + "' x " + Math.round(t.left())
                                + "–" + Math.round(t.right()));
                    }
                }
            });
        });
        assertTrue(out.isEmpty(), out.size() + " glyphs outside the text block, e.g. " + out.subList(0,
                Math.min(10, out.size())));
    }

    @Test
    void everyLineIsInTheTextLayerOnce() {
        // Flying Saucer paints a line that straddles a page break on both pages, clipped to each
        // page's content area: no line may be in the text layer (what pdftotext reads, and a reader
        // copies) of a page's margin and again at the top or foot of the next or previous page
        List<String> twice = new ArrayList<>();
        PDFS.forEach((pack, pdfs) -> {
            PageGeometry g = page(pack);
            double top = g.top() * PT_PER_MM;
            double bottom = (g.height() - g.bottom()) * PT_PER_MM;
            pdfs.forEach((name, pdf) -> {
                List<List<PopplerLine>> pages = PopplerLine.read(pdf);
                for (int p = 0; p + 1 < pages.size(); p++) {
                    List<String> nextBody = pages.get(p + 1).stream().filter(l -> l.yMin() >= top - 1)
                            .limit(3).map(PopplerLine::text).toList();
                    List<PopplerLine> here = pages.get(p);
                    List<String> lastBody = here.stream().filter(l -> l.yMax() <= bottom + 1).map(PopplerLine::text)
                            .toList();
                    lastBody = lastBody.subList(Math.max(0, lastBody.size() - 3), lastBody.size());
                    for (PopplerLine l : here) {
                        if (l.yMax() > bottom + 1 && nextBody.contains(l.text())) {
                            twice.add(pack + " " + name + " foot of p." + (p + 1) + ": " + l.text());
                        }
                    }
                    for (PopplerLine l : pages.get(p + 1)) {
                        if (l.yMin() < top - 1 && lastBody.contains(l.text())) {
                            twice.add(pack + " " + name + " head of p." + (p + 2) + ": " + l.text());
                        }
                    }
                }
            });
        });
        assertTrue(twice.isEmpty(), twice.size() + " lines in the text layer twice: "
                + twice.subList(0, Math.min(10, twice.size())));
    }

    /** A line of text as pdftotext reads it (its words' boxes, {@code -bbox-layout}), in points from the top. */
    record PopplerLine(String text, double yMin, double yMax) {
        private static final java.util.regex.Pattern PAGE = java.util.regex.Pattern.compile("<page[^>]*>(.*?)</page>",
                java.util.regex.Pattern.DOTALL);
        private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile(
                "<line xMin=\"[^\"]+\" yMin=\"([^\"]+)\" xMax=\"[^\"]+\" yMax=\"([^\"]+)\">(.*?)</line>",
                java.util.regex.Pattern.DOTALL);
        private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("<word[^>]*>([^<]*)</word>");

        static List<List<PopplerLine>> read(byte[] pdf) {
            String xml = Poppler.run("pdftotext", pdf, "-bbox-layout", "-enc", "UTF-8");
            List<List<PopplerLine>> pages = new ArrayList<>();
            java.util.regex.Matcher p = PAGE.matcher(xml);
            while (p.find()) {
                List<PopplerLine> lines = new ArrayList<>();
                java.util.regex.Matcher l = LINE.matcher(p.group(1));
                while (l.find()) {
                    StringBuilder sb = new StringBuilder();
                    java.util.regex.Matcher w = WORD.matcher(l.group(3));
                    while (w.find()) {
                        sb.append(sb.isEmpty() ? "" : " ").append(w.group(1));
                    }
                    lines.add(new PopplerLine(sb.toString(), Double.parseDouble(l.group(1)),
                            Double.parseDouble(l.group(2))));
                }
                pages.add(lines);
            }
            return pages;
        }
    }
}
