package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Archival;
import org.separata.support.PdfInspector;
import org.separata.support.Repo;
import org.separata.support.Xmp;
import org.separata.support.Slow;

/**
 * {@code render --pdfa none|2a|2b|3a|3b} and {@code --no-tags}: the claim the PDF makes, and a
 * usage error for anything else.
 */
@Slow
class PdfaOptionTest {

    @TempDir
    Path dir;

    private byte[] render(String... extra) throws Exception {
        Path out = dir.resolve("out.pdf");
        String[] args = new String[3 + extra.length];
        args[0] = "render";
        args[1] = Repo.seed().toString();
        args[2] = "-o" + out;
        System.arraycopy(extra, 0, args, 3, extra.length);
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return Files.readAllBytes(out);
    }

    private static Xmp xmp(byte[] pdf) {
        try (PdfInspector p = new PdfInspector(pdf)) {
            return Xmp.parse(p.xmp());
        }
    }

    @Test
    void theDefaultIsPdfA2aWithPdfUa1() throws Exception {
        CliTest.Result r = CliTest.run("render", Repo.seed().toString(), "-o", dir.resolve("default.pdf").toString());
        assertTrue(r.out().contains("PDF/A-2a, PDF/UA-1"), r.out());
        byte[] pdf = Files.readAllBytes(dir.resolve("default.pdf"));
        assertEquals(Optional.of("2"), xmp(pdf).text(Xmp.PDFAID, "part"));
        assertEquals(Optional.of("A"), xmp(pdf).text(Xmp.PDFAID, "conformance"));
        assertEquals(Optional.of("1"), xmp(pdf).text(Xmp.PDFUAID, "part"));
        Archival.assertAccessible(pdf);
    }

    /** Any level, tagged, claims PDF/UA-1 with it and passes both (2b, and 3a, PDF/A-3's level A). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2b", "3a"})
    void otherLevelsAreTaggedTooAndClaimPdfUa1(String level) throws Exception {
        byte[] pdf = render("--pdfa", level);
        assertEquals(List.of(level, "ua1"), Archival.claims(pdf));
        Archival.assertArchival(pdf);
    }

    @Test
    void noTagsIsPdfA2bAndClaimsNoPdfUa() throws Exception {
        CliTest.Result r = CliTest.run("render", Repo.seed().toString(), "-o", dir.resolve("plain.pdf").toString(),
                "--no-tags");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PDF/A-2b)"), r.out());
        byte[] pdf = Files.readAllBytes(dir.resolve("plain.pdf"));
        assertEquals(List.of("2b"), Archival.claims(pdf));
        Archival.assertArchival(pdf);
        try (PdfInspector p = new PdfInspector(pdf)) {
            assertEquals(null, p.document().getDocumentCatalog().getStructureTreeRoot());
        }
    }

    @Test
    void levelAWithoutTagsIsAUsageError() {
        Path out = dir.resolve("never.pdf");
        CliTest.Result r = CliTest.run("render", Repo.seed().toString(), "-o", out.toString(), "--no-tags",
                "--pdfa", "2a");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("needs tags") && r.err().contains("--pdfa 2b"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void threeBClaimsPdfA3b() throws Exception {
        byte[] pdf = render("--pdfa", "3b");
        assertEquals(Optional.of("3"), xmp(pdf).text(Xmp.PDFAID, "part"));
        assertEquals(Optional.of("B"), xmp(pdf).text(Xmp.PDFAID, "conformance"));
        Archival.assertPdfA(pdf, "3b");
    }

    @Test
    void noneClaimsNoStandardButKeepsMetadataOutlineAndLabels() throws Exception {
        byte[] pdf = render("--pdfa=none");
        Xmp x = xmp(pdf);
        assertEquals(Optional.empty(), x.text(Xmp.PDFAID, "part"));
        assertEquals(List.of("ua1"), Archival.claims(pdf), "still tagged: PDF/UA-1 alone");
        Archival.assertPdfUa1(pdf);
        assertTrue(x.text(Xmp.PRISM, "doi").isPresent());
        try (PdfInspector p = new PdfInspector(pdf)) {
            assertTrue(p.document().getDocumentCatalog().getOutputIntents().isEmpty());
            assertFalse(p.outline().isEmpty());
            assertEquals("84", p.pageLabels().get(0));
        }
    }

    @Test
    void anUnknownLevelIsAUsageErrorThatListsTheLevels() {
        Path out = dir.resolve("never.pdf");
        CliTest.Result r = CliTest.run("render", Repo.seed().toString(), "-o", out.toString(), "--pdfa", "1a");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("none, 2a, 2b, 3a, 3b"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpNamesTheOption() {
        CliTest.Result r = CliTest.run("render", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--pdfa"), r.out());
    }
}
