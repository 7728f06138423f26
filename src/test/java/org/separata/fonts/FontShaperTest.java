package org.separata.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.separata.env.World;
import org.separata.support.Repo;

/**
 * Kerning and ligatures read from the fonts' own tables, checked against an independent shaper:
 * the JDK's (HarfBuzz), with kerning and ligatures on.
 */
class FontShaperTest {

    private static final FontCatalog FONTS = new FontCatalog(World.system());

    @Test
    void widthsAgreeWithTheJdksShaperOnEveryWordOfTheLongArticles() throws Exception {
        List<String> words = new ArrayList<>();
        for (String lang : List.of("en", "es", "ru")) {
            String text = Files.readString(Repo.file("src/test/resources/typography/long-" + lang + ".yaml"),
                    StandardCharsets.UTF_8);
            for (String w : text.split("\\s+")) {
                if (!w.isEmpty() && !words.contains(w)) {
                    words.add(w);
                }
            }
        }
        words.addAll(List.of("office", "fluffy", "affliction", "To", "Va", "AV", "Yo", "LT", "r.", "Te"));
        System.setProperty("java.awt.headless", "true");
        FontRenderContext frc = new FontRenderContext(null, false, true);
        for (String family : List.of("noto-serif", "noto-sans")) {
            for (FontFace face : FONTS.family(family).orElseThrow().faces()) {
                FontShaper shaper = face.shaper();
                Font awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(face.bytes()))
                        .deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON,
                                TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON))
                        .deriveFont((float) shaper.unitsPerEm());
                for (String w : words) {
                    char[] c = w.toCharArray();
                    GlyphVector gv = awt.layoutGlyphVector(frc, c, 0, c.length, Font.LAYOUT_LEFT_TO_RIGHT);
                    long expected = Math.round(gv.getGlyphPosition(gv.getNumGlyphs()).getX());
                    int actual = shaper.width(w, 0, w.length(), shaper.wordSpace());
                    assertTrue(Math.abs(expected - actual) <= 1, face + " " + w + ": " + expected + " vs " + actual);
                }
            }
        }
    }

    @Test
    void standardLigaturesAreWrittenWithTheirPresentationForms() {
        FontShaper s = FONTS.family("noto-serif").orElseThrow().regular().shaper();
        assertTrue(s.ligatureCount() >= 2, "fi and fl at least");
        FontShaper.Shaped shaped = s.shape("office flow", 0, 11, s.wordSpace());
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < shaped.size(); i++) {
            codes.append(shaped.codePoints()[i]);
        }
        assertEquals("o\uFB03ce \uFB02ow", codes.toString());
        assertTrue(shaped.isLigature(1, "office flow"));
        assertEquals(1, shaped.clusterStart()[1]);
        assertEquals(4, shaped.clusterEnd()[1]);
    }

    @Test
    void trackedTextTakesItsTrackingAfterEveryLetterAndHasNoLigatures() {
        FontShaper s = FONTS.family("noto-serif").orElseThrow().regular().shaper();
        // "office" untracked without its ligature: as the letters kerned one by one, which a
        // zero-width non-joiner between every pair forces
        String apart = "o\u200Cf\u200Cf\u200Ci\u200Cc\u200Ce";
        int letters = s.width(apart, 0, apart.length(), s.wordSpace());
        assertTrue(letters > s.width("office", 0, 6, s.wordSpace()), "the untracked word has its ligature");
        assertEquals(letters + 6 * 50, s.width("office", 0, 6, s.wordSpace(), FontShaper.NO_SMALL_CAPS, 50));
        FontShaper.Shaped shaped = s.shape("office", 0, 6, s.wordSpace(), FontShaper.NO_SMALL_CAPS, 50);
        assertEquals(6, shaped.size(), "one glyph a letter");
        // invisible characters take no room, tracked or not
        String marked = "of\u00ADfi\u200Bce";
        assertEquals(letters + 6 * 50, s.width(marked, 0, marked.length(), s.wordSpace(), FontShaper.NO_SMALL_CAPS, 50));
    }

    @Test
    void softHyphensAndZeroWidthSpacesTakeNoRoomAndJoinersStopLigatures() {
        FontShaper s = FONTS.family("noto-serif").orElseThrow().regular().shaper();
        int plain = s.width("office", 0, 6, s.wordSpace());
        String marked = "of\u00ADfi\u200Bce";
        assertEquals(plain, s.width(marked, 0, marked.length(), s.wordSpace()));
        String joiner = "of\u200Cfice";
        assertTrue(s.width(joiner, 0, joiner.length(), s.wordSpace()) > plain, "no ligature across a zero-width non-joiner");
    }

    @Test
    void pairsAreKerned() {
        FontShaper s = FONTS.family("noto-serif").orElseThrow().regular().shaper();
        assertTrue(s.kerning(s.glyph('T'), s.glyph('o')) < 0);
        assertTrue(s.kerning(s.glyph('r'), s.glyph('.')) < 0);
        assertEquals(0, s.kerning(s.glyph('o'), s.glyph('o')));
    }
}
