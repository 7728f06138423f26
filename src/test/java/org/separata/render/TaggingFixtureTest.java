package org.separata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.env.World;
import org.separata.finish.PdfFinisher;
import org.separata.finish.PdfMetadata;
import org.separata.finish.PdfStandard;
import org.separata.fonts.FontCatalog;
import org.separata.fonts.FontFamily;
import org.separata.layout.XhtmlDocument;
import org.separata.support.Archival;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TaggedPdf;
import org.separata.support.TaggedPdf.Element;
import org.separata.support.Tagging;

/**
 * What each kind of XHTML markup becomes in the structure tree, on a small document of its own
 * ({@code src/test/resources/tagging/semantics.xhtml}) rendered and finished as an offprint is:
 * tables with header cells and spans, figures with their alternate text or their caption,
 * decorative images, formulas, ordered, nested and definition lists with their labels, links
 * outside and inside the document, a change of language, a note, a quotation, a layout table, a
 * skipped heading level and a running head. Tables, figures and formulas come from JATS through
 * the content work; this pins the mapping they will rely on.
 */
@Slow
class TaggingFixtureTest {

    private static byte[] pdf;

    @BeforeAll
    static void render() throws IOException {
        String xhtml = Files.readString(Repo.file("src/test/resources/tagging/semantics.xhtml"));
        byte[] png = Files.readAllBytes(Repo.file("layouts/lib/cc-by.png"));
        List<FontFamily> fonts = List.of(new FontCatalog(World.system()).family("noto-serif").orElseThrow());
        RenderedPdf rendered = PdfRenderer.render(new XhtmlDocument(xhtml,
                name -> name.equals("badge.png") ? Optional.of(png) : Optional.empty(), fonts, 1, "fixture"), true);
        assertTrue(rendered.tags().isPresent());
        PdfFinisher finisher = new PdfFinisher(Files.readAllBytes(Repo.file("src/main/resources/color/sRGB.icc")));
        pdf = finisher.finish(rendered.bytes(), PdfMetadata.builder("en", "Tagging fixture").build(), List.of(),
                PdfStandard.PDF_A_2A, rendered.tags());
    }

    private static TaggedPdf read() {
        return new TaggedPdf(pdf);
    }

    private static Element only(TaggedPdf t, String type) {
        List<Element> all = t.ofType(type);
        assertEquals(1, all.size(), type + ": " + all);
        return all.get(0);
    }

    private static List<String> types(Element e) {
        return e.kids().stream().map(Element::type).toList();
    }

    private static String text(Element e) {
        return e.text().replaceAll("\\s+", " ").strip();
    }

    @Test
    void passesPdfUa1AndPdfA2aWithEveryPieceOnce() {
        Archival.assertAccessible(pdf);
        Tagging.assertEachPieceOnce(pdf);
    }

    @Test
    void headingLevelsGoDownOneAtATime() {
        try (TaggedPdf t = read()) {
            assertEquals("Fixture title", text(only(t, "H1")));
            assertEquals("A heading two levels down", text(only(t, "H2")), "an h3 right after an h1 is an H2");
        }
    }

    @Test
    void aTableHasItsCaptionHeadBodyHeaderScopesAndSpans() {
        try (TaggedPdf t = read()) {
            Element table = only(t, "Table");
            assertEquals(List.of("Caption", "THead", "TBody"), types(table));
            assertEquals("Table 1. Results", text(table.kids().get(0)));
            Element headRow = table.kids().get(1).kids().get(0);
            assertEquals(List.of("TH", "TH"), types(headRow));
            for (Element th : headRow.kids()) {
                assertEquals("Column", th.attributes().get("Table/Scope"), "a header cell in the head: " + th);
            }
            List<Element> rows = table.kids().get(2).kids();
            assertEquals(3, rows.size());
            assertEquals(List.of("TH", "TD"), types(rows.get(0)));
            assertEquals("Row", rows.get(0).kids().get(0).attributes().get("Table/Scope"), "a row's first header cell");
            assertEquals("Alpha", text(rows.get(0).kids().get(0)));
            assertEquals("1", text(rows.get(0).kids().get(1)));
            assertEquals("Row", rows.get(1).kids().get(0).attributes().get("Table/Scope"), "scope=\"row\"");
            Element spanning = rows.get(2).kids().get(0);
            assertEquals("Spanning cell", text(spanning));
            assertTrue(spanning.attributes().get("Table/ColSpan").contains("2"), spanning.attributes().toString());
        }
    }

    @Test
    void figuresCarryTheirAltOrTheirCaptionAndDecorationIsAnArtifact() {
        try (TaggedPdf t = read()) {
            List<Element> figures = t.ofType("Figure");
            assertEquals(2, figures.size(), "two images with a description; the one with alt=\"\" is decoration");
            assertEquals(Optional.of("A described badge"), figures.get(0).alt());
            assertEquals(Optional.of("Figure 2. The caption is the description."), figures.get(1).alt());
            List<Element> captions = t.ofType("Caption").stream().filter(c -> c.text().contains("Figure")).toList();
            assertEquals(2, captions.size());
            for (Element figure : figures) {
                assertEquals("", figure.text(), "an image has no text");
            }
            Element decorated = t.ofType("P").stream().filter(p -> p.text().startsWith("Decoration")).findFirst()
                    .orElseThrow();
            assertTrue(decorated.kids().isEmpty(), "the decorative image is not in the paragraph");
        }
    }

    @Test
    void formulasHaveTheirAlternateText() {
        try (TaggedPdf t = read()) {
            List<Element> formulas = t.ofType("Formula");
            assertEquals(2, formulas.size());
            assertEquals(Optional.of("E equals m c squared"), formulas.get(0).alt(), "role=\"math\" aria-label");
            assertEquals("E = mc²", text(formulas.get(0)));
            assertEquals(Optional.of("x squared"), formulas.get(1).alt(), "MathML alttext");
            assertEquals(List.of(), types(formulas.get(1)), "a formula's parts are the formula's content");
            assertEquals("P", t.elements().get(t.elements().indexOf(formulas.get(1)) - 1).type(),
                    "an inline formula is in its paragraph");
        }
    }

    @Test
    void listsHaveItemsWithLabelsAndBodies() {
        try (TaggedPdf t = read()) {
            List<Element> lists = t.ofType("L");
            assertEquals(3, lists.size(), "the ordered list, the nested one and the definition list");
            Element ordered = lists.get(0);
            assertEquals("Decimal", ordered.attributes().get("List/ListNumbering"));
            assertEquals(List.of("LI", "LI"), types(ordered));
            Element first = ordered.kids().get(0);
            assertEquals(List.of("Lbl", "LBody"), types(first));
            assertEquals("1.", text(first.kids().get(0)), "the marker Flying Saucer paints is the label");
            assertEquals("First item", text(first.kids().get(1)));
            Element nested = ordered.kids().get(1).kids().get(1).kids().stream().filter(k -> k.type().equals("L"))
                    .findFirst().orElseThrow();
            assertEquals(lists.get(1), nested, "the nested list is inside the second item's body");
            assertEquals("Disc", nested.attributes().get("List/ListNumbering"));
            Element terms = lists.get(2);
            assertEquals(List.of("LI"), types(terms));
            assertEquals(List.of("Lbl", "LBody"), types(terms.kids().get(0)));
            assertEquals("Term", text(terms.kids().get(0).kids().get(0)));
            assertEquals("Its definition", text(terms.kids().get(0).kids().get(1)));
        }
    }

    @Test
    void linksHoldTheirAnnotationsInsideAndOutsideTheDocument() {
        try (TaggedPdf t = read()) {
            List<Element> links = t.ofType("Link");
            assertEquals(2, links.size());
            PDAnnotationLink outside = (PDAnnotationLink) links.get(0).annotations().get(0);
            assertEquals("https://example.org/x", ((PDActionURI) outside.getAction()).getURI());
            assertEquals("link text", outside.getContents());
            assertEquals("link text", text(links.get(0)));
            PDAnnotationLink inside = (PDAnnotationLink) links.get(1).annotations().get(0);
            assertTrue(inside.getAction() instanceof PDActionGoTo, "#top is a jump inside the document");
            assertEquals("the title", inside.getContents());
        }
    }

    @Test
    void aChangeOfLanguageIsASpanWithItsLang() {
        try (TaggedPdf t = read()) {
            Element span = only(t, "Span");
            assertEquals(Optional.of("de"), span.lang());
            assertEquals("ein deutsches Wort", text(span));
            assertEquals("en", t.document().getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void notesQuotesAndLayoutTables() {
        try (TaggedPdf t = read()) {
            Element note = only(t, "Note");
            assertEquals("1 A note.", text(note));
            var id = t.document().getDocumentCatalog().getStructureTreeRoot().getIDTree();
            assertTrue(id != null, "notes have IDs in the IDTree");
            assertEquals(List.of("P"), types(only(t, "BlockQuote")));
            assertTrue(t.ofType("P").stream().anyMatch(p -> text(p).equals("Layout cell one")),
                    "a presentation table's cells are paragraphs, not a table");
            assertFalse(t.ofType("TD").stream().anyMatch(td -> td.text().contains("Layout")));
        }
    }

    @Test
    void theRunningHeadAndTheFoliosAreArtifacts() {
        try (TaggedPdf t = read()) {
            assertTrue(t.artifactText().contains("Running head text"));
            assertFalse(t.treeText().contains("Running head text"));
            Map<Integer, Integer> folios = TaggedPdf.letters(t.artifactText().replace("Running head text", ""));
            assertEquals(Map.of((int) '1', 1, (int) '2', 1), folios, "the folios of the two pages: " + t.artifactText());
        }
    }
}
