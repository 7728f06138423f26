package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.batch.IssueBuilder;
import org.separata.batch.IssueOptions;
import org.separata.batch.Progress;
import org.separata.batch.Shard;
import org.separata.pipeline.RenderOptions;
import org.separata.support.Folders;
import org.separata.support.Forked;
import org.separata.support.Rendering;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * What was seen: after Ctrl-C during a 20-article build, the folder held new offprints, old ones
 * and the old issue.pdf and report; nothing was printed. Now a real process, sent SIGINT while it
 * renders offprints, stops, removes its staging folder, prints one line and exits 130, and the
 * previous output folder is exactly as it was.
 */
@Slow
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCLeavesThePreviousFolderAsItWasAndSaysSoInOneLine() throws Exception {
        Path issue = TestIssues.issueOf(dir, 20, false);
        Path out = dir.resolve("out");
        // the previous build: the same journal, two articles
        Path small = dir.resolve("small.yaml");
        String yaml = Files.readString(issue);
        Files.writeString(small, yaml.substring(0, yaml.indexOf("articles:")) + "articles: [art1.yaml, art2.yaml]\n");
        new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { })
                .build(small, new IssueOptions(out, 2, RenderOptions.defaults(), Optional.empty(), false, false,
                        Shard.ALL));
        Map<String, String> before = Folders.snapshot(out);

        Process p = Forked.separata(dir, "issue", issue.toString(), "-o", out.toString(), "-j", "1",
                "--progress", "log").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Object seen = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    synchronized (seen) {
                        seen.notifyAll();
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        synchronized (seen) {
            while (lines.stream().noneMatch(l -> l.startsWith("offprints 2/")) && p.isAlive()
                    && System.nanoTime() < deadline) {
                seen.wait(200);
            }
        }
        assertTrue(p.isAlive(), "the build ended before it could be interrupted: " + lines);
        assertTrue(Folders.hiddenBeside(out).size() == 1, "the build is staged beside out/: " + Folders.names(dir));
        // the shell's own kill, so the test needs no procps
        assertEquals(0, new ProcessBuilder("sh", "-c", "kill -INT " + p.pid()).start().waitFor());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "it stops");
        reader.join(10_000);

        assertEquals(130, p.exitValue(), String.join("\n", lines));
        List<String> said = lines.stream().filter(l -> !l.matches("^(reading|offprints|issue)[ :].*")).toList();
        assertEquals(1, said.size(), "one line: " + lines);
        assertTrue(said.get(0).contains("interrupted") && said.get(0).contains(out + " is as it was"), said.get(0));
        assertEquals(before, Folders.snapshot(out), "the previous build is exactly as it was");
        assertEquals(List.of(), Folders.hiddenBeside(out), "the staging folder is removed");
        assertTrue(Folders.names(dir).stream().noneMatch(n -> n.startsWith("out.")), Folders.names(dir).toString());
    }
}
