package org.separata.pipeline;

/**
 * How to render one article: the layout pack (a built-in name or a folder), and whether to go on
 * when characters are missing from the fonts (they are then left out, with a warning).
 */
public record RenderOptions(String layout, boolean allowMissingGlyphs) {

    public static final String DEFAULT_LAYOUT = "classic";

    public static RenderOptions defaults() {
        return new RenderOptions(DEFAULT_LAYOUT, false);
    }
}
