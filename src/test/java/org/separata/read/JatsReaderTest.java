package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.model.Article;
import org.separata.model.Block;
import org.separata.model.Contributor;
import org.separata.model.Inline;
import org.separata.model.Paragraph;
import org.separata.model.Reference;
import org.separata.model.RichText;

/** The JATS reader on small inputs: one behaviour per test, the input beside the expectation. */
class JatsReaderTest {

    /** A JATS article around {@code meta} (inside article-meta, after the title) and {@code rest}. */
    private static String article(String lang, String meta, String rest) {
        return """
                <article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" xml:lang="%s">
                <front>
                <journal-meta><journal-title-group><journal-title>Test Journal</journal-title></journal-title-group></journal-meta>
                <article-meta>
                <title-group><article-title>A title</article-title></title-group>
                %s
                </article-meta>
                </front>
                %s
                </article>
                """.formatted(lang, meta, rest);
    }

    private static ReadResult read(String xml) {
        return JatsReader.read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    private static List<Diagnostic> errors(String xml) {
        return assertThrows(SeparataException.class, () -> read(xml)).diagnostics();
    }

    private static String all(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    /** The 1-based line of the first line of {@code xml} that contains {@code text}. */
    private static int lineOf(String xml, String text) {
        List<String> lines = xml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    /** Rich text with its inline tags, as the golden dumps show it. */
    private static String tagged(RichText r) {
        StringBuilder sb = new StringBuilder();
        tagged(r.inlines(), sb);
        return sb.toString();
    }

    private static void tagged(List<Inline> inlines, StringBuilder sb) {
        for (Inline i : inlines) {
            if (i instanceof Inline.Text t) {
                sb.append(t.value());
            } else if (i instanceof Inline.Styled s) {
                sb.append('<').append(s.style().tag()).append('>');
                tagged(s.children(), sb);
                sb.append("</").append(s.style().tag()).append('>');
            } else if (i instanceof Inline.Link l) {
                sb.append("<a href=\"").append(l.href()).append("\">");
                tagged(l.children(), sb);
                sb.append("</a>");
            } else if (i instanceof Inline.Math m) {
                sb.append("<math>").append(m.math().linear()).append("</math>");
            }
        }
    }

    private static RichText firstParagraph(Article a) {
        return ((Paragraph) a.body().get(0).blocks().get(0)).text();
    }

    @Test
    void minimalArticle() {
        Article a = read("""
                <article xml:lang="pt"><front><journal-meta><journal-title>Revista</journal-title></journal-meta>
                <article-meta><title-group><article-title>Título</article-title></title-group></article-meta></front></article>
                """).article();
        assertEquals("Revista", a.journal().title());
        assertEquals("pt", a.language());
        assertEquals("Título", a.mainTitle().title().plain());
        assertEquals(1, a.firstPageNumber());
        assertTrue(a.contributors().isEmpty());
    }

    @Test
    void issnsByPubTypeOrPublicationFormatAndIssueFacts() {
        Article a = read("""
                <article xml:lang="en"><front><journal-meta><journal-title>J</journal-title>
                <issn publication-format="electronic">2658-5219</issn><issn pub-type="ppub">2409-3416</issn>
                <publisher><publisher-name>MGIMO University</publisher-name></publisher></journal-meta>
                <article-meta><article-id pub-id-type="doi">10.46272/2409-3416-2021-9-4-84-100</article-id>
                <title-group><article-title>T</article-title></title-group>
                <pub-date date-type="collection"><year>2021</year></pub-date>
                <volume>9</volume><issue>4</issue><fpage>84</fpage><lpage>100</lpage></article-meta></front></article>
                """).article();
        assertEquals("2409-3416", a.journal().printIssn().orElseThrow().value());
        assertEquals("2658-5219", a.journal().onlineIssn().orElseThrow().value());
        assertEquals("MGIMO University", a.journal().publisher().orElseThrow());
        assertEquals("10.46272/2409-3416-2021-9-4-84-100", a.doi().orElseThrow().value());
        assertEquals(84, a.firstPageNumber());
        assertEquals(100, a.pages().orElseThrow().last());
        assertEquals("9", a.issue().volume().orElseThrow());
        assertEquals("4", a.issue().number().orElseThrow());
        assertEquals(2021, a.issue().year().orElseThrow());
    }

    @Test
    void everyBadIdentifierIsReportedAtOnceWithLineColumnAndField() {
        String xml = article("en", """
                <article-id pub-id-type="doi">11.1234/nope</article-id>
                <contrib-group><contrib><contrib-id contrib-id-type="orcid">0000-0002-1825-0098</contrib-id>
                <name><surname>Adins</surname></name></contrib></contrib-group>
                """, "").replace("<journal-title-group>", "<issn pub-type=\"ppub\">2409-3417</issn><journal-title-group>");
        List<Diagnostic> d = errors(xml);
        String text = all(d);
        assertEquals(3, d.size(), text);
        assertTrue(text.contains("test.xml:" + lineOf(xml, "2409-3417") + ":"), text);
        assertTrue(text.contains("journal.issn-print"), text);
        assertTrue(text.contains("expected '6'"), text);
        assertTrue(text.contains("test.xml:" + lineOf(xml, "11.1234") + ":"), text);
        assertTrue(text.contains("article.doi"), text);
        assertTrue(text.contains("authors[0].orcid"), text);
        assertTrue(d.stream().allMatch(x -> x.hint().isPresent()), text);
    }

    @Test
    void inlineMarkupOfEveryKind() {
        Article a = read(article("en", "", """
                <body><sec><title>S</title><p>a <italic>i</italic> <bold>b</bold> x<sup>2</sup> H<sub>2</sub>O
                <sc>sc</sc> <monospace>m</monospace> <underline>u</underline> <roman>r</roman>
                <named-content content-type="x">n</named-content> <styled-content>s</styled-content>
                <ext-link ext-link-type="uri" xlink:href="https://example.org/a">site</ext-link>
                <uri>https://example.org/b</uri> <email>me@example.org</email>
                <ext-link ext-link-type="doi" xlink:href="10.1000/xyz">doi</ext-link>
                <ext-link xlink:href="javascript:alert(1)">not a link</ext-link>
                <inline-formula><mml:math><mml:msup><mml:mi>e</mml:mi><mml:mn>2</mml:mn></mml:msup><mml:mo>&#x2264;</mml:mo><mml:mn>9</mml:mn></mml:math></inline-formula>
                a<break/>b</p></sec></body>
                """)).article();
        assertEquals("a <i>i</i> <b>b</b> x<sup>2</sup> H<sub>2</sub>O <sc>sc</sc> <code>m</code> <u>u</u> r n s "
                + "<a href=\"https://example.org/a\">site</a> <a href=\"https://example.org/b\">https://example.org/b</a> "
                + "<a href=\"mailto:me@example.org\">me@example.org</a> <a href=\"https://doi.org/10.1000/xyz\">doi</a> "
                + "not a link <math>e^2 ≤ 9</math> a b", tagged(firstParagraph(a)));
    }

    /**
     * What was seen in the SciELO corpus: a pretty-printed "(<italic>b</italic>⏎<sub>⏎<italic>i</italic>⏎</sub>)"
     * was set "(b i )". White space with a line break before a subscript or superscript, or at its
     * edges, is the printer's, not the author's; a space on one line, or after the script, is kept.
     */
    @Test
    void prettyPrintedWhiteSpaceAroundSubscriptsAndSuperscriptsIsNotText() {
        Article a = read(article("en", "", """
                <body><p>item (<italic>b</italic>
                		<sub>
                			<italic>i</italic>
                		</sub>) and 10<sup>
                  − 10</sup> m<sup>2</sup>
                of land, a <sup>b</sup> c, cited<xref ref-type="bibr" rid="B4"><sup>4</sup></xref><sup>,</sup>
                <xref ref-type="bibr" rid="B6">
                  <sup>6</sup>
                </xref> here</p></body>
                """)).article();
        assertEquals("item (<i>b</i><sub><i>i</i></sub>) and 10<sup>− 10</sup> m<sup>2</sup> of land, a <sup>b</sup> c, "
                + "cited<sup>4</sup><sup>,</sup><sup>6</sup> here",
                tagged(firstParagraph(a)));
    }

    @Test
    void numericCitationsSetAgainstAWordAreSuperscripts() {
        Article a = read(article("en", "", """
                <body><p>pain.<xref ref-type="bibr" rid="B1">1</xref> Studies<xref ref-type="bibr" rid="B1">1</xref><sup>,</sup><xref ref-type="bibr" rid="B2">2</xref>
                show (<xref ref-type="bibr" rid="B3">3</xref>) and ref. <xref ref-type="bibr" rid="B4">4</xref>; <xref ref-type="table" rid="t1">Table 1</xref>.</p></body>
                """)).article();
        assertEquals("pain.<sup>1</sup> Studies<sup>1</sup><sup>,</sup><sup>2</sup> show (3) and ref. 4; Table 1.",
                tagged(firstParagraph(a)));
    }

    @Test
    void whoIsAnAuthor() {
        Article a = read(article("en", """
                <contrib-group>
                <contrib contrib-type="author"><name><surname>One</surname><given-names>Ann</given-names></name></contrib>
                <contrib contrib-type="author"><collab>The Group<contrib-group>
                  <contrib contrib-type="author"><name><surname>Member</surname><given-names>May</given-names></name></contrib>
                </contrib-group></collab></contrib>
                <contrib><name><surname>Two</surname><given-names>Bob</given-names></name>
                  <on-behalf-of>on behalf of The Group</on-behalf-of></contrib>
                <contrib contrib-type="author non-byline"><name><surname>Outside</surname></name></contrib>
                </contrib-group>
                <contrib-group><contrib contrib-type="editor"><name><surname>Editor</surname></name></contrib>
                <contrib contrib-type="translator"><name><surname>Translator</surname></name></contrib></contrib-group>
                """, "")).article();
        assertEquals(List.of("Ann One", "The Group", "Bob Two"),
                a.authors().stream().map(Contributor::displayName).toList());
        assertEquals(List.of("on behalf of The Group"),
                a.authors().get(2).notes().stream().map(RichText::plain).toList());
        List<Contributor> members = a.contributors().stream().filter(c -> c.role() == Contributor.Role.MEMBER).toList();
        assertEquals(List.of("May Member", "Outside"), members.stream().map(Contributor::displayName).toList());
        assertEquals("The Group", members.get(0).groupName().orElseThrow());
        assertEquals(List.of(Contributor.Role.EDITOR, Contributor.Role.TRANSLATOR), a.contributors().stream()
                .map(Contributor::role).filter(r -> r != Contributor.Role.AUTHOR && r != Contributor.Role.MEMBER).toList());
    }

    @Test
    void namesAndAffiliationsInTheArticlesLanguageComeFirst() {
        Article a = read(article("ru", """
                <contrib-group><contrib contrib-type="author"><name-alternatives>
                <name xml:lang="en"><surname>Sokolova</surname><given-names>Anna</given-names></name>
                <name xml:lang="ru"><surname>Соколова</surname><given-names>Анна</given-names></name>
                </name-alternatives><xref ref-type="aff" rid="a1"/></contrib></contrib-group>
                <aff-alternatives id="a1">
                <aff xml:lang="en"><institution>Tomsk State University</institution><country>Russia</country></aff>
                <aff xml:lang="ru"><institution>Томский государственный университет</institution><country>Россия</country></aff>
                </aff-alternatives>
                """, "")).article();
        Contributor c = a.authors().get(0);
        assertEquals("Анна Соколова", c.displayName());
        assertEquals("Anna Sokolova", c.alternativeNames().get(0).display());
        assertEquals("en", c.alternativeNames().get(0).lang().orElseThrow());
        assertEquals("Томский государственный университет, Россия", a.affiliation("a1").orElseThrow().display());
        assertEquals("Tomsk State University, Russia",
                a.affiliation("a1").orElseThrow().alternatives().get(0).display());
    }

    @Test
    void authorNotesFollowTheirXrefs() {
        Article a = read(article("en", """
                <contrib-group>
                <contrib contrib-type="author"><name><surname>A</surname></name><xref ref-type="corresp" rid="c1">*</xref>
                  <xref ref-type="fn" rid="f1">†</xref></contrib>
                <contrib contrib-type="author"><name><surname>B</surname></name><xref ref-type="fn" rid="f1">†</xref></contrib>
                </contrib-group>
                <author-notes><corresp id="c1"><label>*</label>Correspondence: <email>a@example.org</email></corresp>
                <fn id="f1" fn-type="equal"><label>†</label><p>Equal contribution.</p></fn>
                <fn fn-type="conflict"><p>None declared.</p></fn></author-notes>
                """, "")).article();
        assertTrue(a.authors().get(0).corresponding());
        assertFalse(a.authors().get(1).corresponding());
        assertEquals("<sup>†</sup> Equal contribution.", tagged(a.authors().get(0).notes().get(0)));
        assertEquals(a.authors().get(0).notes(), a.authors().get(1).notes());
        assertEquals(List.of("* Correspondence: a@example.org", "None declared."),
                a.authorNotes().stream().map(RichText::plain).toList());
    }

    @Test
    void aReferenceWithBothCitationsIsPrintedOnceAndAlternativesGiveATranslation() {
        Article a = read(article("ru", "", """
                <back><ref-list>
                <ref id="r1"><label>1.</label><mixed-citation>. Smith J. A paper. <italic>J</italic>. 2001;1:2-3. doi:10.1000/abc</mixed-citation>
                <element-citation><person-group><name><surname>Smith</surname><given-names>J</given-names></name></person-group>
                <article-title>A paper</article-title><source>J</source><year>2001</year><pub-id pub-id-type="doi">10.1000/abc</pub-id></element-citation></ref>
                <ref id="r2"><citation-alternatives>
                <mixed-citation xml:lang="en">Krysin LP. A foreign word. (In Russ.)</mixed-citation>
                <mixed-citation xml:lang="ru">Крысин Л. П. Иноязычное слово.</mixed-citation></citation-alternatives></ref>
                <ref id="r3"><element-citation publication-type="book"><person-group person-group-type="author">
                <name><surname>Biber</surname><given-names>Douglas</given-names></name><etal/></person-group>
                <source>Corpus Linguistics</source><publisher-loc>Cambridge</publisher-loc><publisher-name>CUP</publisher-name>
                <year>1998</year><ext-link ext-link-type="uri" xlink:href="https://example.org/book">https://example.org/book</ext-link></element-citation></ref>
                </ref-list></back>
                """)).article();
        List<Reference> refs = a.references();
        assertEquals(3, refs.size());
        assertEquals("Smith J. A paper. <i>J</i>. 2001;1:2-3. doi:10.1000/abc", tagged(refs.get(0).text()));
        assertEquals("1", refs.get(0).label().orElseThrow());
        assertEquals("10.1000/abc", refs.get(0).doi().orElseThrow().value());
        assertEquals("Крысин Л. П. Иноязычное слово.", refs.get(1).text().plain());
        assertEquals("Krysin LP. A foreign word. (In Russ.)", refs.get(1).translation().orElseThrow().plain());
        assertEquals("Biber D, et al. <i>Corpus Linguistics.</i> Cambridge: CUP; 1998. "
                + "<a href=\"https://example.org/book\">https://example.org/book</a>", tagged(refs.get(2).text()));
        assertEquals("https://example.org/book", refs.get(2).url().orElseThrow());
    }

    @Test
    void bodySectionsListsQuotesNotesAndPlaceholders() {
        ReadResult r = read(article("en", "", """
                <body><p>Before any section.</p>
                <sec><label>1</label><title>One</title><p>Text<fn id="n1"><p>A note.</p></fn> here.</p>
                <p>A list: <list list-type="order"><list-item><p>first</p></list-item><list-item><p>second</p></list-item></list> and on.</p>
                <disp-quote><p>Quoted.</p><attrib>Someone</attrib></disp-quote>
                <sec><title>One.one</title><p>Deep.</p></sec></sec>
                <sec><title>Two</title><fig id="f1"><label>Figure 1</label><caption><title>A chart.</title></caption><graphic xlink:href="f1.tif"/></fig>
                <table-wrap id="t1"><label>Table 1</label><caption><title>Numbers.</title></caption><table><tr><td>1</td></tr></table></table-wrap></sec>
                </body>
                <back><ack><title>Thanks</title><p>To all.</p></ack><fn-group><fn id="b1"><label>a</label><p>Back note.</p></fn></fn-group></back>
                """));
        Article a = r.article();
        assertEquals(4, a.body().size(), "untitled lead-in, One, Two, and the acknowledgements");
        assertTrue(a.body().get(0).title().isEmpty());
        assertEquals("1 One", a.body().get(1).title().orElseThrow().plain());
        List<Block> one = a.body().get(1).blocks();
        assertEquals("Text<sup>1</sup> here.", tagged(((Paragraph) one.get(0)).text()));
        assertEquals("A list:", ((Paragraph) one.get(1)).text().plain());
        assertTrue(one.get(2) instanceof Block.ListBlock l && l.ordered() && l.items().size() == 2);
        assertEquals("and on.", ((Paragraph) one.get(3)).text().plain());
        assertTrue(one.get(4) instanceof Block.Quote q && q.attribution().orElseThrow().plain().equals("Someone"));
        assertEquals("One.one", a.body().get(1).sections().get(0).title().orElseThrow().plain());
        Block.Figure fig = (Block.Figure) a.body().get(2).blocks().get(0);
        assertEquals("figure", fig.kind());
        assertEquals("Figure 1", fig.label().orElseThrow());
        assertEquals("A chart.", fig.caption().orElseThrow().plain());
        assertEquals(List.of("f1.tif"), fig.files());
        Block.Table table = (Block.Table) a.body().get(2).blocks().get(1);
        assertEquals("Table 1", table.label().orElseThrow());
        assertEquals("1", table.body().get(0).cells().get(0).plain());
        assertEquals("Thanks", a.body().get(3).title().orElseThrow().plain());
        assertEquals(List.of("1", "a"), a.footnotes().stream().map(f -> f.label().orElseThrow()).toList());
        assertEquals("", all(r.warnings()), "whether an image is there is decided when rendering");
    }

    @Test
    void subArticles() {
        ReadResult r = read(article("pt", "", """
                <sub-article article-type="reviewer-report" id="s1" xml:lang="pt"><front-stub>
                <title-group><article-title>Parecer</article-title></title-group></front-stub></sub-article>
                <sub-article article-type="translation" id="s2" xml:lang="en"><front-stub>
                <article-id pub-id-type="doi">10.1590/x-en</article-id>
                <title-group><article-title>The title</article-title></title-group>
                <abstract><p>In English.</p></abstract></front-stub>
                <body><sec><title>Intro</title><p>Hello.</p></sec></body></sub-article>
                <sub-article article-type="abstract" id="s3" xml:lang="es"><front-stub>
                <title-group><article-title>Resumen</article-title></title-group></front-stub></sub-article>
                """));
        Article a = r.article();
        assertEquals(1, a.translations().size());
        assertEquals("en", a.translations().get(0).lang());
        assertEquals("The title", a.translations().get(0).title().title().plain());
        assertEquals("10.1590/x-en", a.translations().get(0).doi().orElseThrow().value());
        assertEquals("Hello.", ((Paragraph) a.translations().get(0).body().get(0).blocks().get(0)).text().plain());
        String warnings = all(r.warnings());
        assertTrue(warnings.contains("peer-review sub-article 's1'"), warnings);
        assertTrue(warnings.contains("sub-article 's3' (abstract, es) is left out"), warnings);
        assertTrue(a.withoutTranslations().translations().isEmpty());
    }

    @Test
    void theSourceIndexPointsAtTheLinesOfFields() {
        String xml = article("en", """
                <contrib-group>
                <contrib><name><surname>First</surname></name></contrib>
                <contrib><name>
                <surname>Second</surname></name></contrib>
                </contrib-group>
                """, """
                <back><ref-list><ref id="a"><mixed-citation>Ref one.</mixed-citation></ref>
                <ref id="b">
                <mixed-citation>Ref two.</mixed-citation></ref></ref-list></back>
                """);
        ReadResult r = read(xml);
        assertEquals(lineOf(xml, "<article-title>"), r.sources().locate("titles[0].text").line());
        assertEquals(lineOf(xml, "<surname>Second"), r.sources().locate("authors[1].surname").line());
        assertEquals(lineOf(xml, "<ref id=\"b\">"), r.sources().locate("references[1].text").line());
        assertEquals(lineOf(xml, "<journal-title>"), r.sources().locate("journal.title").line());
        SourceLocation l = r.sources().locate("references[1].text");
        assertEquals("test.xml", l.file());
        assertTrue(l.column() > 0);
    }

    @Test
    void malformedXmlIsRefusedWithLineAndColumn() {
        String xml = article("en", "", "<body><p>unclosed <italic>text</p></body>");
        List<Diagnostic> d = errors(xml);
        assertEquals(1, d.size(), all(d));
        assertEquals(lineOf(xml, "unclosed"), d.get(0).location().line(), all(d));
        assertTrue(d.get(0).location().column() > 0, all(d));
        assertTrue(d.get(0).message().contains("italic"), all(d));
    }

    @Test
    void namedEntitiesComeFromTheShippedTableAndUnknownOnesAreErrors() {
        Article a = read(article("en", "", "<body><p>a&nbsp;b &mdash; &Ocy;&lsquo;&hellip;&amp;&#x263A;</p></body>"))
                .article();
        assertEquals("a\u00A0b \u2014 \u041E\u2018\u2026&\u263A", firstParagraph(a).plain());
        String xml = article("en", "", "<body><p>a &nosuch; b</p></body>");
        List<Diagnostic> d = errors(xml);
        assertTrue(all(d).contains("&nosuch; is not a known character entity"), all(d));
        assertEquals(lineOf(xml, "&nosuch;"), d.get(0).location().line());
    }

    @Test
    void aNamedEntityInAnAttributeGetsAClearMessage() {
        List<Diagnostic> d = errors(article("en", "", "<body><p><ext-link xlink:href=\"a&nbsp;b\">x</ext-link></p></body>"));
        assertTrue(all(d).contains("attribute values"), all(d));
    }

    @Test
    void whatCannotBeAnArticleIsRefused() {
        assertTrue(all(errors("<book><title>x</title></book>")).contains("not <article>"));
        String noTitle = "<article><front><journal-meta><journal-title>J</journal-title></journal-meta>"
                + "<article-meta></article-meta></front></article>";
        assertTrue(all(errors(noTitle)).contains("article-title"));
        String noJournal = "<article><front><article-meta><title-group><article-title>T</article-title>"
                + "</title-group></article-meta></front></article>";
        assertTrue(all(errors(noJournal)).contains("journal-meta"));
    }

    @Test
    void pagesThatAreNotNumbersArePrintedAsGiven() {
        ReadResult r = read(article("en", "<fpage>S192</fpage><lpage>S300</lpage>", ""));
        assertEquals("S192\u2013S300", r.article().elocation().orElseThrow());
        assertEquals(1, r.article().firstPageNumber());
        assertTrue(all(r.warnings()).contains("not numbers"), all(r.warnings()));
    }

    @Test
    void languageTagsAreNormalized() {
        Article a = read("""
                <article xml:lang="PT_br"><front><journal-meta><journal-title>J</journal-title></journal-meta>
                <article-meta><title-group><article-title>T</article-title>
                <trans-title-group xml:lang="sr-latn"><trans-title>Naslov</trans-title></trans-title-group>
                </title-group></article-meta></front></article>
                """).article();
        assertEquals("pt-BR", a.language());
        assertEquals("sr-Latn", a.titles().get(1).lang());
    }

    @Test
    void structuredAbstractsAndKeywordsPerLanguage() {
        Article a = read(article("es", """
                <abstract><title>Resumen</title><sec><title>Objetivo</title><p>Medir.</p></sec>
                <sec><title>Métodos:</title><p>Encuesta.</p><p>Dos.</p></sec></abstract>
                <trans-abstract xml:lang="en"><title>Summary of findings</title><p>We measured.</p></trans-abstract>
                <kwd-group xml:lang="es"><kwd>uno</kwd><kwd>dos</kwd></kwd-group>
                <kwd-group xml:lang="en"><compound-kwd><compound-kwd-part>pain</compound-kwd-part>
                <compound-kwd-part>chronic</compound-kwd-part></compound-kwd></kwd-group>
                """, "")).article();
        assertEquals(2, a.abstracts().size());
        assertTrue(a.abstracts().get(0).title().isEmpty(), "a heading that only says 'abstract' is the layout's");
        assertEquals("Summary of findings", a.abstracts().get(1).title().orElseThrow());
        assertEquals("Objetivo", a.abstracts().get(0).paragraphs().get(0).runIn().orElseThrow().plain());
        assertEquals(3, a.abstracts().get(0).paragraphs().size());
        assertEquals(List.of("uno", "dos"), a.keywords().get(0).keywords().stream().map(RichText::plain).toList());
        assertEquals("pain \u2014 chronic", a.keywords().get(1).keywords().get(0).plain());
    }
}
