package org.separata.model;

import java.util.Optional;

/** The article's title in one language, with its subtitle if any. */
public record Title(String lang, RichText title, Optional<RichText> subtitle) {
    public Title {
        java.util.Objects.requireNonNull(lang);
        java.util.Objects.requireNonNull(title);
        subtitle = subtitle == null ? Optional.empty() : subtitle;
    }

    /** "Title: subtitle" as plain text, for bookmarks and metadata. */
    public String full() {
        return title.plain() + subtitle.map(s -> ": " + s.plain()).orElse("");
    }
}
