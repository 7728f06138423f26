package org.separata.render;

import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.ITextFSFont;

/**
 * A font as one style uses it. Flying Saucer resolves a font for each style and keeps it with the
 * style, so this object can carry what Separata decides per style: whether word spaces are set
 * tight, for text that is justified (see {@link ShapedWidths#WORD_SPACE}; ragged text keeps the
 * font's own word space), and the style's tracking ({@link Tracking}).
 */
final class TypesetFont extends ITextFSFont {

    private boolean tightSpaces;
    private final int smallCaps;

    TypesetFont(FontDescription font, float size) {
        this(font, size, org.separata.fonts.FontShaper.NO_SMALL_CAPS);
    }

    /** @param smallCaps how letters are set as small capitals ({@link org.separata.fonts.FontShaper#SMALL_CAPS}…) */
    TypesetFont(FontDescription font, float size, int smallCaps) {
        super(font, size);
        this.smallCaps = smallCaps;
    }

    /** How this style sets letters as small capitals: none, the lower-case ones, or all. */
    int smallCaps() {
        return smallCaps;
    }

    boolean tightSpaces() {
        return tightSpaces;
    }

    /** Sets word spaces tight from now on: called before any line of a justified style is broken. */
    void justify() {
        tightSpaces = true;
    }

    /** CSS letter-spacing of this style, in dots (0: none). */
    private float tracking;

    /**
     * Tracks this style's text by {@code dots} a character (its CSS {@code letter-spacing}):
     * called before the style's text is measured ({@link Tracking}).
     */
    void track(float dots) {
        tracking = dots;
    }

    /** The tracking in the face's units (what {@link ShapedWidths} measures and the device draws alike). */
    int trackingUnits(int unitsPerEm) {
        return tracking == 0 ? 0 : Math.round(tracking * unitsPerEm / getSize2D());
    }
}
