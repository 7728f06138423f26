package org.separata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.separata.batch.Interrupt;
import org.separata.batch.IssueBuilder;
import org.separata.batch.IssueOptions;
import org.separata.batch.IssueResult;
import org.separata.batch.Progress;
import org.separata.batch.ReportMerge;
import org.separata.batch.Shard;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.pipeline.Separata;
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
                "Exits 4 when some articles failed: OUTDIR is then left as it was and the build is kept in "
                        + "OUTDIR.failed, unless --allow-partial puts it in OUTDIR with provisional pages.",
                "With --merge-reports OUTDIR, combines the reports of the shards in OUTDIR into OUTDIR/report.json."})
final class IssueCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the build to stop and clean up before the process ends anyway. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private final Separata separata;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ISSUE", description = "the issue manifest (.yaml or .json)")
    Path issue;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR",
            description = "the output folder; replaced as a whole when the build succeeds")
    Path outDir;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = JobsConverter.class, description = "articles rendered at once (default: the number of cores)")
    Integer jobs;

    @Mixin
    ArticleOptions article = new ArticleOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Option(names = "--recto-start", negatable = true,
            description = "start every article on a right-hand page, inserting blank versos (default: the issue's setting)")
    Boolean rectoStart;

    @Option(names = "--allow-partial",
            description = "when some articles fail, put the build in OUTDIR anyway, without them; its pages are "
                    + "provisional, and its file names and report say so")
    boolean allowPartial;

    @Option(names = "--fail-fast", description = "stop at the first article that fails")
    boolean failFast;

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
            description = "how to show progress (default: a bar on a terminal, log lines otherwise)")
    String progressMode;

    IssueCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() {
        if (mergeReports != null) {
            if (issue != null || outDir != null || shard != null) {
                throw SeparataException.usage(SourceLocation.of("--merge-reports"),
                        "merges the shards' reports only; it takes no ISSUE, -o or --shard",
                        "run: separata issue --merge-reports OUTDIR");
            }
            return merge();
        }
        if (issue == null || outDir == null) {
            throw SeparataException.usage(SourceLocation.of("issue"),
                    issue == null ? "the issue manifest is missing" : "the output folder is missing",
                    "run: separata issue ISSUE.yaml -o OUTDIR");
        }
        PrintWriter err = spec.commandLine().getErr();
        String mode = progressMode != null ? progressMode : System.console() != null ? "bar" : "log";
        Progress progress = switch (mode) {
            case "bar" -> Progress.bar(err, separata.world()::nanoTime);
            case "none" -> Progress.NONE;
            default -> Progress.log(err, separata.world()::nanoTime);
        };
        IssueOptions options = new IssueOptions(outDir, jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
                article.toRenderOptions(outputOptions.allowMissingGlyphs, outputOptions.standard(spec.commandLine()))
                        .withTags(outputOptions.tags()),
                Optional.ofNullable(rectoStart), allowPartial, failFast, shard == null ? Shard.ALL : Shard.parse(shard),
                Optional.ofNullable(root));
        Interrupt interrupt = new Interrupt();
        // Ctrl-C: the build stops its workers and removes its staging folder; the process ends
        // (with 130) once it has, and has said so in one line.
        Thread hook = new Thread(() -> {
            interrupt.raise();
            interrupt.awaitSettled(STOP_LIMIT);
        }, "separata-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            IssueResult result = new IssueBuilder(separata, progress, d -> err.println(d.format()))
                    .build(issue, options, interrupt);
            err.flush();
            if (result.status() == IssueResult.Status.INTERRUPTED) {
                err.println("separata: interrupted; " + outDir + " is as it was, and the unfinished build was removed");
                err.flush();
            } else {
                spec.commandLine().getOut().println(summary(result));
                spec.commandLine().getOut().flush();
            }
            return result.exitCode().code();
        } finally {
            interrupt.settled();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the process is ending (Ctrl-C); the hook is running and now returns
            }
        }
    }

    /** One line on what the build made and where it is. */
    private String summary(IssueResult r) {
        String counts = String.format(Locale.ROOT, "%d article%s, %d failed, %d page%s", r.articles(),
                r.articles() == 1 ? "" : "s", r.failed(), r.pages(), r.pages() == 1 ? "" : "s");
        String report = r.report().map(Path::toString).orElse("");
        return switch (r.status()) {
            case COMPLETE -> counts + "; wrote " + r.issuePdf().map(p -> p + " and ").orElse("")
                    + "the offprints in " + r.folder() + "; report " + report;
            case PROVISIONAL -> counts + "; PROVISIONAL pages (--allow-partial): wrote "
                    + r.issuePdf().map(p -> p + " and ").orElse("") + "the offprints, named *.provisional.pdf, in "
                    + r.folder() + "; report " + report;
            case FAILED -> counts + "; " + outDir + " is as it was. This build's files (provisional) and its report "
                    + "are in " + r.folder() + "; report " + report;
            case INTERRUPTED -> counts;
        };
    }

    private int merge() {
        ReportMerge.Result r = new ReportMerge(separata.world()).merge(mergeReports);
        spec.commandLine().getOut().printf(Locale.ROOT, "merged %d shard%s: %d article%s, %d failed, %d page%s; report %s%n",
                r.shards(), r.shards() == 1 ? "" : "s", r.articles(), r.articles() == 1 ? "" : "s", r.failed(),
                r.pages(), r.pages() == 1 ? "" : "s", r.report());
        spec.commandLine().getOut().flush();
        return r.exitCode().code();
    }
}
