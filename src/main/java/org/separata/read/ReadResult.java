package org.separata.read;

import java.util.List;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceIndex;
import org.separata.model.Article;

/** An article as read, the warnings found on the way, and where each field came from. */
public record ReadResult(Article article, List<Diagnostic> warnings, SourceIndex sources) {
    public ReadResult {
        java.util.Objects.requireNonNull(article);
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(sources);
    }
}
