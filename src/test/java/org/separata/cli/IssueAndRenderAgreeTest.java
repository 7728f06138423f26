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
