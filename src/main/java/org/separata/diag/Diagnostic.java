package org.separata.diag;

import java.util.Optional;

/**
 * One problem found in the input, a layout pack or the environment. It names where (file, line,
 * field path), what, and a hint on how to fix it.
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, Optional<String> hint) {

    public Diagnostic {
        java.util.Objects.requireNonNull(severity);
        java.util.Objects.requireNonNull(location);
        java.util.Objects.requireNonNull(message);
        hint = hint == null ? Optional.empty() : hint;
    }

    public static Diagnostic error(SourceLocation where, String message, String hint) {
        return new Diagnostic(Severity.ERROR, where, message, Optional.ofNullable(hint));
    }

    public static Diagnostic warning(SourceLocation where, String message, String hint) {
        return new Diagnostic(Severity.WARNING, where, message, Optional.ofNullable(hint));
    }

    /**
     * This warning as an error ({@code --warnings-as-errors}): the same place, message and hint,
     * the message saying why it is an error.
     */
    public Diagnostic asError() {
        return isError() ? this : new Diagnostic(Severity.ERROR, location, message + " (a warning; --warnings-as-errors)",
                hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The form printed on the command line:
     * {@code article.yaml:12:5: error: journal.issn-print: ... (hint: ...)}.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(location.position()).append(": ").append(severity.label()).append(": ");
        if (!location.path().isEmpty()) {
            sb.append(location.path()).append(": ");
        }
        sb.append(message);
        hint.ifPresent(h -> sb.append("\n    hint: ").append(h));
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
