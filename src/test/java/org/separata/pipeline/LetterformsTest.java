package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.support.PdfInspector;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * Letterforms read back from the PDF of {@code cases/hard-typography}: the glyphs drawn (their codes,
 * which are glyph numbers in Identity-H fonts), the font of each, and the text a reader copies.
 * Serbian and Bulgarian italics take their own forms (the font's {@code locl}), small capitals are
 * the font's ({@code smcp}) and still read as the letters, code is monospaced, bold inside bold.
 */
@Slow
class LetterformsTest {

    private static final Path INPUT = Repo.file("src/test/resources/cases/hard-typography/article.yaml");
    private static final Map<String, byte[]> PDFS = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        for (String pack : List.of("classic", "compact", "modern")) {
            PDFS.put(pack, Rendering.render(INPUT, pack).pdf());
        }
    }

    /** One drawn glyph: its text, glyph code, font and advance. */
    record Drawn(String text, int code, String font, float width) {
    }

    static List<Drawn> glyphs(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Drawn> out = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    out.add(new Drawn(t.getUnicode(), t.getCharacterCodes()[0], t.getFont().getName(), t.getWidthDirAdj()));
                }
            };
            s.setSortByPosition(true);
            s.writeText(doc, Writer.nullWriter());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every run of {@code letters} drawn in an italic face, in reading order. */
    private static List<List<Drawn>> italicRuns(List<Drawn> all, String letters) {
        List<List<Drawn>> out = new ArrayList<>();
        for (int k = 0; k + letters.length() <= all.size(); k++) {
            List<Drawn> run = all.subList(k, k + letters.length());
            StringBuilder t = new StringBuilder();
            run.forEach(d -> t.append(d.text()));
            if (t.toString().equals(letters) && run.get(0).font().contains("Italic")) {
                out.add(run);
            }
        }
        return out;
    }

    @Test
    void serbianAndBulgarianItalicsTakeTheirLocalForms() {
        PDFS.forEach((pack, pdf) -> {
            // the abstracts in input order: Serbian, Bulgarian, Russian, each with the letters twice
            List<List<Drawn>> runs = italicRuns(glyphs(pdf), "бгдпт");
            assertEquals(6, runs.size(), pack);
            List<Drawn> sr = runs.get(0);
            List<Drawn> bg = runs.get(2);
            List<Drawn> ru = runs.get(4);
            for (int i = 0; i < 5; i++) {
                assertNotEquals(ru.get(i).code(), sr.get(i).code(), pack + ": Serbian " + sr.get(i).text());
            }
            // Bulgarian: д as g, the rest as in Russian (the face has no Bulgarian forms of its own)
            assertNotEquals(ru.get(2).code(), bg.get(2).code(), pack + ": Bulgarian д");
            assertEquals(ru.get(0).code(), bg.get(0).code(), pack + ": Bulgarian б");
            String text = PdfInspector.flat(new PdfInspector(pdf).text());
            assertTrue(text.contains("бгдпт бгдпт у српском"), pack + ": copied text reads the letters");
        });
    }

    @Test
    void smallCapitalsAreTheFontsAndReadAsTheLetters() {
        PDFS.forEach((pack, pdf) -> {
            List<Drawn> all = glyphs(pdf);
            String text = new PdfInspector(pdf).text();
            assertTrue(PdfInspector.flat(text).contains("Small Capitals in the text font"), pack + ": " + text);
            // the 'a' of "Capitals" against an ordinary 'a' of the same face
            int i = indexOf(all, "Capitals");
            Drawn smallA = all.get(i + 1);
            assertEquals("a", smallA.text());
            Drawn plainA = all.stream().filter(d -> d.text().equals("a") && d.font().equals(smallA.font())
                    && d != smallA).findFirst().orElseThrow();
            assertNotEquals(plainA.code(), smallA.code(), pack + ": a small capital, not the lower-case a");
            assertEquals("C", all.get(i).text());
            assertNotEquals(all.get(i).code(), smallA.code());
        });
    }

    @Test
    void codeIsMonospacedAndBoldInsideBold() {
        PDFS.forEach((pack, pdf) -> {
            String fonts = Poppler.run("pdffonts", pdf);
            assertTrue(fonts.contains("NotoSansMono-Regular") && fonts.contains("NotoSansMono-Bold"), pack + ": " + fonts);
            List<Drawn> all = glyphs(pdf);
            int i = indexOf(all, "identifier_x");
            List<Drawn> code = all.subList(i, i + "identifier_x".length());
            for (Drawn d : code) {
                assertTrue(d.font().contains("NotoSansMono-Regular"), pack + ": " + d);
                assertEquals(code.get(0).width(), d.width(), 0.01, pack + ": every character as wide: " + d);
            }
            int b = indexOf(all, "bold_code");
            assertTrue(all.get(b).font().contains("NotoSansMono-Bold"), pack + ": bold code inside bold: " + all.get(b));
        });
    }

    /** The index in {@code all} of the first glyph of {@code s}, spaces (drawn or not) not counted. */
    private static int indexOf(List<Drawn> all, String s) {
        String target = s.replace(" ", "");
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).text().isBlank()) {
                visible.add(i);
            }
        }
        for (int v = 0; v + target.length() <= visible.size(); v++) {
            boolean match = true;
            for (int k = 0; k < target.length() && match; k++) {
                match = all.get(visible.get(v + k)).text().equals(String.valueOf(target.charAt(k)));
            }
            if (match) {
                return visible.get(v);
            }
        }
        throw new AssertionError("not drawn: " + s);
    }

    private static int indexOfExact(List<Drawn> all, String s) {
        for (int i = 0; i + s.length() <= all.size(); i++) {
            boolean match = true;
            for (int k = 0; k < s.length() && match; k++) {
                match = all.get(i + k).text().equals(String.valueOf(s.charAt(k)));
            }
            if (match) {
                return i;
            }
        }
        throw new AssertionError("not drawn: " + s);
    }
}
