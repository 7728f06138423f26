package org.separata.batch;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.separata.data.JsonWriter;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.JvmLimits;
import org.separata.env.Limit;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.finish.IssueFinisher;
import org.separata.finish.IssueLayout;
import org.separata.finish.PdfMetadata;
import org.separata.layout.ImageKind;
import org.separata.layout.IssueFront;
import org.separata.layout.XhtmlLayout;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Issue;
import org.separata.model.IssueManifest;
import org.separata.model.PageRange;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.read.InputReader;
import org.separata.read.IssueManifestReader;
import org.separata.read.ReadResult;
import org.separata.finish.OutlineItem;
import org.separata.layout.XhtmlDocument;
import org.separata.render.PdfBook;
import org.separata.render.RenderedPdf;

/**
 * Builds a journal issue: reads and paginates its articles, writes one offprint per article with
 * the issue's page numbers, assembles the issue PDF (cover, contents, front matter, every article)
 * and a report. Articles are rendered in parallel; only one article's layout is held per worker,
 * and offprints go to disk as soon as they are made. One broken article does not stop the others.
 *
 * <ol>
 *   <li>read and count: each article is read, checked against the fonts and laid out once to
 *       learn its length;</li>
 *   <li>paginate: articles follow each other from {@code first-page}, a blank verso before an
 *       article that must start on a recto;</li>
 *   <li>offprints: each article is rendered with its final page numbers (if one then takes a
 *       different number of pages, the pagination is redone);</li>
 *   <li>issue: front matter and articles are written into one PDF with shared font subsets.</li>
 * </ol>
 */
public final class IssueBuilder {

    private static final int MAX_REPAGINATIONS = 3;

    private final Separata separata;
    private final World world;
    private final Progress progress;
    private final Consumer<Diagnostic> stderr;

    public IssueBuilder(Separata separata, Progress progress, Consumer<Diagnostic> stderr) {
        this.separata = separata;
        this.world = separata.world();
        this.progress = progress;
        this.stderr = stderr;
    }

    public IssueResult build(Path issueFile, IssueOptions options) {
        long start = world.nanoTime();
        IssueManifest manifest = IssueManifestReader.read(world.readInput(issueFile, Limit.MANIFEST_MB),
                issueFile.toString(), world.limits());
        ResourceRoot issueFolder = issueRoot(issueFile, options);
        String layoutName = options.layout().or(() -> manifest.layout().map(l -> separata.layouts().resolveIn(
                issueFolder, folderOf(issueFile), l, SourceLocation.of(issueFile.toString()).withPath("layout"))))
                .orElse(RenderOptions.DEFAULT_LAYOUT);
        // read now, so that a cover that is no usable image fails before any article is set
        Optional<byte[]> cover = readCover(issueFolder, issueFile, manifest);
        RenderOptions render = new RenderOptions(layoutName, options.allowMissingGlyphs(), options.standard())
                .withTranslations(options.includeTranslations());
        XhtmlLayout layout = separata.layouts().get(layoutName);
        boolean rectoStart = options.rectoStart().orElse(manifest.rectoStart());

        List<ArticleOutcome> outcomes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < manifest.articles().size(); i++) {
            String file = manifest.articles().get(i);
            String base = Path.of(file).getFileName().toString().replaceFirst("\\.[^.]+$", "");
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + "-" + n;
            }
            outcomes.add(new ArticleOutcome(i, file, name));
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        ExecutorService issueThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "separata-issue-pdf");
            t.setDaemon(true);
            return t;
        });
        Optional<Speculation> speculative = Optional.empty();
        long mark = world.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> {
            Thread t = new Thread(r, "separata-issue");
            t.setDaemon(true);
            return t;
        });
        try {
            // 1. read, check and count
            progress.start("reading", outcomes.size());
            runAll(pool, outcomes, stop, options.failFast(), a -> {
                byte[] bytes = world.read(issueFolder, folderOf(issueFile), a.file, Limit.INPUT_MB,
                        SourceLocation.of(issueRelative(issueFile, a.file)));
                ReadResult read = InputReader.read(bytes, issueRelative(issueFile, a.file), world.limits());
                ReadResult placed = place(read, manifest, new PageRange(manifest.firstPage(), manifest.firstPage()),
                        a);
                a.warnings.addAll(read.warnings());
                a.warnings.addAll(separata.preflight(placed, render));
                a.read = Optional.of(read);
                a.pages = separata.countPages(placed, render);
                return a.pages + " pages";
            });
            progress.finish();
            stages.put("read", (world.nanoTime() - mark) / 1e9);
            mark = world.nanoTime();

            // 2 and 3. paginate, then offprints with the final numbers, until the page counts hold
            Path offprints = options.outDir().resolve("offprints");
            Set<Integer> toRender = java.util.concurrent.ConcurrentHashMap.newKeySet();
            outcomes.stream().filter(ArticleOutcome::ok).filter(a -> options.shard().contains(a.index, outcomes.size()))
                    .forEach(a -> toRender.add(a.index));
            for (int round = 0; round <= MAX_REPAGINATIONS && !toRender.isEmpty() && !stop.get(); round++) {
                Map<Integer, Optional<PageRange>> before = new LinkedHashMap<>();
                outcomes.forEach(a -> before.put(a.index, a.range));
                paginate(outcomes, manifest.firstPage(), rectoStart);
                if (round == 0 && options.shard().isAll() && !stop.get()) {
                    // The issue PDF is assembled alongside the offprints from this pagination; it is
                    // used if the pagination holds and every article succeeds, and made again if not.
                    List<Placement> snapshot = placements(outcomes);
                    speculative = Optional.of(new Speculation(snapshot, CompletableFuture.supplyAsync(
                            () -> assembleIssue(snapshot, cover, manifest, layout, render, Progress.NONE),
                            issueThread)));
                }
                if (round > 0) {
                    outcomes.stream().filter(a -> !a.range.equals(before.get(a.index)))
                            .filter(a -> options.shard().contains(a.index, outcomes.size())).forEach(a -> toRender.add(a.index));
                }
                List<ArticleOutcome> batch = outcomes.stream().filter(a -> toRender.contains(a.index)).toList();
                toRender.clear();
                progress.start("offprints", batch.size());
                runAll(pool, batch, stop, options.failFast(), a -> {
                    ReadResult placed = place(a.read.orElseThrow(), manifest, a.range.orElseThrow(), a);
                    Offprint offprint = separata.render(placed, render);
                    a.offprintWritten = false;
                    if (offprint.pageCount() != a.pages) {
                        a.pages = offprint.pageCount();
                        toRender.add(a.index);
                        return "page count changed to " + a.pages + "; paginating again";
                    }
                    offprint.warnings().stream().filter(w -> !a.warnings.contains(w)).forEach(a.warnings::add);
                    world.writeAtomically(offprints.resolve(a.name + ".pdf"), offprint.pdf());
                    a.offprintWritten = true;
                    return a.range.orElseThrow().display();
                });
                progress.finish();
                if (!toRender.isEmpty()) {
                    // the articles after a changed one move, too
                    int first = toRender.stream().min(Integer::compare).orElseThrow();
                    outcomes.stream().filter(ArticleOutcome::ok).filter(a -> a.index >= first)
                            .filter(a -> options.shard().contains(a.index, outcomes.size()))
                            .forEach(a -> toRender.add(a.index));
                }
            }
            stages.put("offprints", (world.nanoTime() - mark) / 1e9);
            mark = world.nanoTime();
        } finally {
            pool.shutdownNow();
            issueThread.shutdown();
        }

        int failed = (int) outcomes.stream().filter(a -> !a.ok()).count();
        outcomes.stream().filter(a -> !a.ok()).forEach(a -> a.errors.forEach(stderr));
        Optional<Path> issuePdf = Optional.empty();
        boolean complete = failed == 0 && !stop.get();
        if (options.shard().isAll() && (complete || options.allowPartial())
                && outcomes.stream().anyMatch(ArticleOutcome::ok)) {
            issuePdf = Optional.of(options.outDir().resolve("issue.pdf"));
            List<Placement> now = placements(outcomes);
            byte[] pdf = null;
            if (speculative.isPresent() && speculative.get().placements().equals(now)) {
                try {
                    pdf = speculative.get().pdf().join();
                } catch (java.util.concurrent.CompletionException e) {
                    pdf = null; // made again below, where a failure is reported with its context
                }
            }
            if (pdf == null) {
                speculative.ifPresent(sp -> sp.pdf().cancel(true));
                pdf = assembleIssue(now, cover, manifest, layout, render, progress);
            }
            world.writeAtomically(issuePdf.get(), pdf);
            stages.put("issue", (world.nanoTime() - mark) / 1e9);
        }
        speculative.ifPresent(sp -> sp.pdf().cancel(true));
        issueThread.shutdownNow();
        int pages = outcomes.stream().filter(ArticleOutcome::ok).mapToInt(a -> a.pages).sum();
        Path report = options.outDir().resolve("report.json");
        double seconds = (world.nanoTime() - start) / 1e9;
        world.writeAtomically(report, JsonWriter.write(Report.of(issueFile, manifest, options, outcomes,
                issuePdf, seconds, stages)));
        ExitCode code = failed > 0 || stop.get() ? ExitCode.PARTIAL_FAILURE : ExitCode.OK;
        return new IssueResult(code, outcomes.size(), failed, pages, issuePdf, report);
    }

    /** Assigns page ranges to the articles that succeeded, in order. */
    static void paginate(List<ArticleOutcome> outcomes, int firstPage, boolean rectoStart) {
        int cursor = firstPage;
        for (ArticleOutcome a : outcomes) {
            if (!a.ok()) {
                a.range = Optional.empty();
                continue;
            }
            a.blankBefore = rectoStart && cursor % 2 == 0;
            if (a.blankBefore) {
                cursor++;
            }
            a.range = Optional.of(new PageRange(cursor, cursor + a.pages - 1));
            cursor += a.pages;
        }
    }

    /**
     * The article as it appears in this issue: the issue's volume, number and year, and the pages
     * the issue gives it. Disagreements with what the article file says become warnings.
     */
    private ReadResult place(ReadResult read, IssueManifest issue, PageRange pages, ArticleOutcome a) {
        Article article = read.article();
        Issue own = article.issue();
        Issue theirs = issue.issue();
        conflict(read, "issue.volume", own.volume(), theirs.volume(), a);
        conflict(read, "issue.number", own.number(), theirs.number(), a);
        conflict(read, "issue.year", own.year(), theirs.year(), a);
        conflict(read, "journal.issn-print", article.journal().printIssn(), issue.journal().printIssn(), a);
        conflict(read, "journal.issn-online", article.journal().onlineIssn(), issue.journal().onlineIssn(), a);
        if (a.range.isPresent() && article.pages().isPresent() && !article.pages().equals(a.range)) {
            warnOnce(a, Diagnostic.warning(read.sources().locate("article.pages"),
                    "the article gives its pages as " + article.pages().get().display() + ", but in this issue they are "
                            + a.range.get().display(),
                    "the offprint and the issue use " + a.range.get().display() + "; correct the article file"));
        }
        return placed(read, issue, pages);
    }

    /** The article with the issue's volume, number and year (the article's where the issue has none) and {@code pages}. */
    private static ReadResult placed(ReadResult read, IssueManifest issue, PageRange pages) {
        Article.Builder b = read.article().toBuilder();
        Issue own = read.article().issue();
        Issue theirs = issue.issue();
        b.issue = new Issue(theirs.volume().or(own::volume), theirs.number().or(own::number),
                theirs.year().or(own::year), theirs.date().or(own::date));
        b.pages = Optional.of(pages);
        return new ReadResult(b.build(), read.warnings(), read.sources(), read.profile());
    }

    private static <T> void conflict(ReadResult read, String field, Optional<T> own, Optional<T> issue,
                                     ArticleOutcome a) {
        if (own.isPresent() && issue.isPresent() && !own.get().equals(issue.get())) {
            warnOnce(a, Diagnostic.warning(read.sources().locate(field),
                    "the article says " + own.get() + ", the issue says " + issue.get(),
                    "the issue's value is used; correct one of the files"));
        }
    }

    private static void warnOnce(ArticleOutcome a, Diagnostic d) {
        synchronized (a) {
            if (!a.warnings.contains(d)) {
                a.warnings.add(d);
            }
        }
    }

    private interface Step {
        String run(ArticleOutcome a) throws Exception;
    }

    /** Runs {@code step} on every outcome in the pool; failures are recorded per article. */
    private void runAll(ExecutorService pool, List<ArticleOutcome> items, AtomicBoolean stop, boolean failFast,
                        Step step) {
        List<Future<?>> futures = new ArrayList<>();
        for (ArticleOutcome a : items) {
            futures.add(pool.submit(() -> {
                if (stop.get()) {
                    return;
                }
                long t0 = world.nanoTime();
                try {
                    String detail = step.run(a);
                    progress.done(a.file, true, detail);
                } catch (SeparataException e) {
                    a.errors.addAll(e.diagnostics());
                    progress.done(a.file, false, e.diagnostics().get(0).message());
                    if (failFast) {
                        stop.set(true);
                    }
                } catch (RuntimeException | Error e) {
                    a.errors.add(JvmLimits.diagnostic(e, SourceLocation.of(a.file)).orElseGet(() -> Diagnostic.error(
                            SourceLocation.of(a.file), "internal error: " + e,
                            "this is a bug in Separata; please report it with this article")));
                    progress.done(a.file, false, e.toString());
                    if (failFast) {
                        stop.set(true);
                    }
                } catch (Exception e) {
                    a.errors.add(Diagnostic.error(SourceLocation.of(a.file), e.toString(), null));
                    progress.done(a.file, false, e.toString());
                } finally {
                    a.seconds += (world.nanoTime() - t0) / 1e9;
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Where an article goes in the issue PDF, as a pagination decided it. */
    private record Placement(String file, ReadResult read, PageRange range, boolean blankBefore) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Placement p && p.file.equals(file) && p.range.equals(range)
                    && p.blankBefore == blankBefore;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(file, range, blankBefore);
        }
    }

    /** An issue PDF assembled in the background from a pagination that may still change. */
    private record Speculation(List<Placement> placements, CompletableFuture<byte[]> pdf) {
    }

    private static List<Placement> placements(List<ArticleOutcome> outcomes) {
        return outcomes.stream().filter(ArticleOutcome::ok).filter(a -> a.range.isPresent())
                .map(a -> new Placement(a.file, a.read.orElseThrow(), a.range.get(), a.blankBefore)).toList();
    }

    /** The issue PDF: cover, contents and front matter, then the articles, finished. */
    private byte[] assembleIssue(List<Placement> ok, Optional<byte[]> cover, IssueManifest manifest, XhtmlLayout layout,
                                 RenderOptions render, Progress progress) {
        List<IssueFront.Entry> entries = new ArrayList<>();
        for (Placement a : ok) {
            Article art = a.read().article();
            entries.add(new IssueFront.Entry(art.mainTitle().title(),
                    String.join(", ", art.authors().stream().map(Contributor::bylineName).toList()),
                    a.range().first(), a.range().last(), art.section().orElse(""), "toc-" + entries.size()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        List<IssueLayout.ArticlePlace> places = new ArrayList<>();
        List<IssueLayout.ContentsLink> links = new ArrayList<>();
        int frontPages;
        progress.start("issue", ok.size() + 1);
        try (PdfBook book = new PdfBook(out, new ArrayList<>(new LinkedHashSet<>(layout.pack().fonts().values())))) {
            frontPages = book.add(layout.layoutIssue(new IssueFront(manifest, entries, cover)));
            for (RenderedPdf.Anchor anchor : book.anchors("^toc-\\d+$")) {
                links.add(new IssueLayout.ContentsLink(anchor.pageIndex(), anchor.left(), anchor.bottom(),
                        anchor.width(), anchor.height(), Integer.parseInt(anchor.id().substring(4))));
            }
            progress.done("cover and contents", true, frontPages + " pages");
            for (Placement a : ok) {
                ReadResult placed = placed(a.read(), manifest, a.range());
                XhtmlDocument xhtml = separata.xhtml(placed, render);
                int pages = book.add(xhtml);
                List<OutlineItem> articleOutline = Separata.outline(xhtml, book.outlineAnchors(xhtml),
                        new ArrayList<>());
                places.add(new IssueLayout.ArticlePlace(placed.article().mainTitle().title().plain(), pages,
                        a.blankBefore(), articleOutline));
                progress.done(a.file(), true, a.range().display());
            }
        }
        progress.finish();
        return new IssueFinisher(separata.finisher()).finish(out.toByteArray(), metadata(manifest, ok),
                new IssueLayout(frontPages, manifest.firstPage(), places, links), render.standard());
    }

    /**
     * The issue PDF's metadata: taken from the issue manifest (journal, volume, number, date) and
     * its articles (the page range, the authors in order); written to the Info dictionary and the
     * XMP as for an offprint.
     */
    private PdfMetadata metadata(IssueManifest m, List<Placement> ok) {
        String title = m.journal().title() + issueLabel(m) + m.title().map(t -> ". " + t).orElse("");
        PdfMetadata.Builder b = PdfMetadata.builder("en", title);
        java.util.LinkedHashSet<String> authors = new java.util.LinkedHashSet<>();
        ok.forEach(a -> a.read().article().authors().forEach(c -> authors.add(c.displayName())));
        b.creators(new ArrayList<>(authors));
        StringBuilder contents = new StringBuilder();
        for (Placement a : ok) {
            if (!contents.isEmpty()) {
                contents.append("\n");
            }
            contents.append(a.range().display()).append("  ").append(a.read().article().mainTitle().title().plain());
        }
        b.abstractText("en", contents.toString());
        b.publisher(m.journal().publisher());
        b.journal(Optional.of(m.journal().title()));
        b.issn(m.journal().printIssn().map(org.separata.model.Issn::value),
                m.journal().onlineIssn().map(org.separata.model.Issn::value));
        b.issue(m.issue().volume(), m.issue().number(),
                m.issue().date().map(Object::toString).or(() -> m.issue().year().map(String::valueOf)));
        int last = ok.stream().mapToInt(a -> a.range().last()).max().orElse(m.firstPage());
        b.pages(Optional.of(String.valueOf(m.firstPage())), Optional.of(String.valueOf(last)));
        b.published(m.issue().date());
        b.fileDate(world.sourceDateEpoch()
                .or(() -> m.issue().date().map(d -> d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
        b.pageLabels(m.firstPage(), Optional.empty());
        return b.build();
    }

    /** ". 2021;9(4)" */
    static String issueLabel(IssueManifest m) {
        StringBuilder sb = new StringBuilder();
        m.issue().year().ifPresent(y -> sb.append(". ").append(y));
        m.issue().volume().ifPresent(v -> sb.append(sb.isEmpty() ? ". " : ";").append(v));
        m.issue().number().ifPresent(n -> sb.append('(').append(n).append(')'));
        return sb.toString();
    }

    /**
     * The folder every file the issue manifest names must lie in: {@code --root}, else the issue
     * file's folder. Names are relative to the issue file; the root only bounds where they lead.
     */
    private static ResourceRoot issueRoot(Path issueFile, IssueOptions options) {
        return options.root().map(r -> ResourceRoot.folder(ResourceRoot.Role.ISSUE, r))
                .orElseGet(() -> ResourceRoot.folderOf(ResourceRoot.Role.ISSUE, issueFile));
    }

    /** The cover image, read inside the issue's root and through the image gate. */
    private Optional<byte[]> readCover(ResourceRoot root, Path issueFile, IssueManifest manifest) {
        return manifest.coverImage().map(c -> {
            SourceLocation where = SourceLocation.of(issueFile.toString()).withPath("cover.image");
            byte[] bytes = world.read(root, folderOf(issueFile), c, Limit.IMAGE_MB, where);
            ImageKind.check(bytes, issueRelative(issueFile, c), where, ImageKind.LOGO, world.limits());
            return bytes;
        });
    }

    /** The folder the issue file's names are relative to. */
    private static Path folderOf(Path issueFile) {
        return issueFile.toAbsolutePath().getParent();
    }

    private static String issueRelative(Path issueFile, String article) {
        Path parent = issueFile.getParent();
        return parent == null ? article : parent.resolve(article).toString();
    }
}
