package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.env.World;
import org.separata.support.Archival;
import org.separata.support.PdfGlyphs;
import org.separata.support.PdfGlyphs.Glyph;
import org.separata.support.PdfInspector;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestImages;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Whole articles: tables, figures and formulas, checked from the PDF. Cell texts come from the
 * XML (the JDK's DOM, not Separata's reader), images are made by the test, and every PDF passes
 * veraPDF (PDF/A-2b), qpdf and pdffonts.
 */
@Slow
class ContentOffprintTest {

    private static final Path RESEARCH = Repo.file("examples/research-article/article.xml");
    /** The classic layout's text block on A4: 25 mm margins left and right. */
    private static final float MARGIN = 25 / 25.4f * 72;

    private static String squeeze(String s) {
        return PdfInspector.reading(s).replaceAll("\\s+", "");
    }

    /** The rows of a table in the XML, each its cells' text. */
    private static List<List<String>> rows(Path xml, String tableId) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(xml.toFile());
        NodeList wraps = d.getElementsByTagName("table-wrap");
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < wraps.getLength(); i++) {
            Element w = (Element) wraps.item(i);
            if (!w.getAttribute("id").equals(tableId)) {
                continue;
            }
            NodeList trs = w.getElementsByTagName("tr");
            for (int r = 0; r < trs.getLength(); r++) {
                List<String> cells = new ArrayList<>();
                NodeList kids = trs.item(r).getChildNodes();
                for (int k = 0; k < kids.getLength(); k++) {
                    // a cell spanning rows sits beside several lines; it is looked for on its own
                    if (kids.item(k) instanceof Element c && !c.getAttribute("rowspan").matches("[2-9]\\d*")) {
                        cells.add(c.getTextContent().replaceAll("\\s+", " ").strip());
                    }
                }
                out.add(cells);
            }
        }
        return out;
    }

    /** Fails unless each row's cells appear in {@code text} in order, rows in order too. */
    private static void cellsInOrder(String text, List<List<String>> rows) {
        String t = squeeze(text);
        int at = 0;
        for (List<String> row : rows) {
            for (String cell : row) {
                if (cell.isEmpty()) {
                    continue;
                }
                int found = t.indexOf(squeeze(cell), at);
                assertTrue(found >= 0, "cell '" + cell + "' of row " + row + " after position " + at);
                at = found + squeeze(cell).length();
            }
        }
    }

    @Test
    void theResearchArticleShowsItsTablesFiguresAndFormulas() throws Exception {
        Offprint o = Rendering.render(RESEARCH);
        assertEquals(List.of(), o.warnings(), "warnings");
        byte[] pdf = o.pdf();
        try (PdfInspector p = new PdfInspector(pdf)) {
            String text = p.text();
            // a head with spanning cells reads by lines, not by rows: its cells are all there; the
            // body's rows read in order
            List<List<String>> t1 = rows(RESEARCH, "t1");
            t1.subList(0, 2).forEach(row -> row.forEach(c -> assertTrue(squeeze(text).contains(squeeze(c)), c)));
            cellsInOrder(text, t1.subList(2, t1.size()));
            List<List<String>> t2 = rows(RESEARCH, "t2");
            cellsInOrder(text, t2.subList(1, t2.size()));
            for (String soil : List.of("Loamy sand", "Silt loam", "Clay")) {
                assertTrue(text.contains(soil), soil);
            }
            assertTrue(squeeze(text).contains(squeeze("Mean of three columns; the others are single columns.")),
                    "the table's note");
            for (String caption : List.of("Figure 1. Tracer concentration against depth",
                    "Figure 2. Fitted against predicted coefficients", "Figure 3. Residuals against clay content")) {
                assertTrue(squeeze(text).contains(squeeze(caption)), caption);
            }
            figuresAreTheFilesAtPrintSize(p);
            displayFormulaSitsInItsBox(p);
        }
        // copying a formula gives its linear form (the ActualText of its span), as pdftotext shows
        String copied = Poppler.run("pdftotext", pdf, "-enc", "UTF-8").replaceAll("\\s+", " ");
        assertTrue(copied.contains("(∂c)/(∂t) = D_eff (∂^2 c)/(∂x^2)"), copied);
        assertTrue(copied.contains("c(x,t) = M/√(4πD_eff t)"), copied);
        assertTrue(copied.contains("∑_(i=1)^n 2D_i t_i"), copied);
    }

    private static void figuresAreTheFilesAtPrintSize(PdfInspector p) throws IOException {
        List<PdfGlyphs.Image> images = new ArrayList<>();
        for (int n = 1; n <= p.pageCount(); n++) {
            images.addAll(PdfGlyphs.images(p.document(), n));
        }
        images.removeIf(i -> i.widthPt() < 70); // the CC badge, 22 mm wide
        assertEquals(3, images.size(), "three figures");
        Path dir = RESEARCH.getParent();
        BufferedImage tif = ImageIO.read(dir.resolve("figure1.tif").toFile());
        byte[] jpg = Files.readAllBytes(dir.resolve("figure2.jpg"));
        BufferedImage png = ImageIO.read(dir.resolve("figure3.png").toFile());
        PdfGlyphs.Image one = images.get(0);
        assertEquals(tif.getWidth(), one.widthPx());
        assertEquals(tif.getHeight(), one.heightPx());
        assertEquals("FlateDecode", one.filter(), "the TIFF is embedded losslessly");
        BufferedImage decoded = one.object().getImage();
        for (int y = 0; y < tif.getHeight(); y += 37) {
            for (int x = 0; x < tif.getWidth(); x += 41) {
                assertEquals(tif.getRGB(x, y) & 0xFFFFFF, decoded.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
        PdfGlyphs.Image two = images.get(1);
        assertEquals("DCTDecode", two.filter(), "the JPEG is embedded as it is");
        assertArrayEquals(jpg, two.encoded(), "the JPEG's own bytes, never recompressed");
        PdfGlyphs.Image three = images.get(2);
        assertEquals(png.getWidth(), three.widthPx());
        // at print size: each declares its resolution (300, 400, 350 dpi) and is drawn at it
        assertEquals(300, one.dpi(), 2);
        assertEquals(400, two.dpi(), 2);
        assertEquals(350, three.dpi(), 2);
    }

    /**
     * Display formula (1): its glyphs lie inside its own box, centred on the text block, clear of
     * the lines above and below; its number sits at the right margin; its variables are italic.
     */
    private static void displayFormulaSitsInItsBox(PdfInspector p) {
        String linear = "(∂c)/(∂t) = D_eff (∂^2 c)/(∂x^2)";
        for (int n = 1; n <= p.pageCount(); n++) {
            List<Glyph> all = PdfGlyphs.glyphs(p.document(), n);
            List<Glyph> formula = all.stream().filter(g -> g.actualText().equals(linear)).toList();
            if (formula.isEmpty()) {
                continue;
            }
            float pageWidth = PdfGlyphs.size(p.document().getPage(n - 1))[0];
            float left = (float) formula.stream().mapToDouble(Glyph::x).min().orElseThrow();
            float right = (float) formula.stream().mapToDouble(Glyph::right).max().orElseThrow();
            float top = (float) formula.stream().mapToDouble(Glyph::y).min().orElseThrow();
            float bottom = (float) formula.stream().mapToDouble(Glyph::bottom).max().orElseThrow();
            assertTrue(left > MARGIN && right < pageWidth - MARGIN, "inside the text block: " + left + "–" + right);
            assertEquals(pageWidth / 2, (left + right) / 2, 6, "centred on the text block");
            for (Glyph g : all) {
                if (formula.contains(g) || g.text().isBlank()) {
                    continue;
                }
                boolean overlaps = g.right() > left + 0.5 && g.x() < right - 0.5 && g.bottom() > top + 1.5
                        && g.y() < bottom - 1.5;
                assertFalse(overlaps, "'" + g.text() + "' at " + g.x() + "," + g.y() + " overlaps the formula");
            }
            Glyph close = all.stream().filter(g -> g.text().equals(")") && !formula.contains(g)
                    && g.y() > top - 10 && g.bottom() < bottom + 10).max((a, b) -> Float.compare(a.right(), b.right()))
                    .orElseThrow();
            assertEquals(pageWidth - MARGIN, close.right(), 1.5, "the number (1) at the right margin");
            Glyph c = formula.stream().filter(g -> g.text().equals("c")).findFirst().orElseThrow();
            Glyph t = formula.stream().filter(g -> g.text().equals("t")).findFirst().orElseThrow();
            assertTrue(c.font().contains("Italic") && t.font().contains("Italic"), c.font());
            assertTrue(c.bottom() < t.y() + 1, "numerator above denominator: " + c + " / " + t);
            return;
        }
        throw new AssertionError("no glyphs carry the formula's linear form " + linear);
    }

    @Test
    void aLongTableRepeatsItsHeadOnEveryPage(@TempDir Path dir) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 90; r++) {
            rows.append("<tr><td>Sample ").append(r).append("</td><td>").append(r * 3).append("</td><td>")
                    .append(r % 7).append("</td></tr>\n");
        }
        Path xml = dir.resolve("long.xml");
        Files.writeString(xml, article("<table-wrap id=\"t1\"><label>Table 1</label><caption><title>Ninety samples."
                + "</title></caption><table><thead><tr><th>Specimen</th><th>Weight</th><th>Grade</th></tr></thead>"
                + "<tbody>" + rows + "</tbody></table></table-wrap>", ""), StandardCharsets.UTF_8);
        Offprint o = Rendering.render(xml);
        byte[] pdf = o.pdf();
        Archival.assertArchival(pdf);
        try (PdfInspector p = new PdfInspector(pdf)) {
            cellsInOrder(p.text(), rows(xml, "t1"));
            int pagesWithRows = 0;
            for (int n = 1; n <= p.pageCount(); n++) {
                List<Glyph> g = PdfGlyphs.glyphs(p.document(), n);
                String page = p.pageText(n);
                if (!page.contains("Sample")) {
                    continue;
                }
                pagesWithRows++;
                float head = firstY(g, "Specimen");
                float row = firstY(g, "Sample");
                assertTrue(head >= 0 && head < row, "page " + n + ": the head row above the rows");
            }
            assertTrue(pagesWithRows >= 2, "the table runs over " + pagesWithRows + " pages");
        }
    }

    /**
     * A column of figures is set flush right, as a typesetter sets one, so that units line up
     * whatever the number of digits; a column of words stays flush left; a cell that asks for its
     * own alignment keeps it. Read back from the page: the right edges of the numbers agree, their
     * left edges do not.
     */
    @Test
    void aColumnOfFiguresIsSetFlushRight(@TempDir Path dir) throws Exception {
        String[][] body = {{"Alpha", "7", "12.5%"}, {"Beta gamma", "1234", "\u2014"}, {"Delta", "56.25", "3.0%"},
            {"Epsilon", "(0.40)", "100%"}};
        StringBuilder rows = new StringBuilder();
        for (String[] r : body) {
            rows.append("<tr><td>").append(r[0]).append("</td><td>").append(r[1]).append("</td><td>").append(r[2])
                    .append("</td></tr>");
        }
        rows.append("<tr><td>Zeta</td><td align=\"left\">88</td><td>4%</td></tr>");
        Path xml = dir.resolve("figures.xml");
        Files.writeString(xml, article("<table-wrap id=\"t1\"><label>Table 1</label><caption><title>Figures."
                + "</title></caption><table><thead><tr><th>Name</th><th>Count</th><th>Share</th></tr></thead><tbody>"
                + rows + "</tbody></table></table-wrap>", ""), StandardCharsets.UTF_8);
        byte[] pdf = Rendering.render(xml).pdf();
        List<org.separata.support.WordGaps.Word> words = org.separata.support.WordGaps.lines(pdf).stream()
                .flatMap(l -> l.words().stream()).toList();
        java.util.function.Function<String, org.separata.support.WordGaps.Word> at = w -> words.stream()
                .filter(x -> x.text().equals(w)).findFirst().orElseThrow(() -> new AssertionError("no word " + w));
        List<String> counts = List.of("7", "1234", "56.25", "(0.40)");
        float right = at.apply("1234").right();
        for (String c : counts) {
            assertEquals(right, at.apply(c).right(), 0.6, c + " ends where the column's other figures end");
        }
        assertTrue(at.apply("7").left() - at.apply("1234").left() > 5, "a one-digit figure starts further right");
        for (String c : List.of("12.5%", "3.0%", "100%")) {
            assertEquals(at.apply("12.5%").right(), at.apply(c).right(), 0.6, c + " in the share column");
        }
        assertEquals(at.apply("Count").right(), right, 0.6, "the column's head follows its figures");
        assertEquals(at.apply("Alpha").left(), at.apply("Epsilon").left(), 0.6, "words stay flush left");
        assertTrue(at.apply("Alpha").right() < at.apply("Epsilon").right() - 2, "so their right edges differ");
        // what was seen: the layout's indent of body paragraphs reached the caption
        assertEquals(at.apply("Some").left(), at.apply("Table").left(), 0.6,
                "the caption starts at the text block's edge, as the unindented paragraph above it does");
        assertTrue(at.apply("88").right() < right - 20, "a cell's own align=left is kept: 88 is not flush right");
    }

    /** The top of the first run of glyphs spelling {@code word}, or -1. */
    private static float firstY(List<Glyph> glyphs, String word) {
        StringBuilder sb = new StringBuilder();
        for (Glyph g : glyphs) {
            sb.append(g.text());
        }
        int at = sb.indexOf(word);
        if (at < 0) {
            return -1;
        }
        int i = 0;
        for (Glyph g : glyphs) {
            if (i >= at) {
                return g.y();
            }
            i += g.text().length();
        }
        return -1;
    }

    @Test
    void aTableTooWideGetsALandscapePageAndIsNotClipped() throws Exception {
        Path xml = Repo.file("src/test/resources/content/wide-table.xml");
        Offprint o = Rendering.render(xml);
        byte[] pdf = o.pdf();
        Archival.assertArchival(pdf);
        try (PdfInspector p = new PdfInspector(pdf)) {
            cellsInOrder(p.text(), rows(xml, "t1"));
            boolean landscape = false;
            for (int n = 1; n <= p.pageCount(); n++) {
                float[] size = PdfGlyphs.size(p.document().getPage(n - 1));
                if (!p.pageText(n).contains("cell-1-1")) {
                    continue;
                }
                landscape = size[0] > size[1];
                for (Glyph g : PdfGlyphs.glyphs(p.document(), n)) {
                    assertTrue(g.right() <= size[0] - MARGIN + 1, "'" + g.text() + "' runs into the margin at "
                            + g.right());
                }
            }
            assertTrue(landscape, "the table's page is landscape");
            float[] first = PdfGlyphs.size(p.document().getPage(0));
            assertTrue(first[0] < first[1], "the page before it stays portrait");
        }
    }

    @Test
    void figuresTakeTheirImagesFromTheArticlesFolder(@TempDir Path dir) throws Exception {
        BufferedImage chart = TestImages.chart(900, 600, 4, true);
        Files.write(dir.resolve("fig-a.tif"), TestImages.encode(chart, "tiff", 300));
        Files.write(dir.resolve("fig-b.png"), TestImages.encode(TestImages.chart(400, 300, 2, false), "png", 100));
        Path xml = dir.resolve("article.xml");
        Files.writeString(xml, article("""
                <fig id="f1"><label>Figure 1</label><caption><title>Found by its name without an extension.</title></caption>
                <graphic xlink:href="fig-a"/></fig>
                <fig id="f2"><label>Figure 2</label><caption><title>Too few pixels.</title></caption>
                <graphic xlink:href="fig-b.png"/></fig>
                <fig id="f3"><label>Figure 3</label><caption><title>Not there.</title></caption>
                <graphic xlink:href="fig-c.tif"/></fig>
                <fig id="f4"><label>Figure 4</label><caption><title>Outside the folder.</title></caption>
                <graphic xlink:href="../secret.png"/></fig>
                """, ""), StandardCharsets.UTF_8);
        Files.write(dir.getParent().resolve("secret.png"), TestImages.encode(chart, "png", 300));
        Offprint o = Rendering.render(xml);
        String warnings = o.warnings().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        assertTrue(warnings.contains("('fig-b.png') has 100 dpi"), warnings);
        assertTrue(warnings.contains("fig-c.tif") && warnings.contains("not beside the article"), warnings);
        assertTrue(warnings.contains("../secret.png"), warnings);
        assertFalse(warnings.contains("fig-a"), warnings);
        byte[] pdf = o.pdf();
        Archival.assertArchival(pdf);
        try (PdfInspector p = new PdfInspector(pdf)) {
            List<PdfGlyphs.Image> images = new ArrayList<>();
            for (int n = 1; n <= p.pageCount(); n++) {
                images.addAll(PdfGlyphs.images(p.document(), n));
            }
            images.removeIf(i -> i.widthPx() == 88); // the CC badge, if any
            assertEquals(List.of(900, 400), images.stream().map(PdfGlyphs.Image::widthPx).toList(),
                    "the two images that are there, and not the one outside the folder");
            assertEquals(300, images.get(0).dpi(), 2);
            String text = squeeze(p.text());
            assertTrue(text.contains(squeeze("Figure 3. Not there.")), "the missing image's placeholder keeps its caption");
            assertTrue(text.contains(squeeze("Figure 4. Outside the folder.")));
        }
    }

    @Test
    void everyScriptIsDrawnWhenAFontHasIt() throws Exception {
        Path xml = Repo.file("src/test/resources/content/scripts.xml");
        Path cjk = Path.of("/usr/share/fonts/opentype/noto");
        Assumptions.assumeTrue(Files.isDirectory(cjk), "Debian's fonts-noto-cjk is installed (.ci/run installs it)");
        // no system fonts: Chinese is refused, and the message names the package that has it
        Separata bare = new Separata(World.withEnvironment(Map.of("SEPARATA_SYSTEM_FONTS", "")));
        SeparataException e = assertThrows(SeparataException.class, () -> bare.render(xml, RenderOptions.defaults()));
        String message = e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        assertTrue(message.contains("U+4E0A") && message.contains("fonts-noto-cjk"), message);
        assertFalse(message.contains("U+0627"), "Arabic is bundled: " + message);
        assertFalse(message.contains("U+2300") || message.contains("U+25E6") || message.contains("U+2720"), message);
        // with --font-path, everything is drawn
        Offprint o = bare.render(xml, RenderOptions.defaults().withFontPath(List.of(cjk)));
        byte[] pdf = o.pdf();
        Archival.assertArchival(pdf);
        String fonts = Poppler.run("pdffonts", pdf);
        assertTrue(fonts.contains("NotoSansCJK") && fonts.contains("NotoSansArabic") && fonts.contains("NotoSansHebrew")
                && fonts.contains("NotoSansSymbols"), fonts);
        try (PdfInspector p = new PdfInspector(pdf)) {
            String text = p.text();
            for (String s : List.of("王小明", "⌀", "◦", "▸", "✠", "\u2329a\u232A")) {
                assertTrue(text.contains(s), s + " in " + text);
            }
            List<Glyph> glyphs = PdfGlyphs.glyphs(p.document(), 1);
            // the Chinese paragraph breaks between ideographs: its characters sit on two lines or more
            long lines = glyphs.stream().filter(g -> "调查问卷共十二个问题本研究采用了分层抽样方法对上海市的二十个社区进行".contains(g.text())
                    && !g.text().isBlank()).map(g -> Math.round(g.y())).distinct().count();
            assertTrue(lines >= 2, "lines: " + lines);
            // Arabic is set right to left: the first letter of مرحبا (م) is right of its last (ا)
            // and shaped: its glyphs are the joining forms (initial meem ﻣ, medial ain ﻌ), and copying
            // gives the words in their order
            List<Glyph> arabic = glyphs.stream().filter(g -> g.font().contains("Arabic")).toList();
            Glyph meem = arabic.stream().filter(g -> g.text().equals("\uFEE3")).findFirst().orElseThrow();
            Glyph ain = arabic.stream().filter(g -> nfkc(g.text()).equals("ع")).findFirst().orElseThrow();
            assertTrue(meem.x() > ain.x(), "مرحبا stands right of بالعالم");
            String copied = nfkc(Poppler.run("pdftotext", pdf, "-enc", "UTF-8"));
            assertTrue(copied.contains("مرحبا بالعالم") && copied.contains("שלום עולם"), copied);
        }
    }

    private static String nfkc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    }

    /** A JATS article whose body holds {@code body} in one section. */
    static String article(String body, String back) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" xml:lang="en">
                <front><journal-meta><journal-title-group><journal-title>Test Journal</journal-title></journal-title-group></journal-meta>
                <article-meta><title-group><article-title>Content test</article-title></title-group>
                <contrib-group><contrib contrib-type="author"><name><surname>Tester</surname><given-names>Tess</given-names></name></contrib></contrib-group>
                <pub-date><year>2024</year></pub-date></article-meta></front>
                <body><sec><title>Section</title><p>Some text before.</p>
                """ + body + """
                <p>Some text after.</p></sec></body><back>""" + back + "</back></article>\n";
    }
}
