package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.support.PageGlyphs;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.WordGaps;

/**
 * The rules that say where a line must not end, read back from the PDFs of a test article
 * ({@code cases/hard-typography}) in all three packs: each phrase it repeats at many places in
 * the line must come out whole on one line, across bold, italic, superscript and link boundaries;
 * numbers that are no ranges keep their hyphen; quotes pair; a character outside the BMP takes its
 * own room; a long URL keeps all its text inside the margins.
 */
@Slow
class LineBreakRulesTest {

    private static final Path INPUT = Repo.file("src/test/resources/cases/hard-typography/article.yaml");
    private static final Map<String, byte[]> PDFS = new LinkedHashMap<>();
    private static String source;

    @BeforeAll
    static void render() throws IOException {
        source = Files.readString(INPUT, StandardCharsets.UTF_8);
        for (String pack : List.of("classic", "compact", "modern")) {
            PDFS.put(pack, Rendering.render(INPUT, pack).pdf());
        }
    }

    /** The body's lines, joined by line breaks, read as text (typography's characters made plain). */
    private static String lines(byte[] pdf) {
        StringBuilder sb = new StringBuilder();
        for (WordGaps.Line l : WordGaps.lines(pdf)) {
            sb.append(plain(l.text())).append('\n');
        }
        return sb.toString();
    }

    private static String plain(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replace("\u00AD", "").replace("\u200B", "")
                .replace('\u00A0', ' ').replace('\u2019', '\'').replace('\u2013', '-');
    }

    /** How often {@code phrase} occurs in the input's body text, with its markup taken out. */
    private static int inInput(String phrase) {
        String body = source.substring(source.indexOf("body:"), source.indexOf("references:"))
                .replaceAll("<[^>]+>", "");
        int n = 0;
        for (int at = body.indexOf(phrase); at >= 0; at = body.indexOf(phrase, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void gluedPhrasesNeverBreak() {
        List<String> phrases = List.of("№ ФРИ-2023-0417", "No. FRI-2023-0417", "2015-2023 гг.",
                "Joseph S. Nye's", "p = 0.01,", "41:338-345", "2019.41.1.77", "noted12,", "30320-240",
                "bgs1-2", "𝐄(x)");
        PDFS.forEach((pack, pdf) -> {
            String text = lines(pdf);
            for (String phrase : phrases) {
                int expected = inInput(phrase);
                assertTrue(expected >= 8, phrase + " should be in the input many times");
                // the phrase with a line break allowed wherever it has a space
                Pattern p = Pattern.compile(Pattern.quote(plain(phrase)).replace(" ", "\\E[ \\n]\\Q"));
                Matcher m = p.matcher(text);
                int whole = 0;
                List<String> broken = new ArrayList<>();
                while (m.find()) {
                    if (m.group().contains("\n")) {
                        broken.add(m.group());
                    } else {
                        whole++;
                    }
                }
                assertTrue(broken.isEmpty(), pack + ": '" + phrase + "' broken: " + broken);
                // the body's, and the title's in the title and the how-to-cite line
                assertTrue(whole >= expected, pack + ": '" + phrase + "' in the PDF " + whole + " times");
            }
        });
    }

    @Test
    void onlyCertainRangesGetAnEnDashAndQuotesPair() {
        PDFS.forEach((pack, pdf) -> {
            String text = new PdfInspector(pdf).text().replace("\u00A0", " ");
            assertFalse(text.contains("30320\u2013240"), pack + ": a postcode is no range");
            assertFalse(text.contains("bgs1\u20132"), pack + ": an allele is no range");
            assertTrue(text.contains("2015\u20132023"), pack + ": a year range");
            assertTrue(text.contains("338\u2013345"), pack + ": a page range in a reference");
            assertTrue(text.contains("41:338-345"), pack + ": not in running text, where it is not certain");
            assertTrue(text.contains("\u2018saúde\u2019"), pack + ": paired single quotes");
            assertFalse(text.contains("\u201Csaúde\u2019"), pack + ": never a mismatched pair");
        });
    }

    @Test
    void aCharacterOutsideTheBmpTakesItsOwnRoom() {
        PDFS.forEach((pack, pdf) -> {
            List<PageGlyphs.Glyph> g = PageGlyphs.of(pdf);
            int seen = 0;
            for (int i = 0; i + 1 < g.size(); i++) {
                if (g.get(i).text().equals("\uD835\uDC04") && g.get(i + 1).text().equals("(")) {
                    seen++;
                    PageGlyphs.Glyph e = g.get(i);
                    assertTrue(e.right() - e.left() > 3, pack + ": 𝐄 has an advance: " + e);
                    assertTrue(g.get(i + 1).left() >= e.right() - 0.5, pack + ": 𝐄 overprints the '(': " + e + " "
                            + g.get(i + 1));
                }
            }
            assertEquals(inInput("𝐄(x)"), seen, pack);
        });
    }

    @Test
    void longUrlsBreakInsideTheMarginsAndLinkWhole() {
        Matcher m = Pattern.compile("Available at: (\\S+)\"").matcher(source);
        assertTrue(m.find());
        String url = m.group(1);
        PDFS.forEach((pack, pdf) -> {
            try (PdfInspector in = new PdfInspector(pdf)) {
                assertTrue(in.allLinks().contains(url), pack + ": the link keeps the whole URL");
                // the body of each page, without running heads and folios, pages joined
                org.separata.layout.PageGeometry g = Rendering.separata().layouts().get(pack).pack().page();
                double mm = 72 / 25.4;
                StringBuilder body = new StringBuilder();
                for (int n = 1; n <= in.pageCount(); n++) {
                    body.append(in.textInArea(n, 0, (float) (g.top() * mm), (float) (g.width() * mm),
                            (float) ((g.height() - g.top() - g.bottom()) * mm)));
                }
                String joined = body.toString().replace("\u200B", "").replaceAll("\\s*\\n\\s*", "");
                int refs = (int) source.lines().filter(l -> l.contains(url)).count();
                int found = 0;
                for (int at = joined.indexOf(url); at >= 0; at = joined.indexOf(url, at + 1)) {
                    found++;
                }
                assertEquals(refs, found, pack + ": the URL reads whole, no hyphen added");
            }
        });
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
