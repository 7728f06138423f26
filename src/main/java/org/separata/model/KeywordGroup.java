package org.separata.model;

import java.util.List;

/** The keywords in one language. */
public record KeywordGroup(String lang, List<RichText> keywords) {
    public KeywordGroup {
        java.util.Objects.requireNonNull(lang);
        keywords = List.copyOf(keywords);
    }
}
