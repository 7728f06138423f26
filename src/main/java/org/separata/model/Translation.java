package org.separata.model;

import java.util.List;
import java.util.Optional;

/**
 * The article in another language, published with it (JATS {@code sub-article
 * article-type="translation"}): its title, abstracts and keywords, and its own text, notes and
 * references. Layouts print translations only when asked to.
 */
public record Translation(String lang, Optional<Doi> doi, Title title, List<Abstract> abstracts,
                          List<KeywordGroup> keywords, List<Section> body, List<Footnote> footnotes,
                          List<Reference> references) {
    public Translation {
        java.util.Objects.requireNonNull(lang);
        doi = doi == null ? Optional.empty() : doi;
        java.util.Objects.requireNonNull(title);
        abstracts = List.copyOf(abstracts);
        keywords = List.copyOf(keywords);
        body = List.copyOf(body);
        footnotes = List.copyOf(footnotes);
        references = List.copyOf(references);
    }
}
