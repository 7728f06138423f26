package org.separata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * What a page draws, read back with PDFBox: each glyph with its font, its box (points from the
 * page's top-left) and the {@code /ActualText} of the marked-content span it sits in; and each
 * image with its size in pixels, the size it is drawn at, its filter and its bytes.
 */
public final class PdfGlyphs {

    private PdfGlyphs() {
    }

    /** A glyph: its text (from ToUnicode), font, box from the top-left in points, and enclosing ActualText. */
    public record Glyph(String text, String font, float x, float y, float width, float height, String actualText) {
        public float right() {
            return x + width;
        }

        public float bottom() {
            return y + height;
        }
    }

    /** An image drawn on a page: pixels, the size drawn in points, its filter, its encoded bytes. */
    public record Image(int widthPx, int heightPx, float widthPt, float heightPt, String filter, byte[] encoded,
                        PDImageXObject object) {
        /** Pixels per inch at the size drawn. */
        public double dpi() {
            return widthPx / (widthPt / 72.0);
        }
    }

    /** The glyphs of page {@code n} (1-based), in drawing order. */
    public static List<Glyph> glyphs(PDDocument doc, int n) {
        try {
            Collector c = new Collector();
            c.setStartPage(n);
            c.setEndPage(n);
            c.getText(doc);
            return c.out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Collector extends PDFTextStripper {
        final List<Glyph> out = new ArrayList<>();
        final Deque<String> spans = new ArrayDeque<>();

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            String actual = properties == null ? null : properties.getString(COSName.getPDFName("ActualText"));
            spans.push(actual == null ? (spans.isEmpty() ? "" : spans.peek()) : actual);
            super.beginMarkedContentSequence(tag, properties);
        }

        @Override
        public void endMarkedContentSequence() {
            if (!spans.isEmpty()) {
                spans.pop();
            }
            super.endMarkedContentSequence();
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String font = t.getFont() == null ? "" : t.getFont().getName();
            float h = Math.max(t.getHeightDir(), t.getFontSizeInPt() * 0.5f);
            out.add(new Glyph(t.getUnicode(), font == null ? "" : font, t.getXDirAdj(), t.getYDirAdj() - h,
                    t.getWidthDirAdj(), h, spans.isEmpty() ? "" : spans.peek()));
        }
    }

    /** The images page {@code n} (1-based) draws, in drawing order. */
    public static List<Image> images(PDDocument doc, int n) {
        try {
            ImageFinder f = new ImageFinder();
            f.processPage(doc.getPage(n - 1));
            return f.out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ImageFinder extends PDFStreamEngine {
        final List<Image> out = new ArrayList<>();

        ImageFinder() {
            addOperator(new Concatenate(this));
            addOperator(new DrawObject(this));
            addOperator(new SetGraphicsStateParameters(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new SetMatrix(this));
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ("Do".equals(operator.getName())) {
                COSName name = (COSName) operands.get(0);
                PDXObject x = getResources().getXObject(name);
                if (x instanceof PDImageXObject img) {
                    Matrix m = getGraphicsState().getCurrentTransformationMatrix();
                    byte[] encoded;
                    try (var in = img.getCOSObject().createRawInputStream()) {
                        encoded = in.readAllBytes();
                    }
                    COSBase filter = img.getCOSObject().getDictionaryObject(COSName.FILTER);
                    String f = filter instanceof COSName fn ? fn.getName() : String.valueOf(filter);
                    out.add(new Image(img.getWidth(), img.getHeight(), Math.abs(m.getScalingFactorX()),
                            Math.abs(m.getScalingFactorY()), f, encoded, img));
                    return;
                }
            }
            super.processOperator(operator, operands);
        }
    }

    /** The page size in points: {width, height}. */
    public static float[] size(PDPage page) {
        return new float[] {page.getMediaBox().getWidth(), page.getMediaBox().getHeight()};
    }
}
