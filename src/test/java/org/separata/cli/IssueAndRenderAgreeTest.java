package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.pipeline.Json;
import org.separata.support.PdfInspector;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * {@code issue} and {@code render} go the same way from an article to a PDF: an issue's offprint
 * has the same bytes as {@code render --first-page} of the same article at the page the issue gives it.
 */
@Slow
class IssueAndRenderAgreeTest {

    @TempDir
    Path dir;

    /** The first page the issue's report gives article {@code index}. */
    @SuppressWarnings("unchecked")
    private static long firstPage(Path report, int index) throws Exception {
        Map<String, Object> r = (Map<String, Object>) Json.read(Files.readAllBytes(report), report.toString());
        return (Long) ((java.util.List<Map<String, Object>>) r.get("articles")).get(index).get("firstPage");
    }

    private void sameBytes(Path issue, String article, int index, String offprint) throws Exception {
        Path out = dir.resolve("out-" + index + "-" + issue.getParent().getFileName());
        CliTest.Result built = CliTest.run("issue", issue.toString(), "-o", out.toString(), "--progress", "none");
        assertEquals(0, built.code(), built.err());
        long first = firstPage(out.resolve("report.json"), index);
        Path rendered = dir.resolve("rendered-" + index + ".pdf");
        CliTest.Result r = CliTest.run("render", issue.resolveSibling(article).toString(), "--first-page",
                String.valueOf(first), "-o", rendered.toString());
        assertEquals(0, r.code(), r.err());
        byte[] fromIssue = Files.readAllBytes(out.resolve("offprints").resolve(offprint));
        assertArrayEquals(fromIssue, Files.readAllBytes(rendered),
                "the issue's offprint and render --first-page " + first + " differ");
        try (PdfInspector pdf = new PdfInspector(fromIssue)) {
            assertEquals(String.valueOf(first), pdf.pageLabels().get(0));
        }
    }

    @Test
    void anIssuesOffprintIsWhatRenderMakesAtTheSamePages() throws Exception {
        Path issue = TestIssues.issueOf(dir, 3, false);
        sameBytes(issue, "art3.yaml", 2, "art3.pdf");
    }

    @Test
    void soItIsWithAJournalProfile() throws Exception {
        Path issue = TestIssues.carvalhoIssue(dir.resolve("bundle"), true);
        sameBytes(issue, "article.yaml", 0, "article.pdf");
    }

    @Test
    void soItIsForArticlesLaidOutAgain() throws Exception {
        // an article with a table too wide for the page (laid out again for its landscape page)
        // and the seed with a body whose back matter would stand alone on its last page (laid
        // out again tighter): the issue lays them out in its one book as render lays them out alone
        int k = 1;
        while (!tightened(k)) {
            k++;
            assertTrue(k <= 14, "no body length tightens the seed");
        }
        Files.createDirectories(dir.resolve("rounds"));
        // the wide-table article in the seed's journal and issue, so that render alone prints what the issue does
        String wide = Files.readString(Repo.file("src/test/resources/content/wide-table.xml"))
                .replace("<journal-title-group><journal-title>Journal of Wide Tables</journal-title></journal-title-group>",
                        "<journal-title-group><journal-title>Cuadernos Iberoamericanos</journal-title></journal-title-group>"
                                + "<issn pub-type=\"ppub\">2409-3416</issn><issn pub-type=\"epub\">2658-5219</issn>")
                .replace("<pub-date><year>2024</year></pub-date>",
                        "<pub-date><year>2021</year></pub-date><volume>9</volume><issue>4</issue>");
        Files.writeString(dir.resolve("rounds/wide.xml"), wide);
        Files.writeString(dir.resolve("rounds/seed.yaml"), TestIssues.seedWithBody(k).replace("  pages: 84-100\n", ""));
        Path issue = dir.resolve("rounds/issue.yaml");
        Files.writeString(issue, TestIssues.header(84) + "articles:\n  - wide.xml\n  - seed.yaml\n");
        sameBytes(issue, "wide.xml", 0, "wide.pdf");
        sameBytes(issue, "seed.yaml", 1, "seed.pdf");
    }

    /** Whether the seed with {@code k} paragraphs of body is kept tightened (the default pack). */
    private static boolean tightened(int k) {
        org.separata.pipeline.Separata s = org.separata.support.Rendering.separata();
        var r = s.render(s.typeset(s.prepare(org.separata.read.InputReader.read(
                TestIssues.seedWithBody(k).getBytes(java.nio.charset.StandardCharsets.UTF_8), "seed.yaml"),
                org.separata.pipeline.RenderOptions.defaults())));
        var reasons = r.layoutRounds().stream().map(x -> x.reason()).toList();
        return reasons.contains(org.separata.render.LayoutRound.Reason.TIGHTEN)
                && !reasons.contains(org.separata.render.LayoutRound.Reason.UNTIGHTEN);
    }

    @Test
    void firstPageNumbersTheOffprintFromThere() throws Exception {
        Path out = dir.resolve("seed.pdf");
        CliTest.Result r = CliTest.run("render", Repo.seed().toString(), "--first-page", "7", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        try (PdfInspector pdf = new PdfInspector(Files.readAllBytes(out))) {
            int pages = pdf.pageCount();
            assertEquals("7", pdf.pageLabels().get(0));
            assertTrue(pdf.pageText(1).contains("7\u2013" + (6 + pages)), "the masthead shows 7–" + (6 + pages)
                    + ": " + pdf.pageText(1));
        }
        CliTest.Result bad = CliTest.run("render", Repo.seed().toString(), "--first-page", "0", "-o", out.toString());
        assertEquals(2, bad.code(), bad.err());
    }
}
