package org.separata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.separata.tags.Content;
import org.separata.tags.Kid;
import org.separata.tags.Tag;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.InputSource;

/**
 * The structure plan on its own: which element each piece of text belongs to, and reading order
 * whatever order the pieces are painted in. Each text node is "painted" as one marked-content
 * sequence whose MCID is its position in the document, in a shuffled order; the tree must give
 * them back in document order.
 */
class StructurePlanTest {

    private static Document parse(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(
                "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><body>" + body + "</body></html>")));
    }

    /** The plan of {@code body} with every non-blank text node painted once, in a shuffled order. */
    private static Tag paint(String body, long seed) throws Exception {
        Document doc = parse(body);
        StructurePlan plan = StructurePlan.of(doc);
        List<Text> texts = new ArrayList<>();
        collect(doc.getDocumentElement(), texts);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        for (int i : order) {
            Text t = texts.get(i);
            plan.ownerOfText(t).ifPresent(owner -> plan.add(owner, plan.textKey(t, 0), new Content(0, i)));
        }
        return plan.toTag();
    }

    private static void collect(Node n, List<Text> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t && !t.getData().isBlank()) {
                out.add(t);
            }
            collect(c, out);
        }
    }

    /** The tree as one line: Type[lang](kids), content as its MCID. */
    private static String outline(Kid k) {
        if (k instanceof Content c) {
            return String.valueOf(c.mcid());
        }
        Tag t = (Tag) k;
        StringBuilder sb = new StringBuilder(t.type());
        t.lang().ifPresent(l -> sb.append('[').append(l).append(']'));
        if (!t.kids().isEmpty()) {
            sb.append('(');
            for (int i = 0; i < t.kids().size(); i++) {
                sb.append(i > 0 ? " " : "").append(outline(t.kids().get(i)));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Test
    void piecesReadInDocumentOrderWhateverOrderTheyArePaintedIn() throws Exception {
        String body = "<h1>a</h1><p>b <i>c</i> d <a href='https://x.org'>e</a> f</p>"
                + "<div role='doc-abstract' lang='ru'><p><b role='heading' aria-level='2'>g</b> h</p></div>";
        String expected = "Document[en](H1(0) P(1 2 3 Link(4) 5) Sect[ru](H2(6) P(7)))";
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(expected, outline(paint(body, seed)), "seed " + seed);
        }
    }

    @Test
    void pageFurnitureAndDecorationBelongToNoElement() throws Exception {
        Document doc = parse("<table role='doc-pageheader'><tr><td>run</td></tr></table>"
                + "<div aria-hidden='true'>hidden</div><p>text</p>");
        StructurePlan plan = StructurePlan.of(doc);
        List<Text> texts = new ArrayList<>();
        collect(doc.getDocumentElement(), texts);
        assertEquals(Optional.empty(), plan.ownerOfText(texts.get(0)));
        assertEquals(Optional.empty(), plan.ownerOfText(texts.get(1)));
        assertEquals("P", plan.ownerOfText(texts.get(2)).orElseThrow().type());
    }

    @Test
    void blocksWithInlineContentAreParagraphsAndLanguagesMakeSpans() throws Exception {
        assertEquals("Document[en](P(0 Span[de](1) 2) P[fr](3))",
                outline(paint("<div>a <span lang='de'>b</span> c</div><div lang='fr'>d</div>", 1)));
    }

    @Test
    void emptyElementsAreLeftOutButTableCellsStay() throws Exception {
        String tree = outline(paint("<p></p><table><tr><td>a</td><td></td></tr></table>", 1));
        assertEquals("Document[en](Table(TR(TD(0) TD)))", tree);
    }

    @Test
    void rowsBesideATableHeadGoInABodyAndAFiguresCaptionGoesInItsTable() throws Exception {
        assertEquals("Document[en](Table(THead(TR(TH(0))) TBody(TR(TD(1)))))",
                outline(paint("<table><thead><tr><th>a</th></tr></thead><tr><td>b</td></tr></table>", 1)));
        assertEquals("Document[en](Div(Table(TR(TD(0)) Caption(1))))",
                outline(paint("<figure><table><tr><td>a</td></tr></table><figcaption>b</figcaption></figure>", 1)));
    }

    /** A JATS table-wrap as lib/inline.ftlx writes it: caption, table (foot before body), notes. */
    @Test
    void aTableWrapsCaptionGoesInItsTableAndItsFootIsReadAfterItsBody() throws Exception {
        String wrap = "<div class='table-wrap' role='figure'><p class='table-caption' data-tag='Caption'>cap</p>"
                + "<table><thead><tr><th scope='col'>h</th></tr></thead><tfoot><tr><td>f</td></tr></tfoot>"
                + "<tbody><tr><td>b</td></tr></tbody></table><div class='table-foot'><p>note</p></div></div>";
        assertEquals("Document[en](Div(Table(Caption(0) THead(TR(TH(1))) TBody(TR(TD(3))) TFoot(TR(TD(2)))) P(4)))",
                outline(paint(wrap, 1)));
    }

    @Test
    void listItemsHaveABodyAndTermsOpenItems() throws Exception {
        // a term opens an item; each of its descriptions is a body of that item
        assertEquals("Document[en](L(LI(LBody(0)) LI(LBody(1))) L(LI(Lbl(2) LBody(3) LBody(4))))",
                outline(paint("<ul><li>a</li><li>b</li></ul><dl><dt>c</dt><dd>d</dd><dd>e</dd></dl>", 1)));
    }

    @Test
    void contentsEntriesOutsideATableOfContentsAreGatheredIntoOne() throws Exception {
        String tree = outline(paint("<h1>t</h1><div data-tag='TOCI'>a</div>"
                + "<table role='presentation' data-tag='TOCI'><tr><td>b</td><td>1</td></tr></table><p>c</p>", 1));
        assertEquals("Document[en](H1(0) TOC(TOCI(1) TOCI(P(2) P(3))) P(4))", tree);
        assertTrue(tree.contains("TOC("));
    }
}
