package org.separata.layout;

import java.util.Optional;
import org.separata.diag.SourceLocation;
import org.separata.model.CitationStyle;

/**
 * What a journal profile adds to a layout pack's design: the journal's logo (its bytes, and where
 * the profile names it, for errors) and the style of the generated how-to-cite line.
 */
public record Presentation(Optional<Logo> logo, Optional<CitationStyle> citation) {

    public static final Presentation NONE = new Presentation(Optional.empty(), Optional.empty());

    public Presentation {
        logo = logo == null ? Optional.empty() : logo;
        citation = citation == null ? Optional.empty() : citation;
    }

    /** An image file's bytes and the place that names it. */
    public record Logo(byte[] bytes, String name, SourceLocation where) {
        public Logo {
            java.util.Objects.requireNonNull(bytes);
            java.util.Objects.requireNonNull(name);
            java.util.Objects.requireNonNull(where);
        }
    }
}
