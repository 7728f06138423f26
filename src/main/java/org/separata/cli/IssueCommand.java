package org.separata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.separata.batch.DryRun;
import org.separata.batch.Interrupt;
import org.separata.batch.IssueBuilder;
import org.separata.batch.IssueOptions;
import org.separata.batch.IssueResult;
import org.separata.batch.Progress;
import org.separata.batch.ReportMerge;
import org.separata.batch.Shard;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.Words;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.read.InputKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code separata issue ISSUE.yaml -o OUTDIR}: the issue PDF, every offprint and a report. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Assembles a journal issue: OUTDIR/issue.pdf (cover, contents, every article with "
                + "continuous page numbers), OUTDIR/offprints/<name>.pdf (one per article, paginated as in the "
                + "issue) and OUTDIR/report.json. The build is made beside OUTDIR and replaces it only when every "
                + "article succeeded.",
                "With --dry-run, reads, checks and paginates the issue and prints the page ranges; nothing is written.",
                "With --merge-reports OUTDIR, combines the reports of the shards in OUTDIR into OUTDIR/report.json.",
                "Exit codes: 0 built; 2 a wrong command line (or OUTDIR holds an input); 3 the issue manifest is "
                        + "invalid; 4 some articles failed (OUTDIR is then left as it was and the build is kept in "
                        + "OUTDIR.failed, unless --allow-partial puts it in OUTDIR with provisional pages); 5 OUTDIR "
                        + "cannot be written; 130 interrupted."})
final class IssueCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the build to stop and clean up before the process ends anyway. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Separata separata;
    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ISSUE", description = "the issue manifest (.yaml or .json)")
    Path issue;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR",
            description = "the output folder; replaced as a whole when the build succeeds")
    Path outDir;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = OptionValues.Jobs.class,
            description = "articles rendered at once, 1 to " + OptionValues.MAX_JOBS + " (default: the number of cores)")
    Integer jobs;

    @Mixin
    ArticleOptions article = new ArticleOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Mixin
    MessageOptions messages = new MessageOptions();

    @Option(names = "--recto-start", negatable = true,
            description = "start every article on a right-hand page, inserting blank versos (default: the issue's setting)")
    Boolean rectoStart;

    @Option(names = "--allow-partial",
            description = "when some articles fail, put the build in OUTDIR anyway, without them; its pages are "
                    + "provisional, and its file names and report say so")
    boolean allowPartial;

    @Option(names = "--fail-fast", description = "stop at the first article that fails: no other article is read")
    boolean failFast;

    @Option(names = "--dry-run",
            description = "read, check and paginate the issue, and print the page ranges; render and write nothing "
                    + "(-o is not needed)")
    boolean dryRun;

    @Option(names = "--watch",
            description = "build, then build again whenever the issue manifest, an article, a journal profile, the "
                    + "cover or a layout folder changes (Ctrl-C ends)")
    boolean watch;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "render only the K-th of N equal slices of the offprints (no issue PDF) into OUTDIR/shard-K-of-N")
    String shard;

    @Option(names = "--merge-reports", paramLabel = "OUTDIR",
            description = "combine the reports of the shards built into OUTDIR into OUTDIR/report.json")
    Path mergeReports;

    @Option(names = "--root", paramLabel = "DIR",
            description = "the folder every file the issue manifest names must lie in (articles, cover, a layout "
                    + "folder); default: the issue file's folder")
    Path root;

    @Option(names = "--progress", paramLabel = "bar|log|none",
            description = "how to show progress: ${COMPLETION-CANDIDATES} (default: a bar when standard error is a "
                    + "terminal, log lines otherwise)")
    OptionValues.ProgressMode progressMode;

    IssueCommand(Separata separata, Terminal terminal) {
        this.separata = separata;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        messages.check();
        if (mergeReports != null) {
            if (issue != null || outDir != null || shard != null || root != null || dryRun || watch) {
                throw SeparataException.usage(SourceLocation.of("--merge-reports"),
                        "merges the shards' reports only; it takes no ISSUE, -o, --shard, --root, --dry-run or --watch",
                        "run: separata issue --merge-reports OUTDIR");
            }
            return merge();
        }
        if (issue == null || (outDir == null && !dryRun)) {
            throw SeparataException.usage(SourceLocation.of("issue"),
                    issue == null ? "the issue manifest is missing" : "the output folder is missing",
                    "run: separata issue ISSUE.yaml -o OUTDIR (or --dry-run to only paginate)");
        }
        if (dryRun && watch) {
            throw SeparataException.usage(SourceLocation.of("--dry-run"), "--dry-run and --watch do not go together",
                    "give one of them");
        }
        article.checkLayout(separata);
        IssueOptions options = new IssueOptions(outDir != null ? outDir : Path.of("."),
                jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
                article.toRenderOptions(outputOptions.allowMissingGlyphs, outputOptions.standard(spec.commandLine()))
                        .withTags(outputOptions.tags()),
                Optional.ofNullable(rectoStart), allowPartial, failFast, shard == null ? Shard.ALL : Shard.parse(shard),
                Optional.ofNullable(root), messages.warningsAsErrors);
        Interrupt interrupt = new Interrupt();
        // Ctrl-C: the build stops its workers and removes its staging folder; the process ends
        // (with 130) once it has, and has said so in one line.
        Thread hook = new Thread(() -> {
            interrupt.raise();
            interrupt.awaitSettled(STOP_LIMIT);
        }, "separata-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (dryRun) {
                return dryRun(options, interrupt);
            }
            if (watch) {
                return watch(options, interrupt);
            }
            return build(options, interrupt, "");
        } finally {
            interrupt.settled();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the process is ending (Ctrl-C); the hook is running and now returns
            }
        }
    }

    /** One build; its summary line starts with {@code prefix} (a watch's time). */
    private int build(IssueOptions options, Interrupt interrupt, String prefix) {
        PrintWriter err = terminal.err;
        IssueResult result;
        try {
            result = new IssueBuilder(separata, progress(), d -> err.println(d.format())).build(issue, options, interrupt);
        } catch (SeparataException e) {
            throw mixedUp(e);
        }
        err.flush();
        if (result.status() == IssueResult.Status.INTERRUPTED) {
            err.println("separata: interrupted; " + outDir + " is as it was, and the unfinished build was removed");
            err.flush();
        } else {
            messages.printWarnings(result.warnings(), result.report().map(Path::toString), err);
            if (!messages.quiet) {
                terminal.out.println(prefix + summary(result));
                terminal.out.flush();
            }
        }
        return result.exitCode().code();
    }

    /** An article given as an issue is named as what it is. */
    private SeparataException mixedUp(SeparataException e) {
        if (e.exitCode() != ExitCode.INVALID_INPUT) {
            return e;
        }
        InputKind kind = separata.kindOf(issue);
        if (kind == InputKind.ARTICLE) {
            return SeparataException.usage(SourceLocation.of(issue.toString()),
                    "this is an article, not an issue manifest; use render",
                    "run: separata render " + issue + (outDir == null ? "" : " -o " + outDir.resolve("offprint.pdf"))
                            + "; an issue manifest lists its articles under articles:");
        }
        if (kind == InputKind.JOURNAL_PROFILE) {
            return SeparataException.usage(SourceLocation.of(issue.toString()),
                    "this is a journal profile, not an issue manifest",
                    "an issue manifest names the journal, volume, number, first-page and its articles; see the README");
        }
        return e;
    }

    private Progress progress() {
        if (messages.quiet) {
            return Progress.NONE;
        }
        OptionValues.ProgressMode mode = progressMode != null ? progressMode
                : terminal.stderrIsTerminal ? OptionValues.ProgressMode.bar : OptionValues.ProgressMode.log;
        return switch (mode) {
            case bar -> Progress.bar(terminal.err, separata.world()::nanoTime);
            case none -> Progress.NONE;
            case log -> Progress.log(terminal.err, separata.world()::nanoTime);
        };
    }

    /** One line on what the build made and where it is. */
    private String summary(IssueResult r) {
        String counts = String.format(Locale.ROOT, "%s, %d failed, %s", Words.count(r.articles(), "article"), r.failed(),
                Words.count(r.pages(), "page"));
        String report = r.report().map(Path::toString).orElse("");
        String time = String.format(Locale.ROOT, " in %.1f s", terminal.seconds(separata.world()));
        return switch (r.status()) {
            case COMPLETE -> counts + "; wrote " + r.issuePdf().map(p -> p + " and ").orElse("")
                    + "the offprints in " + r.folder() + time + "; report " + report;
            case PROVISIONAL -> counts + "; PROVISIONAL pages (--allow-partial): wrote "
                    + r.issuePdf().map(p -> p + " and ").orElse("") + "the offprints, named *.provisional.pdf, in "
                    + r.folder() + time + "; report " + report;
            case FAILED -> counts + "; " + outDir + " is as it was. This build's files (provisional) and its report "
                    + "are in " + r.folder() + "; report " + report;
            case INTERRUPTED -> counts;
        };
    }

    /** Reads, checks and paginates; prints each article's planned pages. */
    private int dryRun(IssueOptions options, Interrupt interrupt) {
        DryRun plan;
        try {
            plan = new IssueBuilder(separata, progress(), d -> { }).dryRun(issue, options, interrupt);
        } catch (SeparataException e) {
            throw mixedUp(e);
        }
        PrintWriter out = terminal.out;
        PrintWriter err = terminal.err;
        for (DryRun.Entry a : plan.articles()) {
            messages.print(a.errors(), err);
        }
        messages.printWarnings(plan.articles().stream().flatMap(a -> a.warnings().stream()).toList(), Optional.empty(),
                err);
        if (plan.interrupted()) {
            err.println("separata: interrupted; nothing was written");
            err.flush();
            return plan.exitCode().code();
        }
        if (!messages.quiet) {
            int width = plan.articles().stream().mapToInt(a -> a.range().map(r -> r.display().length()).orElse(0))
                    .max().orElse(0);
            for (DryRun.Entry a : plan.articles()) {
                if (a.blankBefore()) {
                    out.printf(Locale.ROOT, "%-" + width + "s  (blank left-hand page)%n",
                            a.range().map(r -> String.valueOf(r.first() - 1)).orElse(""));
                }
                String pages = a.range().map(r -> r.display()).orElse(a.status().equals("failed") ? "FAILED" : "—");
                out.printf(Locale.ROOT, "%-" + width + "s  %s%s%n", pages, a.file(), a.status().equals("ok")
                        ? " (" + Words.count(a.pages(), "page") + ")" : a.status().equals("stopped") ? " (not read: "
                        + "--fail-fast)" : "");
            }
            out.printf(Locale.ROOT, "dry run: %s, %d failed, %s; nothing was written%n",
                    Words.count(plan.articles().size(), "article"), plan.failed(), Words.count(plan.pages(), "page"));
            out.flush();
        }
        return plan.exitCode().code();
    }

    /**
     * Builds, then builds again whenever a file the issue depends on changes, until Ctrl-C. A build
     * that fails says so and the watch goes on.
     */
    private int watch(IssueOptions options, Interrupt interrupt) {
        RenderOptions render = options.render();
        String cause = "";
        while (true) {
            List<Path> files = separata.issues().dependencies(issue, render, options.root());
            Map<Path, String> before = separata.world().stamp(files);
            String prefix = separata.world().now().format(TIME) + "  " + cause;
            try {
                build(options, interrupt, prefix);
            } catch (SeparataException e) {
                messages.print(e.diagnostics(), terminal.err);
                terminal.out.println(prefix + "not built: " + Words.count(e.diagnostics().stream()
                        .filter(Diagnostic::isError).count(), "error") + "; watching for changes");
                terminal.out.flush();
            }
            if (interrupt.isRaised()) {
                return ExitCode.INTERRUPTED.code();
            }
            Optional<List<Path>> changed = awaitChange(files, before, interrupt);
            if (changed.isEmpty()) {
                return ExitCode.INTERRUPTED.code();
            }
            cause = String.join(", ", changed.get().stream().map(p -> p.getFileName().toString()).toList())
                    + " changed; ";
        }
    }

    /** Waits until some of {@code files} differ from {@code before} and returns them; empty when interrupted first. */
    private Optional<List<Path>> awaitChange(List<Path> files, Map<Path, String> before, Interrupt interrupt) {
        while (!interrupt.isRaised()) {
            try {
                Thread.sleep(RenderCommand.POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            Map<Path, String> now = separata.world().stamp(files);
            List<Path> changed = files.stream().filter(f -> !java.util.Objects.equals(now.get(f), before.get(f))).toList();
            if (!changed.isEmpty()) {
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    private int merge() {
        ReportMerge.Result r = new ReportMerge(separata.world()).merge(mergeReports);
        if (!messages.quiet) {
            terminal.out.printf(Locale.ROOT, "merged %s: %s, %d failed, %s; report %s%n", Words.count(r.shards(), "shard"),
                    Words.count(r.articles(), "article"), r.failed(), Words.count(r.pages(), "page"), r.report());
            terminal.out.flush();
        }
        return r.exitCode().code();
    }
}
