package org.separata.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.Separata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code separata render INPUT -o OUT.pdf}: one offprint. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Typesets one article (YAML/JSON manifest or JATS XML) into a PDF offprint.")
final class RenderCommand implements Callable<Integer> {

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

    @Option(names = "--allow-missing-glyphs",
            description = "render even if the fonts lack some characters (they are left out, with a warning)")
    boolean allowMissingGlyphs;

    RenderCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() {
        long start = separata.world().nanoTime();
        Offprint offprint = separata.render(input, article.toRenderOptions(allowMissingGlyphs));
        Path target = output != null ? output : defaultOutput(input);
        separata.world().writeAtomically(target, offprint.pdf());
        for (Diagnostic d : offprint.warnings()) {
            spec.commandLine().getErr().println(d.format());
        }
        spec.commandLine().getErr().flush();
        double seconds = (separata.world().nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf("wrote %s (%d page%s) in %.2f s%n", target, offprint.pageCount(),
                offprint.pageCount() == 1 ? "" : "s", seconds);
        return ExitCode.OK.code();
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pdf");
    }
}
