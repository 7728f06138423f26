package org.separata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.pipeline.Separata;
import org.separata.pipeline.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code separata validate INPUT}: every problem of a manifest or JATS file, without rendering. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks one article (YAML/JSON manifest or JATS XML) without rendering it: identifiers, "
                + "missing fields, and characters the layout's fonts lack. Every problem is listed with its place.",
                "Exit code 0 when there is no error (warnings may be listed), 3 when there is one."})
final class ValidateCommand implements Callable<Integer> {

    private final Separata separata;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "the article: a .yaml/.json manifest or a JATS .xml file")
    Path input;

    @Mixin
    FontOptions fonts = new FontOptions();

    @Mixin
    ArticleOptions article = new ArticleOptions();

    ValidateCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() {
        Validation v = separata.validate(input, fonts.apply(article.toRenderOptions(false,
                org.separata.finish.PdfStandard.DEFAULT)));
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic d : v.diagnostics()) {
            err.println(d.format());
        }
        err.flush();
        int errors = v.errors().size();
        int warnings = v.warnings().size();
        spec.commandLine().getOut().printf("%s: %s, %d error%s, %d warning%s%n", input, v.isClean() ? "valid" : "invalid",
                errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
        return v.isClean() ? ExitCode.OK.code() : ExitCode.INVALID_INPUT.code();
    }
}
