package org.separata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.Words;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.Prepared;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.pipeline.Watch;
import org.separata.read.InputKind;
import org.separata.read.InputReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code separata render INPUT… [-o OUT.pdf | -o OUTDIR/ | -o -]}: offprints. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Typesets articles (YAML/JSON manifests or JATS XML) into PDF offprints, one per INPUT, in one "
                + "process. '-' reads an article from standard input.",
                "Exit codes: 0 written; 2 a wrong command line, or an output that names an input; 3 invalid input "
                        + "(nothing written for it); 5 the output cannot be written. With several INPUTs, each is "
                        + "rendered; the code is the first failure's."})
final class RenderCommand implements Callable<Integer> {

    /** How often --watch looks at the files it depends on. */
    static final Duration POLL = Duration.ofMillis(250);

    /** The command line's name for standard input and standard output. */
    static final String DASH = "-";

    private final Separata separata;
    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "1..*", paramLabel = "INPUT",
            description = "an article: a .yaml/.json manifest or a JATS .xml file; '-' reads one from standard input")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "where to write: a PDF file; a folder, ending in '/', to write each INPUT's PDF into, named "
                    + "after it (with several INPUTs, a folder that exists needs no '/'); or '-' for standard output "
                    + "(default: each INPUT with .pdf beside it)")
    String output;

    @Mixin
    FontOptions fonts = new FontOptions();

    @Mixin
    ArticleOptions article = new ArticleOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Mixin
    MessageOptions messages = new MessageOptions();

    @Option(names = "--first-page", paramLabel = "N", converter = OptionValues.Page.class,
            description = "number the pages from N, as an issue would: the article's pages become N and those "
                    + "after it, as many as it takes (default: the pages the article gives)")
    Integer firstPage;

    @Option(names = "--watch",
            description = "render again whenever the input, the journal profile or the layout changes (Ctrl-C ends)")
    boolean watch;

    RenderCommand(Separata separata, Terminal terminal) {
        this.separata = separata;
        this.terminal = terminal;
    }

    /** One article to render and where its PDF goes ({@code -}: standard output). */
    private record Job(Path input, Path target) {
        boolean fromStdin() {
            return input.toString().equals(DASH);
        }

        boolean toStdout() {
            return target.toString().equals(DASH);
        }
    }

    @Override
    public Integer call() {
        messages.check();
        article.checkLayout(separata);
        RenderOptions options = fonts.apply(article.toRenderOptions(outputOptions.allowMissingGlyphs,
                outputOptions.standard(spec.commandLine()))).withFirstPage(Optional.ofNullable(firstPage))
                .withTags(outputOptions.tags());
        List<Job> jobs = jobs();
        for (Job j : jobs) {
            // an output that would destroy an input, or cannot be written, is refused before anything renders
            if (!j.toStdout()) {
                separata.world().checkOutputFile(j.target(), j.fromStdin()
                        ? options.journal().map(List::of).orElse(List.of()) : separata.dependencies(j.input(), options));
            }
        }
        if (watch) {
            return watch(jobs.get(0), options);
        }
        // the layout, fonts and renderer were started on before the command line was parsed (StartUp)
        Optional<ExitCode> failure = Optional.empty();
        int written = 0;
        for (Job j : jobs) {
            try {
                render(j, options, jobs.size() > 1);
                written++;
            } catch (SeparataException e) {
                messages.print(e.diagnostics(), terminal.err);
                failure = failure.or(() -> Optional.of(e.exitCode()));
            }
        }
        if (jobs.size() > 1 && !messages.quiet) {
            summary().printf(Locale.ROOT, "rendered %d of %s in %.2f s%s%n", written, Words.count(jobs.size(), "article"),
                    terminal.seconds(separata.world()),
                    written < jobs.size() ? "; " + (jobs.size() - written) + " failed" : "");
            summary().flush();
        }
        return failure.map(ExitCode::code).orElse(ExitCode.OK.code());
    }

    /** Renders one article and writes it; its warnings are printed, and a line says what was written. */
    private void render(Job j, RenderOptions options, boolean several) {
        long start = separata.world().nanoTime();
        Prepared prepared;
        try {
            prepared = j.fromStdin()
                    ? separata.prepare(separata.world().readInput(terminal.stdin, InputReader.STDIN), InputReader.STDIN,
                    options)
                    : separata.prepare(j.input(), options);
        } catch (SeparataException e) {
            throw mixedUp(j.input(), e);
        }
        refuseWarnings(prepared.warnings());
        if (!j.toStdout()) {
            separata.world().checkOutputFile(j.target(), prepared.inputs());
        }
        if (messages.verbose) {
            terminal.err.println(j.input() + ": layout " + prepared.layout().describe()
                    + separata.journalProfile(j.input(), options.journal()).map(p -> ", journal profile " + p)
                    .filter(x -> !j.fromStdin()).orElse(""));
        }
        Offprint offprint = separata.render(prepared);
        refuseWarnings(offprint.warnings());
        if (j.toStdout()) {
            try {
                terminal.stdout.write(offprint.pdf());
                terminal.stdout.flush();
            } catch (IOException e) {
                throw SeparataException.output(SourceLocation.of("standard output"), "cannot be written: "
                        + e.getMessage(), "check what standard output is piped or redirected to");
            }
        } else {
            separata.world().writeAtomically(j.target(), offprint.pdf());
        }
        messages.print(offprint.warnings(), terminal.err);
        if (!messages.quiet) {
            String what = String.format(Locale.ROOT, "wrote %s (%s, %s)", j.toStdout() ? "the PDF to standard output"
                    : j.target(), Words.count(offprint.pageCount(), "page"), options.standard().claim(options.tags()));
            if (several) {
                summary().printf(Locale.ROOT, "%s in %.2f s%n", what, (separata.world().nanoTime() - start) / 1e9);
            } else {
                // the whole run: the JVM's start, reading the command line and the fonts included
                summary().printf(Locale.ROOT, "%s in %.2f s%n", what, terminal.seconds(separata.world()));
            }
            summary().flush();
        }
    }

    /** With {@code --warnings-as-errors}, warnings stop the article: no PDF is written for it. */
    private void refuseWarnings(List<Diagnostic> warnings) {
        List<Diagnostic> promoted = messages.promoted(warnings);
        if (!promoted.isEmpty()) {
            throw SeparataException.invalid(promoted);
        }
    }

    /** An issue manifest or journal profile given as an article is named as what it is. */
    private SeparataException mixedUp(Path input, SeparataException e) {
        if (e.exitCode() != ExitCode.INVALID_INPUT || input.toString().equals(DASH)) {
            return e;
        }
        InputKind kind = separata.kindOf(input);
        if (kind == InputKind.ISSUE) {
            return SeparataException.usage(SourceLocation.of(input.toString()),
                    "this is an issue manifest, not an article", "use: separata issue " + input + " -o OUTDIR");
        }
        if (kind == InputKind.JOURNAL_PROFILE) {
            return SeparataException.usage(SourceLocation.of(input.toString()),
                    "this is a journal profile, not an article",
                    "render an article of the journal; the profile next to it is used, or name it with --journal "
                            + input);
        }
        return e;
    }

    /** Messages about what was written: standard output, unless the PDF goes there. */
    private PrintWriter summary() {
        return DASH.equals(output) ? terminal.err : terminal.out;
    }

    /** The inputs and their outputs, checked against each other. */
    private List<Job> jobs() {
        long stdin = inputs.stream().filter(p -> p.toString().equals(DASH)).count();
        if (stdin > 1) {
            throw SeparataException.usage(SourceLocation.of(DASH), "standard input can be read once",
                    "give '-' as one INPUT only");
        }
        if (watch && (inputs.size() > 1 || stdin > 0)) {
            throw SeparataException.usage(SourceLocation.of("--watch"), "--watch renders one article file",
                    "give one INPUT file, not '-'; run one watch per article");
        }
        // a folder to write into: named so ("out/"), or an existing one given several INPUTs; one INPUT
        // with an existing folder and no '/' is refused as "is a folder" (a file was meant)
        boolean folder = output != null && !output.equals(DASH) && (output.endsWith("/")
                || output.endsWith(java.io.File.separator) || inputs.size() > 1 && separata.world().isFolder(Path.of(output)));
        if (DASH.equals(output) && (inputs.size() > 1 || watch)) {
            throw SeparataException.usage(SourceLocation.of("-o -"), "standard output holds one PDF",
                    "give one INPUT with -o -, or write several into a folder: -o OUTDIR/");
        }
        if (inputs.size() > 1 && output != null && !folder) {
            throw SeparataException.usage(SourceLocation.of("-o " + output), "several INPUTs need a folder to write into",
                    "end the folder's name with '/': -o " + output + "/");
        }
        List<Job> jobs = new ArrayList<>();
        Map<Path, Path> byTarget = new HashMap<>();
        for (Path in : inputs) {
            boolean fromStdin = in.toString().equals(DASH);
            Path target;
            if (output == null) {
                if (fromStdin) {
                    throw SeparataException.usage(SourceLocation.of(DASH), "an article from standard input has no "
                            + "file name to name its PDF after", "name the output: -o article.pdf, or -o - for "
                            + "standard output");
                }
                target = defaultOutput(in);
            } else if (DASH.equals(output)) {
                target = Path.of(DASH);
            } else if (folder) {
                if (fromStdin) {
                    throw SeparataException.usage(SourceLocation.of(DASH), "an article from standard input has no "
                            + "file name to name its PDF after", "name the output file: -o " + Path.of(output)
                            .resolve("article.pdf"));
                }
                target = Path.of(output).resolve(stem(in) + ".pdf");
            } else {
                target = Path.of(output);
            }
            Path before = byTarget.putIfAbsent(target.toAbsolutePath().normalize(), in);
            if (before != null) {
                throw SeparataException.usage(SourceLocation.of(in.toString()), "would be written to " + target
                        + ", as " + before + " would", "give the articles different file names, or render them "
                        + "into different folders");
            }
            jobs.add(new Job(in, target));
        }
        if (folder) {
            separata.world().makeFolder(Path.of(output));
        }
        return jobs;
    }

    private int watch(Job j, RenderOptions options) {
        PrintWriter out = terminal.out;
        PrintWriter err = terminal.err;
        new Watch(separata, (files, since) -> separata.world().awaitChange(files, since, POLL)).run(j.input(),
                j.target(), options, line -> {
                    if (!messages.quiet) {
                        out.println(line);
                        out.flush();
                    }
                }, d -> {
                    if (d.isError() || !messages.quiet) {
                        err.println(d.format());
                        err.flush();
                    }
                }, Integer.MAX_VALUE);
        return ExitCode.OK.code();
    }

    /** The kinds of input {@code render} reads, by file name. */
    private static final List<String> INPUT_EXTENSIONS = List.of(".yaml", ".yml", ".json", ".xml", ".jats");

    private static String stem(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * INPUT with {@code .pdf} for its extension. When another article file beside it would have the
     * same default ({@code article.yaml} and {@code article.xml} both make {@code article.pdf}),
     * there is no default: which one wrote {@code article.pdf} could not be told, so {@code -o} must
     * say.
     */
    Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = stem(input);
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
