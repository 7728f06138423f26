package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Forked;
import org.separata.support.PdfInspector;
import org.separata.support.Folders;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The command line in a JVM of its own, where the test needs what only a process has: a working
 * directory of its own (no folder there stands in for a built-in pack), and a small heap (the
 * command and the issue builder survive running out of it, with a short message and no trace).
 */
@Slow
class ForkedCliTest {

    @TempDir
    Path dir;

    record Result(int code, String output) {
    }

    /** Runs {@code separata ARGS} in {@code cwd} with {@code jvm} options and {@code env} added. */
    private static Result separata(Path cwd, List<String> jvm, Map<String, String> env, String... args)
            throws Exception {
        ProcessBuilder pb = Forked.separata(cwd, jvm, args).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the forked JVM did not end: " + out);
        return new Result(p.exitValue(), out);
    }

    private static String text(Path pdf) throws IOException {
        try (PdfInspector in = new PdfInspector(Files.readAllBytes(pdf))) {
            return in.flatText();
        }
    }

    /**
     * A folder named like a built-in pack, in the working directory, with a template that prints
     * a marker: a bare name, or no --layout at all, always means the built-in pack; only a path
     * names the folder.
     */
    @Test
    void aFolderInTheWorkingDirectoryNeverStandsInForABuiltInPack() throws Exception {
        Folders.copy(Repo.file("layouts/classic"), dir.resolve("classic"));
        Path template = dir.resolve("classic/article.ftlx");
        String marker = "FOLDER-PACK-MARKER";
        Files.writeString(template, Files.readString(template).replace("</body>", "<p>" + marker + "</p></body>"));
        Files.copy(Repo.seed(), dir.resolve("article.yaml"));
        List<String> jvm = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        Result byDefault = separata(dir, jvm, Map.of(), "render", "article.yaml", "-o", "default.pdf");
        assertEquals(0, byDefault.code(), byDefault.output());
        assertFalse(text(dir.resolve("default.pdf")).contains(marker), "no --layout: the built-in classic");
        Result byName = separata(dir, jvm, Map.of(), "render", "article.yaml", "--layout", "classic", "-o", "name.pdf");
        assertEquals(0, byName.code(), byName.output());
        assertFalse(text(dir.resolve("name.pdf")).contains(marker), "--layout classic: the built-in classic");
        Result byPath = separata(dir, jvm, Map.of(), "render", "article.yaml", "--layout", "./classic", "-o", "path.pdf");
        assertEquals(0, byPath.code(), byPath.output());
        assertTrue(text(dir.resolve("path.pdf")).contains(marker), "--layout ./classic: the folder");

        Files.move(dir.resolve("classic"), dir.resolve("mine"));
        Result bare = separata(dir, jvm, Map.of(), "render", "article.yaml", "--layout", "mine", "-o", "mine.pdf");
        assertEquals(2, bare.code(), bare.output());
        assertTrue(bare.output().contains("no built-in layout pack 'mine'") && bare.output().contains("./mine"),
                bare.output());
    }

    /** One paragraph of {@code chars} characters in the seed article. */
    private Path longParagraph(String name, int chars) throws IOException {
        String words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
        String paragraph = words.repeat(chars / words.length() + 1).substring(0, chars);
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        int at = seed.indexOf("\nreferences:");
        Path p = dir.resolve(name);
        Files.writeString(p, seed.substring(0, at) + "\nbody:\n  - title: Long\n    text: \"" + paragraph + "\"\n"
                + seed.substring(at), StandardCharsets.UTF_8);
        return p;
    }

    /**
     * In a 48 MB heap, an article far past the default limits (let through by SEPARATA_LIMITS) runs
     * the JVM out of memory. The command ends with exit 1 and a short message naming the article;
     * in an issue, that article fails and the others are still written (into the failed build kept
     * beside the output folder).
     */
    @Test
    void theCommandAndTheIssueBuilderSurviveRunningOutOfHeap() throws Exception {
        longParagraph("big.yaml", 1_000_000);
        List<String> jvm = List.of("-Xmx48m", "-XX:+UseSerialGC");
        Map<String, String> raised = Map.of("SEPARATA_LIMITS", "paragraph-chars=2000000");

        Result render = separata(dir, jvm, raised, "render", "big.yaml", "-o", "big.pdf");
        assertEquals(1, render.code(), render.output());
        assertTrue(render.output().startsWith("big.yaml: error: ran out of memory (the Java heap may hold"),
                render.output());
        assertTrue(render.output().contains("-Xmx"), "says what to do: " + render.output());
        assertFalse(render.output().contains("\tat ") || render.output().contains("OutOfMemoryError"),
                "no trace: " + render.output());
        assertFalse(Files.exists(dir.resolve("big.pdf")));

        Files.copy(Repo.seed(), dir.resolve("seed.yaml"));
        Files.writeString(dir.resolve("issue.yaml"), """
                journal: {title: Cuadernos Iberoamericanos, issn-print: 2409-3416}
                first-page: 1
                articles: [big.yaml, seed.yaml]
                """);
        Result issue = separata(dir, jvm, raised, "issue", "issue.yaml", "-o", "out", "-j", "1", "--progress", "none",
                "--pdfa", "none");
        assertEquals(4, issue.code(), issue.output());
        assertFalse(issue.output().contains("\tat ") || issue.output().contains("OutOfMemoryError"), issue.output());
        assertTrue(issue.output().contains("big.yaml: error: ran out of memory"), issue.output());
        // a failed build is kept beside the output folder, its pages provisional (see IssueBuilderTest)
        String report = Files.readString(dir.resolve("out.failed/report.json"));
        assertTrue(report.contains("ran out of memory"), report);
        assertTrue(Files.exists(dir.resolve("out.failed/offprints/seed.provisional.pdf")),
                "the other article is written: " + issue.output());
    }
}
