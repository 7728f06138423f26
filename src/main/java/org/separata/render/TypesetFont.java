package org.separata.render;

import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.ITextFSFont;

/**
 * A font as one style uses it. Flying Saucer resolves a font for each style and keeps it with the
 * style, so this object can carry what Separata decides per style: whether word spaces are set
 * tight, for text that is justified (see {@link ShapedWidths#WORD_SPACE}). Ragged text keeps the
 * font's own word space.
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
}
