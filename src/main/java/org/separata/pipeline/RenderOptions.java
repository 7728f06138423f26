package org.separata.pipeline;

/**
 * How to render one article: the layout pack (a built-in name or a folder), whether to go on
 * when characters are missing from the fonts (they are then left out, with a warning), and
 * whether to print the article's translations (JATS translation sub-articles) after it.
 */
public record RenderOptions(String layout, boolean allowMissingGlyphs, boolean includeTranslations) {

    public static final String DEFAULT_LAYOUT = "classic";

    public RenderOptions(String layout, boolean allowMissingGlyphs) {
        this(layout, allowMissingGlyphs, false);
    }

    public static RenderOptions defaults() {
        return new RenderOptions(DEFAULT_LAYOUT, false, false);
    }

    public RenderOptions withTranslations(boolean include) {
        return new RenderOptions(layout, allowMissingGlyphs, include);
    }
}
