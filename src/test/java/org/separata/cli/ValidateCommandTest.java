package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.PdfInspector;
import org.separata.support.Repo;
import org.separata.support.Slow;

/** {@code separata validate} on manifests and JATS, and the JATS options of {@code render}. */
@Slow
class ValidateCommandTest {

    @TempDir
    Path dir;

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    private static Path jats(String name) {
        return Repo.file("src/test/resources/jats/" + name);
    }

    private Path copyWith(Path source, String from, String to) throws Exception {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "the input no longer contains: " + from);
        Path p = dir.resolve(source.getFileName());
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
        return p;
    }

    private static int lineOf(Path file, String text) {
        return Repo.lineOf(file, text);
    }

    @Test
    void aCleanJatsFileAndACleanManifestAreValid() {
        CliTest.Result r = run("validate", jats("es-accents.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid, 0 errors, 0 warnings"), r.out());
        CliTest.Result m = run("validate", Repo.seed().toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("valid, 0 errors"), m.out());
    }

    @Test
    void everyProblemOfAJatsFileIsListedWithItsPlace() throws Exception {
        Path in = copyWith(jats("uk-cyrillic.xml"), "<issn pub-type=\"ppub\">2412-2343</issn>",
                "<issn pub-type=\"ppub\">2412-2344</issn>");
        String text = Files.readString(in).replace("0000-0001-3186-0917", "0000-0001-3186-0918")
                .replace("Ґендерні маркери", "Ґендерні 中 маркери");
        Files.writeString(in, text);
        CliTest.Result r = run("validate", in.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(in + ":" + lineOf(in, "2412-2344") + ":"), r.err());
        assertTrue(r.err().contains("journal.issn-print"), r.err());
        assertTrue(r.err().contains(in + ":" + lineOf(in, "0000-0001-3186-0918") + ":"), r.err());
        assertTrue(r.err().contains("authors[0].orcid"), r.err());
        assertTrue(r.out().contains("invalid, 2 errors"), r.out());
        // the glyph check runs once the identifiers are right
        Path glyphs = copyWith(jats("uk-cyrillic.xml"), "Ґендерні маркери", "Ґендерні 中 маркери");
        CliTest.Result g = run("validate", glyphs.toString());
        assertEquals(3, g.code(), g.err());
        assertTrue(g.err().contains(glyphs + ":" + lineOf(glyphs, "中") + ":"), g.err());
        assertTrue(g.err().contains("titles[0].text: U+4E2D"), g.err());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".pdf")), "validate writes nothing");
        }
    }

    @Test
    void warningsAloneLeaveAFileValid() {
        CliTest.Result r = run("validate", jats("scielo/0034-8910-rsp-48-2-0206.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid, 0 errors, 4 warnings"), r.out());
        assertTrue(r.err().contains("warning: figures[0034-8910-rsp-48-2-0206-gf01]: the image of Figure 1 "
                + "('0034-8910-rsp-48-2-0206-gf01') is not beside the article"), r.err());
    }

    @Test
    void malformedXmlGivesLineAndColumn() throws Exception {
        Path in = dir.resolve("broken.xml");
        Files.writeString(in, "<article xml:lang=\"en\">\n  <front>\n    <journal-meta></front>\n</article>\n");
        CliTest.Result r = run("validate", in.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(in + ":3:"), r.err());
        assertTrue(r.err().contains("journal-meta"), r.err());
    }

    @Test
    void aManifestWithAGlyphTheFontsLackIsInvalid() throws Exception {
        Path in = copyWith(Repo.seed(), "una perspectiva peruana", "una perspectiva 中 peruana");
        CliTest.Result r = run("validate", in.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("titles[0].text: U+4E2D"), r.err());
        assertTrue(r.err().contains(in + ":" + lineOf(in, "una perspectiva 中") + ":"), r.err());
    }

    @Test
    void renderLeavesTranslationsOutUnlessAsked() throws Exception {
        Path in = jats("scielo/artigo-com-traducao-e-pareceres-traduzidos.xml");
        Path plain = dir.resolve("plain.pdf");
        Path both = dir.resolve("both.pdf");
        CliTest.Result a = run("render", in.toString(), "-o", plain.toString());
        CliTest.Result b = run("render", in.toString(), "-o", both.toString(), "--include-translations");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertTrue(a.err().contains("the translation into 'en' is left out"), a.err());
        assertTrue(a.err().contains("peer-review sub-article 's2'"), a.err());
        assertFalse(b.err().contains("the translation into 'en' is left out"), b.err());
        try (PdfInspector p = new PdfInspector(Files.readAllBytes(plain));
             PdfInspector q = new PdfInspector(Files.readAllBytes(both))) {
            String english = "The Jewish Amazon by Moacyr Scliar";
            assertFalse(p.flatText().contains(english));
            assertTrue(q.flatText().contains(english));
            assertFalse(q.flatText().contains("Parecer I"), "peer-review reports are never printed");
        }
    }
}
