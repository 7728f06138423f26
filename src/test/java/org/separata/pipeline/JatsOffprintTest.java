package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.separata.diag.Diagnostic;
import org.separata.model.Article;
import org.separata.read.InputReader;
import org.separata.read.ReadResult;
import org.separata.support.JatsFacts;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * JATS files end to end: each renders into an offprint that carries what a reader checks (titles,
 * authors in order, DOI, ISSNs, first page number, first and last reference, each printed once).
 * The expected facts are taken from the XML with the JDK's own DOM and XPath ({@link JatsFacts}),
 * not from Separata's reader.
 */
@Slow
class JatsOffprintTest {

    static List<Path> inputs() throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = Repo.file("src/test/resources/jats");
        try (Stream<Path> s = Stream.concat(Files.list(dir), Files.list(dir.resolve("scielo")))) {
            s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(out::add);
        }
        try (Stream<Path> s = Files.walk(Repo.file("examples"))) {
            s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(out::add);
        }
        return out;
    }

    /** Text with every kind of white space removed, so that line breaks inside a phrase do not matter. */
    /** Text without its white space, typography aside (see {@link PdfInspector#reading(String)}). */
    private static String squeeze(String s) {
        return PdfInspector.reading(s).replaceAll("\\s+", "");
    }

    /** How often {@code needle} occurs in {@code haystack}. */
    static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    @TestFactory
    Stream<DynamicTest> eachJatsFileMakesAnOffprintWithTheFactsAReaderChecks() throws IOException {
        List<Path> files = inputs();
        assertTrue(files.size() >= 11, files.toString());
        return files.stream().map(xml -> DynamicTest.dynamicTest(Repo.root().relativize(xml).toString(), () -> {
            JatsFacts facts = JatsFacts.of(xml);
            Offprint offprint = Rendering.render(xml);
            // every test case is an archival, accessible file, like the examples, each piece tagged once
            org.separata.support.Archival.assertAccessible(offprint.pdf());
            org.separata.support.Tagging.assertEachPieceOnce(offprint.pdf());
            try (PdfInspector pdf = new PdfInspector(offprint.pdf())) {
                String page1 = squeeze(pdf.pageText(1));
                String all = squeeze(pdf.text());
                assertFalse(facts.titles().isEmpty());
                for (String title : facts.titles()) {
                    assertTrue(page1.contains(squeeze(title)), "title on page 1: " + title);
                }
                int last = -1;
                for (String author : facts.authors()) {
                    int at = page1.indexOf(squeeze(author), last + 1);
                    assertTrue(at > last, "author on page 1, in order: " + author + " in " + facts.authors());
                    last = at;
                }
                facts.doi().ifPresent(doi -> assertTrue(page1.contains(squeeze("https://doi.org/" + doi)), "DOI " + doi));
                facts.doi().ifPresent(doi -> assertTrue(pdf.links().get(1).contains("https://doi.org/" + doi)));
                for (String issn : facts.issns()) {
                    assertTrue(page1.contains(squeeze("ISSN" + issn)), "ISSN " + issn);
                }
                Optional<String> fpage = facts.firstPage().filter(p -> p.matches("\\d+"));
                String first = fpage.orElse("1");
                // an article without page numbers but with an e-location is labelled e2022017-1, …
                String label = fpage.isEmpty() && facts.elocation().isPresent()
                        ? facts.elocation().get() + "-1" : first;
                assertEquals(label, pdf.pageLabels().get(0), "page label of page 1");
                assertTrue(pdf.pageText(1).lines().map(String::strip).anyMatch(first::equals),
                        "page 1 prints its folio " + first);
                for (int i : new int[] {0, -1}) {
                    Optional<String> ref = facts.reference(i);
                    if (ref.isPresent()) {
                        assertEquals(1, count(all, squeeze(ref.get())), "reference printed once: " + ref.get());
                    }
                }
                facts.journalTitle().ifPresent(j -> assertTrue(page1.contains(squeeze(j))
                        || page1.contains(squeeze(j.toUpperCase())), "journal " + j));
            }
        }));
    }

    @Test
    void translationsAreLeftOutUnlessAskedFor() {
        Path rba = Repo.file("src/test/resources/jats/scielo/0034-7094-rba-69-03-0227.xml");
        String ptTitle = squeeze("Implementação de atendimento ambulatorial para dor crônica: resultados preliminares");
        Offprint plain = Rendering.render(rba);
        Offprint both = Rendering.separata().render(rba, RenderOptions.defaults().withTranslations(true));
        try (PdfInspector a = new PdfInspector(plain.pdf()); PdfInspector b = new PdfInspector(both.pdf())) {
            assertFalse(squeeze(a.text()).contains(ptTitle));
            assertTrue(plain.warnings().stream().anyMatch(w -> w.message().contains("translation into 'pt'")
                    && w.location().line() > 0), plain.warnings().toString());
            String withTranslation = squeeze(b.text());
            assertTrue(withTranslation.contains(ptTitle));
            assertTrue(withTranslation.contains("TRADUÇÃO") || withTranslation.contains("Tradução"));
            assertTrue(withTranslation.contains(squeeze("https://doi.org/10.1016/j.bjan.2019.01.002")));
            assertTrue(b.pageCount() > a.pageCount() + 3, a.pageCount() + " → " + b.pageCount());
            assertEquals(String.valueOf(227 + b.pageCount() - 1), b.pageLabels().get(b.pageCount() - 1));
        }
    }

    @Test
    void missingImagesBecomeVisiblePlaceholdersAndWarnings() {
        Path rsp = Repo.file("src/test/resources/jats/scielo/0034-8910-rsp-48-2-0206.xml");
        Offprint o = Rendering.render(rsp);
        List<Diagnostic> images = o.warnings().stream().filter(w -> w.message().contains("is not beside the article"))
                .toList();
        assertEquals(4, images.size(), o.warnings().toString());
        assertTrue(images.stream().allMatch(w -> w.location().line() > 0));
        try (PdfInspector pdf = new PdfInspector(o.pdf())) {
            String text = pdf.flatText();
            assertEquals(4, count(text, "The figure is not reproduced in this offprint."), text);
            assertTrue(text.contains("Figure 1. Graphical representation of the characteristic"), text);
            // its table is typeset, not left out
            assertEquals(0, count(text, "The table is not reproduced in this offprint."));
        }
    }

    @Test
    void symbolsTheTextFontLacksAreSetFromTheSymbolsFont() {
        Path rba = Repo.file("src/test/resources/jats/scielo/0034-7094-rba-69-03-0227.xml");
        Offprint o = Rendering.render(rba);
        try (PdfInspector pdf = new PdfInspector(o.pdf())) {
            assertTrue(pdf.flatText().contains("significant when \u22640.05"), "≤ is printed");
            assertTrue(pdf.fonts().keySet().stream().anyMatch(f -> f.contains("NotoSansMath")), pdf.fonts().toString());
        }
    }

    @Test
    void theSeedArticleReadsTheSameFromJatsAsFromItsManifest() throws IOException {
        Article yaml = read(Repo.seed());
        Article jats = read(Repo.file("examples/adins-2021/article.xml"));
        // What JATS has no element for: the how-to-cite line (it is generated the same), the
        // licence's short name; and what only JATS has: reference ids.
        Article.Builder y = yaml.toBuilder();
        y.howToCite = Optional.empty();
        y.license = yaml.license().map(l -> new org.separata.model.License(Optional.empty(), l.url(), l.holder(),
                l.year(), l.text(), l.statement()));
        Article.Builder j = jats.toBuilder();
        j.references.replaceAll(r -> new org.separata.model.Reference(Optional.empty(), r.label(), r.text(), r.doi(),
                r.url(), r.translation()));
        assertEquals(y.build(), j.build());
    }

    private static Article read(Path p) throws IOException {
        ReadResult r = InputReader.read(Files.readAllBytes(p), p.toString());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        return r.article();
    }
}
