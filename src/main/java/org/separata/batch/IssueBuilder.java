package org.separata.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.JvmLimits;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.Words;
import org.separata.env.Staging;
import org.separata.env.World;
import org.separata.model.PageRange;
import org.separata.pipeline.IssueEntry;
import org.separata.pipeline.IssuePlan;
import org.separata.pipeline.Issues;
import org.separata.pipeline.Json;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.Prepared;
import org.separata.pipeline.Rendered;
import org.separata.pipeline.Separata;

/**
 * Builds a journal issue by scheduling the pipeline's steps: it decides what runs when, in
 * parallel, and what is written where; how an article becomes a PDF is {@link Separata}'s alone.
 *
 * <ol>
 *   <li>plan: the issue manifest is read; outputs that would overwrite an input, or cannot be
 *       written, are refused before anything else;</li>
 *   <li>read and count: each article is prepared as {@code render} prepares it (journal profile,
 *       checks) and laid out once to learn its length;</li>
 *   <li>paginate: articles follow each other from {@code first-page}, a blank verso before an
 *       article that must start on a recto;</li>
 *   <li>offprints: each article is rendered at its pages (if one then takes a different number of
 *       pages, the pagination is redone and the articles that moved are rendered again);</li>
 *   <li>issue: front matter and articles are written into one PDF with shared font subsets,
 *       assembled alongside the offprints from the first pagination;</li>
 *   <li>report, then the whole folder is moved into place, or kept beside it when articles
 *       failed, or removed when the build is interrupted.</li>
 * </ol>
 * Everything is built in a staging folder beside the output folder, so the output folder holds
 * either the previous build, untouched, or the new one, whole. When an article fails, every page
 * number after it shifts: all the build's files are then provisional, and say so.
 */
public final class IssueBuilder {

    /** What the folders Separata writes hold, for {@link World#stage}. */
    static final String ISSUE = "issue";
    static final String SHARD = "shard";
    static final String SHARDS = "shards";
    static final String REPORT = "report.json";
    static final String OFFPRINTS = "offprints/";
    /** Inserted before {@code .pdf} in the name of a file whose page numbers are provisional. */
    static final String PROVISIONAL = ".provisional";

    /** How often an article's page count may change before it counts as failed. */
    private static final int MAX_RECOUNTS = 3;

    private final Separata separata;
    private final World world;
    private final Issues issues;
    private final Progress progress;
    private final Consumer<Diagnostic> stderr;

    public IssueBuilder(Separata separata, Progress progress, Consumer<Diagnostic> stderr) {
        this.separata = separata;
        this.world = separata.world();
        this.issues = separata.issues();
        this.progress = progress;
        this.stderr = stderr;
    }

    public IssueResult build(Path issueFile, IssueOptions options) {
        return build(issueFile, options, new Interrupt());
    }

    /**
     * Builds the issue. {@code interrupt}, once raised, stops the build: no further article is
     * started, the staging folder is removed, and the result says {@link IssueResult.Status#INTERRUPTED}.
     *
     * @throws SeparataException when the issue manifest is invalid (exit 3), an output names an input
     *                           (exit 2) or cannot be written (exit 5); nothing is left behind
     */
    public IssueResult build(Path issueFile, IssueOptions options, Interrupt interrupt) {
        long start = world.nanoTime();
        IssuePlan plan = issues.plan(issueFile, options.render(), options.rectoStart(), options.root());
        Path place = options.shard().isAll() ? options.outDir() : options.outDir().resolve(shardFolder(options.shard()));
        List<String> replaces = options.shard().isAll() ? List.of(ISSUE, SHARDS) : List.of(SHARD);
        List<Path> inputs = issues.inputs(plan);
        checkOutputs(options, place, inputs, replaces);
        Staging staging = world.stage(place, options.shard().isAll() ? ISSUE : SHARD, replaces);
        interrupt.onTimeout(staging::discard);
        try {
            return new Build(plan, options, Optional.of(staging), interrupt, inputs, replaces, start).run();
        } finally {
            staging.discard(); // nothing, once the build is committed or kept
        }
    }

    /**
     * Reads, checks and paginates the issue as {@link #build} does, and renders and writes nothing:
     * every article is prepared and its pages counted, and the planned page ranges are returned.
     * No output folder is checked or made.
     *
     * @throws SeparataException when the issue manifest is invalid, or its articles' profiles name
     *                           different layouts (exit 3)
     */
    public DryRun dryRun(Path issueFile, IssueOptions options, Interrupt interrupt) {
        IssuePlan plan = issues.plan(issueFile, options.render(), options.rectoStart(), options.root());
        return new Build(plan, options, Optional.empty(), interrupt, List.of(), List.of(), world.nanoTime()).plan();
    }

    /** "shard-3-of-8": the folder a shard's offprints and report go to, inside the output folder. */
    static String shardFolder(Shard s) {
        return "shard-" + s.k() + "-of-" + s.n();
    }

    private void checkOutputs(IssueOptions options, Path place, List<Path> inputs, List<String> replaces) {
        if (!options.shard().isAll()) {
            world.shareOutputFolder(options.outDir(), inputs, SHARDS);
        }
        world.checkOutputFolder(place, inputs, replaces);
    }

    /** Assigns page ranges to the articles that have a place in the issue, in order. */
    static void paginate(List<ArticleOutcome> outcomes, int firstPage, boolean rectoStart) {
        int cursor = firstPage;
        for (ArticleOutcome a : outcomes) {
            if (!a.ok()) {
                a.range = Optional.empty();
                a.blankBefore = false;
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

    /** Where an article goes in the issue PDF, as a pagination decided it. */
    private record Placement(int index, PageRange range, boolean blankBefore) {
    }

    /** An issue PDF assembled in the background from a pagination that may still change. */
    private record Speculation(List<Placement> placements, boolean provisional, CompletableFuture<byte[]> pdf) {
    }

    private interface Step {
        String run(ArticleOutcome a);
    }

    /** One build: its state, from the plan to the folder moved into place. */
    private final class Build {

        private IssuePlan plan;
        private final IssueOptions options;
        /** Where the build is made; none in a dry run, which writes nothing. */
        private final Optional<Staging> staged;
        private final Interrupt interrupt;
        private final List<Path> inputs;
        private final List<String> replaces;
        private final long start;
        private final List<ArticleOutcome> outcomes = new ArrayList<>();
        private final Map<String, Double> stages = new LinkedHashMap<>();
        /** Set by --fail-fast at the first failure, and by an interrupt: no new article is started. */
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService pool;
        private final ExecutorService issueThread;
        private Optional<Speculation> speculation = Optional.empty();

        Build(IssuePlan plan, IssueOptions options, Optional<Staging> staged, Interrupt interrupt, List<Path> inputs,
              List<String> replaces, long start) {
            this.plan = plan;
            this.options = options;
            this.staged = staged;
            this.interrupt = interrupt;
            this.inputs = inputs;
            this.replaces = replaces;
            this.start = start;
            Set<String> names = new HashSet<>();
            List<String> files = plan.manifest().articles();
            for (int i = 0; i < files.size(); i++) {
                String base = Path.of(files.get(i)).getFileName().toString().replaceFirst("\\.[^.]+$", "");
                String name = base;
                for (int n = 2; !names.add(name); n++) {
                    name = base + "-" + n;
                }
                outcomes.add(new ArticleOutcome(i, files.get(i), name, options.shard().contains(i, files.size())));
            }
            this.pool = Executors.newFixedThreadPool(options.jobs(), daemon("separata-issue"));
            this.issueThread = Executors.newSingleThreadExecutor(daemon("separata-issue-pdf"));
        }

        private Staging staging() {
            return staged.orElseThrow(() -> new IllegalStateException("a dry run writes nothing"));
        }

        IssueResult run() {
            try {
                long mark = world.nanoTime();
                read();
                stages.put("read", (world.nanoTime() - mark) / 1e9);
                if (interrupt.isRaised()) {
                    return interrupted();
                }
                // the journal profiles and logos are known now: none of them may be in the output folder
                List<Path> all = new ArrayList<>(inputs);
                outcomes.forEach(a -> a.prepared.ifPresent(p -> all.addAll(p.inputs())));
                checkOutputs(options, staging().place(), all, replaces);
                plan = issues.settle(plan, outcomes.stream().filter(ArticleOutcome::ok)
                        .map(a -> a.prepared.orElseThrow()).toList());

                mark = world.nanoTime();
                boolean provisional = offprints();
                stages.put("offprints", (world.nanoTime() - mark) / 1e9);
                if (interrupt.isRaised()) {
                    return interrupted();
                }

                long issueStart = world.nanoTime();
                Optional<String> issuePdf = issuePdf(provisional);
                issuePdf.ifPresent(n -> stages.put("issue", (world.nanoTime() - issueStart) / 1e9));
                if (interrupt.isRaised()) {
                    return interrupted();
                }
                return finish(provisional, issuePdf);
            } finally {
                pool.shutdownNow();
                speculation.ifPresent(s -> s.pdf().cancel(true));
                issueThread.shutdownNow();
            }
        }

        /**
         * Prepares every article and counts its pages, in parallel. An article of this run's
         * offprints whose page count the last build's report in the output folder gives is not
         * laid out to be counted: its render at its pages is the count, and when that count was
         * wrong, that layout counts it and it is rendered again. The others (another shard's) are
         * always counted, so that every shard paginates alike. The pages an article's file gives
         * are not taken as a guess: they are often those of another layout or of nothing yet,
         * and a wrong guess costs a layout and keeps the issue PDF from being assembled alongside
         * (measured with IssueBenchmark; see the README's Speed section).
         */
        private void read() {
            PageRange counting = new PageRange(plan.firstPage(), plan.firstPage());
            Map<String, Integer> last = lastCounts();
            progress.start("reading", outcomes.size());
            runAll(outcomes, a -> {
                Prepared p = issues.prepare(plan, a.index);
                refuseWarnings(p.warnings());
                a.prepared = Optional.of(p);
                a.warnings = new ArrayList<>(p.warnings());
                if (a.inShard && last.containsKey(a.file)) {
                    a.pages = last.get(a.file);
                    a.counted = ArticleOutcome.Count.REPORTED;
                    return a.pages + (a.pages == 1 ? " page" : " pages") + " in the last build";
                }
                a.pages = separata.countPages(separata.typeset(issues.place(plan, p, counting)));
                return Words.count(a.pages, "page");
            });
        }

        /**
         * The page count of each article (by its file, as the issue manifest names it) in the report
         * of the last build at this place, if there is one Separata wrote; none when it cannot be read.
         */
        private Map<String, Integer> lastCounts() {
            Map<String, Integer> out = new java.util.HashMap<>();
            if (staged.isEmpty()) {
                return out; // a dry run counts every article
            }
            Path place = staged.get().place();
            Path report = place.resolve(REPORT);
            if (!world.exists(report) || world.outputKind(place).isEmpty()) {
                return out;
            }
            try {
                Object read = Json.read(world.readInput(report, org.separata.env.Limit.MANIFEST_MB), report.toString());
                if (read instanceof Map<?, ?> m && Long.valueOf(Report.FORMAT).equals(m.get("format"))
                        && m.get("articles") instanceof List<?> articles) {
                    for (Object o : articles) {
                        if (o instanceof Map<?, ?> a && a.get("file") instanceof String file
                                && a.get("pages") instanceof Long pages && pages > 0 && pages < Integer.MAX_VALUE) {
                            out.put(file, pages.intValue());
                        }
                    }
                }
            } catch (SeparataException e) {
                out.clear(); // a report that cannot be read gives no guesses; the articles are counted
            }
            return out;
        }

        /**
         * Paginates, renders this shard's offprints at their pages, and again while page counts
         * change or an article fails; returns whether the pages are provisional (an article failed,
         * or the build stopped).
         */
        private boolean offprints() {
            boolean provisional = incomplete();
            for (int round = 0; !stop.get() && !interrupt.isRaised(); round++) {
                paginate(outcomes, plan.firstPage(), plan.rectoStart());
                if (round == 0 && options.shard().isAll() && (!provisional || options.allowPartial())) {
                    speculate(provisional);
                }
                boolean mark = provisional;
                List<ArticleOutcome> due = outcomes.stream().filter(a -> a.ok() && a.inShard)
                        .filter(a -> !a.renderedAt.equals(a.range) || a.renderedProvisional != mark).toList();
                if (due.isEmpty()) {
                    break;
                }
                progress.start("offprints", due.size());
                runAll(due, a -> offprint(a, mark));
                provisional = provisional || incomplete();
            }
            return provisional || incomplete();
        }

        private boolean incomplete() {
            return stop.get() || outcomes.stream().anyMatch(ArticleOutcome::failed);
        }

        /** Renders one offprint at its pages and writes it, unless its page count changed. */
        private String offprint(ArticleOutcome a, boolean provisional) {
            PageRange range = a.range.orElseThrow();
            Prepared placed = issues.place(plan, a.prepared.orElseThrow(), range).provisional(provisional);
            // one layout: it draws the offprint when the article takes the pages it was given,
            // and otherwise counts them
            Separata.Attempt attempt = separata.render(separata.typeset(placed), a.pages);
            boolean guessed = a.counted != ArticleOutcome.Count.MEASURED;
            a.counted = ArticleOutcome.Count.MEASURED;
            if (attempt.rendered().isEmpty()) {
                if (!guessed && ++a.recounts > MAX_RECOUNTS) {
                    throw new SeparataException(ExitCode.INTERNAL, List.of(Diagnostic.error(SourceLocation.of(a.file),
                            "its page count does not settle: " + a.pages + " pages counted, " + attempt.pageCount()
                                    + " rendered at " + range.display(),
                            "this is a bug in Separata or in the layout; please report it with this article")));
                }
                a.pages = attempt.pageCount();
                return (guessed ? "takes " : "page count changed to ") + a.pages + " pages; paginating again";
            }
            Rendered r = attempt.rendered().get();
            Offprint o = separata.finish(r);
            refuseWarnings(o.warnings());
            String file = OFFPRINTS + a.name + (provisional ? PROVISIONAL : "") + ".pdf";
            staging().write(file, o.pdf());
            a.offprint.filter(old -> !old.equals(file)).ifPresent(staging()::delete);
            a.offprint = Optional.of(file);
            a.renderedAt = a.range;
            a.renderedProvisional = provisional;
            a.warnings = new ArrayList<>(o.warnings());
            return range.display();
        }

        private List<Placement> placements() {
            return outcomes.stream().filter(ArticleOutcome::ok)
                    .map(a -> new Placement(a.index, a.range.orElseThrow(), a.blankBefore)).toList();
        }

        private List<IssueEntry> entries(boolean provisional) {
            return outcomes.stream().filter(ArticleOutcome::ok)
                    .map(a -> new IssueEntry(issues.place(plan, a.prepared.orElseThrow(), a.range.orElseThrow())
                            .provisional(provisional), a.blankBefore)).toList();
        }

        /** Starts assembling the issue PDF from this pagination, while the offprints are rendered. */
        private void speculate(boolean provisional) {
            List<Placement> now = placements();
            if (now.isEmpty()) {
                return;
            }
            List<IssueEntry> entries = entries(provisional);
            speculation = Optional.of(new Speculation(now, provisional, CompletableFuture.supplyAsync(
                    () -> issues.assemble(plan, entries, provisional, (item, detail) -> { }), issueThread)));
        }

        /**
         * The issue PDF, unless this is a shard, or the issue is incomplete and that is not allowed:
         * the one assembled alongside the offprints if its pagination held, else made now.
         */
        private Optional<String> issuePdf(boolean provisional) {
            boolean wanted = options.shard().isAll() && (!provisional || options.allowPartial()) && !interrupt.isRaised()
                    && outcomes.stream().anyMatch(ArticleOutcome::ok);
            if (!wanted) {
                return Optional.empty();
            }
            byte[] pdf = null;
            if (speculation.isPresent() && speculation.get().placements().equals(placements())
                    && speculation.get().provisional() == provisional) {
                try {
                    pdf = speculation.get().pdf().join();
                } catch (CompletionException | java.util.concurrent.CancellationException e) {
                    pdf = null; // made again below, where a failure is reported with its context
                }
            }
            if (pdf == null) {
                speculation.ifPresent(s -> s.pdf().cancel(true));
                List<IssueEntry> entries = entries(provisional);
                progress.start("issue", entries.size() + 1);
                try {
                    pdf = issues.assemble(plan, entries, provisional, (item, detail) -> progress.done(item, true, detail));
                } finally {
                    progress.finish();
                }
            }
            String name = "issue" + (provisional ? PROVISIONAL : "") + ".pdf";
            staging().write(name, pdf);
            return Optional.of(name);
        }

        /** Writes the report, then puts the folder in place, or beside it when articles failed. */
        private IssueResult finish(boolean provisional, Optional<String> issuePdf) {
            IssueResult.Status status = !provisional ? IssueResult.Status.COMPLETE
                    : options.allowPartial() ? IssueResult.Status.PROVISIONAL : IssueResult.Status.FAILED;
            outcomes.stream().filter(ArticleOutcome::failed).forEach(a -> a.errors.forEach(stderr));
            double seconds = (world.nanoTime() - start) / 1e9;
            String digest = issues.digest(plan, outcomes.stream().map(a -> a.prepared).toList());
            staging().write(REPORT, Json.write(Report.of(plan, options, status, digest, outcomes, issuePdf, seconds,
                    stages, this::reportPath)));
            Path folder;
            if (status == IssueResult.Status.FAILED) {
                folder = staging().keepFailed();
            } else {
                staging().commit();
                folder = staging().place();
                if (!options.shard().isAll()) {
                    // a merged report no longer tells the truth once a shard is built again
                    world.removeOutput(options.outDir().resolve(REPORT));
                }
            }
            int failed = (int) outcomes.stream().filter(a -> a.inShard && a.failed()).count();
            int pages = outcomes.stream().filter(a -> a.ok() && a.inShard).mapToInt(a -> a.pages).sum();
            return new IssueResult(provisional ? ExitCode.PARTIAL_FAILURE : ExitCode.OK, status,
                    (int) outcomes.stream().filter(a -> a.inShard).count(), failed, pages, folder,
                    issuePdf.map(folder::resolve), Optional.of(folder.resolve(REPORT)),
                    outcomes.stream().filter(a -> a.inShard).flatMap(a -> a.warnings.stream()).toList());
        }

        /**
         * A file named in the report: relative to the report's folder and normalised, with '/'
         * between names; a name that is not a file ("--layout x") as it is.
         */
        private String reportPath(String file) {
            try {
                if (file.isEmpty() || !world.exists(Path.of(file))) {
                    return file;
                }
                Path base = staging().place().toAbsolutePath().normalize();
                Path rel = base.relativize(Path.of(file).toAbsolutePath().normalize());
                return rel.toString().replace(java.io.File.separatorChar, '/');
            } catch (IllegalArgumentException e) {
                return file; // not a path, or on another drive: as it is
            }
        }

        private IssueResult interrupted() {
            staging().discard();
            return new IssueResult(ExitCode.INTERRUPTED, IssueResult.Status.INTERRUPTED, outcomes.size(),
                    (int) outcomes.stream().filter(ArticleOutcome::failed).count(), 0, staging().place(),
                    Optional.empty(), Optional.empty());
        }

        /** With {@code --warnings-as-errors}, an article with warnings fails: its warnings are its errors. */
        private void refuseWarnings(List<Diagnostic> warnings) {
            if (options.warningsAsErrors() && !warnings.isEmpty()) {
                throw SeparataException.invalid(warnings.stream().map(Diagnostic::asError).toList());
            }
        }

        /**
         * A dry run: every article read, checked and counted as the build does it, and the issue
         * paginated; nothing is rendered or written.
         */
        DryRun plan() {
            try {
                read();
                if (interrupt.isRaised()) {
                    return new DryRun(List.of(), true);
                }
                plan = issues.settle(plan, outcomes.stream().filter(ArticleOutcome::ok)
                        .map(a -> a.prepared.orElseThrow()).toList());
                paginate(outcomes, plan.firstPage(), plan.rectoStart());
                List<DryRun.Entry> entries = new ArrayList<>();
                for (ArticleOutcome a : outcomes) {
                    List<Diagnostic> warnings = new ArrayList<>(a.warnings);
                    List<Diagnostic> errors = new ArrayList<>(a.errors);
                    if (a.ok()) {
                        Prepared placed = issues.place(plan, a.prepared.orElseThrow(), a.range.orElseThrow());
                        placed.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
                        if (options.warningsAsErrors() && !warnings.isEmpty()) {
                            warnings.stream().map(Diagnostic::asError).forEach(errors::add);
                            warnings.clear();
                        }
                    }
                    entries.add(new DryRun.Entry(a.file, errors.isEmpty() ? a.range : Optional.empty(),
                            a.blankBefore && errors.isEmpty(), errors.isEmpty() ? a.pages : 0, warnings, errors,
                            !errors.isEmpty() ? "failed" : a.ok() ? "ok" : "stopped"));
                }
                return new DryRun(entries, false);
            } finally {
                pool.shutdownNow();
                issueThread.shutdownNow();
            }
        }

        /**
         * Runs {@code step} on every outcome in the pool and waits for them; failures are recorded
         * per article. An interrupt stops the waiting: the workers are stopped and waited for.
         */
        private void runAll(List<ArticleOutcome> items, Step step) {
            List<Future<?>> futures = new ArrayList<>();
            for (ArticleOutcome a : items) {
                futures.add(pool.submit(() -> runOne(a, step)));
            }
            try {
                for (Future<?> f : futures) {
                    while (!waitFor(f)) {
                        if (interrupt.isRaised()) {
                            break;
                        }
                    }
                    if (interrupt.isRaised()) {
                        // the tasks not started yet return at once; those under way are stopped and waited for
                        stop.set(true);
                        pool.shutdownNow();
                        pool.awaitTermination(30, TimeUnit.SECONDS);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                interrupt.raise();
                stop.set(true);
                pool.shutdownNow();
            } finally {
                progress.finish();
            }
        }

        /** Waits a little for {@code f}; true when it is done. */
        private boolean waitFor(Future<?> f) throws InterruptedException {
            try {
                f.get(100, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        private void runOne(ArticleOutcome a, Step step) {
            if (interrupt.isRaised()) {
                stop.set(true);
            }
            if (stop.get()) {
                return;
            }
            long t0 = world.nanoTime();
            progress.begin(a.file);
            try {
                String detail = step.run(a);
                progress.done(a.file, true, detail);
            } catch (SeparataException e) {
                if (interrupt.isRaised()) {
                    return; // a write refused because the build was stopped is not the article's fault
                }
                a.errors.addAll(e.diagnostics());
                progress.done(a.file, false, e.diagnostics().get(0).message());
                stop.compareAndSet(false, options.failFast());
            } catch (RuntimeException | Error e) {
                // the JVM's own limits (memory, stack) fail this article with a short message, not a trace
                a.errors.add(JvmLimits.diagnostic(e, SourceLocation.of(a.file)).orElseGet(() -> Diagnostic.error(
                        SourceLocation.of(a.file), "internal error: " + e,
                        "this is a bug in Separata; please report it with this article")));
                progress.done(a.file, false, e.toString());
                stop.compareAndSet(false, options.failFast());
            } finally {
                a.seconds += (world.nanoTime() - t0) / 1e9;
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
