package org.separata.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.ExitCode;
import org.separata.pipeline.RenderOptions;
import org.separata.support.Rendering;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * An article's page count and its render in one layout, where the pages allow: when its page
 * count is known before it is laid out (from the last build's report in the output folder), the
 * issue renders its offprint at its pages straight away, and that layout is the count. A count
 * that was wrong is found by that layout and the article is rendered again, so the files are always
 * those a build from nothing makes. The pages an article's file gives are not taken for its count.
 */
@Slow
class RenderOnceTest {

    @TempDir
    Path dir;

    /** What the build said of each article, stage by stage ("reading", "offprints", …). */
    private static final class Heard implements Progress {
        final List<String> lines = new ArrayList<>();
        private String stage = "";

        @Override
        public synchronized void start(String s, int total) {
            stage = s;
        }

        @Override
        public synchronized void done(String item, boolean ok, String detail) {
            lines.add(stage + " " + Path.of(item).getFileName() + ": " + detail);
        }

        @Override
        public void finish() {
        }

        synchronized List<String> of(String s) {
            return lines.stream().filter(l -> l.startsWith(s + " ")).sorted().toList();
        }
    }

    private static Heard build(Path issue, Path out) {
        Heard heard = new Heard();
        IssueResult r = new IssueBuilder(Rendering.separata(), heard, d -> { }).build(issue, new IssueOptions(out, 2,
                RenderOptions.defaults(), Optional.empty(), false, false, Shard.ALL));
        assertEquals(ExitCode.OK, r.exitCode());
        return heard;
    }

    /** The build's files and their bytes; the report without its timings. */
    private static Map<String, String> files(Path out) throws Exception {
        Map<String, String> snapshot = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> all = Files.walk(out)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                snapshot.put(out.relativize(f).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        String report = Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8)
                .replaceAll("\"(seconds|read|offprints|issue)\" : [0-9.E-]+", "\"$1\" : 0");
        snapshot.put("report.json", report);
        return snapshot;
    }

    @Test
    void aSecondBuildLaysEachArticleOutOnceAndGivesTheSameBytes() throws Exception {
        Path issue = TestIssues.issueOf(dir, 4, false);
        Path out = dir.resolve("out");
        Heard first = build(issue, out);
        assertEquals(4, first.of("reading").size());
        first.of("reading").forEach(l -> assertTrue(l.matches("reading art\\d\\.yaml: \\d+ pages?"), l));
        Map<String, String> before = files(out);

        Heard second = build(issue, out);
        second.of("reading").forEach(l -> assertTrue(l.endsWith(" in the last build"), "not laid out to be counted: " + l));
        assertEquals(4, second.of("offprints").size(), "one render each: " + second.lines);
        second.of("offprints").forEach(l -> assertTrue(l.matches("offprints art\\d\\.yaml: \\d+–\\d+"), l));
        assertEquals(before, files(out), "the same files, byte for byte");

        // the second article grows: its guess is wrong, found by its render, and everything after it moves
        Path art2 = dir.resolve("art2.yaml");
        String longer = Files.readString(art2, StandardCharsets.UTF_8) + "body:\n  - title: Anexo\n    text: \""
                + "Un párrafo más largo que una página entera. ".repeat(400) + "\"\n";
        Files.writeString(art2, longer, StandardCharsets.UTF_8);
        Heard third = build(issue, out);
        assertTrue(third.of("offprints").stream().anyMatch(l -> l.startsWith("offprints art2.yaml: takes ")
                && l.endsWith("pages; paginating again")), third.lines.toString());
        Path fresh = dir.resolve("fresh");
        Heard scratch = build(issue, fresh);
        scratch.of("reading").forEach(l -> assertTrue(l.matches("reading art\\d\\.yaml: \\d+ pages?"), l));
        assertEquals(files(fresh), files(out), "as a build from nothing makes them");
    }

    @Test
    void thePagesAnArticleGivesAreNotTakenForItsCount() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Path declared = Files.createDirectories(dir.resolve("declared"));
        Path a = TestIssues.issueOf(plain, 3, false);
        Path b = TestIssues.issueOf(declared, 3, false);
        build(a, dir.resolve("a"));
        List<Map<String, Object>> counted = IssueBuilderTest.articles(IssueBuilderTest.report(dir.resolve("a/report.json")));
        // the second copy's articles say how many pages they take; the first of them says it wrongly
        for (int k = 1; k <= 3; k++) {
            Path f = declared.resolve("art" + k + ".yaml");
            long pages = (Long) counted.get(k - 1).get("pages");
            String range = k == 1 ? "84-" + (84 + pages) : "84-" + (84 + pages - 1);
            Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8).replaceFirst("(?m)^  doi: ",
                    "  pages: " + range + "\n  doi: "), StandardCharsets.UTF_8);
            assertTrue(Files.readString(f).contains("  pages: " + range + "\n"));
        }
        Heard read = build(b, dir.resolve("b"));
        assertEquals(3, read.of("reading").size());
        read.of("reading").forEach(l -> assertTrue(l.matches("reading art\\d\\.yaml: \\d+ pages?"), "laid out to be counted: "
                + l));
        for (int k = 1; k <= 3; k++) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a/offprints/art" + k + ".pdf")),
                    Files.readAllBytes(dir.resolve("b/offprints/art" + k + ".pdf")), "offprint " + k);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/issue.pdf")), Files.readAllBytes(dir.resolve("b/issue.pdf")));
    }
}
