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

    TypesetFont(FontDescription font, float size) {
        super(font, size);
    }

    boolean tightSpaces() {
        return tightSpaces;
    }

    /** Sets word spaces tight from now on: called before any line of a justified style is broken. */
    void justify() {
        tightSpaces = true;
    }
}
