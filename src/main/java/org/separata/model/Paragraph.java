package org.separata.model;

import java.util.Optional;

/**
 * A paragraph of an abstract or of the body. {@code runIn} is a heading set at the start of the
 * paragraph, as in structured abstracts ("Objective.", "Methods.").
 */
public record Paragraph(Optional<RichText> runIn, RichText text) implements Block {
    public Paragraph {
        runIn = runIn == null ? Optional.empty() : runIn;
        java.util.Objects.requireNonNull(text);
    }

    public static Paragraph of(RichText text) {
        return new Paragraph(Optional.empty(), text);
    }
}
