package org.separata.pipeline;

import java.util.List;
import org.separata.diag.Diagnostic;

/**
 * What {@link Separata#validate} found in an input: every error and warning, each with its file,
 * line, column and field. The input is clean when there is no error.
 */
public record Validation(List<Diagnostic> diagnostics) {

    public Validation {
        diagnostics = inOrder(diagnostics);
    }

    /**
     * The diagnostics in the order a reader fixes them: the files in the order they first appear,
     * and in each file by line and column (those without a line last, in the order found).
     */
    static List<Diagnostic> inOrder(List<Diagnostic> diagnostics) {
        List<String> files = new java.util.ArrayList<>();
        diagnostics.forEach(d -> {
            if (!files.contains(d.location().file())) {
                files.add(d.location().file());
            }
        });
        return diagnostics.stream().sorted(java.util.Comparator
                .comparingInt((Diagnostic d) -> files.indexOf(d.location().file()))
                .thenComparingInt(d -> d.location().line() > 0 ? d.location().line() : Integer.MAX_VALUE)
                .thenComparingInt(d -> d.location().column())).toList();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    public boolean isClean() {
        return errors().isEmpty();
    }
}
