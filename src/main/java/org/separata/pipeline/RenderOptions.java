package org.separata.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to render one article: the layout pack (a built-in name or a folder; when not given, the
 * journal profile's, else {@value #DEFAULT_LAYOUT}), whether to go on when characters are missing
 * from the fonts (they are then left out, with a warning), and the journal profile to use (when
 * not given, {@code journal.yaml} next to the article, if there is one).
 */
public record RenderOptions(Optional<String> layout, boolean allowMissingGlyphs, Optional<Path> journal) {

    public static final String DEFAULT_LAYOUT = "classic";

    public RenderOptions {
        layout = layout == null ? Optional.empty() : layout;
        journal = journal == null ? Optional.empty() : journal;
    }

    /** A named layout, no journal profile but the one next to the article. */
    public RenderOptions(String layout, boolean allowMissingGlyphs) {
        this(Optional.of(layout), allowMissingGlyphs, Optional.empty());
    }

    public static RenderOptions defaults() {
        return new RenderOptions(Optional.empty(), false, Optional.empty());
    }
}
