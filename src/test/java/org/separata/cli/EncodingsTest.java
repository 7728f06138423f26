package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Repo;

/**
 * Files that are not UTF-8 text: a manifest saved in Latin-1 or Windows-1252, a JATS file without
 * an encoding declaration, a PDF, an image or a binary file given as the input. Each is named for
 * what it is, never with a Java exception, and a file that is not UTF-8 is shown at the line and
 * column of its first bad byte with the command that converts it.
 */
class EncodingsTest {

    @TempDir
    Path dir;

    /** Line and column (in characters) of the first character of {@code text} that is not ASCII. */
    private static int[] firstNonAscii(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                return new int[] {line, column};
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        throw new AssertionError("all ASCII");
    }

    @Test
    void aLatin1ManifestIsNotUtf8AtItsFirstBadByteWithHowToConvertIt() throws Exception {
        String text = Files.readString(Repo.file("examples/carvalho-2023/article.yaml"), StandardCharsets.UTF_8);
        Path in = dir.resolve("article.yaml");
        Files.write(in, text.getBytes(StandardCharsets.ISO_8859_1));
        Files.copy(Repo.file("examples/carvalho-2023/journal.yaml"), dir.resolve("journal.yaml"));
        int[] at = firstNonAscii(text);
        for (String[] args : new String[][] {{"validate", in.toString()},
                {"render", in.toString(), "-o", dir.resolve("out.pdf").toString()}}) {
            CliTest.Result r = CliTest.run(args);
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().startsWith(in + ":" + at[0] + ":" + at[1] + ": error: the file is not UTF-8"), r.err());
            char c = text.charAt(offset(text, at));
            assertTrue(r.err().contains(String.format("0x%02X", (int) c)) && r.err().contains("'" + c + "'"),
                    "names the byte and what it is in Latin-1: " + r.err());
            assertTrue(r.err().contains("iconv -f latin1 -t utf-8 " + in), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(dir.resolve("out.pdf")));
        }
    }

    private static int offset(String text, int[] at) {
        int line = 1;
        int i = 0;
        while (line < at[0]) {
            i = text.indexOf('\n', i) + 1;
            line++;
        }
        return i + at[1] - 1;
    }

    @Test
    void aWindows1252QuoteSuggestsConvertingFromWindows1252() throws Exception {
        Path in = dir.resolve("article.yaml");
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8).replace("  publisher: MGIMO University",
                "  publisher: \u201cMGIMO\u201d University");
        // the rest of the seed is not Windows-1252; only the quoted word is written in it
        String marker = "\u201cMGIMO\u201d";
        byte[] before = seed.substring(0, seed.indexOf(marker)).getBytes(StandardCharsets.UTF_8);
        byte[] quote = marker.getBytes(Charset.forName("windows-1252"));
        byte[] after = seed.substring(seed.indexOf(marker) + marker.length()).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(before);
        b.write(quote);
        b.write(after);
        Files.write(in, b.toByteArray());
        CliTest.Result r = CliTest.run("validate", in.toString());
        assertEquals(3, r.code(), r.err());
        int line = Repo.lineOf(Repo.seed(), "  publisher: MGIMO University");
        int column = "  publisher: ".length() + 1;
        assertTrue(r.err().startsWith(in + ":" + line + ":" + column + ": error: the file is not UTF-8: the byte 0x93"),
                r.err());
        assertTrue(r.err().contains("in Windows-1252 it is '\u201c'"), r.err());
        assertTrue(r.err().contains("iconv -f windows-1252 -t utf-8"), r.err());
    }

    @Test
    void aJatsFileIsCheckedUnlessItDeclaresItsEncoding() throws Exception {
        String xml = Files.readString(Repo.file("src/test/resources/jats/es-accents.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.toLowerCase(java.util.Locale.ROOT).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
                "the test file declares UTF-8");
        // saved in Latin-1, but saying UTF-8 (or nothing, which means UTF-8)
        Path mislabelled = dir.resolve("mislabelled.xml");
        Files.write(mislabelled, xml.getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Result r = CliTest.run("validate", mislabelled.toString());
        assertEquals(3, r.code(), r.err());
        int[] at = firstNonAscii(xml);
        assertTrue(r.err().startsWith(mislabelled + ":" + at[0] + ":" + at[1] + ": error: the file is not UTF-8"),
                r.err());
        assertTrue(r.err().contains("encoding=\"ISO-8859-1\""), "says how to declare it: " + r.err());
        // declared, it is read as what it says it is
        Path declared = dir.resolve("declared.xml");
        Files.write(declared, xml.replaceFirst("(?i)encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"")
                .getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Result ok = CliTest.run("validate", declared.toString());
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void aPdfAnImageAZipAndABinaryFileGivenAsInputAreNamedForWhatTheyAre() throws Exception {
        Path pdf = dir.resolve("article.pdf");
        Files.write(pdf, "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        Path pdfNamedYaml = dir.resolve("offprint.yaml");
        Files.copy(pdf, pdfNamedYaml);
        Path png = dir.resolve("figure.xml");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Path docx = dir.resolve("article.json");
        Files.write(docx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        Path binary = dir.resolve("data.yaml");
        Files.write(binary, new byte[] {'a', 'b', 0, 1, 2, 3});
        assertNamed(pdf, "is a PDF, not an article file");
        assertNamed(pdfNamedYaml, "is a PDF, not an article file");
        assertNamed(png, "is a PNG image");
        assertNamed(docx, "is a ZIP archive (a .docx");
        assertNamed(binary, "is a binary file, not text");
    }

    private static void assertNamed(Path file, String what) {
        for (String[] args : new String[][] {{"validate", file.toString()},
                {"render", file.toString(), "-o", file.resolveSibling("x.pdf").toString()}}) {
            CliTest.Result r = CliTest.run(args);
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().startsWith(file + ": error: " + what), args[0] + ": " + r.err());
            assertTrue(r.err().contains("hint:"), r.err());
        }
    }

    @Test
    void anIssueManifestAndAJournalProfileInLatin1AreNamedToo() throws Exception {
        String issue = Files.readString(Repo.file("examples/issue-2021-4/issue.yaml"), StandardCharsets.UTF_8);
        Path in = dir.resolve("issue.yaml");
        Files.write(in, issue.getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Result r = CliTest.run("issue", in.toString(), "--dry-run");
        assertEquals(3, r.code(), r.err());
        int[] at = firstNonAscii(issue);
        assertTrue(r.err().startsWith(in + ":" + at[0] + ":" + at[1] + ": error: the file is not UTF-8"), r.err());

        Path article = dir.resolve("carvalho/article.yaml");
        Files.createDirectories(article.getParent());
        Files.copy(Repo.file("examples/carvalho-2023/article.yaml"), article);
        String profile = Files.readString(Repo.file("examples/carvalho-2023/journal.yaml"), StandardCharsets.UTF_8);
        Files.write(article.resolveSibling("journal.yaml"), profile.getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Result p = CliTest.run("validate", article.toString());
        assertEquals(3, p.code(), p.err());
        int[] pat = firstNonAscii(profile);
        assertTrue(p.err().startsWith(article.resolveSibling("journal.yaml") + ":" + pat[0] + ":" + pat[1]
                + ": error: the file is not UTF-8"), p.err());
    }
}
