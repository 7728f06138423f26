package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.env.World;
import org.separata.support.Forked;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * The command line on a real terminal, given by {@code script} (util-linux), and off one: the
 * progress bar goes where standard error is a terminal, whatever standard input and output are;
 * errors and warnings are coloured there unless {@code NO_COLOR} is set; messages are UTF-8 under
 * {@code LANG=C}; and the "in N s" of a render counts the whole run.
 */
@Slow
class TerminalTest {

    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    /** A shell word for {@code s}. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Runs {@code separata ARGS} under {@code script}, whose pseudo-terminal is standard input,
     * output and error unless {@code redirect} (shell redirections) sends one elsewhere; returns
     * what the terminal showed.
     */
    private String onTerminal(Map<String, String> env, String redirect, String... args) {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script (util-linux) is installed");
        StringBuilder cmd = new StringBuilder();
        for (String word : Forked.command(List.of(), args)) {
            cmd.append(quote(word)).append(' ');
        }
        cmd.append(redirect);
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", cmd.toString(), "/dev/null").directory(dir.toFile());
        Map<String, String> all = new HashMap<>(env);
        all.put("SEPARATA_SYSTEM_FONTS", "");
        all.putIfAbsent("TERM", "xterm");
        Forked.Outcome o = Forked.run(pb, all, new byte[0]);
        return o.outText();
    }

    @Test
    void theBarGoesWhereStandardErrorIsATerminal() throws Exception {
        Path issue = TestIssues.issueOf(dir, 2, false);
        // standard output to a file, standard error the terminal: the bar
        String shown = onTerminal(Map.of(), "> " + quote(dir.resolve("out.txt").toString()), "issue", issue.toString(),
                "-o", dir.resolve("out").toString());
        assertTrue(shown.contains("\r" + ESC + "[Kreading    ["), "the bar is drawn: " + shown);
        assertTrue(shown.contains("offprints  [##############################] 2/2"), shown);
        assertTrue(Files.readString(dir.resolve("out.txt")).startsWith("2 articles, 0 failed"), "the summary went to the file");

        // standard input and output the terminal, standard error a file: log lines, no bar
        String again = onTerminal(Map.of(), "2> " + quote(dir.resolve("err.txt").toString()), "issue", issue.toString(),
                "-o", dir.resolve("out").toString());
        String err = Files.readString(dir.resolve("err.txt"));
        assertTrue(err.contains("reading: 2 to do") && err.contains("offprints 2/2 ok"), err);
        assertFalse(err.contains("\r") || err.contains(ESC), "no bar in a file: " + err);
        assertTrue(again.contains("2 articles, 0 failed"), again);
    }

    /** The seed with a character no font has and a key typo: an error and more, for the colours. */
    private Path brokenSeed() throws Exception {
        Path in = dir.resolve("article.yaml");
        Files.writeString(in, Files.readString(Repo.seed(), StandardCharsets.UTF_8)
                .replace("перуанская перспектива\"", "перуанская перспектива 中\"")
                .replace("  publisher: MGIMO University", "  publsher: MGIMO University"), StandardCharsets.UTF_8);
        return in;
    }

    @Test
    void errorsAreColouredOnATerminalUnlessNoColorIsSet() throws Exception {
        Path in = brokenSeed();
        String coloured = onTerminal(Map.of(), "", "validate", in.toString());
        assertTrue(coloured.contains(": " + ESC + "[1;31merror" + ESC + "[0m: journal.publsher"), coloured);
        assertTrue(coloured.contains(ESC + "[2mhint:" + ESC + "[0m"), coloured);
        String plain = onTerminal(Map.of("NO_COLOR", "1"), "", "validate", in.toString());
        assertTrue(plain.contains(": error: journal.publsher"), plain);
        assertFalse(plain.contains(ESC), "NO_COLOR: " + plain);
        String dumb = onTerminal(Map.of("TERM", "dumb"), "", "validate", in.toString());
        assertFalse(dumb.contains(ESC), "TERM=dumb: " + dumb);
        // not a terminal: never coloured
        Forked.Outcome piped = Forked.run(Forked.separata(dir, "validate", in.toString()),
                Map.of("SEPARATA_SYSTEM_FONTS", ""), new byte[0]);
        assertTrue(piped.errText().contains(": error: journal.publsher"), piped.errText());
        assertFalse(piped.errText().contains(ESC), piped.errText());
    }

    @Test
    void messagesAreUtf8WhateverTheLocaleSays() throws Exception {
        Path in = brokenSeed();
        ProcessBuilder pb = Forked.separata(dir, "validate", in.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_TOOL_OPTIONS"));
        Forked.Outcome o = Forked.run(pb, Map.of("LANG", "C", "LC_ALL", "C", "SEPARATA_SYSTEM_FONTS", ""), new byte[0]);
        assertEquals(3, o.code(), o.errText());
        String err = new String(o.err(), StandardCharsets.UTF_8);
        assertTrue(err.contains("U+4E2D CJK UNIFIED IDEOGRAPHS 4E2D '中'"), err);
        assertTrue(err.contains("перуанская") || err.contains("titles[2].text"), err);
        assertFalse(err.contains("'?'"), "no character became '?': " + err);
    }

    @Test
    void theSecondsOfARenderCountTheWholeRun() throws Exception {
        // a run that began five seconds before the command was read (as a JVM start would)
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        World world = World.withEnvironment(Map.of("SEPARATA_SYSTEM_FONTS", ""));
        Terminal t = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), java.io.InputStream
                .nullInputStream(), java.io.OutputStream.nullOutputStream(), false, world.nanoTime() - 5_000_000_000L);
        int code = Main.run(new String[] {"render", Repo.seed().toString(), "-o", dir.resolve("x.pdf").toString()}, t,
                world);
        assertEquals(0, code, err.toString());
        Matcher m = Pattern.compile("in (\\d+\\.\\d+) s").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        assertTrue(Double.parseDouble(m.group(1)) >= 5.0, out.toString());
        // and a process's run starts when the process did, the JVM's start included
        long uptimeNanos = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        long now = System.nanoTime();
        long start = World.system().processStartNanos();
        assertTrue(start <= now - uptimeNanos + 50_000_000L, "starts no later than the JVM did");
    }

    @Test
    void standardInputAndOutputCarryTheArticleAndThePdf() throws Exception {
        byte[] manifest = Files.readAllBytes(Repo.seed());
        Forked.Outcome o = Forked.run(Forked.separata(dir, "render", "-", "-o", "-"), Map.of(), manifest);
        assertEquals(0, o.code(), o.errText());
        assertTrue(new String(o.out(), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "standard output is the PDF");
        try (org.separata.support.PdfInspector pdf = new org.separata.support.PdfInspector(o.out())) {
            assertEquals(2, pdf.pageCount());
            assertTrue(pdf.text().replaceAll("\\s+", " ").contains("Relaciones bilaterales entre el Perú y Rusia"),
                    "the seed's title");
        }
        assertTrue(o.errText().contains("wrote the PDF to standard output (2 pages"), "messages on standard error: "
                + o.errText());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no file written");
        }
        // a JATS file on standard input is told from its first character
        Forked.Outcome v = Forked.run(Forked.separata(dir, "validate", "-"), Map.of(),
                Files.readAllBytes(Repo.file("examples/sokolova-2023/article.xml")));
        assertEquals(0, v.code(), v.errText());
        assertEquals("<stdin>: valid, 0 errors, 0 warnings\n", v.outText());
        // and a problem in it is named at <stdin>'s line
        byte[] bad = new String(manifest, StandardCharsets.UTF_8).replace("issn-print: 2409-3416", "issn-print: 2409-3417")
                .getBytes(StandardCharsets.UTF_8);
        Forked.Outcome b = Forked.run(Forked.separata(dir, "render", "-", "-o", "-"), Map.of(), bad);
        assertEquals(3, b.code(), b.errText());
        assertEquals(0, b.out().length, "nothing on standard output");
        assertTrue(b.errText().startsWith("<stdin>:" + Repo.lineOf(Repo.seed(), "issn-print") + ":"), b.errText());
    }

    @Test
    void severalArticlesRenderInOneProcessIntoAFolder() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Repo.seed(), in.resolve("adins.yaml"));
        Files.copy(Repo.file("examples/sokolova-2023/article.xml"), in.resolve("sokolova.xml"));
        Files.writeString(in.resolve("broken.yaml"), Files.readString(Repo.seed())
                .replace("issn-print: 2409-3416", "issn-print: 2409-3417"));
        Forked.Outcome o = Forked.run(Forked.separata(dir, "render", "in/adins.yaml", "in/broken.yaml", "in/sokolova.xml",
                "-o", "out/"), Map.of(), new byte[0]);
        // the broken one fails and the others are written; the code is the failure's
        assertEquals(3, o.code(), o.errText());
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("adins.pdf", "sokolova.pdf"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(o.errText().startsWith("in/broken.yaml:" + Repo.lineOf(in.resolve("broken.yaml"), "issn-print") + ":"),
                o.errText());
        String out = o.outText();
        assertTrue(out.contains("wrote out/adins.pdf (2 pages, PDF/A-2a, PDF/UA-1) in "), out);
        assertTrue(out.contains("wrote out/sokolova.pdf ("), out);
        assertTrue(out.matches("(?s).*rendered 2 of 3 articles in \\d+\\.\\d\\d s; 1 failed\n"), out);
        for (String pdf : List.of("adins.pdf", "sokolova.pdf")) {
            try (org.separata.support.PdfInspector p = new org.separata.support.PdfInspector(
                    Files.readAllBytes(dir.resolve("out").resolve(pdf)))) {
                assertTrue(p.pageCount() >= 1, pdf);
            }
        }
    }
}
