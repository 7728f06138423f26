package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.separata.diag.Diagnostic;
import org.separata.model.Article;
import org.separata.model.Block;
import org.separata.model.Contributor;
import org.separata.model.Paragraph;

/**
 * JATS as platforms other than SciELO write it: OJS exports with only journal-ids, Érudit's
 * element-citations that hold their text in styled-content and its contrib-type="person", group
 * authors, JATS4R licences, and the body parts (lists, quotes, boxes, statements, definition lists,
 * preformatted text, supplementary material). The snippets follow the shapes those platforms
 * export; they are written for these tests (no real file with a licence that allows it in the
 * repository was at hand).
 */
class PlatformShapesTest {

    private static ReadResult read(String front, String body, String back) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ali="http://www.niso.org/schemas/ali/1.0/"
                 xmlns:mml="http://www.w3.org/1998/Math/MathML" xml:lang="fr"><front>""" + front + """
                </front><body>""" + body + "</body><back>" + back + "</back></article>";
        return JatsReader.read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    private static final String META = """
            <article-meta><title-group><article-title>Titre</article-title></title-group>
            <contrib-group><contrib contrib-type="author"><name><surname>Roy</surname><given-names>Anne</given-names></name></contrib></contrib-group>
            <pub-date><year>2022</year></pub-date></article-meta>""";

    private static String all(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    @Test
    void ojsJournalWithOnlyJournalIdsIsNamedByOneWithAWarning() {
        ReadResult r = read("""
                <journal-meta><journal-id journal-id-type="nlm-ta">Rev Ex Med</journal-id>
                <journal-id journal-id-type="publisher-id">revexmed</journal-id><issn>1234-5679</issn></journal-meta>""" + META,
                "", "");
        assertEquals("revexmed", r.article().journal().title(), "publisher-id first");
        String w = all(r.warnings());
        assertTrue(w.contains("no <journal-title>") && w.contains("journal-id-type=\"publisher-id\""), w);
        ReadResult nlm = read("""
                <journal-meta><journal-id journal-id-type="nlm-ta">Rev Ex Med</journal-id></journal-meta>""" + META, "", "");
        assertEquals("Rev Ex Med", nlm.article().journal().title());
    }

    @Test
    void eruditReferencesInStyledContentArePrintedAndItsPersonIsAnAuthor() {
        ReadResult r = read("""
                <journal-meta><journal-title-group><journal-title>Revue</journal-title></journal-title-group></journal-meta>
                <article-meta><title-group><article-title>Titre</article-title></title-group>
                <contrib-group content-type="author">
                <contrib contrib-type="person"><name><surname>Tremblay</surname><given-names>Marie</given-names></name></contrib>
                <contrib contrib-type="person"><name><surname>Gagnon</surname><given-names>Luc</given-names></name></contrib>
                </contrib-group>
                <contrib-group content-type="editor"><contrib contrib-type="person"><name><surname>Roy</surname><given-names>Paul</given-names></name></contrib></contrib-group>
                <pub-date><year>2021</year></pub-date></article-meta>""", "<sec><p>Texte.</p></sec>", """
                <ref-list><ref id="re1"><element-citation><styled-content style-type="">Agamben, Giorgio (2005). <italic>État d’exception</italic>, Paris, Seuil.</styled-content></element-citation></ref>
                <ref id="re2"><mixed-citation><named-content content-type="auteur">Arendt, Hannah</named-content> (1972). <styled-content>Les origines du totalitarisme</styled-content>.</mixed-citation></ref>
                <ref id="re3"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Doe</surname><given-names>J</given-names></name></person-group><article-title>Structured</article-title><source>J Ex</source><year>2001</year></element-citation></ref>
                </ref-list>""");
        Article a = r.article();
        assertEquals(List.of("Tremblay", "Gagnon"), a.authors().stream().map(c -> c.name().orElseThrow().surname()).toList());
        assertTrue(a.contributors().stream().anyMatch(c -> c.role() == Contributor.Role.EDITOR
                && c.name().orElseThrow().surname().equals("Roy")));
        assertEquals(3, a.references().size(), all(r.warnings()));
        assertEquals("Agamben, Giorgio (2005). État d’exception, Paris, Seuil.", a.references().get(0).text().plain());
        assertEquals("Arendt, Hannah (1972). Les origines du totalitarisme.", a.references().get(1).text().plain());
        assertTrue(a.references().get(2).text().plain().startsWith("Doe J. Structured. J Ex. 2001."),
                a.references().get(2).text().plain());
        assertEquals("", all(r.warnings()));
    }

    @Test
    void everyWordForAnAuthorIsAnAuthorAndOtherRolesAreNotDroppedSilently() {
        ReadResult r = read("""
                <journal-meta><journal-title-group><journal-title>J</journal-title></journal-title-group></journal-meta>
                <article-meta><title-group><article-title>T</article-title></title-group>
                <contrib-group>
                <contrib contrib-type="autor"><name><surname>Silva</surname></name></contrib>
                <contrib contrib-type="auteur"><name><surname>Martin</surname></name></contrib>
                <contrib contrib-type="co-author"><name><surname>Lee</surname></name></contrib>
                <contrib><collab>The Soil Consortium</collab></contrib>
                <contrib contrib-type="illustrator"><name><surname>Drawer</surname></name></contrib>
                </contrib-group><pub-date><year>2022</year></pub-date></article-meta>""", "", "");
        Article a = r.article();
        assertEquals(List.of("Silva", "Martin", "Lee", "The Soil Consortium"), a.authors().stream()
                .map(Contributor::displayName).toList());
        assertTrue(all(r.warnings()).contains("contrib-type=\"illustrator\""), all(r.warnings()));
    }

    @Test
    void jats4rLicenceRefGivesTheLicence() {
        ReadResult r = read("""
                <journal-meta><journal-title-group><journal-title>J</journal-title></journal-title-group></journal-meta>
                <article-meta><title-group><article-title>T</article-title></title-group>
                <pub-date><year>2022</year></pub-date>
                <permissions><copyright-statement>© 2022 The authors</copyright-statement><ali:free_to_read/>
                <license><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref>
                <license-p>This article is under CC BY 4.0.</license-p></license></permissions></article-meta>""", "", "");
        assertEquals("https://creativecommons.org/licenses/by/4.0/", r.article().license().orElseThrow().url().orElseThrow());
    }

    @Test
    void aTableGivenAsCellsAndAsAnImageIsSetFromItsCells() {
        ReadResult r = read("""
                <journal-meta><journal-title-group><journal-title>J</journal-title></journal-title-group></journal-meta>""" + META,
                """
                <sec><table-wrap id="t1"><label>Table 1</label><caption><title>Both.</title></caption>
                <alternatives><graphic xlink:href="t1.tif"/><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></alternatives>
                </table-wrap>
                <table-wrap id="t2"><label>Table 2</label><graphic xlink:href="t2.tif"/></table-wrap>
                <table-wrap id="t3"><label>Table 3</label></table-wrap></sec>""", "");
        List<Block> b = r.article().body().get(0).blocks();
        Block.Table t = (Block.Table) b.get(0);
        assertEquals(List.of("A", "B"), t.head().get(0).cells().stream().map(Block.Cell::plain).toList(),
                "a first row of header cells is the head");
        assertEquals("2", t.body().get(0).cells().get(1).plain());
        assertTrue(b.get(1) instanceof Block.Figure f && f.kind().equals("table") && f.files().equals(List.of("t2.tif")));
        assertTrue(b.get(2) instanceof Block.Omitted o && o.kind().equals("table"));
        assertTrue(all(r.warnings()).contains("Table 3 has neither cells nor an image"), all(r.warnings()));
    }

    @Test
    void bodyPartsBecomeTheirOwnBlocks() {
        ReadResult r = read("""
                <journal-meta><journal-title-group><journal-title>J</journal-title></journal-title-group></journal-meta>""" + META,
                """
                <sec><title>S</title>
                <list list-type="bullet"><list-item><p>one</p></list-item><list-item><p>two</p></list-item></list>
                <list list-type="simple"><list-item><label>(a)</label><p>first</p></list-item><list-item><label>(b)</label><p>second</p></list-item></list>
                <disp-quote><p>Quoted.</p><attrib>Someone</attrib></disp-quote>
                <boxed-text><caption><title>Box 1</title></caption><p>Boxed.</p></boxed-text>
                <statement><label>Theorem 1.</label><p>Stated.</p></statement>
                <def-list><title>Terms</title><def-item><term>θ</term><def><p>water content</p></def></def-item></def-list>
                <preformat>a  b
                  c</preformat>
                <supplementary-material xlink:href="data.csv"><label>Supplement 1</label><caption><title>Data.</title></caption>
                <object-id pub-id-type="doi">10.5555/data.1</object-id></supplementary-material>
                <p>A formula only in TeX: <inline-formula><tex-math>\\alpha^2</tex-math></inline-formula>.</p>
                </sec>""", "");
        List<Block> b = r.article().body().get(0).blocks();
        assertTrue(b.get(0) instanceof Block.ListBlock l && !l.ordered() && l.items().size() == 2);
        assertTrue(b.get(1) instanceof Block.ListBlock l && !l.ordered() && l.labels().equals(List.of("(a)", "(b)"))
                && ((Paragraph) l.items().get(0).get(0)).text().plain().equals("first"), b.get(1).toString());
        assertTrue(b.get(2) instanceof Block.Quote q && q.attribution().orElseThrow().plain().equals("Someone"));
        assertTrue(b.get(3) instanceof Block.Boxed x && x.kind().equals("box") && x.title().orElseThrow().plain()
                .equals("Box 1"));
        assertTrue(b.get(4) instanceof Block.Boxed x && x.kind().equals("statement") && x.title().orElseThrow().plain()
                .equals("Theorem 1."));
        assertTrue(b.get(5) instanceof Block.Boxed x && x.kind().equals("definitions")
                && ((Paragraph) x.blocks().get(0)).text().plain().equals("θ — water content"), b.get(5).toString());
        assertTrue(b.get(6) instanceof Block.Preformatted p && p.text().contains("a  b\n"), b.get(6).toString());
        String supplement = ((Paragraph) b.get(7)).text().plain();
        assertTrue(supplement.contains("Supplement 1") && supplement.contains("data.csv")
                && supplement.contains("https://doi.org/10.5555/data.1"), supplement);
        assertTrue(((Paragraph) b.get(8)).text().plain().contains("\\alpha^2"));
        assertTrue(all(r.warnings()).contains("only as TeX"), all(r.warnings()));
    }
}
