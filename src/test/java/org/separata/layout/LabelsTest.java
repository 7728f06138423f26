package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.separata.model.Article;
import org.separata.read.ManifestReader;
import org.separata.support.Articles;
import org.separata.support.Rendering;

/**
 * Labels per language: every pack has its own words for at least en, es, pt, ru, uk, fr, de, sr,
 * bg, mk, it and pl, and
 * an article is labelled in its own language while each translated abstract is labelled in that
 * abstract's language.
 */
class LabelsTest {

    static final List<String> LANGUAGES = List.of("en", "es", "pt", "ru", "uk", "fr", "de", "sr", "bg", "mk", "it", "pl");
    static final List<String> KEYS = List.of("abstract", "keywords", "references", "how-to-cite", "received",
            "accepted", "published", "correspondence");

    private static Labels labels(String pack) {
        return Rendering.separata().layouts().get(pack).pack().labels();
    }

    @Test
    void theWordsTheIssueNamesAreThere() {
        for (String pack : Rendering.separata().world().builtInLayouts()) {
            Labels l = labels(pack);
            assertEquals("Abstract", l.own("en", "abstract").orElseThrow(), pack);
            assertEquals("Resumen", l.own("es", "abstract").orElseThrow(), pack);
            assertEquals("Resumo", l.own("pt", "abstract").orElseThrow(), pack);
            assertEquals("Аннотация", l.own("ru", "abstract").orElseThrow(), pack);
        }
    }

    @Test
    void everyPackHasItsOwnWordsInEveryLanguage() {
        for (String pack : Rendering.separata().world().builtInLayouts()) {
            Labels l = labels(pack);
            for (String lang : LANGUAGES) {
                assertTrue(l.knows(lang), pack + " " + lang);
                for (String key : KEYS) {
                    String word = l.own(lang, key).orElseThrow(() -> new AssertionError(pack + ": " + lang + "." + key));
                    if (!lang.equals("en")) {
                        assertNotEquals(l.own("en", key).orElseThrow(), word, pack + ": " + lang + "." + key
                                + " is still English");
                    }
                }
            }
        }
    }

    static Stream<Arguments> languagesAndPacks() {
        List<Arguments> out = new ArrayList<>();
        for (String lang : LANGUAGES) {
            for (String pack : Rendering.separata().world().builtInLayouts()) {
                out.add(Arguments.of(lang, pack));
            }
        }
        return out.stream();
    }

    /** An article in {@code lang}, with a translated abstract in the other language given. */
    private static Article article(String lang, String other) {
        String yaml = Articles.labelledManifest(lang, other);
        return ManifestReader.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml").article();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("languagesAndPacks")
    void anArticleIsLabelledInItsLanguageAndEachAbstractInItsOwn(String lang, String pack) {
        String other = lang.equals("en") ? "es" : "en";
        XhtmlLayout layout = Rendering.separata().layouts().get(pack);
        String xhtml = layout.layout(article(lang, other)).xhtml();
        Labels l = layout.pack().labels();
        Map<String, String> blocks = abstractBlocks(xhtml);
        assertTrue(blocks.get(lang).contains(l.own(lang, "abstract").orElseThrow() + "."), blocks.get(lang));
        assertTrue(blocks.get(lang).contains(l.own(lang, "keywords").orElseThrow() + ":"), blocks.get(lang));
        assertTrue(blocks.get(other).contains(l.own(other, "abstract").orElseThrow() + "."), blocks.get(other));
        assertTrue(blocks.get(other).contains(l.own(other, "keywords").orElseThrow() + ":"), blocks.get(other));
        for (String key : List.of("references", "received", "accepted", "published", "correspondence")) {
            assertTrue(xhtml.contains(l.own(lang, key).orElseThrow()), lang + "." + key + " in " + pack);
        }
    }

    /** The text of each abstract block, by its lang attribute. */
    private static Map<String, String> abstractBlocks(String xhtml) {
        Matcher m = Pattern.compile("<div class=\"abstract-block\" lang=\"([a-z-]+)\"[^>]*>(.*?)</div>", Pattern.DOTALL)
                .matcher(xhtml);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
