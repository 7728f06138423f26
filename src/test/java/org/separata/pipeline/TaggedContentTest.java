package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.separata.env.World;
import org.separata.support.Archival;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TaggedPdf;
import org.separata.support.TaggedPdf.Element;
import org.separata.support.Tagging;
import org.w3c.dom.NodeList;

/**
 * The content of issue 13 as a screen reader gets it: the research article (tables, figures,
 * formulas), the article in other scripts (fallback fonts, Chinese, Arabic and Hebrew set right to
 * left), the table on a landscape page and tables that are not grids all pass veraPDF's PDF/UA-1
 * and PDF/A-2a profiles with every piece tagged once; tables are {@code Table} with their caption,
 * head, body, foot, header scopes and as many columns in every row; figures are {@code Figure}
 * holding their image, described by the JATS {@code alt-text} or else the caption; formulas are
 * {@code Formula} holding the glyphs and rules {@code MathElement} draws, described by their linear
 * form. Expected facts come from the XML, read with the JDK's DOM.
 */
@Slow
class TaggedContentTest {

    private static final Path RESEARCH = Repo.file("examples/research-article/article.xml");
    private static final Path IRREGULAR = Repo.file("src/test/resources/tagging/irregular-table.xml");

    private static final Map<Path, byte[]> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] render(Path input) {
        return RENDERED.computeIfAbsent(input, i -> Rendering.separata().render(i, RenderOptions.defaults()).pdf());
    }

    private static String letters(String s) {
        return TaggedPdf.squeeze(s).replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<org.w3c.dom.Element> all(org.w3c.dom.Node in, String name) {
        NodeList nodes = in instanceof org.w3c.dom.Document d ? d.getElementsByTagNameNS("*", name)
                : ((org.w3c.dom.Element) in).getElementsByTagNameNS("*", name);
        List<org.w3c.dom.Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((org.w3c.dom.Element) nodes.item(i));
        }
        return out;
    }

    private static Optional<org.w3c.dom.Element> first(org.w3c.dom.Element in, String name) {
        return all(in, name).stream().findFirst();
    }

    private static String text(org.w3c.dom.Node n) {
        return n.getTextContent().replaceAll("\\s+", " ").strip();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"examples/research-article/article.xml", "src/test/resources/content/wide-table.xml",
        "src/test/resources/tagging/irregular-table.xml"})
    void passesPdfUa1AndPdfA2aWithEachPieceTaggedOnce(String input) {
        byte[] pdf = render(Repo.file(input));
        assertEquals(List.of("2a", "ua1"), Archival.claims(pdf));
        Archival.assertArchival(pdf);
        Tagging.assertEachPieceOnce(pdf);
    }

    @Test
    void otherScriptsFallbackFontsAndRightToLeftRunsAreTaggedOnce() {
        Path cjk = Path.of("/usr/share/fonts/opentype/noto");
        Assumptions.assumeTrue(Files.isDirectory(cjk), "Debian's fonts-noto-cjk is installed (.ci/run installs it)");
        Separata bare = new Separata(World.withEnvironment(Map.of("SEPARATA_SYSTEM_FONTS", "")));
        byte[] pdf = bare.render(Repo.file("src/test/resources/content/scripts.xml"),
                RenderOptions.defaults().withFontPath(List.of(cjk))).pdf();
        Archival.assertArchival(pdf);
        Tagging.assertEachPieceOnce(pdf);
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            String tree = java.text.Normalizer.normalize(t.treeText(), java.text.Normalizer.Form.NFKC);
            for (String s : List.of("上海", "王小明", "⌀", "✠")) {
                assertTrue(tree.contains(s), s + " is in the tree: " + tree);
            }
            // the right-to-left runs are in the paragraph that holds them, whatever order the glyphs are drawn in
            Element p = t.ofType("P").stream().filter(e -> e.text().contains("hello")).findFirst().orElseThrow();
            for (String word : List.of("مرحبا", "بالعالم", "שלום", "עולם")) {
                assertTrue(letters(java.text.Normalizer.normalize(p.text(), java.text.Normalizer.Form.NFKC))
                        .contains(letters(new StringBuilder(word).reverse().toString()))
                        || letters(java.text.Normalizer.normalize(p.text(), java.text.Normalizer.Form.NFKC))
                        .contains(letters(word)), word + " in " + p.text());
            }
        }
    }

    /** Each table of the XML is a Table with its caption, head, body and foot, its cells in order. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"examples/research-article/article.xml", "src/test/resources/tagging/irregular-table.xml",
        "src/test/resources/content/wide-table.xml"})
    void tablesAreTablesWithCaptionsHeadsBodiesFeetAndScopes(String input) throws Exception {
        Path file = Repo.file(input);
        List<org.w3c.dom.Element> wraps = all(xml(file), "table-wrap");
        try (TaggedPdf t = new TaggedPdf(render(file))) {
            List<Element> tables = t.ofType("Table");
            assertEquals(wraps.size(), tables.size(), "one Table per table-wrap");
            for (int i = 0; i < wraps.size(); i++) {
                org.w3c.dom.Element wrap = wraps.get(i);
                Element table = tables.get(i);
                List<String> expected = new ArrayList<>(List.of("Caption"));
                List<String> groups = new ArrayList<>();
                for (String g : List.of("thead", "tbody", "tfoot")) {
                    if (!all(wrap, g).isEmpty()) {
                        groups.add(g);
                        expected.add(g.equals("thead") ? "THead" : g.equals("tbody") ? "TBody" : "TFoot");
                    }
                }
                assertEquals(expected, table.kids().stream().map(Element::type).toList(), "table " + (i + 1));
                String caption = first(wrap, "label").map(TaggedContentTest::text).orElse("")
                        + first(wrap, "caption").map(TaggedContentTest::text).orElse("");
                assertEquals(letters(caption), letters(table.kids().get(0).text()), "table " + (i + 1) + "'s caption");
                int columns = -1;
                for (int g = 0; g < groups.size(); g++) {
                    List<org.w3c.dom.Element> rows = all(all(wrap, groups.get(g)).get(0), "tr");
                    List<Element> trs = table.kids().get(g + 1).kids();
                    assertEquals(rows.size(), trs.size(), groups.get(g) + " of table " + (i + 1));
                    int[] carried = new int[rows.size() + 1];
                    for (int r = 0; r < rows.size(); r++) {
                        List<org.w3c.dom.Element> cells = new ArrayList<>();
                        for (org.w3c.dom.Node c = rows.get(r).getFirstChild(); c != null; c = c.getNextSibling()) {
                            if (c instanceof org.w3c.dom.Element ce) {
                                cells.add(ce);
                            }
                        }
                        List<Element> tagged = trs.get(r).kids();
                        assertTrue(tagged.size() == cells.size() || tagged.size() == cells.size() + 1,
                                "a row's cells, and one empty cell where it is short: " + tagged);
                        int width = carried[r];
                        for (int c = 0; c < tagged.size(); c++) {
                            Element cell = tagged.get(c);
                            int colspan = span(cell, "ColSpan");
                            int rowspan = Math.min(span(cell, "RowSpan"), rows.size() - r);
                            width += colspan;
                            for (int below = r + 1; below < r + rowspan; below++) {
                                carried[below] += colspan;
                            }
                            if (c == cells.size()) {
                                assertEquals("TD", cell.type());
                                assertEquals("", cell.text(), "the cell that fills a short row is empty");
                                continue;
                            }
                            org.w3c.dom.Element source = cells.get(c);
                            boolean header = source.getLocalName().equals("th");
                            assertEquals(header ? "TH" : "TD", cell.type(), text(source));
                            assertEquals(letters(text(source)), letters(cell.text()));
                            if (header) {
                                String scope = source.getAttribute("scope");
                                String want = scope.startsWith("row") ? "Row"
                                        : scope.startsWith("col") || groups.get(g).equals("thead") ? "Column" : null;
                                if (want != null) {
                                    assertEquals(want, cell.attributes().get("Table/Scope"), text(source));
                                }
                            }
                        }
                        if (columns < 0) {
                            columns = width;
                        }
                        assertEquals(columns, width, "every row of table " + (i + 1) + " is as wide: row " + (r + 1)
                                + " of its " + groups.get(g));
                    }
                }
            }
        }
    }

    private static int span(Element cell, String which) {
        String v = cell.attributes().get("Table/" + which);
        return v == null ? 1 : Integer.parseInt(v.replaceAll("\\D", ""));
    }

    @Test
    void figuresAreFiguresHoldingTheirImageDescribedByTheirAltTextElseTheirCaption() throws Exception {
        byte[] pdf = render(RESEARCH);
        List<org.w3c.dom.Element> figs = all(xml(RESEARCH), "fig");
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            List<Element> figures = t.ofType("Figure");
            assertEquals(figs.size(), figures.size(), "one Figure per fig");
            for (int i = 0; i < figs.size(); i++) {
                org.w3c.dom.Element fig = figs.get(i);
                String alt = first(fig, "alt-text").map(TaggedContentTest::text)
                        .orElseGet(() -> first(fig, "caption").map(TaggedContentTest::text).orElseThrow());
                assertEquals(letters(alt), letters(figures.get(i).alt().orElseThrow()), "figure " + (i + 1));
            }
            // each figure's caption is a Caption beside it, in the same figure
            List<Element> captions = t.ofType("Caption").stream()
                    .filter(c -> letters(c.text()).startsWith("figure")).toList();
            assertEquals(figs.size(), captions.size());
            Marks marks = Marks.of(t);
            assertEquals(figs.size(), marks.imagesIn.getOrDefault("Figure", 0), "each Figure holds its image");
            assertEquals(Map.of(), withoutKeys(marks.imagesIn, "Figure", "Artifact"), "images elsewhere");
        }
    }

    @Test
    void formulasHoldTheGlyphsAndRulesMathElementDrawsDescribedByTheirLinearForm() throws Exception {
        byte[] pdf = render(RESEARCH);
        int maths = all(xml(RESEARCH), "math").size();
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            List<Element> formulas = t.ofType("Formula");
            assertEquals(maths, formulas.size(), "one Formula per MathML formula");
            for (Element f : formulas) {
                String alt = f.alt().orElseThrow();
                assertEquals(alt, f.text(), "the formula's glyphs are inside it, and read as its linear form");
            }
            List<String> alts = formulas.stream().map(f -> f.alt().orElseThrow()).toList();
            // the display formulas' linear forms, as ContentOffprintTest finds them copied from the page
            for (String linear : List.of("(∂c)/(∂t) = D_eff (∂^2 c)/(∂x^2)", "c(x,t) = M/√(4πD_eff t)",
                    "∑_(i=1)^n 2D_i t_i")) {
                assertTrue(alts.stream().anyMatch(a -> a.contains(linear)), linear + " in " + alts);
            }
            Marks marks = Marks.of(t);
            assertEquals(maths, marks.spansIn.getOrDefault("Formula", 0), "every formula's span is in its Formula");
            assertEquals(Map.of(), withoutKeys(marks.spansIn, "Formula"), "formula spans elsewhere");
            assertTrue(marks.rulesIn.getOrDefault("Formula", 0) > 0, "fraction bars and radicals are the formula's");
        }
    }

    private static Map<String, Integer> withoutKeys(Map<String, Integer> m, String... keys) {
        Map<String, Integer> out = new java.util.TreeMap<>(m);
        for (String k : keys) {
            out.remove(k);
        }
        return out;
    }

    /**
     * What the pages' content streams draw inside which marked content, by the tag of the
     * outermost sequence: images, rectangles (a formula's rules), and spans with an ActualText that is
     * a formula's description.
     */
    private record Marks(Map<String, Integer> imagesIn, Map<String, Integer> rulesIn, Map<String, Integer> spansIn) {
        static Marks of(TaggedPdf t) {
            java.util.Set<String> formulas = new java.util.HashSet<>();
            t.ofType("Formula").forEach(f -> formulas.add(f.alt().orElseThrow()));
            Marks m = new Marks(new java.util.TreeMap<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>());
            try {
                for (PDPage page : t.document().getPages()) {
                    PDFStreamParser parser = new PDFStreamParser(page);
                    List<Object> operands = new ArrayList<>();
                    Deque<String> open = new ArrayDeque<>();
                    for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                        if (!(token instanceof Operator op)) {
                            operands.add(token);
                            continue;
                        }
                        String outer = open.isEmpty() ? "(none)" : open.peekLast();
                        switch (op.getName()) {
                            case "BDC", "BMC" -> {
                                String tag = ((COSName) operands.get(0)).getName();
                                if (tag.equals("Span") && operands.size() > 1
                                        && operands.get(1) instanceof org.apache.pdfbox.cos.COSDictionary d
                                        && formulas.contains(d.getString(COSName.getPDFName("ActualText")))) {
                                    m.spansIn.merge(outer, 1, Integer::sum);
                                }
                                open.push(tag);
                            }
                            case "EMC" -> open.pop();
                            case "re" -> m.rulesIn.merge(outer, 1, Integer::sum);
                            case "Do" -> {
                                if (page.getResources().isImageXObject((COSName) operands.get(0))) {
                                    m.imagesIn.merge(outer, 1, Integer::sum);
                                }
                            }
                            default -> {
                                // nothing to count
                            }
                        }
                        operands.clear();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return m;
        }
    }
}
