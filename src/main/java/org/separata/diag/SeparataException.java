package org.separata.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error type that crosses package boundaries. It carries the diagnostics that explain it
 * and the exit code the command line should end with.
 */
public final class SeparataException extends RuntimeException {

    private final ExitCode exitCode;
    private final List<Diagnostic> diagnostics;

    public SeparataException(ExitCode exitCode, List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.exitCode = exitCode;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public SeparataException(ExitCode exitCode, List<Diagnostic> diagnostics, Throwable cause) {
        super(summary(diagnostics), cause);
        this.exitCode = exitCode;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Invalid input: one error at one place. */
    public static SeparataException invalid(SourceLocation where, String message, String hint) {
        return new SeparataException(ExitCode.INVALID_INPUT, List.of(Diagnostic.error(where, message, hint)));
    }

    /** Invalid input: all the errors found, so the user can fix them in one go. */
    public static SeparataException invalid(List<Diagnostic> diagnostics) {
        return new SeparataException(ExitCode.INVALID_INPUT, diagnostics);
    }

    /** An output that cannot be written where it was asked for: one error at one place. */
    public static SeparataException output(SourceLocation where, String message, String hint) {
        return new SeparataException(ExitCode.OUTPUT, List.of(Diagnostic.error(where, message, hint)));
    }

    /** A command line that cannot be carried out as given: one error at one place. */
    public static SeparataException usage(SourceLocation where, String message, String hint) {
        return new SeparataException(ExitCode.USAGE, List.of(Diagnostic.error(where, message, hint)));
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String summary(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
