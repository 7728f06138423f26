package org.separata.render;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.text.Bidi;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.fonts.FontFace;

/**
 * Right-to-left text (Arabic, Hebrew, Syriac, Thaana…) inside left-to-right text: each run is
 * put in visual order by the JDK's bidi algorithm and shaped by the JDK's OpenType layout (Arabic
 * letters join: initial, medial, final forms and the lam-alef ligature), then written as the
 * glyphs it chose. Each glyph maps back (ToUnicode) to its Unicode presentation form, in visual
 * order; readers put that back in logical order, as pdftotext does, and the forms normalise (NFKC)
 * to the letters. (An {@code /ActualText} with the logical text was tried: pdftotext then reverses
 * it a second time.) The widths Flying Saucer
 * lays out with are the shaped ones, so what is drawn fits the space it was given.
 */
final class ComplexText {

    /** Shaping at 1000 units per em gives advances in PDF's thousandths of an em. */
    private static final float UNITS = 1000f;
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, false, true);
    private static final Map<String, Optional<Font>> FONTS = new ConcurrentHashMap<>();

    private ComplexText() {
    }

    /** Whether {@code s} holds a right-to-left letter, which this class sets. */
    static boolean applies(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0590 && c <= 0x08FF || c >= 0xFB1D && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF) {
                byte d = Character.getDirectionality(c);
                if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The JDK's font for an OpenPDF font, from the same bytes; empty when it is not one of ours. */
    private static Optional<Font> awt(BaseFont bf) {
        Optional<FontFace> face = PdfFonts.faceOf(bf);
        if (face.isEmpty()) {
            return Optional.empty();
        }
        return FONTS.computeIfAbsent(face.get().id(), id -> {
            try {
                return Optional.of(Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(face.get().bytes()))
                        .deriveFont(UNITS));
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }

    /** The width of {@code s} set in {@code bf}, in thousandths of an em; empty when it cannot be shaped. */
    static Optional<Float> width(BaseFont bf, String s) {
        Optional<Font> font = awt(bf);
        if (font.isEmpty()) {
            return Optional.empty();
        }
        float total = 0;
        for (GlyphVector gv : runs(font.get(), s)) {
            total += (float) gv.getGlyphPosition(gv.getNumGlyphs()).getX();
        }
        return Optional.of(total);
    }

    /**
     * Draws {@code s} at the text matrix {@code m} (one unit: one point), in {@code bf} at
     * {@code size} points, runs in visual order. Returns false when it cannot (the font is not ours).
     */
    static boolean draw(PdfContentByte cb, BaseFont bf, float size, String s, float[] m) {
        Optional<Font> font = awt(bf);
        if (font.isEmpty()) {
            return false;
        }
        float x = 0;
        cb.beginText();
        cb.setFontAndSize(bf, size);
        for (GlyphVector gv : runs(font.get(), s)) {
            cb.setTextMatrix(m[0], m[1], m[2], m[3], m[0] * x + m[4], m[1] * x + m[5]);
            cb.showText(gv);
            x += (float) gv.getGlyphPosition(gv.getNumGlyphs()).getX() * size / UNITS;
        }
        cb.endText();
        return true;
    }

    /** The shaped runs of {@code s}, left to right as they are seen. */
    private static java.util.List<GlyphVector> runs(Font font, String s) {
        String text = ShapedWidths.visible(s);
        char[] chars = text.toCharArray();
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, count);
        java.util.List<GlyphVector> out = new java.util.ArrayList<>();
        for (Integer run : order) {
            int start = bidi.getRunStart(run);
            int limit = bidi.getRunLimit(run);
            int flags = (bidi.getRunLevel(run) & 1) == 1 ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT;
            out.add(font.layoutGlyphVector(CONTEXT, chars, start, limit, flags));
        }
        return out;
    }
}
