package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.separata.layout.Labels;
import org.separata.read.InputReader;
import org.separata.support.Articles;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Slow;

/**
 * An article in a language of the later label sets (Bulgarian, Macedonian, Italian, Polish,
 * Serbian; its translation in Spanish) is labelled in it on the page: read back from the PDF in all three packs, the
 * masthead's volume, number and pages, the abstract and keywords, the references, the dates and
 * the how-to-cite line carry the pack's words for that language, and no English label is left.
 */
@Slow
class LanguageLabelsTest {

    @Test
    void theArticleIsLabelledInItsLanguageOnThePage() {
        for (String lang : List.of("bg", "mk", "it", "pl", "sr")) {
            for (String pack : List.of("classic", "compact", "modern")) {
                Labels l = Rendering.separata().layouts().get(pack).pack().labels();
                byte[] pdf = Rendering.separata().render(InputReader.read(Articles.labelledManifest(lang, "es").getBytes(StandardCharsets.UTF_8),
                        "article.yaml"), new RenderOptions(pack, false)).pdf();
                String text = PdfInspector.flat(new PdfInspector(pdf).text());
                String what = lang + " in " + pack + ": " + text;
                // the masthead: "Т. 1 · Бр. 2 · С. 11–20" for Bulgarian
                assertTrue(text.contains(word(l, lang, "volume") + " 1"), what);
                assertTrue(text.contains(word(l, lang, "number") + " 2"), what);
                assertTrue(text.contains(word(l, lang, "pages") + " 11–20"), what);
                assertTrue(text.contains(word(l, lang, "abstract") + "."), what);
                assertTrue(text.contains(word(l, lang, "keywords") + ":"), what);
                // a pack may set a heading in capitals (compact: its references)
                String upper = text.toUpperCase(java.util.Locale.ROOT);
                for (String key : List.of("references", "received", "accepted", "published", "how-to-cite")) {
                    assertTrue(upper.contains(word(l, lang, key).toUpperCase(java.util.Locale.ROOT)), lang + "." + key
                            + ": " + what);
                }
                for (String english : List.of("Abstract", "Keywords", "References", "For citation", "Received")) {
                    assertFalse(upper.contains(english.toUpperCase(java.util.Locale.ROOT)), english + ": " + what);
                }
            }
        }
    }

    private static String word(Labels l, String lang, String key) {
        return l.own(lang, key).orElseThrow(() -> new AssertionError(lang + "." + key));
    }
}
