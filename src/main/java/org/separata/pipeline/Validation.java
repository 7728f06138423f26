package org.separata.pipeline;

import java.util.List;
import org.separata.diag.Diagnostic;

/**
 * What {@link Separata#validate} found in an input: every error and warning, each with its file,
 * line, column and field. The input is clean when there is no error.
 */
public record Validation(List<Diagnostic> diagnostics) {

    public Validation {
        diagnostics = List.copyOf(diagnostics);
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
