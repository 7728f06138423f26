package org.separata.pipeline;

import org.separata.finish.PdfStandard;

/**
 * How to render one article: the layout pack (a built-in name or a folder), whether to go on
 * when characters are missing from the fonts (they are then left out, with a warning), and the
 * standard the PDF claims ({@code --pdfa}: PDF/A-2b unless told otherwise).
 */
public record RenderOptions(String layout, boolean allowMissingGlyphs, PdfStandard standard) {

    public static final String DEFAULT_LAYOUT = "classic";

    public RenderOptions {
        java.util.Objects.requireNonNull(layout);
        java.util.Objects.requireNonNull(standard);
    }

    /** The given layout and glyph policy, as PDF/A-2b. */
    public RenderOptions(String layout, boolean allowMissingGlyphs) {
        this(layout, allowMissingGlyphs, PdfStandard.DEFAULT);
    }

    public static RenderOptions defaults() {
        return new RenderOptions(DEFAULT_LAYOUT, false);
    }

    public RenderOptions withStandard(PdfStandard s) {
        return new RenderOptions(layout, allowMissingGlyphs, s);
    }
}
