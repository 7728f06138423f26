package org.separata.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.Words;
import org.separata.finish.PdfStandard;
import org.separata.pipeline.Issues;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.pipeline.Validation;
import org.separata.read.InputKind;
import org.separata.read.InputReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code separata validate INPUT…}: every problem of articles or an issue, without rendering. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks articles (YAML/JSON manifests or JATS XML) without rendering them: the schema, "
                + "identifiers, dates and pages, cross references, and characters the layout's fonts lack. Every "
                + "problem is listed with its place, all in one run. An issue manifest is checked with every "
                + "article in it. '-' reads an article from standard input.",
                "Exit code 0 when there is no error (warnings may be listed), 3 when there is one."})
final class ValidateCommand implements Callable<Integer> {

    private final Separata separata;
    private final Terminal terminal;

    @Parameters(index = "0", arity = "1..*", paramLabel = "INPUT",
            description = "an article (.yaml/.json manifest, JATS .xml) or an issue manifest; '-' reads an article "
                    + "from standard input")
    List<Path> inputs;

    @Mixin
    FontOptions fonts = new FontOptions();

    @Mixin
    ArticleOptions article = new ArticleOptions();

    @Mixin
    MessageOptions messages = new MessageOptions();

    @Option(names = "--root", paramLabel = "DIR",
            description = "for an issue manifest: the folder every file it names must lie in (articles, cover, a "
                    + "layout folder), as for 'separata issue'; default: the issue file's folder")
    Path root;

    ValidateCommand(Separata separata, Terminal terminal) {
        this.separata = separata;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        messages.check();
        article.checkLayout(separata);
        if (inputs.stream().filter(p -> p.toString().equals(RenderCommand.DASH)).count() > 1) {
            throw org.separata.diag.SeparataException.usage(org.separata.diag.SourceLocation.of(RenderCommand.DASH),
                    "standard input can be read once", "give '-' as one INPUT only");
        }
        RenderOptions options = fonts.apply(article.toRenderOptions(false, PdfStandard.DEFAULT));
        boolean clean = true;
        for (Path input : inputs) {
            clean &= input.toString().equals(RenderCommand.DASH) ? article(InputReader.STDIN,
                    separata.validate(separata.world().readInput(terminal.stdin, InputReader.STDIN),
                            InputReader.STDIN, options))
                    : separata.kindOf(input) == InputKind.ISSUE ? issue(input, options)
                    : article(input.toString(), separata.validate(input, options));
        }
        return clean ? ExitCode.OK.code() : ExitCode.INVALID_INPUT.code();
    }

    /** Prints what checking one article found, and a line saying whether it is valid. */
    private boolean article(String name, Validation found) {
        Validation v = promote(found);
        messages.print(v.diagnostics(), terminal.err);
        summary(name, v.errors().size(), v.warnings().size(), "");
        return v.isClean();
    }

    /** Prints what checking an issue found: the manifest's problems, then each article's. */
    private boolean issue(Path input, RenderOptions options) {
        Issues.IssueValidation found = separata.issues().validate(input, options, Optional.ofNullable(root));
        int errors = 0;
        int warnings = 0;
        Validation manifest = promote(found.manifest());
        messages.print(manifest.diagnostics(), terminal.err);
        errors += manifest.errors().size();
        warnings += manifest.warnings().size();
        for (Map.Entry<String, Validation> a : found.articles()) {
            Validation v = promote(a.getValue());
            messages.print(v.diagnostics(), terminal.err);
            if (messages.verbose) {
                summary("  " + a.getKey(), v.errors().size(), v.warnings().size(), "");
            }
            errors += v.errors().size();
            warnings += v.warnings().size();
        }
        summary(input.toString(), errors, warnings, found.articles().isEmpty() ? ""
                : " in the issue manifest and its " + Words.count(found.articles().size(), "article"));
        return errors == 0;
    }

    /** With {@code --warnings-as-errors}, the warnings become errors. */
    private Validation promote(Validation v) {
        return messages.warningsAsErrors ? new Validation(v.diagnostics().stream().map(Diagnostic::asError).toList())
                : v;
    }

    private void summary(String name, int errors, int warnings, String where) {
        if (messages.quiet) {
            return;
        }
        terminal.out.printf("%s: %s, %s, %s%s%n", name, errors == 0 ? "valid" : "invalid", Words.count(errors, "error"),
                Words.count(warnings, "warning"), where);
        terminal.out.flush();
    }
}
