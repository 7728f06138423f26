package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.separata.support.PdfInspector;
import org.separata.model.Article;
import org.separata.model.Inline;
import org.separata.model.RichText;
import org.separata.read.ManifestReader;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The layout stage's XHTML, before rendering: well-formed, escaped, with languages marked. */
class XhtmlLayoutTest {

    private static Article seed() throws Exception {
        return ManifestReader.read(Files.readAllBytes(Repo.seed()), "article.yaml").article();
    }

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }

    private static XhtmlLayout classic() {
        return Rendering.separata().layouts().get("classic");
    }

    @Test
    void everyAbstractBlockCarriesItsLanguage() throws Exception {
        Article a = seed();
        Document d = parse(classic().layout(a).xhtml());
        NodeList divs = d.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div");
        int blocks = 0;
        for (int i = 0; i < divs.getLength(); i++) {
            Element e = (Element) divs.item(i);
            if (e.getAttribute("class").equals("abstract-block")) {
                String lang = e.getAttribute("lang");
                assertEquals(lang, e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
                String expected = a.abstracts().stream().filter(x -> x.lang().equals(lang)).findFirst()
                        .orElseThrow().paragraphs().get(0).text().plain();
                assertTrue(PdfInspector.reading(e.getTextContent()).contains(PdfInspector.reading(expected.substring(0, 40))),
                        lang);
                blocks++;
            }
        }
        assertEquals(a.abstracts().size(), blocks);
        assertEquals("es", d.getDocumentElement().getAttribute("lang"));
    }

    @Test
    void inputTextCannotBecomeMarkup() throws Exception {
        Article a = seed();
        Article.Builder b = a.toBuilder();
        b.titles.set(0, new org.separata.model.Title("es",
                RichText.of("<script>alert(1)</script> & <b>not bold</b>"), Optional.empty()));
        String xhtml = classic().layout(b.build()).xhtml();
        Document d = parse(xhtml);
        assertEquals(0, d.getElementsByTagNameNS("*", "script").getLength());
        assertTrue(xhtml.contains("&lt;script&gt;"), "escaped");
    }

    @Test
    void generatedHowToCiteMatchesThePublishedOne() throws Exception {
        Article a = seed();
        Article.Builder b = a.toBuilder();
        b.howToCite = Optional.empty();
        RichText generated = classic().howToCite(b.build());
        assertEquals(a.howToCite().orElseThrow().plain(), generated.plain());
        assertTrue(generated.links().contains("https://doi.org/10.46272/2409-3416-2021-9-4-84-100"));
        assertTrue(generated.inlines().stream().anyMatch(i -> i instanceof Inline.Styled s
                && s.plain().equals("Cuadernos Iberoamericanos")), "the journal is set in italics");
    }

    @Test
    void rectoAndVersoFollowTheFirstPageNumber() throws Exception {
        Article even = seed();
        String evenCss = new String(classic().layout(even).resources().apply("style.css").orElseThrow(),
                StandardCharsets.UTF_8);
        Article.Builder b = even.toBuilder();
        b.pages = Optional.of(new org.separata.model.PageRange(85, 101));
        String oddCss = new String(classic().layout(b.build()).resources().apply("style.css").orElseThrow(),
                StandardCharsets.UTF_8);
        // 84 is a verso: Flying Saucer's first page (:right) must get the verso rules.
        assertTrue(evenCss.contains("@page :left {\n  margin-left: 25mm;\n  margin-right: 25mm;"), evenCss);
        assertTrue(evenCss.indexOf("@page :right") < evenCss.indexOf("element(runVerso)"), evenCss);
        assertTrue(oddCss.indexOf("@page :right") < oddCss.indexOf("element(runRecto)"), oddCss);
        assertFalse(evenCss.contains("${"), "the stylesheet template is fully filled");
    }
}
