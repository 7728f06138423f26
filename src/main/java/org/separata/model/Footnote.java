package org.separata.model;

import java.util.List;
import java.util.Optional;

/** A note, printed as an endnote in the offprint. */
public record Footnote(Optional<String> id, Optional<String> label, List<Paragraph> paragraphs) {
    public Footnote {
        id = id == null ? Optional.empty() : id;
        label = label == null ? Optional.empty() : label;
        paragraphs = List.copyOf(paragraphs);
    }
}
