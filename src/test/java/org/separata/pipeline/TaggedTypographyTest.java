package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.batch.IssueBuilder;
import org.separata.batch.IssueOptions;
import org.separata.batch.Progress;
import org.separata.batch.Shard;
import org.separata.layout.PageGeometry;
import org.separata.model.Affiliation;
import org.separata.model.Article;
import org.separata.support.Archival;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TaggedPdf;
import org.separata.support.Tagging;

/**
 * Issue 12's page structures as a screen reader gets them, read back from the tagged PDF: list
 * numbers and bullets made by CSS counters, and labels an item brings, are each item's
 * {@code Lbl} beside its {@code LBody}; the author block's affiliations are content once; the
 * issue's contents is a {@code TOC} whose dotted leaders are artifacts; and a line Flying Saucer
 * paints twice at a page break is content where it is seen. Each passes veraPDF's PDF/UA-1 and
 * PDF/A-2a. Expected facts come from the inputs.
 */
@Slow
class TaggedTypographyTest {

    @TempDir
    Path dir;

    private static String letters(String s) {
        return TaggedPdf.squeeze(s).replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The label each list item of a JATS file should have, in document order (which is reading
     * order, nested items inside their item): its own {@code <label>}, else its number in an
     * ordered list, else a bullet; and the start of its text.
     */
    private static List<String[]> items(Path xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(xml.toFile());
        org.w3c.dom.NodeList all = doc.getElementsByTagName("list-item");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element item = (org.w3c.dom.Element) all.item(i);
            org.w3c.dom.Element list = (org.w3c.dom.Element) item.getParentNode();
            int index = 1;
            for (org.w3c.dom.Node n = item.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
                index += n instanceof org.w3c.dom.Element e && e.getTagName().equals("list-item") ? 1 : 0;
            }
            org.w3c.dom.NodeList own = item.getElementsByTagName("label");
            String label = own.getLength() > 0 && own.item(0).getParentNode() == item ? own.item(0).getTextContent()
                    : list.getAttribute("list-type").equals("order") ? index + "." : "\u2022";
            org.w3c.dom.Element p = (org.w3c.dom.Element) item.getElementsByTagName("p").item(0);
            out.add(new String[] {label, p.getTextContent()});
        }
        return out;
    }

    @Test
    void listLabelsAreLblsBesideTheirBodies() throws Exception {
        Path xml = Repo.file("src/test/resources/cases/lists/article.xml");
        for (String pack : List.of("classic", "modern")) {
            byte[] pdf = Rendering.render(xml, pack).pdf();
            Archival.assertAccessible(pdf);
            Tagging.assertEachPieceOnce(pdf);
            try (TaggedPdf t = new TaggedPdf(pdf)) {
                List<TaggedPdf.Element> items = t.ofType("LI");
                List<String[]> expected = items(xml);
                // every item of every list (the nested one too) is an LI with its label and its body
                assertEquals(expected.size(), items.size(), pack + ": " + items.stream().map(TaggedPdf.Element::text)
                        .toList());
                for (int i = 0; i < items.size(); i++) {
                    TaggedPdf.Element li = items.get(i);
                    assertEquals(List.of("Lbl", "LBody"), li.kids().stream().map(TaggedPdf.Element::type).toList(),
                            pack + ": " + li.text());
                    assertEquals(expected.get(i)[0], TaggedPdf.squeeze(li.kids().get(0).text()), pack + ": item " + (i + 1));
                    String start = letters(expected.get(i)[1]).substring(0, 20);
                    assertTrue(letters(li.kids().get(1).text()).startsWith(start),
                            pack + ": item " + (i + 1) + "'s body: " + li.kids().get(1).text());
                }
            }
        }
    }

    @Test
    void theAuthorBlockGivesEachAffiliationOnce() throws Exception {
        Path xml = Repo.file("examples/research-article/article.xml");
        Offprint o = Rendering.render(xml, "classic");
        Article a = o.article();
        byte[] pdf = o.pdf();
        Archival.assertAccessible(pdf);
        Tagging.assertEachPieceOnce(pdf);
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            String tree = letters(t.treeText());
            for (Affiliation af : a.affiliations()) {
                String aff = letters(af.display());
                assertEquals(1, (tree.length() - tree.replace(aff, "").length()) / aff.length(),
                        "affiliation once: " + af.display());
            }
            // the byline names every author, in one paragraph, before the affiliations
            TaggedPdf.Element byline = t.ofType("P").stream()
                    .filter(p -> a.authors().stream().allMatch(c -> letters(p.text()).contains(letters(c.name().orElseThrow().display()))))
                    .findFirst().orElseThrow();
            assertTrue(letters(t.treeText()).indexOf(letters(byline.text()))
                    < letters(t.treeText()).indexOf(letters(a.affiliations().get(0).display())));
        }
    }

    @Test
    void theContentsIsATocWithoutItsLeaders() throws Exception {
        IssueOptions o = new IssueOptions(dir.resolve("out"), 2, RenderOptions.defaults(), Optional.empty(), false,
                false, Shard.ALL).withRoot(Repo.file("examples"));
        var r = new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { })
                .build(Repo.file("examples/issue-2021-4/issue.yaml"), o);
        byte[] pdf = Files.readAllBytes(r.issuePdf().orElseThrow());
        Archival.assertAccessible(pdf);
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            List<TaggedPdf.Element> tocs = t.ofType("TOC");
            assertEquals(1, tocs.size());
            List<TaggedPdf.Element> entries = tocs.get(0).kids();
            assertTrue(entries.stream().allMatch(e -> e.type().equals("TOCI")), entries.toString());
            // the leaders are drawn (pdftotext reads the dots) but are no entry's text
            String contents = new PdfInspector(pdf).pageText(2);
            assertTrue(contents.contains(". . ."), contents);
            for (TaggedPdf.Element e : entries) {
                assertFalse(e.text().contains(". ."), "leaders in " + e.text());
            }
            assertTrue(t.artifactText().contains(". . ."), "the leaders are artifacts");
            // an entry per article links to it, one for the front matter and one per section heading
            assertTrue(entries.stream().anyMatch(e -> letters(e.text()).contains("fromtheeditors")), entries.toString());
            assertTrue(entries.stream().anyMatch(e -> letters(e.text()).equals("researcharticle")), entries.toString());
        }
    }

    @Test
    void aLinePaintedTwiceAtAPageBreakIsContentWhereItIsSeen() throws Exception {
        // the long article: lines straddle page breaks, and Flying Saucer paints them on both pages;
        // the copy clipped away is not drawn, so the first line of each page is that page's content
        Offprint o = Rendering.render(Repo.file("src/test/resources/typography/long-en.yaml"), "classic");
        byte[] pdf = o.pdf();
        Tagging.assertEachPieceOnce(pdf);
        PageGeometry g = Rendering.separata().layouts().get("classic").pack().page();
        float mm = 72 / 25.4f;
        try (TaggedPdf t = new TaggedPdf(pdf); PdfInspector in = new PdfInspector(pdf)) {
            int checked = 0;
            for (int n = 2; n <= in.pageCount(); n++) {
                String body = in.textInArea(n, 0, (float) g.top() * mm, (float) g.width() * mm,
                        (float) (g.height() - g.top() - g.bottom()) * mm);
                String first = body.lines().filter(l -> letters(l).length() > 10).findFirst().orElse("");
                if (first.isEmpty()) {
                    continue;
                }
                assertTrue(letters(t.markedText(n)).contains(letters(first)),
                        "page " + n + "'s first line is not its content: " + first);
                checked++;
            }
            assertTrue(checked >= 5, "pages checked: " + checked);
        }
    }
}
