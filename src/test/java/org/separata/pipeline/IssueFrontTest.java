package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.batch.IssueBuilder;
import org.separata.batch.IssueOptions;
import org.separata.batch.Progress;
import org.separata.batch.Shard;
import org.separata.support.PdfInspector;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The example issue's front matter, read back from its PDF: the contents groups the articles
 * under their sections, each heading once and in the journal's language, the first entry under
 * one too, with dotted leaders to the page numbers and the editorial listed; the editorial is
 * justified and hyphenated like the body; the modern pack's cover carries its band.
 */
@Slow
class IssueFrontTest {

    @TempDir
    static Path dir;
    private static final Map<String, byte[]> PDFS = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws IOException {
        for (String pack : List.of("classic", "modern")) {
            IssueOptions o = new IssueOptions(dir.resolve(pack), 2, RenderOptions.defaults().withLayout(Optional.of(pack)),
                    Optional.empty(), false, false, Shard.ALL).withRoot(Repo.file("examples"));
            var r = new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { })
                    .build(Repo.file("examples/issue-2021-4/issue.yaml"), o);
            PDFS.put(pack, Files.readAllBytes(r.issuePdf().orElseThrow()));
        }
    }


    @Test
    void theContentsGroupsArticlesUnderTheirSectionsWithLeaders() {
        PDFS.forEach((pack, pdf) -> {
            String contents = new PdfInspector(pdf).pageText(2);
            String flat = PdfInspector.flat(contents).toUpperCase(java.util.Locale.ROOT);
            // three research articles given in English, Russian and Spanish, under one heading in English
            assertEquals(1, PdfInspector.count(flat, "RESEARCH ARTICLE"), pack + ": " + contents);
            assertEquals(1, PdfInspector.count(flat, "BOOK REVIEW"), pack);
            assertFalse(flat.contains("НАУЧНАЯ СТАТЬЯ") || flat.contains("ARTÍCULO DE INVESTIGACIÓN"), pack + ": " + contents);
            // the first entry (the seed, which names no section) is under the first heading
            assertTrue(flat.indexOf("RESEARCH ARTICLE") < flat.indexOf("RELACIONES BILATERALES"), pack + ": " + contents);
            assertTrue(flat.contains("FROM THE EDITORS"), pack + ": the front matter is listed");
            // each article's line ends with leaders and its first page: the label of the page the
            // issue's outline sends the article to
            PdfInspector in = new PdfInspector(pdf);
            List<String> labels = in.pageLabels();
            List<String> firstPages = in.outlineTargets().stream().filter(t -> t.depth() == 0 && t.pageIndex() >= 0)
                    .map(t -> labels.get(t.pageIndex())).filter(l -> l.matches("\\d+")).toList();
            assertEquals(5, firstPages.size(), pack + ": " + in.outline());
            for (String page : firstPages) {
                assertTrue(contents.matches("(?s).*\\. \\. \\. *" + page + "\\s.*"), pack + ": no leaders to " + page + ": "
                        + contents);
            }
        });
    }

    /**
     * What was seen: the seed's title filled its line in the classic pack, and its leader stood
     * alone on the next line, a row of dots under the title. Every line with leaders now begins
     * with the last word(s) of a title.
     */
    @Test
    void noLeaderStandsAloneOnALine() {
        PDFS.forEach((pack, pdf) -> {
            String contents = new PdfInspector(pdf).pageText(2);
            int withLeaders = 0;
            for (String line : contents.lines().toList()) {
                int dots = line.indexOf(". . .");
                if (dots < 0) {
                    continue;
                }
                withLeaders++;
                assertFalse(line.substring(0, dots).replace(".", "").isBlank(), pack + ": a line of leaders alone: '"
                        + line + "' in\n" + contents);
            }
            assertEquals(6, withLeaders, pack + ": the editorial and five articles have leaders: " + contents);
        });
    }

    @Test
    void theFrontMatterIsListedWithItsRomanPageNumber() {
        PDFS.forEach((pack, pdf) -> {
            PdfInspector in = new PdfInspector(pdf);
            // the page the editorial's heading is printed on, and that page's label (front pages
            // are labelled i, ii, iii … as their folios are)
            int page = -1;
            for (int p = 1; p <= 6 && page < 0; p++) {
                if (in.pageText(p).contains("This issue of")) {
                    page = p;
                }
            }
            assertTrue(page > 2, pack + ": the editorial follows the cover and the contents");
            String label = in.pageLabels().get(page - 1);
            assertTrue(label.matches("[ivx]+"), pack + ": " + label);
            String contents = in.pageText(2);
            assertTrue(contents.matches("(?s).*From the editors[ .]*\\. \\. \\. *" + label + "\\s.*"),
                    pack + ": no leaders to " + label + ": " + contents);
        });
    }

    @Test
    void theFrontFollowsTheIssuesLanguage() throws Exception {
        Path examples = dir.resolve("es-examples");
        org.separata.support.Folders.copy(Repo.file("examples"), examples);
        Path issue = examples.resolve("issue-2021-4/issue.yaml");
        Files.writeString(issue, Files.readString(issue).replace("\nvolume: 9\n", "\nlanguage: es\nvolume: 9\n"));
        IssueOptions o = new IssueOptions(dir.resolve("es"), 2, RenderOptions.defaults().withLayout(Optional.of("classic")),
                Optional.empty(), false, false, Shard.ALL).withRoot(examples);
        var r = new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { }).build(issue, o);
        PdfInspector in = new PdfInspector(Files.readAllBytes(r.issuePdf().orElseThrow()));
        String cover = PdfInspector.flat(in.pageText(1));
        assertTrue(cover.contains("Vol. 9 · Núm. 4"), cover);
        String contents = in.pageText(2);
        String flat = PdfInspector.flat(contents).toUpperCase(java.util.Locale.ROOT);
        // the labels of layouts/lib/labels.yaml, es: contents, section-research-article, section-book-review
        assertTrue(contents.contains("Índice"), contents);
        assertEquals(1, PdfInspector.count(flat, "ARTÍCULO DE INVESTIGACIÓN"), contents);
        assertEquals(1, PdfInspector.count(flat, "RESEÑA"), contents);
        assertFalse(flat.contains("RESEARCH ARTICLE") || flat.contains("CONTENTS"), contents);
    }

    @Test
    void theEditorialIsSetLikeTheBody() {
        PDFS.forEach((pack, pdf) -> {
            String page = Poppler.run("pdftotext", pdf, "-f", "3", "-l", "3", "-layout", "-enc", "UTF-8");
            assertTrue(page.contains("From the editors"), pack + ": " + page);
            assertTrue(page.lines().anyMatch(l -> l.strip().matches(".*\\p{L}-")), pack + ": hyphenated: " + page);
        });
    }

    @Test
    void theModernCoverCarriesItsBand() throws IOException {
        // the top of the cover is painted in the pack's accent colour (#0f5b66), edge to edge
        byte[] ppm = pixels(PDFS.get("modern"));
        int[] top = pixel(ppm, 5, 5);
        int[] right = pixel(ppm, width(ppm) - 5, 5);
        for (int[] px : List.of(top, right)) {
            assertTrue(Math.abs(px[0] - 0x0f) < 12 && Math.abs(px[1] - 0x5b) < 12 && Math.abs(px[2] - 0x66) < 12,
                    java.util.Arrays.toString(px));
        }
        int[] classic = pixel(pixels(PDFS.get("classic")), 5, 5);
        assertTrue(classic[0] > 240 && classic[1] > 240 && classic[2] > 240, "the classic cover has no band");
    }

    private static byte[] pixels(byte[] pdf) throws IOException {
        Path f = Files.createTempFile(dir, "cover", ".pdf");
        Files.write(f, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-f", "1", "-l", "1", "-r", "20", f.toString()).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The header of a binary PPM: P6, width, height, maxval; returns [width, height, offset of the pixels]. */
    private static int[] header(byte[] ppm) {
        int[] vals = new int[3];
        int at = 2;
        for (int k = 0; k < 3; k++) {
            while (Character.isWhitespace(ppm[at])) {
                at++;
            }
            int v = 0;
            while (Character.isDigit(ppm[at])) {
                v = v * 10 + (ppm[at++] - '0');
            }
            vals[k] = v;
        }
        return new int[] {vals[0], vals[1], at + 1};
    }

    private static int width(byte[] ppm) {
        return header(ppm)[0];
    }

    private static int[] pixel(byte[] ppm, int x, int y) {
        int[] h = header(ppm);
        int i = h[2] + 3 * (y * h[0] + x);
        return new int[] {ppm[i] & 0xFF, ppm[i + 1] & 0xFF, ppm[i + 2] & 0xFF};
    }
}
