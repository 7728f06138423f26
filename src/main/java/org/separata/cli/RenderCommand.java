package org.separata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.pipeline.Watch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code separata render INPUT -o OUT.pdf}: one offprint. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Typesets one article (YAML/JSON manifest or JATS XML) into a PDF offprint.")
final class RenderCommand implements Callable<Integer> {

    /** How often --watch looks at the files it depends on. */
    static final Duration POLL = Duration.ofMillis(250);

    private final Separata separata;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "the article: a .yaml/.json manifest or a JATS .xml file")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.pdf",
            description = "where to write the PDF (default: INPUT with .pdf)")
    Path output;

    @Mixin
    ArticleOptions article = new ArticleOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Option(names = "--watch",
            description = "render again whenever the input, the journal profile or the layout changes (Ctrl-C ends)")
    boolean watch;

    RenderCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() {
        RenderOptions options = article.toRenderOptions(outputOptions.allowMissingGlyphs,
                outputOptions.standard(spec.commandLine())).withTags(outputOptions.tags());
        Path target = output != null ? output : defaultOutput(input);
        if (watch) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            new Watch(separata, (files, since) -> separata.world().awaitChange(files, since, POLL)).run(input, target, options,
                    line -> {
                        out.println(line);
                        out.flush();
                    }, d -> {
                        err.println(d.format());
                        err.flush();
                    }, Integer.MAX_VALUE);
            return ExitCode.OK.code();
        }
        long start = separata.world().nanoTime();
        String warmLayout = options.layout().orElse(RenderOptions.DEFAULT_LAYOUT);
        Thread warm = new Thread(() -> separata.warmUp(warmLayout), "separata-warm-up");
        warm.setDaemon(true);
        warm.start();
        Offprint offprint = separata.render(input, options);
        separata.world().writeAtomically(target, offprint.pdf());
        for (Diagnostic d : offprint.warnings()) {
            spec.commandLine().getErr().println(d.format());
        }
        spec.commandLine().getErr().flush();
        double seconds = (separata.world().nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d page%s, %s) in %.2f s%n", target,
                offprint.pageCount(), offprint.pageCount() == 1 ? "" : "s", options.standard().claim(options.tags()),
                seconds);
        return ExitCode.OK.code();
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pdf");
    }
}
