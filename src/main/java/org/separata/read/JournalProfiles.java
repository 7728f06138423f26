package org.separata.read;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceLocation;

/**
 * A journal profile file ({@code journal.yaml}): one or more journals, each keyed by its ISSN, so a
 * publisher may keep all its journals in one file. {@link #select} picks the article's journal.
 */
public record JournalProfiles(String file, List<JournalProfile> journals) {

    public JournalProfiles {
        java.util.Objects.requireNonNull(file);
        journals = List.copyOf(journals);
    }

    /**
     * The journal of an article that gives {@code article}'s journal fields: the one sharing an
     * ISSN with it, else the only one. When that cannot decide, an error (at {@code where}) is
     * added to {@code errors}.
     */
    Optional<JournalProfile> select(JournalParts article, SourceLocation where, List<Diagnostic> errors) {
        List<JournalProfile> matching = journals.stream()
                .filter(p -> article.printIssn().filter(i -> p.key().equals(i) || JournalParts.of(p.journal()).hasIssn(i))
                        .isPresent()
                        || article.onlineIssn().filter(i -> p.key().equals(i) || JournalParts.of(p.journal()).hasIssn(i))
                        .isPresent())
                .toList();
        if (!matching.isEmpty()) {
            return Optional.of(matching.get(0));
        }
        if (journals.size() == 1) {
            return Optional.of(journals.get(0));
        }
        String keys = journals.stream().map(p -> p.key().value() + " (" + p.journal().title() + ")")
                .collect(Collectors.joining(", "));
        errors.add(Diagnostic.error(where, article.hasIssn()
                        ? "none of the journals in " + file + " has the article's ISSN"
                        : "the article does not say which journal of " + file + " it belongs to",
                "the profile holds " + keys + "; give the article's journal.issn-print or journal.issn-online"));
        return Optional.empty();
    }
}
