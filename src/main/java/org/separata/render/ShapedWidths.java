package org.separata.render;

import com.lowagie.text.pdf.BaseFont;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.fonts.FontShaper;
import org.xhtmlrenderer.extend.FontContext;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextTextRenderer;

/**
 * Flying Saucer's text measurer, made to agree with what {@link TypesetOutputDevice} draws: widths
 * include kerning and ligatures, and a style's tracking ({@link Tracking}); soft hyphens and other invisible characters take no room, except
 * a soft hyphen that ends the measured text (a line that breaks there), which counts as the hyphen
 * drawn in its place. Marks at the end of a measured string ({@link #HYPHEN_CREDIT} and the
 * others) adjust the width, for {@link BreakOpportunities}.
 */
final class ShapedWidths extends ITextTextRenderer {

    static final char SOFT_HYPHEN = '\u00AD';

    // Marks appended to a string that Flying Saucer's Breaker measures (see BreakOpportunities).
    // They are control characters that XML forbids, so they never come from a document.

    /** Takes one hyphen's width off: the hyphen the previous piece was measured with. */
    static final char HYPHEN_CREDIT = '\u0001';
    /** Takes one word space off: a justified line's final space, which is dropped, need not fit. */
    static final char SPACE_CREDIT = '\u0002';
    /** Adds the word space taken off the previous piece back. */
    static final char SPACE_DEBIT = '\u0003';
    /** Makes the piece wider than any line, so that the Breaker ends the line before it. */
    static final char TOO_WIDE = '\u0004';
    private static final int TOO_WIDE_DOTS = 1 << 24;
    /** Starts a string measured as exactly the number that follows (dots). */
    private static final char EXACTLY = '\u0005';

    /** A string that measures exactly {@code dots}. */
    static String exactly(int dots) {
        return EXACTLY + Integer.toString(dots);
    }

    static boolean isMark(char c) {
        return c >= HYPHEN_CREDIT && c <= TOO_WIDE;
    }

    /**
     * In justified text, word spaces are set at this share of the font's own. Flying Saucer can only
     * widen spaces to justify a line, never narrow them, so they start from the narrowest a line
     * may have: TeX lets a word space shrink by a third, to about this.
     */
    static final float WORD_SPACE = 0.65f;

    /** The word space to set in this font, in font units: tight in justified text, else the font's own. */
    static int wordSpace(FontShaper shaper, FSFont font) {
        return font instanceof TypesetFont t && t.tightSpaces() ? Math.round(shaper.wordSpace() * WORD_SPACE)
                : shaper.wordSpace();
    }

    /** The shaper of every font Separata loads, by OpenPDF font (fonts are loaded once per process). */
    private static final Map<BaseFont, FontShaper> SHAPERS = new ConcurrentHashMap<>();

    static void register(BaseFont font, FontShaper shaper) {
        SHAPERS.put(font, shaper);
    }

    static FontShaper shaper(BaseFont font) {
        return SHAPERS.get(font);
    }

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        if (!string.isEmpty() && string.charAt(0) == EXACTLY) {
            return Integer.parseInt(string, 1, string.length(), 10);
        }
        BaseFont bf = ((ITextFSFont) font).getFontDescription().getFont();
        if (ComplexText.applies(string)) {
            // right-to-left text is shaped by the JDK (see ComplexText), and measured as shaped
            java.util.Optional<Float> shaped = ComplexText.width(bf, string);
            if (shaped.isPresent()) {
                return (int) Math.ceil(shaped.get() * font.getSize2D() / 1000f)
                        + (string.indexOf(TOO_WIDE) >= 0 ? TOO_WIDE_DOTS : 0);
            }
        }
        FontShaper shaper = SHAPERS.get(bf);
        if (shaper == null) {
            return super.getWidth(context, font, visible(string));
        }
        int end = string.length();
        int adjust = 0;
        int extra = 0;
        int tracking = tracking(shaper, font);
        while (end > 0 && isMark(string.charAt(end - 1))) {
            switch (string.charAt(--end)) {
                case HYPHEN_CREDIT -> adjust -= shaper.advance(shaper.glyph('-')) + tracking;
                case SPACE_CREDIT -> adjust -= wordSpace(shaper, font) + tracking;
                case SPACE_DEBIT -> adjust += wordSpace(shaper, font) + tracking;
                default -> extra = TOO_WIDE_DOTS;
            }
        }
        CharSequence text = end > 0 && string.charAt(end - 1) == SOFT_HYPHEN
                ? new EndHyphen(string, end) : string;
        int units = shaper.width(text, 0, end, wordSpace(shaper, font), smallCaps(font), tracking) + adjust;
        float result = (float) units * font.getSize2D() / shaper.unitsPerEm();
        // as Flying Saucer rounds: up, unless a hair above an integer
        return extra + (result - Math.floor(result) < 0.01f ? (int) Math.floor(result) : (int) Math.ceil(result));
    }

    /** The tracking of a font's style in its face's units, 0 when it has none ({@link Tracking}). */
    static int tracking(FontShaper shaper, FSFont font) {
        return font instanceof TypesetFont t ? t.trackingUnits(shaper.unitsPerEm()) : 0;
    }

    /** How a font sets letters as small capitals ({@link FontShaper#SMALL_CAPS}…). */
    static int smallCaps(FSFont font) {
        return font instanceof TypesetFont t ? t.smallCaps() : FontShaper.NO_SMALL_CAPS;
    }

    /** The font's own word space (before Separata tightens it), in dots. */
    static float naturalSpace(FSFont font) {
        FontShaper shaper = SHAPERS.get(((ITextFSFont) font).getFontDescription().getFont());
        if (shaper == null) {
            return 0;
        }
        return (float) shaper.wordSpace() * font.getSize2D() / shaper.unitsPerEm();
    }

    /** The word space set in justified text, in dots. */
    static float tightSpace(FSFont font) {
        return naturalSpace(font) * WORD_SPACE;
    }

    /** The text as drawn without shaping: invisible characters removed, a final soft hyphen made visible. */
    static String visible(String s) {
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isMark(c) || FontShaper.isIgnorable(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                if (c == SOFT_HYPHEN && i == n - 1) {
                    sb.append('-');
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** A view of {@code s[0, length)} whose last character, a soft hyphen, reads as a hyphen. */
    static final class EndHyphen implements CharSequence {
        private final String s;
        private final int length;

        EndHyphen(String s, int length) {
            this.s = s;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return index == length - 1 ? '-' : s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return s.substring(0, length - 1) + '-';
        }
    }
}
