package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.separata.layout.Labels;
import org.separata.model.Abstract;
import org.separata.model.Article;
import org.separata.model.Reference;
import org.separata.model.Title;
import org.separata.support.Archival;
import org.separata.support.PdfInspector;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TaggedPdf;
import org.separata.support.Tagging;

/**
 * The seed offprint as a reader with a screen reader gets it, read back with PDFBox's
 * structure-tree API: its headings, titles, abstracts (each in its language), references and
 * links are the right structure types with the input's text, page furniture is an artifact, the
 * masthead's facts are content once, and {@code --no-tags} leaves all of it out. The expected facts
 * come from the manifest.
 */
@Slow
class TaggedOffprintTest {

    private static final Labels LABELS = Rendering.separata().layouts().get("classic").pack().labels();

    /** Letters and digits only, in order: to compare texts whatever the hyphenation and spacing. */
    private static String letters(String s) {
        return TaggedPdf.squeeze(s).replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String start(String s, int n) {
        String l = letters(s);
        return l.substring(0, Math.min(n, l.length()));
    }

    @Test
    void theSeedsHeadingsAbstractsReferencesAndLinksAreTheirStructureTypes() {
        Offprint offprint = Rendering.render(Repo.seed());
        byte[] pdf = offprint.pdf();
        Article a = offprint.article();
        Archival.assertAccessible(pdf);
        Tagging.assertEachPieceOnce(pdf);
        assertTrue(Poppler.run("pdfinfo", pdf).lines().anyMatch(l -> l.matches("Tagged:\\s+yes")),
                "poppler sees a tagged PDF");

        try (TaggedPdf t = new TaggedPdf(pdf)) {
            assertEquals(a.language(), t.document().getDocumentCatalog().getLanguage(), "the catalog's /Lang");
            assertEquals("Document", t.elements().get(0).type());

            // the title is the one H1, in the article's language; the other titles are paragraphs in theirs
            List<TaggedPdf.Element> h1 = t.ofType("H1");
            assertEquals(1, h1.size(), "one H1");
            assertEquals(letters(a.mainTitle().full()), letters(h1.get(0).text()));
            assertEquals(a.language(), h1.get(0).effectiveLang());
            for (Title title : a.titles()) {
                if (title == a.mainTitle()) {
                    continue;
                }
                assertTrue(t.ofType("P").stream().anyMatch(p -> p.lang().equals(Optional.of(title.lang()))
                        && letters(p.text()).equals(letters(title.full()))), "the title in " + title.lang());
            }

            // each abstract: a section in its language, headed by its label, its text in paragraphs
            List<TaggedPdf.Element> sects = t.ofType("Sect");
            for (Abstract ab : a.abstracts()) {
                String label = LABELS.get(ab.lang(), "abstract").orElseThrow();
                TaggedPdf.Element sect = sects.stream().filter(s -> s.effectiveLang().equals(ab.lang())
                        && s.kids().get(0).type().equals("H2")).findFirst().orElseThrow(
                                () -> new AssertionError("no section in " + ab.lang()));
                assertEquals(ab.lang().equals(a.language()) ? Optional.empty() : Optional.of(ab.lang()), sect.lang(),
                        "/Lang only where the language differs");
                assertEquals(letters(label), letters(sect.kids().get(0).text()), "the abstract's heading");
                assertEquals("P", sect.kids().get(1).type());
                assertTrue(letters(sect.kids().get(1).text()).startsWith(start(ab.plain(), 80)),
                        "the abstract in " + ab.lang() + ": " + sect.kids().get(1).text());
                assertTrue(sect.kids().stream().allMatch(k -> k.effectiveLang().equals(ab.lang())));
            }

            // the references: one BibEntry each, in order, under the references' heading
            List<TaggedPdf.Element> entries = t.ofType("BibEntry");
            assertEquals(a.references().size(), entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Reference r = a.references().get(i);
                assertTrue(letters(entries.get(i).text()).contains(start(r.text().plain(), 40)),
                        "reference " + (i + 1) + ": " + entries.get(i).text());
            }
            TaggedPdf.Element refs = sects.stream().filter(s -> s.kids().stream().anyMatch(k -> k.type().equals("BibEntry")))
                    .findFirst().orElseThrow();
            assertEquals(letters(LABELS.get(a.language(), "references").orElseThrow()),
                    letters(refs.kids().get(0).text()));

            // links: every annotation is in a Link element, described, and the DOI is one
            List<TaggedPdf.Element> links = t.ofType("Link");
            assertFalse(links.isEmpty());
            for (TaggedPdf.Element link : links) {
                assertFalse(link.annotations().isEmpty(), "a Link holds its annotation");
                for (PDAnnotation an : link.annotations()) {
                    assertTrue(an.getContents() != null && !an.getContents().isBlank(), "a link is described");
                }
            }
            String doiUrl = a.doi().orElseThrow().url();
            assertTrue(links.stream().anyMatch(l -> l.text().equals(doiUrl) && l.annotations().stream()
                    .anyMatch(an -> an instanceof PDAnnotationLink al && al.getAction() instanceof PDActionURI u
                            && u.getURI().equals(doiUrl) && doiUrl.equals(an.getContents()))), "the DOI link");
            int annotations = 0;
            for (var page : t.document().getPages()) {
                try {
                    annotations += page.getAnnotations().size();
                    if (!page.getAnnotations().isEmpty()) {
                        assertEquals("S", page.getCOSObject().getNameAsString("Tabs"), "/Tabs /S");
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            assertEquals(annotations, links.stream().mapToInt(l -> l.annotations().size()).sum(),
                    "every annotation belongs to a Link");

            // page furniture: the running heads and folios are artifacts; the masthead's facts are
            // content once, on page 1
            String issn = "ISSN " + a.journal().printIssn().orElseThrow().value();
            assertEquals(1, JatsOffprintTest.count(t.treeText(), issn), "the ISSN is content once");
            assertTrue(t.artifactText().contains(issn), "the running head's ISSN is an artifact");
            assertTrue(letters(t.artifactText()).contains(letters(String.valueOf(a.firstPageNumber() + 1))),
                    "page 2's folio is an artifact");
            assertTrue(t.markedText(1).contains(issn), "the masthead is on page 1");
        }
        Tagging.assertHeadingsInOutline(pdf, Set.of(LABELS.get(a.language(), "license").orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"compact", "modern"})
    void everyLayoutIsTaggedToo(String layout) {
        byte[] pdf = Rendering.render(Repo.seed(), layout).pdf();
        Archival.assertAccessible(pdf);
        Tagging.assertEachPieceOnce(pdf);
        Article a = Rendering.render(Repo.seed(), layout).article();
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            assertEquals(1, t.ofType("H1").size());
            assertEquals(a.abstracts().size() + 1, t.ofType("Sect").stream()
                    .filter(s -> s.kids().get(0).type().equals("H2")).count(), "the abstracts and the references");
            assertEquals(a.references().size(), t.ofType("BibEntry").size());
        }
    }

    @Test
    void translationsAreTaggedInTheirLanguage() {
        RenderOptions options = RenderOptions.defaults().withTranslations(true);
        Offprint offprint = Rendering.separata().render(Repo.file("src/test/resources/jats/ru-translations.xml"),
                options);
        byte[] pdf = offprint.pdf();
        Archival.assertAccessible(pdf);
        Tagging.assertEachPieceOnce(pdf);
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            for (var tr : offprint.article().translations()) {
                assertTrue(t.elements().stream().anyMatch(e -> e.lang().equals(Optional.of(tr.lang()))
                        && e.kids().stream().anyMatch(k -> k.type().equals("H1"))),
                        "the translation into " + tr.lang() + " is in its language, with its title as H1");
            }
        }
        Article a = offprint.article();
        Tagging.assertHeadingsInOutline(pdf, a.license().isPresent()
                ? Set.of(LABELS.get(a.language(), "license").orElseThrow()) : Set.of());
    }

    /** Tagging changes nothing a reader sees: the pages of the two renders are the same pixels. */
    @Test
    void taggedAndUntaggedPagesLookTheSame() throws Exception {
        byte[] tagged = Rendering.render(Repo.seed()).pdf();
        byte[] untagged = Rendering.separata().render(Repo.seed(), RenderOptions.defaults().withTags(false)).pdf();
        List<byte[]> a = pages(tagged);
        List<byte[]> b = pages(untagged);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(java.util.Arrays.equals(a.get(i), b.get(i)), "page " + (i + 1) + " looks different");
        }
    }

    /** Each page as pdftoppm draws it (PGM, 60 dpi). */
    private static List<byte[]> pages(byte[] pdf) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("separata-pages-");
        try {
            java.nio.file.Path in = dir.resolve("in.pdf");
            java.nio.file.Files.write(in, pdf);
            Process p = new ProcessBuilder("pdftoppm", "-r", "60", "-gray", in.toString(), dir.resolve("p").toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
            try (var files = java.nio.file.Files.list(dir)) {
                List<java.nio.file.Path> images = files.filter(f -> f.toString().endsWith(".pgm")).sorted().toList();
                List<byte[]> out = new java.util.ArrayList<>();
                for (java.nio.file.Path f : images) {
                    out.add(java.nio.file.Files.readAllBytes(f));
                }
                return out;
            }
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void noTagsWritesAnUntaggedPdfA2b() {
        RenderOptions options = RenderOptions.defaults().withTags(false);
        assertEquals("2b", options.standard().id());
        byte[] pdf = Rendering.separata().render(Repo.seed(), options).pdf();
        Archival.assertArchival(pdf);
        assertEquals(List.of("2b"), Archival.claims(pdf));
        assertTrue(Poppler.run("pdfinfo", pdf).lines().anyMatch(l -> l.matches("Tagged:\\s+no")));
        try (PdfInspector p = new PdfInspector(pdf)) {
            assertNull(p.document().getDocumentCatalog().getStructureTreeRoot());
            assertNull(p.document().getDocumentCatalog().getMarkInfo());
            for (var page : p.document().getPages()) {
                try (var in = page.getContents()) {
                    String content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertFalse(content.contains("/MCID") || content.contains("/Artifact"), "no tagged content");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
