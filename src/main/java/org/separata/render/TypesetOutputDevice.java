package org.separata.render;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTextArray;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import org.separata.fonts.FontShaper;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.value.FontSpecification;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.FloatDistances;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.JustificationInfo;

/**
 * Flying Saucer's PDF output device, drawing text with kerning and standard ligatures.
 *
 * <ul>
 * <li>Each string is shaped with the face's {@link FontShaper} and written as one {@code TJ} array
 * of code points and adjustments, so that its width is the one {@link ShapedWidths} measured.</li>
 * <li>A ligature glyph is written with its Unicode presentation form (U+FB01 for "fi") inside a
 * marked-content span whose {@code /ActualText} holds the letters it stands for, so copied text
 * reads "fi".</li>
 * <li>Soft hyphens, zero-width spaces and joiners are not drawn. A soft hyphen that ends the string
 * (a line broken there) is drawn as a hyphen, which text extraction reads as one, as in a PDF from
 * TeX: pdftotext joins the word again.</li>
 * <li>Justification adds Flying Saucer's space and letter adjustments per character, as its own
 * device does, so text lines up with the boxes it laid out.</li>
 * <li>A tracked style ({@link Tracking}) is drawn with PDF's character spacing ({@code Tc}), the
 * amount {@link ShapedWidths} measured after every glyph.</li>
 * </ul>
 * Text in a font Separata did not load, or that needs synthetic bold or italic, is left to
 * Flying Saucer, after the invisible characters have been taken out. {@link TaggingOutputDevice}
 * extends it to tag what it draws.
 */
class TypesetOutputDevice extends ITextOutputDevice {

    private static final PdfName ACTUAL_TEXT = new PdfName("ActualText");

    private ITextFSFont font;
    private float pageHeight;

    TypesetOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        super.initializePage(currentPage, height);
        pageHeight = height;
    }

    @Override
    public void setFont(FSFont f) {
        super.setFont(f);
        font = (ITextFSFont) f;
    }

    /** The language of the text being drawn (its element's, or an ancestor's, lang), or "". */
    private String lang = "";

    /**
     * The last line of a justified paragraph is not justified, so its word spaces would stay at
     * their tight width: they get back what they can of the font's own width, as far as the line
     * has room. (Only the line's last run of text is widened, so that nothing after it moves.)
     * A line outside the area being painted is not written at all ({@link #clippedAway}).
     */
    @Override
    public void drawText(RenderingContext c, InlineText inlineText) {
        InlineLayoutBox box = inlineText.getParent();
        if (clippedAway(box.getAbsY() + box.getBaseline())) {
            return;
        }
        lang = language(inlineText.getTextNode());
        LineBox line = box.getLineBox();
        FSFont f = box.getStyle().getFSFont(c);
        String text = inlineText.getSubstring();
        if (f instanceof TypesetFont t && t.tightSpaces() && line != null && line.getJustificationInfo() == null
                && line.findTrailingText() == inlineText && !text.isEmpty()) {
            int spaces = 0;
            for (int i = 0; i < text.length() - 1; i++) {
                char ch = text.charAt(i);
                spaces += ch == ' ' || ch == '\u00A0' ? 1 : 0;
            }
            FloatDistances floats = line.getFloatDistances();
            int available = line.getParent().getContentWidth() - line.getContentStart()
                    - (floats == null ? 0 : floats.leftFloatDistance() + floats.rightFloatDistance());
            int room = available - line.getContentWidth();
            float wanted = ShapedWidths.naturalSpace(f) - ShapedWidths.tightSpace(f);
            if (spaces > 0 && room > 0 && wanted > 0) {
                setColor(box.getStyle().getColor());
                setFont(f);
                setFontSpecification(box.getStyle().getFontSpecification());
                drawString(text, box.getAbsX() + inlineText.getX(), box.getAbsY() + box.getBaseline(),
                        new JustificationInfo(0, Math.min(wanted, (float) room / spaces)));
                return;
            }
        }
        super.drawText(c, inlineText);
    }

    /**
     * Whether a line whose baseline is at {@code baseline} lies outside the area being painted.
     * Flying Saucer paints a line that straddles a page break on both pages, clipped to each
     * page's content area: the clip hides it on the page before, but its text would still be in
     * that page's text layer (copied, searched and read aloud twice). Such text is not written;
     * nor is a formula on such a line ({@link MathElement}).
     */
    boolean clippedAway(float baseline) {
        java.awt.Shape clip = getClipOrNull();
        if (clip == null) {
            return false;
        }
        java.awt.geom.Rectangle2D r = clip.getBounds2D();
        return baseline < r.getMinY() || baseline > r.getMaxY();
    }

    private java.awt.Shape getClipOrNull() {
        try {
            return getClip();
        } catch (RuntimeException e) {
            return null; // no clip set
        }
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (font != null && ComplexText.applies(s)) {
            // right-to-left text: in visual order and shaped (see ComplexText), never faked bold or italic
            fill(new Path2D.Float());
            if (ComplexText.draw(getCurrentPage(), font.getFontDescription().getFont(),
                    font.getSize2D() / getDotsPerPoint(), s, textMatrix(x, y, getDotsPerPoint()))) {
                return;
            }
        }
        FontShaper shaper = font == null ? null : ShapedWidths.shaper(font.getFontDescription().getFont());
        int tracking = shaper == null ? 0 : ShapedWidths.tracking(shaper, font);
        // the tracking in points (text space units: the text matrix draws a point as a point)
        float trackingPoints = tracking == 0 ? 0 : tracking * font.getSize2D() / getDotsPerPoint() / shaper.unitsPerEm();
        if (shaper == null || needsSyntheticStyle()) {
            // Flying Saucer's own drawing: tracking as its adjustment between characters
            float t = trackingPoints * getDotsPerPoint();
            JustificationInfo tracked = t == 0 ? info : new JustificationInfo(
                    (info == null ? 0 : info.nonSpaceAdjust()) + t, (info == null ? 0 : info.spaceAdjust()) + t);
            super.drawString(ShapedWidths.visible(s), x, y, tracked);
            return;
        }
        CharSequence text = !s.isEmpty() && s.charAt(s.length() - 1) == ShapedWidths.SOFT_HYPHEN
                ? new ShapedWidths.EndHyphen(s, s.length()) : s;
        FontShaper.Shaped shaped = shaper.shape(text, 0, text.length(), ShapedWidths.wordSpace(shaper, font),
                ShapedWidths.smallCaps(font), tracking);
        String system = lang.isEmpty() ? null : shaper.languageSystem(lang).orElse(null);
        if (shaped.size() == 0) {
            return;
        }
        // set the fill colour through Flying Saucer's own bookkeeping: filling an empty shape
        // selects the current colour and draws nothing
        fill(new Path2D.Float());
        PdfContentByte cb = getCurrentPage();
        FontDescription desc = font.getFontDescription();
        BaseFont bf = desc.getFont();
        float dotsPerPoint = getDotsPerPoint();
        float size = font.getSize2D() / dotsPerPoint;
        cb.beginText();
        cb.setFontAndSize(bf, size);
        float[] m = textMatrix(x, y, dotsPerPoint);
        cb.setTextMatrix(m[0], m[1], m[2], m[3], m[4], m[5]);
        if (trackingPoints != 0) {
            // PDF's character spacing adds the tracking after every glyph, as it was measured; it
            // moves glyphs only, so copied text reads as it is (no spaces)
            cb.setCharacterSpacing(trackingPoints);
        }
        write(cb, text, shaped, shaper, system, info, font.getSize2D());
        if (trackingPoints != 0) {
            cb.setCharacterSpacing(0); // text state outlives the text object: reset for what follows
        }
        cb.endText();
    }

    /**
     * Runs {@code paint}, which writes straight into the page's content (a formula, drawn by
     * {@link MathElement}); {@link TaggingOutputDevice} puts what it writes in the marked content of
     * the element being painted.
     */
    void paintDirect(Runnable paint) {
        paint.run();
    }

    /** The text matrix for text drawn at (x, y), in dots (for formulas, drawn by {@link MathElement}). */
    float[] textMatrixAt(float x, float y) {
        return textMatrix(x, y, getDotsPerPoint());
    }

    /** The text matrix Flying Saucer's device would set for a string drawn at (x, y). */
    private float[] textMatrix(float x, float y, float dotsPerPoint) {
        AffineTransform at = (AffineTransform) getTransform().clone();
        at.translate(x, y);
        AffineTransform result = new AffineTransform(1, 0, 0, -1, 0, pageHeight);
        result.concatenate(at);
        result.concatenate(AffineTransform.getScaleInstance(1, -1));
        result.scale(dotsPerPoint, dotsPerPoint);
        double[] mx = new double[6];
        result.getMatrix(mx);
        return new float[] {(float) mx[0], (float) mx[1], (float) mx[2], (float) mx[3], (float) mx[4], (float) mx[5]};
    }

    /**
     * Writes the clusters as TJ arrays. Adjustments are in thousandths of the font size, negative
     * to move right; a ligature gets a TJ of its own inside its ActualText span.
     */
    private static void write(PdfContentByte cb, CharSequence text, FontShaper.Shaped shaped, FontShaper shaper,
            String languageSystem, JustificationInfo info, float size2D) {
        float unitsToThousandths = 1000f / shaper.unitsPerEm();
        int last = text.length() - 1;
        TextArray tj = new TextArray();
        float pending = 0; // font units to make up after the word (local forms of another width)
        // characters before the first cluster (invisible ones) still get their justification
        tj.move(-justification(text, 0, shaped.clusterStart()[0], last, info, size2D));
        for (int i = 0; i < shaped.size(); i++) {
            int from = shaped.clusterStart()[i];
            int next = i + 1 < shaped.size() ? shaped.clusterStart()[i + 1] : text.length();
            boolean ligature = shaped.isLigature(i, text);
            if (ligature) {
                tj.show(cb);
                PdfDictionary span = new PdfDictionary();
                span.put(ACTUAL_TEXT, utf16(letters(text, from, shaped.clusterEnd()[i])));
                cb.beginMarkedContentSequence(PdfName.SPAN, span, true);
            }
            char code = shaped.codePoints()[i];
            int glyph = shaped.glyphs()[i];
            int drawn = languageSystem == null || ligature ? glyph : shaper.localForm(languageSystem, glyph);
            // a small capital or a local form has no code point of its own: written as a glyph
            // (its ToUnicode entry reads the letter, see PdfFonts), in the room measured for it
            if (!ligature && glyph != 0 && drawn != shaper.glyphOf(Character.codePointAt(text, from))) {
                tj.show(cb);
                com.lowagie.text.pdf.PdfGlyphArray alternate = new com.lowagie.text.pdf.PdfGlyphArray();
                alternate.add(drawn);
                cb.showText(alternate);
                // a local form may be narrower or wider than the letter measured: the difference is
                // made up after the word, so the word ends where it was laid out (inside the word
                // it would read as a gap, and text extraction would split the word)
                pending += shaper.advance(glyph) - shaper.advance(drawn);
            } else {
                tj.append(code);
                if (Character.isHighSurrogate(code) && shaped.clusterEnd()[i] - from == 2) {
                    tj.append(text.charAt(from + 1));
                }
            }
            if (ligature) {
                tj.show(cb);
                cb.endMarkedContentSequence();
            }
            float compensate = 0;
            char following = i + 1 < shaped.size() ? text.charAt(shaped.clusterStart()[i + 1]) : ' ';
            if (pending != 0 && (following == ' ' || following == '\u00A0' || !Character.isLetter(following))) {
                compensate = pending;
                pending = 0;
            }
            tj.move(-(shaped.kern()[i] + compensate) * unitsToThousandths
                    - justification(text, from, next, last, info, size2D));
        }
        tj.show(cb);
    }

    /** Code points and adjustments for one TJ operator, with runs of code points kept together. */
    private static final class TextArray {
        private PdfTextArray array = new PdfTextArray();
        private final StringBuilder run = new StringBuilder();
        private boolean empty = true;

        void append(char c) {
            run.append(c);
        }

        void move(float thousandths) {
            if (thousandths != 0) {
                flushRun();
                array.add(thousandths);
                empty = false;
            }
        }

        void show(PdfContentByte cb) {
            flushRun();
            if (!empty) {
                cb.showText(array);
                array = new PdfTextArray();
                empty = true;
            }
        }

        private void flushRun() {
            if (!run.isEmpty()) {
                array.add(run.toString());
                run.setLength(0);
                empty = false;
            }
        }
    }

    /** The justification after characters [from, to), none after the last: as Flying Saucer's device adds it. */
    private static float justification(CharSequence text, int from, int to, int last, JustificationInfo info,
            float size2D) {
        if (info == null) {
            return 0;
        }
        float dots = 0;
        for (int k = from; k < to && k < last; k++) {
            char c = text.charAt(k);
            dots += c == ' ' || c == '\u00A0' || c == '\u3000' ? info.spaceAdjust() : info.nonSpaceAdjust();
        }
        return dots * 1000f / size2D;
    }

    /** A text string in UTF-16 with its byte order mark, which every reader decodes alike. */
    static PdfString utf16(String s) {
        byte[] body = s.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFE;
        bytes[1] = (byte) 0xFF;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return new PdfString(bytes);
    }

    private static String letters(CharSequence text, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (!FontShaper.isIgnorable(text.charAt(k))) {
                sb.append(text.charAt(k));
            }
        }
        return sb.toString();
    }

    /** The lang (or xml:lang) of the text node's nearest element that has one, or "". */
    private static String language(org.w3c.dom.Text node) {
        for (org.w3c.dom.Node n = node == null ? null : node.getParentNode(); n instanceof org.w3c.dom.Element e;
                n = n.getParentNode()) {
            String l = e.getAttribute("lang");
            if (l.isEmpty()) {
                l = e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            }
            if (!l.isEmpty()) {
                return l;
            }
        }
        return "";
    }

    /** Whether Flying Saucer would fake bold or italic for this face (it strokes or slants the glyphs). */
    private boolean needsSyntheticStyle() {
        FontSpecification spec = getFontSpecification();
        if (spec == null) {
            return false;
        }
        FontDescription desc = font.getFontDescription();
        boolean bold = ITextFontResolver.convertWeightToInt(spec.fontWeight) > desc.getWeight();
        boolean italic = spec.fontStyle == IdentValue.ITALIC && desc.getStyle() != IdentValue.ITALIC
                && desc.getStyle() != IdentValue.OBLIQUE;
        return bold || italic;
    }
}
