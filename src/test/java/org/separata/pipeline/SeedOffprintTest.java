package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.model.Article;
import org.separata.model.Reference;
import org.separata.model.Title;
import org.separata.read.ManifestReader;
import org.separata.support.PdfInspector;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The seed offprint, end to end: the example manifest rendered with the default layout, checked
 * as a reader would check it. Expected facts are taken from the manifest itself, not copied here.
 */
@Slow
class SeedOffprintTest {

    private static Offprint offprint;
    private static Article input;
    private static PdfInspector pdf;

    @BeforeAll
    static void render() throws Exception {
        input = ManifestReader.read(Files.readAllBytes(Repo.seed()), "article.yaml").article();
        offprint = Rendering.render(Repo.seed());
        pdf = new PdfInspector(offprint.pdf());
    }

    @AfterAll
    static void close() {
        pdf.close();
    }

    @Test
    void titlesInEveryLanguageAreOnThFirstPage() {
        String page1 = flat(pdf.pageText(1));
        assertEquals(3, input.titles().size());
        for (Title t : input.titles()) {
            assertTrue(page1.contains(t.title().plain()), "title (" + t.lang() + ") missing: " + t.title().plain());
        }
        assertTrue(input.titles().stream().anyMatch(t -> t.title().plain().matches(".*[\\u0400-\\u04FF].*")),
                "the example must exercise Cyrillic");
    }

    @Test
    void mastheadCarriesIssnsIssueAndDoi() {
        String page1 = flat(pdf.pageText(1));
        String head = page1.substring(0, page1.indexOf(input.mainTitle().title().plain()));
        assertTrue(head.contains("ISSN 2409-3416 (Print)"), head);
        assertTrue(head.contains("ISSN 2658-5219 (Online)"), head);
        assertTrue(head.contains(input.journal().title().toUpperCase()) || head.contains(input.journal().title()));
        assertTrue(head.contains("2021"), head);
        assertTrue(head.contains("Vol. 9"), head);
        assertTrue(head.contains("4"), head);
        assertTrue(head.contains("84\u2013100"), "the page range with an en dash: " + head);
        assertTrue(head.contains("https://doi.org/" + input.doi().orElseThrow().value()), head);
    }

    @Test
    void doiIsAClickableLinkOnThePage() {
        List<String> page1 = pdf.links().get(1);
        assertTrue(page1.contains("https://doi.org/10.46272/2409-3416-2021-9-4-84-100"), page1.toString());
    }

    @Test
    void laterPagesHaveRunningHeadsWithJournalIssnsAndDoi() {
        assertTrue(pdf.pageCount() >= 2);
        for (int p = 2; p <= pdf.pageCount(); p++) {
            String text = flat(pdf.pageText(p));
            String head = text.substring(0, Math.min(text.length(), 260));
            assertTrue(head.contains(input.journal().title()), "page " + p + ": " + head);
            assertTrue(head.contains("ISSN 2409-3416"), "page " + p + ": " + head);
            assertTrue(head.contains("ISSN 2658-5219"), "page " + p + ": " + head);
            assertTrue(head.contains(input.doi().orElseThrow().value()), "page " + p + ": " + head);
        }
    }

    @Test
    void pageNumbersStartAtTheArticlesFirstPage() {
        assertEquals(List.of("84", "85"), pdf.pageLabels().subList(0, 2));
        for (int p = 1; p <= pdf.pageCount(); p++) {
            String folio = String.valueOf(83 + p);
            List<String> lines = pdf.pageText(p).lines().map(String::strip).toList();
            assertTrue(lines.contains(folio), "page " + p + " should print its folio " + folio + ": " + lines);
        }
    }

    @Test
    void allEightReferencesAppearOnceEachInOrder() {
        String all = reading(pdf.text());
        List<Reference> refs = input.references();
        assertEquals(8, refs.size());
        int last = -1;
        for (Reference r : refs) {
            String text = reading(r.text().plain());
            int at = all.indexOf(text);
            assertTrue(at >= 0, "reference missing: " + text);
            assertEquals(at, all.lastIndexOf(text), "reference printed twice: " + text);
            assertTrue(at > last, "reference out of order: " + text);
            last = at;
        }
        for (int i = 1; i <= 8; i++) {
            assertTrue(all.contains(reading(i + ". " + refs.get(i - 1).text().plain())), "number " + i);
        }
    }

    @Test
    void abstractsHowToCiteAndLicenseArePrinted() {
        String all = flat(pdf.text());
        String prose = reading(pdf.text());
        // an abstract may run over a page break, past the running heads and the folio
        input.abstracts().forEach(a -> assertTrue(PdfInspector.readsInOrder(pdf.text(), a.plain(), 40),
                "abstract " + a.lang()));
        assertTrue(prose.contains(reading(input.howToCite().orElseThrow().plain())), "how to cite");
        assertTrue(prose.contains(reading(input.license().orElseThrow().text().orElseThrow().plain())), "license text");
        assertTrue(pdf.allLinks().contains("https://creativecommons.org/licenses/by/4.0/"), "license deed link");
        assertTrue(all.contains("Sebastien Adins"));
        assertTrue(all.contains("PhD in Political Science"));
        assertTrue(all.contains("Pontifical Catholic University of Peru"));
        assertTrue(all.contains("1801 Universitaria Avenue, San Miguel"));
    }

    @Test
    void everyFontIsEmbeddedAsASubsetWithToUnicode() {
        Map<String, PdfInspector.FontInfo> fonts = pdf.fonts();
        assertFalse(fonts.isEmpty());
        for (PdfInspector.FontInfo f : fonts.values()) {
            assertTrue(f.embedded(), f.toString());
            assertTrue(f.subset(), f.toString());
            assertTrue(f.toUnicode(), f.toString());
            assertFalse(f.name().matches(".*(Times|Helvetica|Courier|Symbol|ZapfDingbats).*"), f.toString());
        }
        // poppler agrees
        for (String[] row : Poppler.fonts(offprint.pdf())) {
            assertEquals("yes", row[2], "embedded: " + String.join(" ", row));
            assertEquals("yes", row[3], "subset: " + String.join(" ", row));
            assertEquals("yes", row[4], "ToUnicode: " + String.join(" ", row));
        }
    }

    @Test
    void infoDictionaryCarriesTitleAuthorsAbstractAndKeywords() {
        assertEquals(input.mainTitle().title().plain(), pdf.infoTitle());
        assertEquals("Sebastien Adins", pdf.infoAuthor());
        // The subject is the abstract in the article's language, as dc:description's x-default.
        assertEquals(input.abstracts().stream().filter(a -> a.lang().equals(input.language())).findFirst()
                .orElseThrow().plain(), pdf.infoSubject());
        assertTrue(pdf.infoKeywords().contains("Perú"), pdf.infoKeywords());
    }

    @Test
    void copiedTextReadsAsTheInput() {
        String text = Poppler.run("pdftotext", offprint.pdf(), "-enc", "UTF-8");
        String flat = flat(text);
        assertTrue(flat.contains(input.title("ru").orElseThrow().title().plain()), flat);
        assertTrue(flat.contains("ISSN 2409-3416 (Print)"));
    }

    private static String flat(String s) {
        return PdfInspector.flat(s);
    }

    /** Running text as a reader compares it with the input: see {@link PdfInspector#reading(String)}. */
    private static String reading(String s) {
        return PdfInspector.reading(s);
    }
}
