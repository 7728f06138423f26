package org.separata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.Prepared;
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
    FontOptions fonts = new FontOptions();

    @Mixin
    ArticleOptions article = new ArticleOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Option(names = "--first-page", paramLabel = "N",
            description = "number the pages from N, as an issue would: the article's pages become N and those "
                    + "after it, as many as it takes (default: the pages the article gives)")
    Integer firstPage;

    @Option(names = "--watch",
            description = "render again whenever the input, the journal profile or the layout changes (Ctrl-C ends)")
    boolean watch;

    RenderCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() {
        RenderOptions options = fonts.apply(article.toRenderOptions(outputOptions.allowMissingGlyphs,
                outputOptions.standard(spec.commandLine()))).withFirstPage(Optional.ofNullable(firstPage))
                .withTags(outputOptions.tags());
        Path target = output != null ? output : defaultOutput(input);
        // an output that would destroy an input, or cannot be written, is refused before anything renders
        separata.world().checkOutputFile(target, separata.dependencies(input, options));
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
        Prepared prepared = separata.prepare(input, options);
        separata.world().checkOutputFile(target, prepared.inputs());
        Offprint offprint = separata.render(prepared);
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

    /** The kinds of input {@code render} reads, by file name. */
    private static final List<String> INPUT_EXTENSIONS = List.of(".yaml", ".yml", ".json", ".xml", ".jats");

    /**
     * INPUT with {@code .pdf} for its extension. When another article file beside it would have the
     * same default ({@code article.yaml} and {@code article.xml} both make {@code article.pdf}),
     * there is no default: which one wrote {@code article.pdf} could not be told, so {@code -o} must
     * say.
     */
    Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path pdf = input.resolveSibling(stem + ".pdf");
        for (String ext : INPUT_EXTENSIONS) {
            Path sibling = input.resolveSibling(stem + ext);
            if (!sibling.getFileName().toString().equals(name) && separata.world().exists(sibling)) {
                String kind = dot > 0 ? name.substring(dot + 1) : "pdf";
                throw SeparataException.usage(SourceLocation.of(input.toString()),
                        "no default output: " + sibling.getFileName() + " beside it would also be rendered to " + pdf
                                .getFileName(),
                        "name the output with -o, e.g. -o " + input.resolveSibling(stem + "-" + kind + ".pdf"));
            }
        }
        return pdf;
    }
}
