package org.separata.finish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.layout.XhtmlLayout;
import org.separata.pipeline.Separata;
import org.separata.render.PdfRenderer;
import org.separata.support.Archival;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Xmp;
import org.separata.support.Slow;

/**
 * The finisher on the renderer's own output (the seed article, unfinished), with metadata built
 * here, so every value it must write is known in advance.
 */
@Slow
class PdfFinisherTest {

    private static byte[] raw;
    private static byte[] rawAgain;
    private static PdfFinisher finisher;

    private static final PdfMetadata META = PdfMetadata.builder("es", "Título principal: con subtítulo")
            .title("en", "Main title: with a subtitle")
            .title("ru", "Основное название")
            .creators(List.of("Ana García", "Jean-Pierre Lefèvre", "The Group"))
            .abstractText("es", "Resumen en español.")
            .abstractText("en", "An abstract in English.")
            .keywords(List.of("uno", "dos", "tres"))
            .citation("García A, Lefèvre J-P. Título principal. Revista. 2021;9(4):84-100.")
            .doi(Optional.of("10.1234/example.5"))
            .publisher(Optional.of("Example Press"))
            .journal(Optional.of("Revista de Ejemplos"))
            .issn(Optional.of("1234-5679"), Optional.of("0317-8447"))
            .issue(Optional.of("9"), Optional.of("4"), Optional.of("2021-12-30"))
            .pages(Optional.of("84"), Optional.of("100"))
            .published(Optional.of(LocalDate.of(2021, 12, 30)))
            .rights(Optional.of("© 2021 The authors. CC BY 4.0."), Optional.of("https://creativecommons.org/licenses/by/4.0/"))
            .fileDate(Optional.of(Instant.parse("2022-01-02T03:04:05Z")))
            .pageLabels(84, Optional.empty())
            .build();

    @BeforeAll
    static void renderUnfinished() {
        Separata s = Rendering.separata();
        XhtmlLayout layout = s.layouts().get("classic");
        var article = s.read(Repo.seed()).article();
        raw = PdfRenderer.render(layout.layout(article)).bytes();
        rawAgain = PdfRenderer.render(layout.layout(article)).bytes();
        finisher = new PdfFinisher(World.system().resource(ResourceRoot.classpath("color"), "sRGB.icc").orElseThrow());
    }

    private static byte[] finish(PdfMetadata meta, List<OutlineItem> outline, PdfStandard standard) {
        return finisher.finish(raw, meta, outline, standard);
    }

    @Test
    void theRenderersOutputIsNotPdfAOnItsOwn() {
        // Proves that the veraPDF check can fail, and why the repairs exist: OpenPDF's CIDSets are
        // incomplete and it writes no XMP.
        List<String> rules = Archival.validate(raw, "2b").stream().map(Archival.Failure::rule).toList();
        assertTrue(rules.contains("6.2.11.4.2-2"), rules.toString());
        assertTrue(rules.contains("6.6.2.1-1"), rules.toString());
    }

    @Test
    void eachStandardIsValidatedAsWhatItClaims() {
        Archival.assertPdfA(finish(META, List.of(), PdfStandard.PDF_A_2B), "2b");
        byte[] a3 = finish(META, List.of(), PdfStandard.PDF_A_3B);
        Archival.assertPdfA(a3, "3b");
        assertEquals(Optional.of("3"), xmp(a3).text(Xmp.PDFAID, "part"));
        assertEquals(Optional.of("B"), xmp(a3).text(Xmp.PDFAID, "conformance"));
    }

    @Test
    void theOutputIntentEmbedsTheBundledProfileByteForByte() throws Exception {
        byte[] profile = World.system().resource(ResourceRoot.classpath("color"), "sRGB.icc").orElseThrow();
        try (PdfInspector p = new PdfInspector(finish(META, List.of(), PdfStandard.PDF_A_2B))) {
            var intents = p.document().getDocumentCatalog().getOutputIntents();
            assertEquals(1, intents.size());
            assertEquals("sRGB IEC61966-2.1", intents.get(0).getOutputConditionIdentifier());
            // Not passed through the JDK's colour management, which rewrites it per Java version.
            assertArrayEquals(profile, intents.get(0).getDestOutputIntent().createInputStream().readAllBytes());
        }
    }

    @Test
    void noneClaimsNothingButKeepsTheMetadata() {
        byte[] pdf = finish(META, List.of(), PdfStandard.NONE);
        Xmp x = xmp(pdf);
        assertEquals(Optional.empty(), x.text(Xmp.PDFAID, "part"));
        assertEquals("Título principal: con subtítulo", x.langAlt(Xmp.DC, "title").get("x-default"));
        assertEquals(Optional.of("10.1234/example.5"), x.text(Xmp.PRISM, "doi"));
        try (PdfInspector p = new PdfInspector(pdf)) {
            assertTrue(p.document().getDocumentCatalog().getOutputIntents().isEmpty());
        }
        List<String> rules = Archival.validate(pdf, "2b").stream().map(Archival.Failure::rule).toList();
        assertFalse(rules.isEmpty(), "a PDF without a PDF/A claim must not pass as PDF/A");
    }

    @Test
    void xmpCarriesEveryFieldOfTheMetadata() {
        Xmp x = xmp(finish(META, List.of(), PdfStandard.PDF_A_2B));
        assertEquals(Map.of("x-default", "Título principal: con subtítulo", "es", "Título principal: con subtítulo",
                "en", "Main title: with a subtitle", "ru", "Основное название"), x.langAlt(Xmp.DC, "title"));
        assertEquals(List.of("x-default", "es", "en", "ru"), List.copyOf(x.langAlt(Xmp.DC, "title").keySet()));
        assertEquals(META.creators(), x.seq(Xmp.DC, "creator"));
        assertEquals(Map.of("x-default", "Resumen en español.", "es", "Resumen en español.",
                "en", "An abstract in English."), x.langAlt(Xmp.DC, "description"));
        assertEquals(META.keywords(), x.bag(Xmp.DC, "subject"));
        assertEquals(Map.of("x-default", "© 2021 The authors. CC BY 4.0."), x.langAlt(Xmp.DC, "rights"));
        assertEquals(Optional.of("doi:10.1234/example.5"), x.text(Xmp.DC, "identifier"));
        assertEquals(List.of("es", "en", "ru"), x.bag(Xmp.DC, "language"));
        assertEquals(List.of("Example Press"), x.bag(Xmp.DC, "publisher"));
        assertTrue(x.seq(Xmp.DC, "date").get(0).startsWith("2021-12-30"), x.seq(Xmp.DC, "date").toString());
        assertEquals(Optional.of("application/pdf"), x.text(Xmp.DC, "format"));

        Map<String, String> prism = Map.ofEntries(Map.entry("doi", "10.1234/example.5"),
                Map.entry("url", "https://doi.org/10.1234/example.5"), Map.entry("issn", "1234-5679"),
                Map.entry("eIssn", "0317-8447"), Map.entry("publicationName", "Revista de Ejemplos"),
                Map.entry("volume", "9"), Map.entry("number", "4"), Map.entry("startingPage", "84"),
                Map.entry("endingPage", "100"), Map.entry("pageRange", "84-100"),
                Map.entry("coverDate", "2021-12-30"));
        prism.forEach((k, v) -> assertEquals(Optional.of(v), x.text(Xmp.PRISM, k), "prism:" + k));

        assertEquals(Optional.of("True"), x.text(Xmp.XMP_RIGHTS, "Marked"));
        assertEquals(Optional.of("https://creativecommons.org/licenses/by/4.0/"),
                x.text(Xmp.XMP_RIGHTS, "WebStatement"));
        assertEquals(Map.of("x-default", "© 2021 The authors. CC BY 4.0."), x.langAlt(Xmp.XMP_RIGHTS, "UsageTerms"));
        assertEquals(Optional.of("2"), x.text(Xmp.PDFAID, "part"));
        // PRISM is declared for PDF/A in the packet's extension schema.
        assertEquals(Optional.of(XmpPacket.PRISM_NS), x.text(Xmp.PDFA_SCHEMA, "namespaceURI"));
    }

    @Test
    void infoDictionaryAgreesWithTheXmp() {
        byte[] pdf = finish(META, List.of(), PdfStandard.PDF_A_2B);
        Xmp x = xmp(pdf);
        try (PdfInspector p = new PdfInspector(pdf)) {
            PDDocumentInformation info = p.document().getDocumentInformation();
            assertEquals(x.langAlt(Xmp.DC, "title").get("x-default"), info.getTitle());
            assertEquals(String.join(", ", x.seq(Xmp.DC, "creator")), info.getAuthor());
            assertEquals(x.langAlt(Xmp.DC, "description").get("x-default"), info.getSubject());
            assertEquals(x.text(Xmp.PDF, "Keywords").orElseThrow(), info.getKeywords());
            assertEquals(x.text(Xmp.PDF, "Producer").orElseThrow(), info.getProducer());
            assertEquals(x.text(Xmp.XMP, "CreatorTool").orElseThrow(), info.getCreator());
            assertEquals(Instant.parse("2022-01-02T03:04:05Z"), info.getCreationDate().toInstant());
            assertEquals(Instant.parse("2022-01-02T03:04:05Z"), info.getModificationDate().toInstant());
            assertTrue(x.text(Xmp.XMP, "CreateDate").orElseThrow().startsWith("2022-01-02T03:04:05"));
            assertTrue(x.text(Xmp.XMP, "ModifyDate").orElseThrow().startsWith("2022-01-02T03:04:05"));
            assertEquals(XmpPacket.PRODUCER, info.getProducer(), "OpenPDF's producer is replaced");
        }
    }

    @Test
    void withoutAFileDateThePdfHasNoDateAtAll() {
        PdfMetadata undated = PdfMetadata.builder("en", "Undated").citation("Undated. Journal.").build();
        byte[] pdf = finish(undated, List.of(), PdfStandard.PDF_A_2B);
        Archival.assertPdfA2b(pdf);
        try (PdfInspector p = new PdfInspector(pdf)) {
            Calendar created = p.document().getDocumentInformation().getCreationDate();
            assertNull(created);
            assertNull(p.document().getDocumentInformation().getModificationDate());
        }
        assertEquals(Optional.empty(), xmp(pdf).text(Xmp.XMP, "CreateDate"));
        // Without an abstract, the description is the how-to-cite line.
        assertEquals("Undated. Journal.", xmp(pdf).langAlt(Xmp.DC, "description").get("x-default"));
    }

    @Test
    void outlineNestsByLevelAndPointsWhereItWasTold() {
        List<OutlineItem> items = List.of(new OutlineItem("Title", 1, 0, 700), new OutlineItem("One", 1, 0, 400),
                new OutlineItem("One.a", 2, 0, 300), new OutlineItem("One.a.i", 3, 1, 750),
                new OutlineItem("One.b", 2, 1, 500), new OutlineItem("Two, skipping a level", 1, 1, 300),
                new OutlineItem("Two.deep", 3, 1, 200));
        byte[] pdf = finish(META, items, PdfStandard.PDF_A_2B);
        Archival.assertPdfA2b(pdf);
        try (PdfInspector p = new PdfInspector(pdf)) {
            assertEquals(List.of("Title", "One", "  One.a", "    One.a.i", "  One.b", "Two, skipping a level",
                    "  Two.deep"), p.outline());
            List<PdfInspector.OutlineTarget> t = p.outlineTargets();
            for (int i = 0; i < items.size(); i++) {
                assertEquals(items.get(i).pageIndex(), t.get(i).pageIndex(), items.get(i).title());
                assertEquals(Math.round(items.get(i).top()), t.get(i).top(), items.get(i).title());
            }
            assertEquals(org.apache.pdfbox.pdmodel.PageMode.USE_OUTLINES, p.document().getDocumentCatalog().getPageMode());
        }
    }

    @Test
    void pageLabelsCountFromTheFirstPageWithAnOptionalPrefix() {
        PdfMetadata eloc = PdfMetadata.builder("en", "E").pageLabels(1, Optional.of("e2021043-")).build();
        try (PdfInspector p = new PdfInspector(finish(eloc, List.of(), PdfStandard.PDF_A_2B))) {
            assertEquals(List.of("e2021043-1", "e2021043-2"), p.pageLabels());
        }
        try (PdfInspector p = new PdfInspector(finish(META, List.of(), PdfStandard.PDF_A_2B))) {
            assertEquals(List.of("84", "85"), p.pageLabels());
            assertEquals("es", p.document().getDocumentCatalog().getLanguage());
            assertTrue(p.document().getDocumentCatalog().getViewerPreferences().displayDocTitle());
        }
    }

    @Test
    void randomSubsetTagsAndIdsOfTheRendererDoNotReachTheOutput() {
        assertFalse(java.util.Arrays.equals(raw, rawAgain), "OpenPDF's raw output differs run to run");
        byte[] a = finisher.finish(raw, META, List.of(), PdfStandard.PDF_A_2B);
        byte[] b = finisher.finish(rawAgain, META, List.of(), PdfStandard.PDF_A_2B);
        assertArrayEquals(a, b);
        try (PdfInspector p = new PdfInspector(a)) {
            for (COSObject o : p.document().getDocument().getObjectsByType(COSName.FONT_DESC)) {
                assertFalse(((COSDictionary) o.getObject()).containsKey(COSName.CID_SET), "a CIDSet is left");
            }
            assertTrue(p.fonts().values().stream().allMatch(PdfInspector.FontInfo::subset));
        }
    }

    @Test
    void theDocumentIdFollowsTheContent() {
        byte[] a = finish(META, List.of(), PdfStandard.PDF_A_2B);
        PdfMetadata other = PdfMetadata.builder("es", "Otro título").build();
        byte[] b = finish(other, List.of(), PdfStandard.PDF_A_2B);
        assertEquals(id(a), id(finish(META, List.of(), PdfStandard.PDF_A_2B)));
        assertNotEquals(id(a), id(b));
    }

    private static String id(byte[] pdf) {
        try (PdfInspector p = new PdfInspector(pdf)) {
            return p.document().getDocument().getTrailer().getCOSArray(COSName.ID).toList().stream()
                    .map(Object::toString).collect(Collectors.joining());
        }
    }

    private static Xmp xmp(byte[] pdf) {
        try (PdfInspector p = new PdfInspector(pdf)) {
            return Xmp.parse(p.xmp());
        }
    }
}
