package org.separata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Every visible glyph of a PDF with its box, read back by PDFBox ({@link PdfGlyphs}): the page
 * (1-based) and its size, the characters it stands for, and its left and right edges (its
 * advance) and top and baseline, in points from the page's top-left corner. Blank glyphs (spaces)
 * are left out.
 */
public final class PageGlyphs {

    private PageGlyphs() {
    }

    public record Glyph(int page, String text, float left, float right, float top, float bottom, float pageWidth,
                        float pageHeight) {
        /** Whether its page is wider than it is high (a wide table's landscape page). */
        public boolean landscape() {
            return pageWidth > pageHeight;
        }
    }

    public static List<Glyph> of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Glyph> out = new ArrayList<>();
            for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                float[] size = PdfGlyphs.size(doc.getPage(n - 1));
                for (PdfGlyphs.Glyph g : PdfGlyphs.glyphs(doc, n)) {
                    if (!g.text().isBlank()) {
                        out.add(new Glyph(n, g.text(), g.x(), g.right(), g.y(), g.bottom(), size[0], size[1]));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
