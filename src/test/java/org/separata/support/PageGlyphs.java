package org.separata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Every visible glyph of a PDF with its box, read back by PDFBox: the page (1-based), the
 * characters it stands for, and its left and right edges (its advance) and top and baseline, in
 * points from the page's top-left corner. Blank glyphs (spaces) are left out.
 */
public final class PageGlyphs {

    private PageGlyphs() {
    }

    public record Glyph(int page, String text, float left, float right, float top, float bottom) {
    }

    public static List<Glyph> of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Glyph> out = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    if (!t.getUnicode().isBlank()) {
                        out.add(new Glyph(getCurrentPageNo(), t.getUnicode(), t.getXDirAdj(),
                                t.getXDirAdj() + t.getWidthDirAdj(), t.getYDirAdj() - t.getHeightDir(), t.getYDirAdj()));
                    }
                }
            };
            s.writeText(doc, Writer.nullWriter());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
