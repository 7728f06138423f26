package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Forked;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * {@code render --watch} and {@code issue --watch}, as a user runs them: the first build, an edit
 * to a file it depends on, the next build naming what changed, and Ctrl-C ending it (exit 130).
 */
@Slow
class WatchCommandsTest {

    @TempDir
    Path dir;

    /** A running command whose standard output lines arrive in a queue. */
    private record Running(Process process, BlockingQueue<String> lines) {
        String next(String what) throws InterruptedException {
            String line = lines.poll(3, TimeUnit.MINUTES);
            assertTrue(line != null, "no line for: " + what);
            return line;
        }
    }

    private Running start(String... args) throws Exception {
        Process p = Forked.separata(dir, args).redirectError(dir.resolve("err.txt").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Running(p, lines);
    }

    /** Ctrl-C, as the shell sends it, and the exit code. */
    private static int interrupt(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "ended");
        return p.exitValue();
    }

    @Test
    void issueWatchBuildsAgainWhenAnArticleChanges() throws Exception {
        Path issue = TestIssues.issueOf(dir, 2, false);
        Running r = start("issue", issue.toString(), "-o", "out", "--progress", "none", "--watch");
        String first = r.next("the first build");
        assertTrue(first.matches("\\d\\d:\\d\\d:\\d\\d  2 articles, 0 failed, 4 pages; wrote .*"), first);
        Path art2 = dir.resolve("art2.yaml");
        Files.writeString(art2, Files.readString(art2).replace("parte 2\"", "parte dos\""));
        String second = r.next("the build after the edit");
        assertTrue(second.matches("\\d\\d:\\d\\d:\\d\\d  art2.yaml changed; 2 articles, 0 failed, 4 pages; wrote .*"),
                second);
        try (org.separata.support.PdfInspector pdf = new org.separata.support.PdfInspector(
                Files.readAllBytes(dir.resolve("out/offprints/art2.pdf")))) {
            assertTrue(pdf.text().contains("parte dos"), "the new offprint has the edit");
        }
        // a broken edit: the build fails, says so, and the watch goes on
        Files.writeString(art2, Files.readString(art2).replace("issn-print: 2409-3416", "issn-print: 2409-3417"));
        String third = r.next("the failed build");
        assertTrue(third.contains("art2.yaml changed; 2 articles, 1 failed"), third);
        assertEquals(130, interrupt(r.process()), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void renderWatchRendersAgainWhenTheArticleChanges() throws Exception {
        Path in = dir.resolve("article.yaml");
        Files.copy(Repo.seed(), in);
        Running r = start("render", "article.yaml", "-o", "article.pdf", "--watch");
        String first = r.next("the first render");
        assertTrue(first.matches("\\d\\d:\\d\\d:\\d\\d  wrote article.pdf \\(2 pages\\)"), first);
        Files.writeString(in, Files.readString(in).replace("una perspectiva peruana\"", "una perspectiva nueva\""));
        String second = r.next("the render after the edit");
        assertTrue(second.matches("\\d\\d:\\d\\d:\\d\\d  article.yaml changed; wrote article.pdf \\(2 pages\\)"), second);
        int code = interrupt(r.process());
        assertTrue(List.of(130, 0).contains(code), "ended by Ctrl-C: " + code);
    }
}
