package org.separata.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.Node;
import org.separata.diag.ExitCode;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/** Issue assembly on a small synthetic issue built from the seed article. */
@Slow
class IssueBuilderTest {

    @TempDir
    Path dir;

    /** Writes an issue of {@code n} copies of the seed, each with its own title, and returns the issue file. */
    private Path issueOf(int n, boolean rectoStart, int brokenIndex) throws Exception {
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        StringBuilder yaml = new StringBuilder("""
                journal:
                  title: Cuadernos Iberoamericanos
                  issn-print: 2409-3416
                  issn-online: 2658-5219
                volume: 9
                number: 4
                year: 2021
                first-page: 84
                """);
        yaml.append("recto-start: ").append(rectoStart).append("\narticles:\n");
        for (int i = 0; i < n; i++) {
            String text = seed.replace("una perspectiva peruana\"", "una perspectiva peruana, parte " + (i + 1) + "\"")
                    .replace("  pages: 84-100\n", "");
            if (i == brokenIndex) {
                text = text.replace("issn-print: 2409-3416", "issn-print: 2409-3417");
            }
            Files.writeString(dir.resolve("art" + (i + 1) + ".yaml"), text, StandardCharsets.UTF_8);
            yaml.append("  - art").append(i + 1).append(".yaml\n");
        }
        Path issue = dir.resolve("issue.yaml");
        Files.writeString(issue, yaml, StandardCharsets.UTF_8);
        return issue;
    }

    private IssueResult build(Path issue, IssueOptions options) {
        return new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { }).build(issue, options);
    }

    private IssueOptions options(boolean allowPartial) {
        return new IssueOptions(dir.resolve("out"), 2, Optional.empty(), Optional.empty(), allowPartial, false,
                Shard.ALL, false, org.separata.finish.PdfStandard.DEFAULT, false);
    }

    @Test
    void contentsPageLabelsOutlineAndOffprintsAgree() throws Exception {
        IssueResult r = build(issueOf(3, true, -1), options(false));
        assertEquals(ExitCode.OK, r.exitCode());
        byte[] issueBytes = Files.readAllBytes(r.issuePdf().orElseThrow());
        org.separata.support.Archival.assertPdfA2b(issueBytes);
        org.separata.support.Archival.assertPdfA2b(Files.readAllBytes(dir.resolve("out/offprints/art2.pdf")));
        try (PdfInspector issue = new PdfInspector(Files.readAllBytes(r.issuePdf().orElseThrow()))) {
            List<String> labels = issue.pageLabels();
            assertEquals("i", labels.get(0), labels.toString());
            int front = (int) labels.stream().filter(l -> l.matches("[ivx]+")).count();
            assertEquals("84", labels.get(front), "arabic numbering starts at first-page: " + labels);
            for (int i = front; i < labels.size(); i++) {
                assertEquals(String.valueOf(84 + i - front), labels.get(i), "continuous: " + labels);
            }
            List<String> outline = issue.outline().stream().filter(o -> !o.startsWith(" ")).toList();
            assertEquals(3, outline.size(), issue.outline().toString());
            assertTrue(issue.outline().contains("  Referencias"), "each article's sections below it: " + issue.outline());
            for (int k = 1; k <= 3; k++) {
                String title = "parte " + k;
                assertTrue(outline.get(k - 1).endsWith(title), outline.toString());
                // where the article really starts: the page whose text has its title
                int page = -1;
                for (int p = front + 1; p <= issue.pageCount(); p++) {
                    if (issue.pageText(p).replaceAll("\\s+", " ").contains("peruana, " + title)) {
                        page = p;
                        break;
                    }
                }
                assertTrue(page > 0, title);
                String printed = labels.get(page - 1);
                assertEquals(1, Integer.parseInt(printed) % 2, "recto start: " + printed);
                // (the dotted leaders between a title and its page left out)
                String contents = issue.pageText(2).replaceAll("\\s+", " ").replaceAll("(?: \\.){2,}", "");
                assertTrue(contents.contains("peruana, " + title + " " + printed), "contents says " + printed + ": "
                        + contents);
                Path offprint = dir.resolve("out/offprints/art" + k + ".pdf");
                try (PdfInspector o = new PdfInspector(Files.readAllBytes(offprint))) {
                    assertEquals(printed, o.pageLabels().get(0), "offprint " + k + " starts where the issue puts it");
                    assertTrue(o.pageText(1).contains(" " + printed + "\u2013"), "masthead shows the computed range: " + o.pageText(1));
                }
            }
            List<String> links = new ArrayList<>();
            issue.document().getPage(1).getAnnotations().forEach(a -> links.add(a.getSubtype()));
            assertEquals(3, links.stream().filter("Link"::equals).count(), "one contents link per article");
        }
    }

    /**
     * The example issue (manifests and JATS, three languages): every contents entry links to the
     * page whose label it prints, every outline entry lands on an article's first page, and the
     * issue is PDF/A-2b.
     */
    @Test
    void theExampleIssueHasContentsThatPointWhereTheyPrint() throws Exception {
        IssueResult r = build(Repo.file("examples/issue-2021-4/issue.yaml"), options(false));
        assertEquals(ExitCode.OK, r.exitCode());
        byte[] bytes = Files.readAllBytes(r.issuePdf().orElseThrow());
        org.separata.support.Archival.assertPdfA2b(bytes);
        try (PdfInspector issue = new PdfInspector(bytes)) {
            var doc = issue.document();
            List<String> labels = issue.pageLabels();
            int checked = 0;
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                for (var a : doc.getPage(p).getAnnotations()) {
                    if (!(a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link)
                            || !(link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo go)) {
                        continue;
                    }
                    var dest = (org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination)
                            go.getDestination();
                    String target = labels.get(doc.getPages().indexOf(dest.getPage()));
                    var strip = new org.apache.pdfbox.text.PDFTextStripperByArea();
                    var rect = link.getRectangle();
                    float h = doc.getPage(p).getMediaBox().getHeight();
                    strip.addRegion("entry", new java.awt.geom.Rectangle2D.Float(rect.getLowerLeftX(),
                            h - rect.getUpperRightY(), rect.getWidth(), rect.getHeight()));
                    strip.extractRegions(doc.getPage(p));
                    String text = strip.getTextForRegion("entry").strip();
                    assertTrue(text.endsWith(target), "the entry '" + text + "' links to page " + target);
                    checked++;
                }
            }
            assertEquals(5, checked, "one link per article");
            List<String> top = issue.outline().stream().filter(o -> !o.startsWith(" ")).toList();
            assertEquals(5, top.size(), issue.outline().toString());
        }
        try (var files = Files.list(dir.resolve("out/offprints"))) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void oneBrokenArticleAmongFiveExitsFourAndTheOthersAreWritten() throws Exception {
        IssueResult r = build(issueOf(5, false, 2), options(false));
        assertEquals(ExitCode.PARTIAL_FAILURE, r.exitCode());
        assertEquals(1, r.failed());
        assertFalse(Files.exists(dir.resolve("out/issue.pdf")), "no issue.pdf while an article is missing");
        for (int k : new int[] {1, 2, 4, 5}) {
            assertTrue(Files.exists(dir.resolve("out/offprints/art" + k + ".pdf")), "offprint " + k);
        }
        assertFalse(Files.exists(dir.resolve("out/offprints/art3.pdf")));
        Node report = DataParser.parse(Files.readAllBytes(r.report()), "report.json", DataFormat.JSON);
        String text = Files.readString(r.report());
        assertTrue(text.contains("\"file\" : \"art3.yaml\""), text);
        assertTrue(text.contains("\"status\" : \"failed\""), text);
        assertTrue(text.contains("\"field\" : \"journal.issn-print\""), text);
        assertTrue(text.contains("check digit"), text);
        assertTrue(report instanceof Node.MapNode);

        IssueResult partial = build(issueOf(5, false, 2), options(true));
        assertEquals(ExitCode.PARTIAL_FAILURE, partial.exitCode());
        try (PdfInspector issue = new PdfInspector(Files.readAllBytes(partial.issuePdf().orElseThrow()))) {
            assertEquals(4, issue.outline().stream().filter(o -> !o.startsWith(" ")).count());
        }
    }

    @Test
    void theSameIssueGivesTheSameBytesWhateverTheParallelism() throws Exception {
        Path issue = issueOf(3, false, -1);
        IssueResult one = build(issue, new IssueOptions(dir.resolve("one"), 1, Optional.empty(), Optional.empty(),
                false, false, Shard.ALL, false, org.separata.finish.PdfStandard.DEFAULT, false));
        IssueResult two = build(issue, new IssueOptions(dir.resolve("two"), 3, Optional.empty(), Optional.empty(),
                false, false, Shard.ALL, false, org.separata.finish.PdfStandard.DEFAULT, false));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(one.issuePdf().orElseThrow()),
                Files.readAllBytes(two.issuePdf().orElseThrow())), "issue.pdf differs");
        for (int k = 1; k <= 3; k++) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("one/offprints/art" + k + ".pdf")),
                    Files.readAllBytes(dir.resolve("two/offprints/art" + k + ".pdf"))), "offprint " + k + " differs");
        }
    }

    @Test
    void shardsSplitTheOffprintsWithoutOverlap() throws Exception {
        Path issue = issueOf(5, false, -1);
        List<String> seen = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            Path out = dir.resolve("shard" + k);
            IssueResult r = build(issue, new IssueOptions(out, 2, Optional.empty(), Optional.empty(), false, false,
                    new Shard(k, 2), false, org.separata.finish.PdfStandard.DEFAULT, false));
            assertEquals(ExitCode.OK, r.exitCode());
            assertFalse(Files.exists(out.resolve("issue.pdf")));
            try (var files = Files.list(out.resolve("offprints"))) {
                files.forEach(f -> seen.add(f.getFileName().toString()));
            }
        }
        seen.sort(null);
        assertEquals(List.of("art1.pdf", "art2.pdf", "art3.pdf", "art4.pdf", "art5.pdf"), seen);
    }

    @Test
    void shardSlicesAreEqualAndCoverEverything() {
        for (int total : new int[] {1, 5, 7, 200}) {
            for (int n = 1; n <= 9; n++) {
                int[] sizes = new int[n];
                for (int i = 0; i < total; i++) {
                    int owners = 0;
                    for (int k = 1; k <= n; k++) {
                        if (new Shard(k, n).contains(i, total)) {
                            owners++;
                            sizes[k - 1]++;
                        }
                    }
                    assertEquals(1, owners);
                }
                int min = java.util.Arrays.stream(sizes).min().orElseThrow();
                int max = java.util.Arrays.stream(sizes).max().orElseThrow();
                assertTrue(max - min <= 1, total + "/" + n + ": " + java.util.Arrays.toString(sizes));
            }
        }
        Map.of("0/3", 0, "4/3", 0, "x", 0, "1/0", 0).keySet().forEach(bad ->
                org.junit.jupiter.api.Assertions.assertThrows(org.separata.diag.SeparataException.class,
                        () -> Shard.parse(bad)));
    }
}
