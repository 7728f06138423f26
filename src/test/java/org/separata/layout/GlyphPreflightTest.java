package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.separata.diag.Diagnostic;
import org.separata.read.InputReader;
import org.separata.read.ReadResult;
import org.separata.support.Rendering;

/** The glyph preflight with the classic pack's symbols family (Noto Sans Math) as fallback. */
class GlyphPreflightTest {

    private static List<Diagnostic> check(String journal, String abstractText) {
        String xml = """
                <article xml:lang="en"><front><journal-meta><journal-title>%s</journal-title></journal-meta>
                <article-meta><title-group><article-title>T</article-title></title-group>
                <abstract><p>%s</p></abstract></article-meta></front></article>
                """.formatted(journal, abstractText);
        ReadResult r = InputReader.read(xml.getBytes(StandardCharsets.UTF_8), "g.xml");
        return GlyphPreflight.check(r.article(), Rendering.separata().layouts().get("classic").pack(), r.sources(),
                false);
    }

    @Test
    void symbolsInRichTextComeFromTheSymbolsFamily() {
        assertEquals(List.of(), check("Journal", "p \u2264 0.05, x \u2212 y, \u221E, a \u2192 b"));
    }

    @Test
    void plainFieldsHaveNoFallback() {
        List<Diagnostic> d = check("Journal \u2264 Two", "fine");
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).message().startsWith("U+2264"), d.toString());
        assertEquals("journal.title", d.get(0).location().path());
        assertEquals(1, d.get(0).location().line());
    }

    @Test
    void whatNoFontHasIsStillAnError() {
        List<Diagnostic> d = check("Journal", "\u4E2D");
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).hint().orElseThrow().contains("NotoSansMath-Regular.ttf"), d.toString());
    }
}
