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
                    // margin on one side and the page width less it on the other; a wide table's
                    // landscape page has the same margins across its width
                    double width = t.landscape() ? g.height() : g.width();
                    double height = t.landscape() ? g.width() : g.height();
                    double left = Math.min(g.inner(), g.outer()) * PT_PER_MM;
                    double right = (width - Math.min(g.inner(), g.outer())) * PT_PER_MM;
                    if (t.left() < left - 0.5 || t.right() > right + 0.5 || t.top() < 0
                            || t.bottom() > height * PT_PER_MM) {
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
            pdfs.forEach((name, pdf) -> {
                List<PopplerPage> pages = PopplerLine.read(pdf);
                for (int p = 0; p + 1 < pages.size(); p++) {
                    List<String> nextBody = pages.get(p + 1).lines().stream().filter(l -> l.yMin() >= top - 1)
                            .limit(3).map(PopplerLine::text).toList();
                    List<PopplerLine> here = pages.get(p).lines();
                    double bottom = pages.get(p).height() - g.bottom() * PT_PER_MM;
                    List<String> lastBody = here.stream().filter(l -> l.yMax() <= bottom + 1).map(PopplerLine::text)
                            .toList();
                    lastBody = lastBody.subList(Math.max(0, lastBody.size() - 3), lastBody.size());
                    for (PopplerLine l : here) {
                        if (l.yMax() > bottom + 1 && nextBody.contains(l.text())) {
                            twice.add(pack + " " + name + " foot of p." + (p + 1) + ": " + l.text());
                        }
                    }
                    for (PopplerLine l : pages.get(p + 1).lines()) {
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

    /** Whether a line ends with a hyphen that breaks a word (not a URL or DOI broken after its own hyphen). */
    private static boolean hyphenated(String line) {
        if (!line.endsWith("-") || line.endsWith(" -")) {
            return false;
        }
        String last = line.substring(line.lastIndexOf(' ') + 1);
        return !last.matches(".*[/.:\\d].*");
    }

    /** The body lines of each page: those inside the page's content area. */
    private static List<List<String>> bodyLines(String pack, byte[] pdf) {
        PageGeometry g = page(pack);
        double top = g.top() * PT_PER_MM;
        List<List<String>> out = new ArrayList<>();
        for (PopplerPage page : PopplerLine.read(pdf)) {
            double bottom = page.height() - g.bottom() * PT_PER_MM;
            out.add(page.lines().stream().filter(l -> l.yMin() >= top - 1 && l.yMax() <= bottom + 1)
                    .map(PopplerLine::text).toList());
        }
        return out;
    }

    @Test
    void noMoreThanTwoHyphenatedLinesInARowAndNoneEndsAPage() {
        List<String> ladders = new ArrayList<>();
        List<String> pageEnds = new ArrayList<>();
        PDFS.forEach((pack, pdfs) -> pdfs.forEach((name, pdf) -> {
            List<List<String>> pages = bodyLines(pack, pdf);
            int run = 0;
            for (int p = 0; p < pages.size(); p++) {
                List<String> lines = pages.get(p);
                for (String l : lines) {
                    run = hyphenated(l) ? run + 1 : 0;
                    if (run > 2) {
                        ladders.add(pack + " " + name + " p." + (p + 1) + ": " + l);
                    }
                }
                if (p + 1 < pages.size() && !lines.isEmpty() && hyphenated(lines.get(lines.size() - 1))) {
                    pageEnds.add(pack + " " + name + " p." + (p + 1) + ": " + lines.get(lines.size() - 1));
                }
            }
        }));
        assertTrue(ladders.isEmpty(), ladders.size() + " third hyphenated lines in a row: " + ladders);
        assertTrue(pageEnds.isEmpty(), pageEnds.size() + " pages end with a hyphen: " + pageEnds);
    }

    @Test
    void justifiedTextIsHyphenatedAboutAsOftenAsByXeLaTeX() {
        // the long English article is the XeLaTeX long reference's text
        double xelatex = hyphenShare(Poppler.run("pdftotext", reference(), "-layout", "-enc", "UTF-8"));
        assertTrue(xelatex > 0.08 && xelatex < 0.15, "XeLaTeX: " + xelatex);
        for (String pack : List.of("classic", "compact")) {
            double ours = hyphenShare(Poppler.run("pdftotext", PDFS.get(pack).get("typography-long-en"), "-layout", "-enc", "UTF-8"));
            assertTrue(ours <= 1.5 * xelatex && ours >= xelatex / 1.5, pack + ": " + ours + " against XeLaTeX's " + xelatex);
        }
        // ragged text hyphenates only long words where a line would be very short
        double modern = hyphenShare(Poppler.run("pdftotext", PDFS.get("modern").get("typography-long-en"), "-layout", "-enc", "UTF-8"));
        assertTrue(modern <= xelatex, "modern: " + modern);
    }

    /** The share of lines of four words or more that end with a hyphen. */
    private static double hyphenShare(String text) {
        int lines = 0;
        int hyphens = 0;
        for (String l : text.split("\n")) {
            if (l.strip().split("\\s+").length >= 4) {
                lines++;
                hyphens += hyphenated(l.strip()) ? 1 : 0;
            }
        }
        return (double) hyphens / lines;
    }

    private static byte[] reference() {
        for (java.nio.file.Path p : List.of(org.separata.support.Repo.root().getParent().resolve(
                "shared/reference/xelatex-seed-offprint-long.pdf"),
                java.nio.file.Path.of("/work/shared/reference/xelatex-seed-offprint-long.pdf"))) {
            if (java.nio.file.Files.exists(p)) {
                try {
                    return java.nio.file.Files.readAllBytes(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "the shared XeLaTeX reference is beside the repository");
        return new byte[0];
    }

    /** A page as pdftotext reads it: its height in points (a landscape page's is the portrait width) and its lines. */
    record PopplerPage(double height, List<PopplerLine> lines) {
    }

    /** A line of text as pdftotext reads it (its words' boxes, {@code -bbox-layout}), in points from the top. */
    record PopplerLine(String text, double yMin, double yMax) {
        private static final java.util.regex.Pattern PAGE = java.util.regex.Pattern.compile(
                "<page width=\"[^\"]+\" height=\"([^\"]+)\">(.*?)</page>", java.util.regex.Pattern.DOTALL);
        private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile(
                "<line xMin=\"[^\"]+\" yMin=\"([^\"]+)\" xMax=\"[^\"]+\" yMax=\"([^\"]+)\">(.*?)</line>",
                java.util.regex.Pattern.DOTALL);
        private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("<word[^>]*>([^<]*)</word>");

        static List<PopplerPage> read(byte[] pdf) {
            String xml = Poppler.run("pdftotext", pdf, "-bbox-layout", "-enc", "UTF-8");
            List<PopplerPage> pages = new ArrayList<>();
            java.util.regex.Matcher p = PAGE.matcher(xml);
            while (p.find()) {
                List<PopplerLine> lines = new ArrayList<>();
                java.util.regex.Matcher l = LINE.matcher(p.group(2));
                while (l.find()) {
                    StringBuilder sb = new StringBuilder();
                    java.util.regex.Matcher w = WORD.matcher(l.group(3));
                    while (w.find()) {
                        sb.append(sb.isEmpty() ? "" : " ").append(w.group(1));
                    }
                    lines.add(new PopplerLine(sb.toString(), Double.parseDouble(l.group(1)),
                            Double.parseDouble(l.group(2))));
                }
                pages.add(new PopplerPage(Double.parseDouble(p.group(1)), lines));
            }
            return pages;
        }
    }
}
