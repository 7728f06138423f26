package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.separata.env.World;

/**
 * Liang's algorithm on the shipped TeX patterns. The expected breaks are the syllables a
 * dictionary of each language gives, within the language's minimums.
 */
class HyphenatorTest {

    private static final Hyphenation HYPHENATION = Hyphenation.builtIn(World.system());

    /** The word with a hyphen at each break, as a dictionary writes it. */
    private static String hyphenated(String lang, String word) {
        Hyphenator h = HYPHENATION.forLanguage(lang).orElseThrow();
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (int p : h.points(word)) {
            sb.append(word, last, p).append('-');
            last = p;
        }
        return sb.append(word.substring(last)).toString();
    }

    @ParameterizedTest
    @CsvSource({
        "en, hy-phen-ation",
        "en, re-la-tion-ship",
        "en, as-so-ciate",          // an exception of Knuth's list, not a pattern result
        "en-GB, hy-phen-a-tion",
        "es, re-la-cio-nes",
        "es, bi-la-te-ra-les",
        "es, pers-pec-ti-va",
        "ru, го-су-дар-ства-ми",
        "ru, стра-те-ги-че-скую",
        "uk, від-но-си-ни",
        "pt, in-ter-na-ci-o-nais",
        "fr, in-ter-na-tio-nal",
        "de, Sil-ben-tren-nung",
        "it, in-ter-na-zio-na-le",
        "pl, mię-dzy-na-ro-do-we",
        "sr, me-đu-na-rod-ni",
        "sr, ме-ђу-на-род-ни",
        "sr-Latn, me-đu-na-rod-ni",
    })
    void breaksWhereTheLanguageSyllabifies(String lang, String expected) {
        assertEquals(expected, hyphenated(lang, expected.replace("-", "")));
    }

    @Test
    void minimumsAreKeptAtBothEnds() {
        // English keeps three letters after a break (TeX's \righthyphenmin for English), Spanish two
        assertEquals("ta-ble", hyphenated("en", "table"));
        assertEquals("ca-sa", hyphenated("es", "casa"));
        for (String lang : List.of("en", "es", "ru", "fr", "de")) {
            Hyphenator h = HYPHENATION.forLanguage(lang).orElseThrow();
            for (String w : List.of("international", "relaciones", "государствами", "Rechtschreibung", "table")) {
                for (int p : h.points(w)) {
                    assertTrue(p >= h.leftMin() && w.length() - p >= h.rightMin(), lang + " " + w + " at " + p);
                }
            }
        }
        assertEquals(0, HYPHENATION.forLanguage("es").orElseThrow().points("una").length);
    }

    @Test
    void everyListedLanguageLoads() {
        for (String lang : HYPHENATION.languages()) {
            assertTrue(HYPHENATION.forLanguage(lang).isPresent(), lang);
        }
        assertTrue(HYPHENATION.languages().containsAll(
                List.of("es", "en", "ru", "uk", "pt", "fr", "de", "it", "pl", "sr")));
        assertTrue(HYPHENATION.forLanguage("xx").isEmpty());
        assertTrue(HYPHENATION.forLanguage("pt-BR").isPresent(), "a region falls back to its language");
    }

    @Test
    void patternsAreReadOncePerLanguage() {
        assertTrue(HYPHENATION.forLanguage("es").orElseThrow() == HYPHENATION.forLanguage("es-PE").orElseThrow());
    }
}
