package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.separata.layout.LayoutPack;
import org.separata.layout.PageGeometry;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Issn;
import org.separata.model.Reference;
import org.separata.model.Title;
import org.separata.support.PdfInspector;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * Every example article rendered with every built-in layout pack carries what a reader checks:
 * titles, authors, ISSNs, DOI, page numbers, references and licence, with every font embedded
 * and pages of the size the pack says. Expected facts come from the input as read (the manifest
 * and its journal profile) and from the pack's layout.yaml.
 */
@Slow
class LayoutPacksTest {

    private static final double PT_PER_MM = 72 / 25.4;

    static Stream<Arguments> examplesAndPacks() {
        List<Arguments> out = new ArrayList<>();
        for (Path example : Repo.examples()) {
            for (String pack : Rendering.separata().world().builtInLayouts()) {
                out.add(Arguments.of(Repo.root().relativize(example).toString(), pack));
            }
        }
        return out.stream();
    }

    @Test
    void thereAreThreePacksAndMoreThanOneExample() {
        assertEquals(List.of("classic", "compact", "modern"), Rendering.separata().world().builtInLayouts());
        assertTrue(Repo.examples().size() >= 2, Repo.examples().toString());
    }

    @Test
    void eachPackHasThePageSizeTheIssueAsksFor() {
        // The designs as specified: classic and modern A4, compact 170 x 240 mm.
        assertSize("classic", 210, 297);
        assertSize("compact", 170, 240);
        assertSize("modern", 210, 297);
    }

    private static void assertSize(String pack, double width, double height) {
        PageGeometry g = Rendering.separata().layouts().get(pack).pack().page();
        assertEquals(width, g.width(), 0.01, pack);
        assertEquals(height, g.height(), 0.01, pack);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("examplesAndPacks")
    void offprintCarriesTheFactsAReaderChecks(String example, String packName) {
        Path input = Repo.file(example);
        Article a = Rendering.separata().read(input).article();
        LayoutPack pack = Rendering.separata().layouts().get(packName).pack();
        Offprint offprint = Rendering.separata().render(input, new RenderOptions(packName, false));
        try (PdfInspector pdf = new PdfInspector(offprint.pdf())) {
            String page1 = flat(pdf.pageText(1));
            String all = flat(pdf.text());
            List<Executable> checks = new ArrayList<>();
            for (Title t : a.titles()) {
                checks.add(() -> assertTrue(page1.contains(flat(t.title().plain())),
                        "title (" + t.lang() + ") on page 1: " + t.title().plain()));
            }
            for (Contributor c : a.authors()) {
                checks.add(() -> assertTrue(page1.contains(flat(c.displayName())), "author " + c.displayName()));
            }
            List<Issn> issns = Stream.of(a.journal().printIssn(), a.journal().onlineIssn())
                    .flatMap(java.util.Optional::stream).toList();
            checks.add(() -> assertFalse(issns.isEmpty(), "the example has an ISSN"));
            for (Issn issn : issns) {
                checks.add(() -> assertTrue(page1.contains(flat("ISSN " + issn.value())), "ISSN " + issn + " on page 1"));
            }
            checks.add(() -> assertTrue(page1.toLowerCase(java.util.Locale.ROOT)
                    .contains(flat(a.journal().title()).toLowerCase(java.util.Locale.ROOT)), "journal title on page 1"));
            a.doi().ifPresent(doi -> {
                checks.add(() -> assertTrue(page1.contains(flat(doi.value())), "DOI on page 1"));
                checks.add(() -> assertTrue(pdf.links().get(1).contains(doi.url()), "DOI link on page 1"));
            });
            checks.add(() -> assertReferencesInOrder(a.references(), all));
            a.license().ifPresentOrElse(l -> {
                String notice = l.text().map(t -> t.plain()).or(l::name).orElseThrow();
                checks.add(() -> assertTrue(all.contains(flat(notice)), "licence notice: " + notice));
                l.url().ifPresent(u -> checks.add(() -> assertTrue(pdf.allLinks().contains(u), "licence link")));
            }, () -> checks.add(() -> assertTrue(false, "every example has a licence (its own or its journal's)")));
            checks.add(() -> assertPageNumbers(pdf, a.firstPageNumber(), pack));
            checks.add(() -> assertPageSizes(pdf, pack.page()));
            checks.add(() -> assertFontsEmbedded(pdf, offprint.pdf()));
            assertAll(example + " with " + packName, checks);
        }
    }

    private static void assertReferencesInOrder(List<Reference> refs, String all) {
        int last = -1;
        for (int i = 0; i < refs.size(); i++) {
            String text = flat(refs.get(i).text().plain());
            int at = all.indexOf(text);
            assertTrue(at > last, "reference " + (i + 1) + " missing or out of order: " + text);
            assertTrue(all.contains(flat((i + 1) + ". ") + " " + text) || all.contains(flat((i + 1) + ". " + text)),
                    "reference " + (i + 1) + " is numbered");
            last = at;
        }
    }

    /** Page labels count from the first page, and each page prints its number in a margin. */
    private static void assertPageNumbers(PdfInspector pdf, int first, LayoutPack pack) {
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < pdf.pageCount(); p++) {
            expected.add(String.valueOf(first + p));
        }
        assertEquals(expected, pdf.pageLabels(), "page labels");
        PageGeometry g = pack.page();
        float w = (float) (g.width() * PT_PER_MM);
        float h = (float) (g.height() * PT_PER_MM);
        float top = (float) (g.top() * PT_PER_MM);
        float bottom = (float) (g.bottom() * PT_PER_MM);
        for (int p = 1; p <= pdf.pageCount(); p++) {
            String margins = pdf.textInArea(p, 0, 0, w, top) + " " + pdf.textInArea(p, 0, h - bottom, w, bottom);
            List<String> tokens = Arrays.asList(margins.strip().split("\\s+"));
            assertTrue(tokens.contains(expected.get(p - 1)),
                    "page " + p + " prints " + expected.get(p - 1) + " in its margins: " + tokens);
        }
    }

    private static void assertPageSizes(PdfInspector pdf, PageGeometry g) {
        for (int p = 1; p <= pdf.pageCount(); p++) {
            float[] size = pdf.pageSize(p);
            assertEquals(g.width() * PT_PER_MM, size[0], 1.0, "page " + p + " width in pt");
            assertEquals(g.height() * PT_PER_MM, size[1], 1.0, "page " + p + " height in pt");
        }
    }

    private static void assertFontsEmbedded(PdfInspector pdf, byte[] bytes) {
        assertFalse(pdf.fonts().isEmpty());
        for (PdfInspector.FontInfo f : pdf.fonts().values()) {
            assertTrue(f.embedded() && f.subset() && f.toUnicode(), f.toString());
        }
        for (String[] row : Poppler.fonts(bytes)) {
            assertEquals("yes", row[2], "embedded: " + String.join(" ", row));
        }
    }

    /**
     * Text as a reader copies it: soft hyphens gone, words broken after a hyphen or an en dash
     * ("2010–" / "2020") joined, spaces collapsed.
     */
    /** Text as a reader compares it, typography aside (hyphenation, no-break spaces, quotes…). */
    private static String flat(String s) {
        return PdfInspector.reading(s);
    }
}
