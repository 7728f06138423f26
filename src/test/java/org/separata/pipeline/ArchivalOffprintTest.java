package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.separata.layout.Labels;
import org.separata.model.Abstract;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Issn;
import org.separata.model.KeywordGroup;
import org.separata.model.RichText;
import org.separata.model.Section;
import org.separata.model.Title;
import org.separata.support.Archival;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Tools;
import org.separata.support.Xmp;
import org.separata.support.Slow;
import org.separata.support.Tagging;

/**
 * Every example and every test case, rendered with the defaults, is an archival file: valid
 * PDF/A-2a and PDF/UA-1 with zero failed veraPDF rules, clean for qpdf, fonts embedded and subset,
 * an XMP packet that poppler reads and that says what the input says, page labels that match the
 * printed folios, an outline whose entries land on their headings and match the headings of the
 * structure tree, every piece of content tagged once, and the same bytes every time.
 */
@Slow
class ArchivalOffprintTest {

    /** Every example article and src/test/resources/cases/**&#47;article.* (manifests and JATS files). */
    static Stream<Path> inputs() {
        List<Path> out = new ArrayList<>(Repo.examples());
        for (String dir : List.of("src/test/resources/cases")) {
            try (Stream<Path> s = Files.walk(Repo.file(dir))) {
                s.filter(p -> p.getFileName().toString().matches("article\\.(yaml|yml|json|xml)")).sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(out.size() >= 4, "the seed example and the three test cases at least: " + out);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void isAnArchivalPdfThatSaysWhatTheInputSays(Path input) {
        Offprint offprint = Rendering.render(input);
        byte[] pdf = offprint.pdf();
        Article a = offprint.article();

        assertEquals(List.of(), offprint.warnings(), "unexpected warnings");
        Archival.assertArchival(pdf);
        assertEquals(List.of("2a", "ua1"), Archival.claims(pdf));
        Tagging.assertEachPieceOnce(pdf);
        Labels labels = Rendering.separata().layouts().get("classic").pack().labels();
        Tagging.assertHeadingsInOutline(pdf, a.license().isPresent()
                ? java.util.Set.of(labels.get(a.language(), "license").orElseThrow()) : java.util.Set.of());
        xmpFollowsTheInput(Xmp.parse(Tools.assertXmpVisible(pdf)), a);
        try (PdfInspector p = new PdfInspector(pdf)) {
            pageLabelsAreThePrintedFolios(p, a);
            outlineLandsOnItsHeadings(p, a);
        }
        assertArrayEquals(pdf, Rendering.render(input).pdf(), "a second render gives other bytes");
    }

    private static void xmpFollowsTheInput(Xmp x, Article a) {
        assertEquals(Optional.of("2"), x.text(Xmp.PDFAID, "part"));
        assertEquals(Optional.of("A"), x.text(Xmp.PDFAID, "conformance"));
        assertEquals(Optional.of("1"), x.text(Xmp.PDFUAID, "part"));
        Map<String, String> titles = x.langAlt(Xmp.DC, "title");
        assertEquals(full(a.mainTitle()), titles.get("x-default"));
        for (Title t : a.titles()) {
            assertEquals(full(t), titles.get(t.lang()), "dc:title in " + t.lang());
        }
        assertEquals(a.authors().stream().map(Contributor::displayName).toList(), x.seq(Xmp.DC, "creator"));
        Map<String, String> descriptions = x.langAlt(Xmp.DC, "description");
        for (Abstract ab : a.abstracts()) {
            assertEquals(ab.plain(), descriptions.get(ab.lang()), "dc:description in " + ab.lang());
        }
        assertFalse(descriptions.getOrDefault("x-default", "").isBlank(), "dc:description x-default");
        List<String> keywords = a.keywords().stream().filter(k -> k.lang().equals(a.language())).findFirst()
                .or(() -> a.keywords().stream().findFirst()).map(KeywordGroup::keywords).orElse(List.of())
                .stream().map(RichText::plain).toList();
        assertEquals(keywords, x.bag(Xmp.DC, "subject"));
        assertEquals(a.language(), x.bag(Xmp.DC, "language").get(0));
        assertEquals(a.journal().publisher().map(List::of).orElse(List.of()), x.bag(Xmp.DC, "publisher"));
        assertEquals(a.doi().map(d -> "doi:" + d.value()), x.text(Xmp.DC, "identifier"));
        assertEquals(a.doi().map(d -> d.value()), x.text(Xmp.PRISM, "doi"));
        assertEquals(a.doi().map(d -> d.url()), x.text(Xmp.PRISM, "url"));
        assertEquals(Optional.of(a.journal().title()), x.text(Xmp.PRISM, "publicationName"));
        assertEquals(a.journal().printIssn().map(Issn::value), x.text(Xmp.PRISM, "issn"));
        assertEquals(a.journal().onlineIssn().map(Issn::value), x.text(Xmp.PRISM, "eIssn"));
        assertEquals(a.issue().volume(), x.text(Xmp.PRISM, "volume"));
        assertEquals(a.issue().number(), x.text(Xmp.PRISM, "number"));
        assertEquals(a.pages().map(p -> String.valueOf(p.first())), x.text(Xmp.PRISM, "startingPage"));
        assertEquals(a.pages().map(p -> String.valueOf(p.last())), x.text(Xmp.PRISM, "endingPage"));
        assertEquals(a.pages().map(p -> p.ascii()), x.text(Xmp.PRISM, "pageRange"));
        assertEquals(a.issue().date().map(Object::toString).or(() -> a.issue().year().map(String::valueOf)),
                x.text(Xmp.PRISM, "coverDate"));
        assertEquals(a.license().flatMap(l -> l.url()), x.text(Xmp.XMP_RIGHTS, "WebStatement"));
        a.license().flatMap(l -> l.text()).ifPresent(t -> assertTrue(
                x.langAlt(Xmp.DC, "rights").get("x-default").contains(t.plain()), "dc:rights"));
        a.publicationDate().ifPresent(d -> {
            assertTrue(x.seq(Xmp.DC, "date").get(0).startsWith(d.toString()), "dc:date");
            assertTrue(x.text(Xmp.XMP, "CreateDate").orElseThrow().startsWith(d.toString()), "xmp:CreateDate");
        });
    }

    private static void pageLabelsAreThePrintedFolios(PdfInspector p, Article a) {
        String prefix = a.pages().isPresent() ? "" : a.elocation().map(e -> e + "-").orElse("");
        List<String> labels = p.pageLabels();
        assertEquals(p.pageCount(), labels.size());
        for (int i = 0; i < p.pageCount(); i++) {
            String folio = String.valueOf(a.firstPageNumber() + i);
            assertEquals(prefix + folio, labels.get(i), "label of page " + (i + 1));
            List<String> lines = p.pageText(i + 1).lines().map(String::strip).toList();
            assertTrue(lines.contains(folio), "page " + (i + 1) + " should print its folio " + folio);
        }
    }

    /** The entries the outline should have, from the input, each with a text found at its target. */
    private record Expected(String title, int depth, String atTarget) {
    }

    private static void outlineLandsOnItsHeadings(PdfInspector p, Article a) {
        Labels labels = Rendering.separata().layouts().get("classic").pack().labels();
        String lang = a.language();
        List<Expected> expected = new ArrayList<>();
        expected.add(new Expected(full(a.mainTitle()), 0, a.mainTitle().title().plain()));
        List<String> langs = new ArrayList<>();
        a.abstracts().forEach(ab -> langs.add(ab.lang()));
        a.keywords().forEach(k -> langs.add(k.lang()));
        langs.remove(lang);
        langs.add(0, lang);
        for (String l : langs.stream().distinct().toList()) {
            a.abstracts().stream().filter(ab -> ab.lang().equals(l) && !ab.paragraphs().isEmpty()).findFirst()
                    .ifPresent(ab -> {
                        String heading = ab.title().orElseGet(() -> labels.get(l, "abstract").orElseThrow());
                        expected.add(new Expected(heading, 0, heading));
                    });
        }
        a.body().forEach(s -> sections(s, 0, expected));
        if (!a.footnotes().isEmpty()) {
            expected.add(label(labels, lang, "notes"));
        }
        if (!a.references().isEmpty()) {
            expected.add(label(labels, lang, "references"));
        }
        a.license().ifPresent(l -> expected.add(new Expected(labels.get(lang, "license").orElseThrow(), 0,
                l.copyrightLine().or(() -> l.text().map(RichText::plain)).or(l::name).orElseThrow())));

        List<PdfInspector.OutlineTarget> targets = p.outlineTargets();
        assertEquals(expected.stream().map(e -> "  ".repeat(e.depth()) + e.title()).toList(), p.outline());
        for (int i = 0; i < targets.size(); i++) {
            PdfInspector.OutlineTarget t = targets.get(i);
            assertTrue(t.pageIndex() >= 0, "outline '" + t.title() + "' points to no place on a page");
            String band = flat(p.textBelow(t.pageIndex() + 1, t.top(), 30));
            String want = firstWords(flat(expected.get(i).atTarget()), 3);
            assertTrue(band.contains(want), "outline '" + t.title() + "' should land on '" + want + "', page "
                    + (t.pageIndex() + 1) + " below y=" + t.top() + " reads: " + band);
        }
    }

    private static void sections(Section s, int depth, List<Expected> out) {
        int childDepth = depth;
        if (s.title().isPresent()) {
            String t = s.title().get().plain();
            out.add(new Expected(t, depth, t));
            childDepth = depth + 1;
        }
        for (Section sub : s.sections()) {
            sections(sub, childDepth, out);
        }
    }

    private static Expected label(Labels labels, String lang, String key) {
        String l = labels.get(lang, key).orElseThrow();
        return new Expected(l, 0, l);
    }

    private static String full(Title t) {
        return t.title().plain() + t.subtitle().map(s -> ": " + s.plain()).orElse("");
    }

    private static String firstWords(String s, int n) {
        String[] w = s.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(n, w.length)));
    }

    private static String flat(String s) {
        return PdfInspector.reading(s);
    }
}
