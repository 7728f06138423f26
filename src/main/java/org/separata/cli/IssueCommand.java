package org.separata.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.separata.batch.IssueBuilder;
import org.separata.batch.IssueOptions;
import org.separata.batch.IssueResult;
import org.separata.batch.Progress;
import org.separata.batch.Shard;
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
                + "issue) and OUTDIR/report.json.",
                "Exits 4 when some articles failed; issue.pdf is then not written unless --allow-partial."})
final class IssueCommand implements Callable<Integer> {

    private final Separata separata;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ISSUE", description = "the issue manifest (.yaml or .json)")
    Path issue;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", required = true, description = "the output folder")
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

    @Option(names = "--allow-partial", description = "write issue.pdf even if some articles failed (they are left out)")
    boolean allowPartial;

    @Option(names = "--fail-fast", description = "stop at the first article that fails")
    boolean failFast;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "render only the K-th of N equal slices of the offprints (no issue.pdf), e.g. 3/8")
    String shard;


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
        var err = spec.commandLine().getErr();
        String mode = progressMode != null ? progressMode : System.console() != null ? "bar" : "log";
        Progress progress = switch (mode) {
            case "bar" -> Progress.bar(err, separata.world()::nanoTime);
            case "none" -> Progress.NONE;
            default -> Progress.log(err, separata.world()::nanoTime);
        };
        IssueOptions options = new IssueOptions(outDir, jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
                article.layout(), Optional.ofNullable(rectoStart), allowPartial, failFast,
                shard == null ? Shard.ALL : Shard.parse(shard), outputOptions.allowMissingGlyphs,
                outputOptions.standard, article.includeTranslations, Optional.ofNullable(root));
        IssueResult result = new IssueBuilder(separata, progress, d -> err.println(d.format())).build(issue, options);
        err.flush();
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%d article%s, %d failed, %d pages; %s; report %s%n", result.articles(),
                result.articles() == 1 ? "" : "s", result.failed(), result.pages(),
                result.issuePdf().map(p -> "wrote " + p).orElse("no issue.pdf"), result.report());
        return result.exitCode().code();
    }
}
