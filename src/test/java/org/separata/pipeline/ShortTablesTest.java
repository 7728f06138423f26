package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.separata.read.InputReader;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * A short table is never split by a page break: a JATS article with a table of eight rows after
 * 1 to 14 paragraphs of text, so that the table falls at every place of the first pages in turn;
 * the pages its rows are printed on are read back from the PDF. A long table still breaks
 * between rows.
 */
@Slow
class ShortTablesTest {

    private static final List<String> SITES = List.of("Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum");

    private static String article(int paragraphs, int rows) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            body.append("<p>").append(TestIssues.PARAGRAPH).append("</p>\n");
        }
        body.append("<table-wrap id=\"t1\"><label>Tabla 1</label><caption><title>Sitios.</title></caption><table>")
                .append("<thead><tr><th>Sitio</th><th>Cuenta</th></tr></thead><tbody>");
        for (int r = 0; r < rows; r++) {
            body.append("<tr><td>").append(SITES.get(r % SITES.size())).append("row").append(r)
                    .append("</td><td>").append(r * 7).append("</td></tr>");
        }
        body.append("</tbody></table></table-wrap>\n<p>").append(TestIssues.PARAGRAPH).append("</p>");
        return jats("Tablas cortas", body.toString());
    }

    /** A JATS article in Spanish titled {@code title}, whose body is one section holding {@code body}. */
    static String jats(String title, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="es">
                  <front>
                    <journal-meta><journal-title-group><journal-title>Revista de Prueba</journal-title></journal-title-group></journal-meta>
                    <article-meta>
                      <title-group><article-title>%s</article-title></title-group>
                      <contrib-group><contrib contrib-type="author"><name><surname>Quadra</surname><given-names>Rita</given-names></name></contrib></contrib-group>
                      <pub-date><year>2024</year></pub-date>
                    </article-meta>
                  </front>
                  <body><sec><title>Resultados</title>
                %s
                  </sec></body>
                </article>
                """.formatted(title, body);
    }

    /** The pages (1-based) on which the rows "…rowN" of the table are printed. */
    private static Set<Integer> pagesOfRows(byte[] pdf, int rows) throws IOException {
        Set<Integer> pages = new TreeSet<>();
        PdfInspector in = new PdfInspector(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                String text = PdfInspector.flat(in.pageText(p));
                for (int r = 0; r < rows; r++) {
                    if (text.contains(SITES.get(r % SITES.size()) + "row" + r + " ")) {
                        pages.add(p);
                    }
                }
            }
        }
        return pages;
    }

    private static byte[] render(String jats) {
        return Rendering.separata().render(InputReader.read(jats.getBytes(StandardCharsets.UTF_8), "article.xml"),
                RenderOptions.defaults()).pdf();
    }

    @Test
    void aShortTableStaysOnOnePageWhereverItFalls() throws IOException {
        List<Integer> moved = new ArrayList<>();
        for (int k = 1; k <= 14; k++) {
            byte[] pdf = render(article(k, 8));
            Set<Integer> pages = pagesOfRows(pdf, 8);
            assertEquals(1, pages.size(), k + " paragraphs before: the table's rows are on pages " + pages);
            if (pages.iterator().next() > 1) {
                moved.add(k);
            }
        }
        assertTrue(!moved.isEmpty(), "the table fell beyond the first page for some k");
    }

    @Test
    void aLongTableStillBreaksBetweenRows() throws IOException {
        // 60 rows of 8 pt: more than a page
        byte[] pdf = render(article(2, 60));
        assertTrue(pagesOfRows(pdf, 60).size() > 1);
    }
}
