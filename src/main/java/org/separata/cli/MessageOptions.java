package org.separata.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import picocli.CommandLine.Option;

/**
 * {@code -q}, {@code -v} and {@code --warnings-as-errors}, shared by the commands that read
 * articles, and the printing of diagnostics by them: errors always; warnings unless quiet; with
 * many warnings, the first few and where the rest are, unless verbose.
 */
final class MessageOptions {

    /** Warnings an issue prints before it says how many more there are and where. */
    static final int WARNINGS_SHOWN = 10;

    @Option(names = {"-q", "--quiet"}, description = "print only errors: no progress, no warnings, no summary")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "print every warning (an issue otherwise prints the first ten and where the rest are); "
                    + "render also says which layout and journal profile each article used, validate of an issue "
                    + "gives a line per article")
    boolean verbose;

    @Option(names = "--warnings-as-errors",
            description = "treat every warning as an error: no PDF is written for an article with warnings, "
                    + "and the command fails (for CI jobs)")
    boolean warningsAsErrors;

    /** Refuses -q with -v. */
    void check() {
        if (quiet && verbose) {
            throw SeparataException.usage(SourceLocation.of("-q"), "-q and -v contradict each other",
                    "give one of them");
        }
    }

    /** Prints errors, and warnings unless quiet: every one (a single article's). */
    void print(List<Diagnostic> diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics) {
            if (d.isError() || !quiet) {
                err.println(d.format());
            }
        }
        err.flush();
    }

    /**
     * Prints warnings unless quiet: the first {@value #WARNINGS_SHOWN}, then how many more there
     * are and where ({@code rest}: the report that lists them), unless verbose (then all).
     */
    void printWarnings(List<Diagnostic> warnings, Optional<String> rest, PrintWriter err) {
        if (quiet) {
            return;
        }
        int shown = verbose || rest.isEmpty() ? warnings.size() : Math.min(WARNINGS_SHOWN, warnings.size());
        for (int i = 0; i < shown; i++) {
            err.println(warnings.get(i).format());
        }
        int more = warnings.size() - shown;
        if (more > 0) {
            err.println("… and " + more + " more warning" + (more == 1 ? "" : "s") + " in " + rest.orElseThrow()
                    + " (-v prints them all)");
        }
        err.flush();
    }

    /**
     * With {@code --warnings-as-errors}, the warnings as errors (each says so); otherwise none.
     */
    List<Diagnostic> promoted(List<Diagnostic> warnings) {
        if (!warningsAsErrors) {
            return List.of();
        }
        return warnings.stream().filter(d -> !d.isError()).map(Diagnostic::asError).toList();
    }
}
