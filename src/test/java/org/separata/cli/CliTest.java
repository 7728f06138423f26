package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.PdfInspector;
import org.separata.support.Repo;
import org.separata.support.Slow;

/** The command line: exit codes, messages that name file, line and field, and no partial PDFs. */
@Slow
class CliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the system's font folders are left out, so that a character "no font has" is one on every machine
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("SEPARATA_SYSTEM_FONTS", "");
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                org.separata.env.World.withEnvironment(env));
        return new Result(code, out.toString(), err.toString());
    }

    /** The seed manifest with one textual change, written to the temp folder. */
    private Path seedWith(String from, String to) throws Exception {
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        assertTrue(seed.contains(from), "the seed no longer contains: " + from);
        Path p = dir.resolve("article.yaml");
        Files.writeString(p, seed.replace(from, to), StandardCharsets.UTF_8);
        return p;
    }

    private static int lineOf(Path file, String text) {
        return Repo.lineOf(file, text);
    }

    @Test
    void rendersTheExampleAndWritesThePdf() throws Exception {
        Path out = dir.resolve("seed.pdf");
        Result r = run("render", Repo.seed().toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 pages"), r.out());
        try (PdfInspector pdf = new PdfInspector(Files.readAllBytes(out))) {
            assertEquals(2, pdf.pageCount());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void wrongIssnCheckDigitIsInvalidInputWithFileLineAndField() throws Exception {
        Path in = seedWith("issn-print: 2409-3416", "issn-print: 2409-3417");
        Path out = dir.resolve("out.pdf");
        Result r = run("render", in.toString(), "-o", out.toString());
        assertEquals(3, r.code(), r.err());
        int line = lineOf(in, "issn-print");
        assertTrue(r.err().contains(in + ":" + line + ":"), r.err());
        assertTrue(r.err().contains("journal.issn-print"), r.err());
        assertTrue(r.err().contains("check digit"), r.err());
        assertTrue(r.err().contains("expected '6'"), r.err());
        assertTrue(r.err().contains("hint:"), r.err());
        assertFalse(Files.exists(out), "no PDF may be written");
    }

    @Test
    void missingTitlesIsInvalidInput() throws Exception {
        String seed = Files.readString(Repo.seed());
        int start = seed.indexOf("\ntitles:");
        int end = seed.indexOf("\nauthors:");
        Path in = dir.resolve("article.yaml");
        Files.writeString(in, seed.substring(0, start) + seed.substring(end));
        Result r = run("render", in.toString(), "-o", dir.resolve("out.pdf").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("missing 'titles'"), r.err());
        assertTrue(r.err().contains(in.toString()), r.err());
        assertFalse(Files.exists(dir.resolve("out.pdf")));
    }

    @Test
    void missingJournalIsInvalidInput() throws Exception {
        Path in = seedWith("journal:\n  title: Cuadernos Iberoamericanos\n", "journal:\n");
        Result r = run("render", in.toString(), "-o", dir.resolve("out.pdf").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(in + ":" + Repo.lineOf(in, "publisher:") + ":"), "names the journal's line: " + r.err());
        assertTrue(r.err().contains("journal: the journal has no title"), r.err());
        assertTrue(r.err().contains("hint:"), r.err());
        assertFalse(Files.exists(dir.resolve("out.pdf")));
    }

    @Test
    void unknownKeyIsNamedWithLineAndASuggestion() throws Exception {
        Path in = seedWith("  publisher: MGIMO University", "  publsher: MGIMO University");
        Result r = run("render", in.toString(), "-o", dir.resolve("out.pdf").toString());
        assertEquals(3, r.code(), r.err());
        int line = lineOf(in, "publsher");
        assertTrue(r.err().contains(in + ":" + line + ":"), r.err());
        assertTrue(r.err().contains("unknown key 'publsher'"), r.err());
        assertTrue(r.err().contains("did you mean 'publisher'?"), r.err());
    }

    @Test
    void characterMissingFromTheFontsIsRefusedWithItsNameAndField() throws Exception {
        Path in = seedWith("перуанская перспектива\"", "перуанская перспектива 中\"");
        Path out = dir.resolve("out.pdf");
        Result r = run("render", in.toString(), "-o", out.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("U+4E2D"), r.err());
        assertTrue(r.err().contains("CJK UNIFIED IDEOGRAPH"), r.err());
        assertTrue(r.err().contains("titles[2].text"), r.err());
        assertTrue(r.err().contains(in + ":" + lineOf(in, "中")), r.err());
        assertTrue(r.err().contains("NotoSerif-Regular.ttf"), "the fonts tried: " + r.err());
        assertFalse(Files.exists(out), "no PDF may be written");
    }

    @Test
    void missingGlyphsCanBeAllowedWithAWarning() throws Exception {
        Path in = seedWith("перуанская перспектива\"", "перуанская перспектива 中\"");
        Path out = dir.resolve("out.pdf");
        Result r = run("render", in.toString(), "-o", out.toString(), "--allow-missing-glyphs");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("U+4E2D"), r.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("render").code());
        assertEquals(2, run("render", "a.yaml", "--no-such-option").code());
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void missingInputFileIsInvalidInput() {
        Result r = run("render", dir.resolve("nope.yaml").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void helpAndVersion() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("render"), help.out());
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("separata "), version.out());
        Result renderHelp = run("render", "--help");
        assertTrue(renderHelp.out().contains("--layout"), renderHelp.out());
    }
}
