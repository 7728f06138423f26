package org.separata.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.pipeline.Json;
import org.separata.pipeline.RenderOptions;
import org.separata.support.Folders;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/** Issue assembly on small synthetic issues built from the seed article. */
@Slow
class IssueBuilderTest {

    @TempDir
    Path dir;

    private Path issueOf(int n, boolean rectoStart, int... broken) throws Exception {
        return TestIssues.issueOf(dir, n, rectoStart, broken);
    }

    private static IssueResult build(Path issue, IssueOptions options) {
        return new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { }).build(issue, options);
    }

    private IssueOptions options(Path out, boolean allowPartial) {
        return new IssueOptions(out, 2, RenderOptions.defaults(), Optional.empty(), allowPartial, false, Shard.ALL);
    }

    private IssueOptions options(boolean allowPartial) {
        return options(dir.resolve("out"), allowPartial);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> report(Path file) throws Exception {
        return (Map<String, Object>) Json.read(Files.readAllBytes(file), file.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> articles(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("articles");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> totals(Map<String, Object> report) {
        return (Map<String, Object>) report.get("totals");
    }

    @Test
    void contentsPageLabelsOutlineAndOffprintsAgree() throws Exception {
        IssueResult r = build(issueOf(3, true), options(false));
        assertEquals(ExitCode.OK, r.exitCode());
        assertEquals(IssueResult.Status.COMPLETE, r.status());
        byte[] issueBytes = Files.readAllBytes(r.issuePdf().orElseThrow());
        org.separata.support.Archival.assertAccessible(issueBytes);
        org.separata.support.Archival.assertAccessible(Files.readAllBytes(dir.resolve("out/offprints/art2.pdf")));
        try (PdfInspector issue = new PdfInspector(Files.readAllBytes(r.issuePdf().orElseThrow()))) {
            assertFalse(issue.infoTitle().contains("rovisional"), issue.infoTitle());
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
                    assertFalse(o.infoTitle().contains("rovisional"), o.infoTitle());
                }
            }
            List<String> links = new ArrayList<>();
            issue.document().getPage(1).getAnnotations().forEach(a -> links.add(a.getSubtype()));
            assertEquals(3, links.stream().filter("Link"::equals).count(), "one contents link per article");
        }
        Map<String, Object> report = report(r.report().orElseThrow());
        assertEquals("complete", report.get("status"));
        assertEquals(true, report.get("pagesFinal"));
        assertEquals("offprints/art2.pdf", articles(report).get(1).get("offprint"), "paths relative to the report");
        assertEquals("issue.pdf", totals(report).get("issuePdf"));
        assertEquals(List.of(), Folders.hiddenBeside(dir.resolve("out")), "no staging folder is left");
    }

    /**
     * The example issue (manifests and JATS, three languages): every contents entry links to the
     * page whose label it prints, every outline entry lands on an article's first page, and the
     * issue and its offprints are PDF/UA-1 and PDF/A-2a, each piece tagged once.
     */
    @Test
    void theExampleIssueHasContentsThatPointWhereTheyPrint() throws Exception {
        IssueResult r = build(Repo.file("examples/issue-2021-4/issue.yaml"),
                options(false).withRoot(Repo.file("examples")));
        assertEquals(ExitCode.OK, r.exitCode());
        byte[] bytes = Files.readAllBytes(r.issuePdf().orElseThrow());
        org.separata.support.Archival.assertAccessible(bytes);
        theIssueIsOneTaggedDocument(bytes, Repo.file("examples/issue-2021-4/issue.yaml"));
        try (var offprints = Files.list(dir.resolve("out/offprints"))) {
            for (Path offprint : offprints.sorted().toList()) {
                byte[] o = Files.readAllBytes(offprint);
                org.separata.support.Archival.assertAccessible(o);
                org.separata.support.Tagging.assertEachPieceOnce(o);
            }
        }
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

    /**
     * The issue PDF read back with PDFBox's structure-tree API: the front matter, then one
     * {@code Art} per article in the manifest's order, each in its article's language and headed
     * by its title; the contents entries are a table of contents whose entries are links described
     * by their article's title; every piece of content belongs to one element once.
     */
    private static void theIssueIsOneTaggedDocument(byte[] pdf, Path manifest) throws Exception {
        org.separata.support.Tagging.assertEachPieceOnce(pdf);
        var issue = org.separata.read.IssueManifestReader.read(Files.readAllBytes(manifest), manifest.toString());
        List<org.separata.model.Article> articles = new ArrayList<>();
        for (String f : issue.articles()) {
            articles.add(Rendering.separata().read(manifest.resolveSibling(f)).article());
        }
        try (org.separata.support.TaggedPdf t = new org.separata.support.TaggedPdf(pdf)) {
            var top = t.elements().get(0);
            assertEquals("Document", top.type());
            assertEquals("Part", top.kids().get(0).type(), "the front matter");
            List<org.separata.support.TaggedPdf.Element> arts = top.kids().stream().filter(k -> k.type().equals("Art"))
                    .toList();
            assertEquals(articles.size(), arts.size());
            for (int i = 0; i < arts.size(); i++) {
                var art = arts.get(i);
                var a = articles.get(i);
                assertEquals(a.language(), art.effectiveLang(), "article " + (i + 1) + "'s language");
                var h1 = art.kids().stream().filter(k -> k.type().equals("H1")).findFirst().orElseThrow();
                assertEquals(letters(a.mainTitle().full()), letters(h1.text()), "article " + (i + 1) + "'s title");
            }
            var tocs = t.ofType("TOC");
            assertEquals(1, tocs.size());
            List<org.separata.support.TaggedPdf.Element> links = tocs.get(0).kids().stream()
                    .flatMap(entry -> entry.kids().stream()).filter(e -> e.type().equals("Link")).toList();
            assertEquals(articles.size(), links.size(), "one link per contents entry");
            for (int i = 0; i < links.size(); i++) {
                String described = links.get(i).annotations().get(0).getContents();
                assertTrue(described.startsWith(articles.get(i).mainTitle().title().plain()), described);
                assertTrue(letters(links.get(i).text()).contains(letters(articles.get(i).mainTitle().title().plain())));
            }
        }
    }

    private static String letters(String s) {
        return org.separata.support.TaggedPdf.squeeze(s).replaceAll("[^\\p{L}\\p{N}]", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void withoutTagsTheIssueAndTheOffprintsArePdfA2b() throws Exception {
        IssueOptions untagged = new IssueOptions(dir.resolve("out"), 2, RenderOptions.defaults().withTags(false),
                Optional.empty(), false, false, Shard.ALL);
        IssueResult r = build(issueOf(2, false), untagged);
        assertEquals(ExitCode.OK, r.exitCode());
        for (Path pdf : List.of(r.issuePdf().orElseThrow(), dir.resolve("out/offprints/art1.pdf"))) {
            byte[] bytes = Files.readAllBytes(pdf);
            assertEquals(List.of("2b"), org.separata.support.Archival.claims(bytes), pdf.toString());
            org.separata.support.Archival.assertPdfA2b(bytes);
            try (PdfInspector p = new PdfInspector(bytes)) {
                assertEquals(null, p.document().getDocumentCatalog().getStructureTreeRoot(), pdf.toString());
            }
        }
    }

    /**
     * What was seen: with one article failed, the others were written beside the old files with
     * shifted page numbers, looking final. Now the output folder is always one whole build: a
     * failed build leaves it exactly as it was (and is kept beside it, its pages marked
     * provisional); --allow-partial puts a provisional build in place, every file saying so; the
     * next complete build replaces everything, and the kept failed build goes.
     */
    @Test
    void theOutputFolderAlwaysHoldsOneWholeBuild() throws Exception {
        Path out = dir.resolve("out");
        IssueResult first = build(issueOf(5, false), options(false));
        assertEquals(IssueResult.Status.COMPLETE, first.status());
        Map<String, String> before = Folders.snapshot(out);
        String art4Pages;
        try (PdfInspector o = new PdfInspector(Files.readAllBytes(out.resolve("offprints/art4.pdf")))) {
            art4Pages = o.pageLabels().get(0);
        }

        // a broken article: exit 4, out/ untouched, the build kept beside it with provisional pages
        IssueResult failed = build(issueOf(5, false, 2), options(false));
        assertEquals(ExitCode.PARTIAL_FAILURE, failed.exitCode());
        assertEquals(IssueResult.Status.FAILED, failed.status());
        assertEquals(1, failed.failed());
        assertEquals(before, Folders.snapshot(out), "the previous build is exactly as it was");
        Path kept = dir.resolve("out.failed");
        assertEquals(kept, failed.folder());
        assertEquals(List.of(".separata", "offprints", "report.json"), Folders.names(kept));
        assertEquals(List.of("art1.provisional.pdf", "art2.provisional.pdf", "art4.provisional.pdf",
                "art5.provisional.pdf"), Folders.names(kept.resolve("offprints")));
        byte[] provisional = Files.readAllBytes(kept.resolve("offprints/art4.provisional.pdf"));
        // still tagged: PDF/UA-1's title (dc:title, shown by DisplayDocTitle) is the Info title, prefix and all
        org.separata.support.Archival.assertAccessible(provisional);
        try (PdfInspector o = new PdfInspector(provisional)) {
            assertTrue(o.infoTitle().startsWith("[Provisional pages] "), o.infoTitle());
            assertEquals(o.infoTitle(), org.separata.support.Xmp.parse(o.xmp())
                    .langAlt(org.separata.support.Xmp.DC, "title").get("x-default"), "the XMP title says so too");
            assertTrue(o.document().getDocumentCatalog().getViewerPreferences().displayDocTitle(),
                    "the viewer shows the title");
            assertFalse(o.pageLabels().get(0).equals(art4Pages), "its pages moved up: " + o.pageLabels());
        }
        Map<String, Object> report = report(kept.resolve("report.json"));
        assertEquals("failed", report.get("status"));
        assertEquals(false, report.get("pagesFinal"));
        Map<String, Object> art3 = articles(report).get(2);
        assertEquals("art3.yaml", art3.get("file"));
        assertEquals("failed", art3.get("status"));
        assertTrue(art3.get("errors").toString().contains("journal.issn-print"), art3.toString());
        assertTrue(art3.get("errors").toString().contains("check digit"), art3.toString());
        assertEquals("offprints/art4.provisional.pdf", articles(report).get(3).get("offprint"));
        assertEquals(1L, totals(report).get("failed"));
        assertEquals(4L, totals(report).get("offprints"));
        assertEquals(List.of(), Folders.hiddenBeside(out), "no staging folder is left");

        // --allow-partial: the provisional build replaces out/ as a whole; nothing looks final
        IssueResult partial = build(issueOf(5, false, 2), options(true));
        assertEquals(ExitCode.PARTIAL_FAILURE, partial.exitCode());
        assertEquals(IssueResult.Status.PROVISIONAL, partial.status());
        assertEquals(out, partial.folder());
        assertEquals(List.of(".separata", "issue.provisional.pdf", "offprints", "report.json"), Folders.names(out));
        assertEquals(List.of("art1.provisional.pdf", "art2.provisional.pdf", "art4.provisional.pdf",
                "art5.provisional.pdf"), Folders.names(out.resolve("offprints")), "no offprint of the old build is left");
        try (PdfInspector issue = new PdfInspector(Files.readAllBytes(partial.issuePdf().orElseThrow()))) {
            assertEquals(4, issue.outline().stream().filter(o -> !o.startsWith(" ")).count());
            assertTrue(issue.infoTitle().startsWith("[Provisional pages] "), issue.infoTitle());
        }
        report = report(out.resolve("report.json"));
        assertEquals("provisional", report.get("status"));
        assertEquals(false, report.get("pagesFinal"));
        assertEquals("issue.provisional.pdf", totals(report).get("issuePdf"));

        // fixed, and one article fewer: the complete build replaces everything; out.failed goes
        IssueResult fixed = build(issueOf(4, false), options(false));
        assertEquals(IssueResult.Status.COMPLETE, fixed.status());
        assertEquals(List.of(".separata", "issue.pdf", "offprints", "report.json"), Folders.names(out));
        assertEquals(List.of("art1.pdf", "art2.pdf", "art3.pdf", "art4.pdf"), Folders.names(out.resolve("offprints")));
        assertFalse(Files.exists(kept), "the failed build kept beside is out of date now");
        assertEquals(List.of(), Folders.hiddenBeside(out));
    }

    /**
     * An interrupt raised while offprints are rendered (here by the progress, after the second
     * one, so the articles not started yet return at once) stops the build: nothing is put in
     * place and the staging folder is removed. InterruptTest does the same with a real SIGINT.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void anInterruptedBuildLeavesTheFolderAsItWasAndNothingBeside() throws Exception {
        Path out = dir.resolve("out");
        build(issueOf(2, false), options(false));
        Map<String, String> before = Folders.snapshot(out);
        Interrupt interrupt = new Interrupt();
        Progress raiseAfterTwo = new Progress() {
            private String stage = "";
            private int done;

            @Override
            public synchronized void start(String s, int total) {
                stage = s;
                done = 0;
            }

            @Override
            public synchronized void done(String item, boolean ok, String detail) {
                if (stage.equals("offprints") && ++done == 2) {
                    interrupt.raise();
                }
            }

            @Override
            public void finish() {
            }
        };
        IssueResult r = new IssueBuilder(Rendering.separata(), raiseAfterTwo, d -> { })
                .build(issueOf(6, false), new IssueOptions(out, 1, RenderOptions.defaults(), Optional.empty(), false,
                        false, Shard.ALL), interrupt);
        assertEquals(IssueResult.Status.INTERRUPTED, r.status());
        assertEquals(ExitCode.INTERRUPTED, r.exitCode());
        assertEquals(before, Folders.snapshot(out));
        assertEquals(List.of(), Folders.hiddenBeside(out));
        assertFalse(Files.exists(dir.resolve("out.failed")));
    }

    @Test
    void theSameIssueGivesTheSameBytesWhateverTheParallelism() throws Exception {
        Path issue = issueOf(3, false);
        IssueResult one = build(issue, new IssueOptions(dir.resolve("one"), 1, RenderOptions.defaults(),
                Optional.empty(), false, false, Shard.ALL));
        IssueResult two = build(issue, new IssueOptions(dir.resolve("two"), 3, RenderOptions.defaults(),
                Optional.empty(), false, false, Shard.ALL));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(one.issuePdf().orElseThrow()),
                Files.readAllBytes(two.issuePdf().orElseThrow())), "issue.pdf differs");
        for (int k = 1; k <= 3; k++) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("one/offprints/art" + k + ".pdf")),
                    Files.readAllBytes(dir.resolve("two/offprints/art" + k + ".pdf"))), "offprint " + k + " differs");
        }
    }

    private IssueOptions shard(Path out, int k, int n) {
        return new IssueOptions(out, 2, RenderOptions.defaults(), Optional.empty(), false, false, new Shard(k, n));
    }

    /**
     * What was seen: shards into one folder overwrote each other's report, and the last one's
     * totals claimed the others' articles as ok. Now each shard has a folder and a report of its
     * own, and merging them gives one report whose totals are true.
     */
    @Test
    void shardsWriteTheirOwnReportsAndMergeIntoTrueTotals() throws Exception {
        Path issue = issueOf(5, false);
        Path out = dir.resolve("out");
        int pages = 0;
        // both at once, as GNU parallel or a job array runs them, into a folder neither has made yet
        List<java.util.concurrent.CompletableFuture<IssueResult>> running = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            int shard = k;
            running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> build(issue, shard(out, shard, 2))));
        }
        for (int k = 1; k <= 2; k++) {
            IssueResult r = running.get(k - 1).join();
            assertEquals(ExitCode.OK, r.exitCode());
            assertEquals(out.resolve("shard-" + k + "-of-2"), r.folder());
            assertTrue(r.issuePdf().isEmpty());
            pages += r.pages();
        }
        assertEquals(List.of(".separata", "shard-1-of-2", "shard-2-of-2"), Folders.names(out));
        assertEquals(List.of("art1.pdf", "art2.pdf", "art3.pdf"), Folders.names(out.resolve("shard-1-of-2/offprints")));
        assertEquals(List.of("art4.pdf", "art5.pdf"), Folders.names(out.resolve("shard-2-of-2/offprints")));
        Map<String, Object> second = report(out.resolve("shard-2-of-2/report.json"));
        assertEquals(2L, totals(second).get("articles"), "a shard counts its own articles");
        assertEquals(2L, totals(second).get("ok"));
        assertEquals("other-shard", articles(second).get(0).get("status"));
        assertEquals("1/2", articles(second).get(0).get("shard"));

        ReportMerge.Result merged = new ReportMerge(Rendering.separata().world()).merge(out);
        assertEquals(ExitCode.OK, merged.exitCode());
        Map<String, Object> report = report(out.resolve("report.json"));
        assertEquals("complete", report.get("status"));
        assertEquals(5L, totals(report).get("articles"));
        assertEquals(5L, totals(report).get("ok"));
        assertEquals(5L, totals(report).get("offprints"));
        assertEquals(0L, totals(report).get("failed"));
        assertEquals((long) pages, totals(report).get("pages"));
        for (Map<String, Object> a : articles(report)) {
            assertEquals("ok", a.get("status"), a.toString());
            assertTrue(Files.isRegularFile(out.resolve((String) a.get("offprint"))), a.toString());
        }

        // building a shard again makes the merged report stale: it goes
        build(issue, shard(out, 1, 2));
        assertFalse(Files.exists(out.resolve("report.json")), "a merged report no longer true is removed");
        // a shard built from changed inputs does not merge with the others
        Files.writeString(dir.resolve("art5.yaml"), Files.readString(dir.resolve("art5.yaml"))
                .replace("parte 5\"", "parte cinco\""));
        build(issue, shard(out, 2, 2));
        SeparataException e = assertThrows(SeparataException.class,
                () -> new ReportMerge(Rendering.separata().world()).merge(out));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("other inputs"), e.getMessage());
    }

    @Test
    void aMissingShardIsNamedAndNothingIsMerged() throws Exception {
        Path issue = issueOf(3, false);
        Path out = dir.resolve("out");
        build(issue, shard(out, 1, 3));
        build(issue, shard(out, 3, 3));
        SeparataException e = assertThrows(SeparataException.class,
                () -> new ReportMerge(Rendering.separata().world()).merge(out));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("shard 2 of 3 is missing"), e.getMessage());
        assertFalse(Files.exists(out.resolve("report.json")));
    }

    /** A shard does not go into a folder that holds a whole issue, nor the other way round. */
    @Test
    void shardsAndWholeIssuesKeepToTheirOwnFolders() throws Exception {
        Path issue = issueOf(2, false);
        Path whole = dir.resolve("whole");
        build(issue, options(whole, false));
        SeparataException e = assertThrows(SeparataException.class, () -> build(issue, shard(whole, 1, 2)));
        assertEquals(ExitCode.OUTPUT, e.exitCode());
        Path shards = dir.resolve("shards");
        build(issue, shard(shards, 1, 2));
        IssueResult r = build(issue, options(shards, false));
        assertEquals(IssueResult.Status.COMPLETE, r.status(), "a whole build replaces a folder of shards");
        assertEquals(List.of(".separata", "issue.pdf", "offprints", "report.json"), Folders.names(shards));
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
                    if (n <= total) {
                        assertTrue(Report.ownerOf(i, total, n).contains(i, total));
                    }
                }
                int min = java.util.Arrays.stream(sizes).min().orElseThrow();
                int max = java.util.Arrays.stream(sizes).max().orElseThrow();
                assertTrue(max - min <= 1, total + "/" + n + ": " + java.util.Arrays.toString(sizes));
            }
        }
        Map.of("0/3", 0, "4/3", 0, "x", 0, "1/0", 0).keySet().forEach(bad ->
                assertThrows(SeparataException.class, () -> Shard.parse(bad)));
    }

    /**
     * What was seen: examples/carvalho-2023 rendered with render but failed in an issue ("the
     * article does not name its journal"), and issue --journal was dropped. Now an issue finds
     * each article's journal profile as render does, and --journal is used.
     */
    @Test
    void anIssueUsesTheArticlesJournalProfileAsRenderDoes() throws Exception {
        Path issue = TestIssues.carvalhoIssue(dir.resolve("bundle"), true);
        IssueResult r = build(issue, options(dir.resolve("out"), false));
        assertEquals(IssueResult.Status.COMPLETE, r.status(), Files.readString(r.report().orElseThrow()));
        Map<String, Object> report = report(r.report().orElseThrow());
        assertEquals("modern", report.get("layout"), "the profile's layout");
        try (PdfInspector o = new PdfInspector(Files.readAllBytes(dir.resolve("out/offprints/article.pdf")))) {
            assertTrue(o.flatText().contains("Bakhtiniana"), "the profile's journal is on the page");
            assertEquals("226", o.pageLabels().get(0));
            var images = new ArrayList<String>();
            var res = o.document().getPage(0).getResources();
            res.getXObjectNames().forEach(n -> images.add(n.getName()));
            assertFalse(images.isEmpty(), "the profile's logo is on the first page");
        }

        // the same article without a profile beside it: it fails, and --journal rescues it
        Path bare = TestIssues.carvalhoIssue(dir.resolve("bare"), false);
        IssueResult without = build(bare, options(dir.resolve("out2"), false));
        assertEquals(IssueResult.Status.FAILED, without.status());
        String errors = articles(report(without.report().orElseThrow())).get(0).get("errors").toString();
        assertTrue(errors.contains("journal"), errors);
        RenderOptions withJournal = new RenderOptions(Optional.empty(), false,
                Optional.of(dir.resolve("bundle/journal.yaml")));
        IssueResult with = build(bare, new IssueOptions(dir.resolve("out2"), 2, withJournal, Optional.empty(), false,
                false, Shard.ALL));
        assertEquals(IssueResult.Status.COMPLETE, with.status(), Files.readString(with.report().orElseThrow()));
    }

    /** Articles whose profiles name different layouts cannot share an issue without a layout named for it. */
    @Test
    void articlesInDifferentLayoutsNeedTheIssueToNameOne() throws Exception {
        Path bundle = dir.resolve("bundle");
        Path issue = TestIssues.carvalhoIssue(bundle, true);
        Files.copy(Repo.seed(), bundle.resolve("seed.yaml"));
        Files.writeString(issue, Files.readString(issue).replace("[article.yaml]", "[article.yaml, other/seed.yaml]"));
        Files.createDirectories(bundle.resolve("other"));
        Files.move(bundle.resolve("seed.yaml"), bundle.resolve("other/seed.yaml"));
        SeparataException e = assertThrows(SeparataException.class, () -> build(issue, options(false)));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("different layouts") && e.getMessage().contains("'modern'")
                && e.getMessage().contains("'classic'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(List.of(), Folders.hiddenBeside(dir.resolve("out")));
        IssueResult named = build(issue, new IssueOptions(dir.resolve("out"), 2,
                RenderOptions.defaults().withLayout(Optional.of("classic")), Optional.empty(), false, false, Shard.ALL));
        assertEquals(ExitCode.OK, named.exitCode(), Files.readString(named.report().orElseThrow()));
    }
}
