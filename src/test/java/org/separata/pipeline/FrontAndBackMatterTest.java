package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.support.PageGlyphs;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The author block, the lists and the reference list, read back from PDFs in all three packs:
 * affiliations printed once, the correspondence label once, no doubled full stop, the
 * corresponding author's asterisk inside the superscript; list labels hanging beside their items;
 * a list cited by author and year printed unnumbered, in the source's order.
 */
@Slow
class FrontAndBackMatterTest {

    private static final Path AUTHORS = Repo.file("src/test/resources/jats/ru-translations.xml");
    private static final Path LISTS = Repo.file("src/test/resources/cases/lists/article.xml");
    private static final Map<String, byte[]> AUTHOR_PDFS = new LinkedHashMap<>();
    private static final Map<String, byte[]> LIST_PDFS = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        for (String pack : List.of("classic", "compact", "modern")) {
            AUTHOR_PDFS.put(pack, Rendering.render(AUTHORS, pack).pdf());
            LIST_PDFS.put(pack, Rendering.render(LISTS, pack).pdf());
        }
    }


    @Test
    void affiliationsAndCorrespondenceArePrintedOnce() {
        // the input: two authors share the institute; one note gives the correspondence
        String xml = LineBreakRulesTest.read(AUTHORS);
        assertTrue(PdfInspector.count(xml, "aff2\"") >= 2, "two authors share an affiliation in the input");
        AUTHOR_PDFS.forEach((pack, pdf) -> {
            String page1 = PdfInspector.flat(new PdfInspector(pdf).pageText(1));
            assertEquals(1, PdfInspector.count(page1, "Институт русского языка"), pack + ": " + page1);
            assertEquals(1, PdfInspector.count(page1, "Томский государственный университет"), pack);
            assertEquals(1, PdfInspector.count(page1, "Для корреспонденции"), pack);
            assertFalse(page1.contains(".."), pack + ": a doubled full stop");
        });
    }

    @Test
    void labelsFollowTheArticlesLanguage() {
        // a Russian article: the masthead's "№", and "Для цитирования" however the citation is styled
        AUTHOR_PDFS.forEach((pack, pdf) -> {
            String text = PdfInspector.flat(new PdfInspector(pdf).text());
            assertTrue(text.contains("Для цитирования:"), pack);
            assertFalse(text.contains("For citation"), pack);
        });
    }

    @Test
    void theCorrespondingAuthorsAsteriskSitsInTheSuperscript() {
        AUTHOR_PDFS.forEach((pack, pdf) -> {
            List<PageGlyphs.Glyph> g = PageGlyphs.of(pdf);
            int seen = 0;
            for (int i = 1; i < g.size(); i++) {
                PageGlyphs.Glyph star = g.get(i);
                PageGlyphs.Glyph before = g.get(i - 1);
                if (star.page() == 1 && star.text().equals("*") && before.text().equals(",")
                        && Math.abs(before.bottom() - star.bottom()) < 0.5) {
                    seen++;
                    assertTrue(star.left() - before.right() < 1, pack + ": a loose asterisk: " + before + " " + star);
                }
            }
            assertTrue(seen >= 1, pack + ": the byline marks the corresponding author with '1,*'");
        });
    }

    @Test
    void listLabelsHangBesideTheirItems() {
        LIST_PDFS.forEach((pack, pdf) -> {
            List<PageGlyphs.Glyph> g = PageGlyphs.of(pdf);
            List<PageGlyphs.Glyph> bullets = g.stream().filter(x -> x.text().equals("\u2022")).toList();
            assertEquals(4, bullets.size(), pack + ": one bullet per item of the bulleted lists");
            for (PageGlyphs.Glyph b : bullets) {
                List<PageGlyphs.Glyph> line = new ArrayList<>();
                for (PageGlyphs.Glyph x : g) {
                    if (x.page() == b.page() && Math.abs(x.bottom() - b.bottom()) < 1 && x != b) {
                        line.add(x);
                    }
                }
                assertFalse(line.isEmpty(), pack + ": the bullet stands beside its item's first line: " + b);
                for (PageGlyphs.Glyph x : line) {
                    assertTrue(x.right() <= b.left() + 0.1 || x.left() >= b.right() + 1, pack + ": the bullet overprints " + x);
                }
                // the item's text starts right of the bullet, and its next line there too (it hangs)
                double textLeft = line.stream().mapToDouble(PageGlyphs.Glyph::left).min().orElseThrow();
                assertTrue(textLeft > b.right(), pack + ": text left of the bullet");
            }
        });
    }

    @Test
    void labelsAnItemBringsHangLikeTheLayoutsOwn() {
        // the source's "(a)" and "(b)": no bullet of the layout's beside them, the label in the
        // indent, the item's text and its next line right of it
        LIST_PDFS.forEach((pack, pdf) -> {
            List<PageGlyphs.Glyph> g = PageGlyphs.of(pdf);
            for (String label : List.of("(a)", "(b)")) {
                int at = -1;
                for (int i = 0; i + 2 < g.size() && at < 0; i++) {
                    if ((g.get(i).text() + g.get(i + 1).text() + g.get(i + 2).text()).equals(label)
                            && i + 3 < g.size() && g.get(i + 3).text().equals("w")) {
                        at = i;
                    }
                }
                assertTrue(at >= 0, pack + ": " + label + " is printed");
                PageGlyphs.Glyph open = g.get(at);
                PageGlyphs.Glyph close = g.get(at + 2);
                PageGlyphs.Glyph text = g.get(at + 3);
                assertTrue(g.stream().noneMatch(x -> x.text().equals("\u2022") && x.page() == open.page()
                        && Math.abs(x.bottom() - open.bottom()) < 1), pack + ": no bullet beside " + label);
                assertTrue(text.left() > close.right(), pack + ": the text follows the label");
                // the item's next line starts where its text does, right of the label: it hangs
                PageGlyphs.Glyph next = g.subList(at + 3, g.size()).stream()
                        .filter(x -> x.page() == open.page() && x.bottom() > open.bottom() + 3).findFirst().orElseThrow();
                assertTrue(next.left() > close.right() - 0.5 && Math.abs(next.left() - text.left()) < 3,
                        pack + ": the next line of " + label + " starts at " + next.left() + ", its text at " + text.left());
            }
        });
    }

    @Test
    void anAuthorDateListIsUnnumberedInTheSourcesOrder() {
        LIST_PDFS.forEach((pack, pdf) -> {
            String text = PdfInspector.flat(new PdfInspector(pdf).text());
            int rabinovich = text.indexOf("Rabinovich, Eva. 2013");
            int smith = text.indexOf("Smith, John, and Ann Jones. 2019");
            int abbott = text.indexOf("Abbott, Paul. 2001");
            assertTrue(rabinovich > 0 && rabinovich < smith && smith < abbott, pack + ": in the source's order");
            assertFalse(text.contains("1. Rabinovich") || text.contains("3. Abbott"), pack + ": unnumbered");
        });
        // the seed cites nothing by author and year: its list stays numbered
        String seed = PdfInspector.flat(new PdfInspector(Rendering.render(Repo.seed()).pdf()).text());
        assertTrue(seed.contains("1. Adins"), "the seed's references are numbered");
    }
}
