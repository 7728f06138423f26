package org.separata.read;

import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceIndex;
import org.separata.model.Article;

/**
 * An article as read, the warnings found on the way, where each field came from, and the journal
 * profile that filled in what the article left out (if one was found).
 */
public record ReadResult(Article article, List<Diagnostic> warnings, SourceIndex sources,
                         Optional<JournalProfile> profile) {
    public ReadResult {
        java.util.Objects.requireNonNull(article);
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(sources);
        profile = profile == null ? Optional.empty() : profile;
    }

    /** A result without a journal profile. */
    public ReadResult(Article article, List<Diagnostic> warnings, SourceIndex sources) {
        this(article, warnings, sources, Optional.empty());
    }
}
