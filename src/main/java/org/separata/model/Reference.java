package org.separata.model;

import java.util.Optional;

/**
 * One entry of the reference list, as published. {@code translation} is the same reference in
 * another language (JATS {@code citation-alternatives}).
 */
public record Reference(Optional<String> id, Optional<String> label, RichText text, Optional<Doi> doi,
                        Optional<String> url, Optional<RichText> translation) {
    public Reference {
        id = id == null ? Optional.empty() : id;
        label = label == null ? Optional.empty() : label;
        java.util.Objects.requireNonNull(text);
        doi = doi == null ? Optional.empty() : doi;
        url = url == null ? Optional.empty() : url;
        translation = translation == null ? Optional.empty() : translation;
    }

    public static Reference of(RichText text) {
        return new Reference(Optional.empty(), Optional.empty(), text, Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
