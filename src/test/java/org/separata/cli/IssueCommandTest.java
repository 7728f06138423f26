package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.pipeline.Json;
import org.separata.support.Folders;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * {@code separata issue} on the terminal: warnings printed (all, or the first ten and where the
 * rest are), {@code -q} and {@code -v}, {@code --warnings-as-errors}, {@code --dry-run} against a
 * real build, {@code --fail-fast}, and report.json's types and paths.
 */
@Slow
class IssueCommandTest {

    @TempDir
    Path dir;

    /**
     * The example issue, copied with the seed beside it (so its runs take {@code --root} the test's
     * folder, as the README's take {@code --root examples}); with {@code changed}, its volume, number
     * and year differ from every article's, which gives each article three more warnings.
     */
    private Path example(boolean changed) throws Exception {
        Path issue = Folders.copy(Repo.file("examples/issue-2021-4"), dir.resolve("issue-2021-4"));
        Folders.copy(Repo.file("examples/adins-2021"), dir.resolve("adins-2021"));
        Path manifest = issue.resolve("issue.yaml");
        if (changed) {
            String text = Files.readString(manifest, StandardCharsets.UTF_8);
            assertTrue(text.contains("volume: 9\nnumber: 4\nyear: 2021\n"), "the example's issue block moved");
            Files.writeString(manifest, text.replace("volume: 9\nnumber: 4\nyear: 2021\n", "volume: 10\nnumber: 1\nyear: 2022\n"));
        }
        return manifest;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(Path file) throws Exception {
        return (Map<String, Object>) Json.read(Files.readAllBytes(file), file.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> articles(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("articles");
    }

    /** The warnings of a report, as the terminal prints them: "file:line:col: warning: field: message". */
    private static List<String> messages(Map<String, Object> report, Path folder, String list) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> a : articles(report)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ws = (List<Map<String, Object>>) a.get(list);
            for (Map<String, Object> w : ws) {
                out.add((String) w.get("message"));
                assertTrue(Files.exists(folder.resolve((String) w.get("file"))), "a path relative to the report: " + w);
            }
        }
        return out;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void warningsReachTheTerminalTheFirstTenAndWhereTheRestAre() throws Exception {
        Path manifest = example(true);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.run("issue", manifest.toString(), "--root", dir.toString(), "-o", out.toString(), "--progress", "none");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> report = report(out.resolve("report.json"));
        List<String> warnings = messages(report, out, "warnings");
        assertEquals(((Map<?, ?>) report.get("totals")).get("warnings"), (long) warnings.size());
        assertTrue(warnings.size() > MessageOptions.WARNINGS_SHOWN, "the changed issue gives many: " + warnings);
        assertEquals(MessageOptions.WARNINGS_SHOWN, count(r.err(), ": warning: "), r.err());
        int more = warnings.size() - MessageOptions.WARNINGS_SHOWN;
        assertTrue(r.err().contains("… and " + more + " more warnings in " + out.toAbsolutePath().resolve("report.json")
                + " (-v prints them all)"), r.err());
        for (String w : warnings.subList(0, MessageOptions.WARNINGS_SHOWN)) {
            assertTrue(r.err().contains(w), w + " in " + r.err());
        }
        assertTrue(r.out().matches("(?s)5 articles, 0 failed, \\d+ pages; wrote .* in \\d+\\.\\d s; report .*\n"), r.out());
        assertReportTypesAndPaths(report, out);

        // -v: every warning
        Path outV = dir.resolve("out-v");
        CliTest.Result v = CliTest.run("issue", manifest.toString(), "--root", dir.toString(), "-o", outV.toString(), "--progress", "none", "-v");
        assertEquals(0, v.code(), v.err());
        assertEquals(warnings.size(), count(v.err(), ": warning: "), v.err());
        for (String w : warnings) {
            assertTrue(v.err().contains(w), w);
        }
        assertFalse(v.err().contains("more warnings"), v.err());

        // -q: nothing at all on the terminal, the build is the same
        Path outQ = dir.resolve("out-q");
        CliTest.Result q = CliTest.run("issue", manifest.toString(), "--root", dir.toString(), "-o", outQ.toString(), "-q");
        assertEquals(0, q.code(), q.err());
        assertEquals("", q.out());
        assertEquals("", q.err());
        assertTrue(Files.exists(outQ.resolve("issue.pdf")));

        // the dry run plans the pages the build took, and writes nothing
        CliTest.Result d = CliTest.run("issue", manifest.toString(), "--root", dir.toString(), "--dry-run", "--progress", "none");
        assertEquals(0, d.code(), d.err());
        for (Map<String, Object> a : articles(report)) {
            String range = ((String) a.get("pageRange")).replace('-', '\u2013');
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(range) + " +" + Pattern.quote(a.get("file") + " ("
                    + a.get("pages") + " page")).matcher(d.out()).find(), a + " in " + d.out());
        }
        long pages = (long) ((Map<?, ?>) report.get("totals")).get("pages");
        assertTrue(d.out().contains("dry run: 5 articles, 0 failed, " + pages + " pages; nothing was written"), d.out());
        assertEquals(warnings.size(), count(d.err(), ": warning: ") + moreOf(d.err()), "the same warnings: " + d.err());
        assertEquals(Set.of("adins-2021", "issue-2021-4", "out", "out-q", "out-v"), Set.copyOf(Folders.names(dir)),
                "the dry run wrote nothing");
    }

    private static int moreOf(String err) {
        Matcher m = Pattern.compile("… and (\\d+) more warning").matcher(err);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Every field of the report has one JSON type, counts are integers, paths are relative and normal. */
    private static void assertReportTypesAndPaths(Map<String, Object> report, Path folder) {
        Map<String, Set<Class<?>>> types = new HashMap<>();
        collect("", report, types);
        types.forEach((key, kinds) -> assertEquals(1, kinds.size(), key + " has one type: " + kinds));
        for (String count : List.of("format", "year", "firstPage", "articles[].pages", "articles[].firstPage",
                "articles[].lastPage", "totals.articles", "totals.ok", "totals.failed", "totals.pages", "totals.warnings",
                "articles[].warnings[].line", "articles[].warnings[].column")) {
            if (types.containsKey(count) || !count.contains("[]")) {
                assertEquals(Set.of(Long.class), types.get(count), count);
            }
        }
        for (String seconds : List.of("articles[].seconds", "totals.seconds", "totals.stageSeconds.read")) {
            assertEquals(Set.of(Double.class), types.get(seconds), seconds);
        }
        for (String label : List.of("volume", "number")) {
            assertEquals(Set.of(String.class), types.get(label), label);
        }
        List<String> paths = new ArrayList<>();
        paths.add((String) report.get("issue"));
        for (Map<String, Object> a : articles(report)) {
            for (Object w : (List<?>) a.get("warnings")) {
                paths.add((String) ((Map<?, ?>) w).get("file"));
            }
        }
        for (String p : paths) {
            assertFalse(p.startsWith("/"), "relative: " + p);
            assertFalse(p.matches(".*[^.]/\\.\\./.*|.*/\\./.*|^\\./.*"), "normalised: " + p);
            assertTrue(Files.exists(folder.resolve(p)), "names a file from the report's folder: " + p);
        }
    }

    private static void collect(String path, Object value, Map<String, Set<Class<?>>> types) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collect(path.isEmpty() ? k.toString() : path + "." + k, v, types));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> collect(path + "[]", v, types));
        } else {
            types.computeIfAbsent(path, k -> new HashSet<>()).add(value.getClass());
        }
    }

    @Test
    void warningsAsErrorsFailTheArticlesThatHaveThem() throws Exception {
        Path manifest = example(false);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.run("issue", manifest.toString(), "--root", dir.toString(), "-o", out.toString(), "--progress", "none",
                "--warnings-as-errors");
        // the example's three articles whose files give other pages fail; the issue is not put in place
        assertEquals(4, r.code(), r.err());
        assertFalse(Files.exists(out), "the output folder is left as it was (absent)");
        Map<String, Object> report = report(dir.resolve("out.failed/report.json"));
        List<String> errors = messages(report, dir.resolve("out.failed"), "errors");
        assertTrue(errors.size() >= 3 && errors.stream().allMatch(e -> e.endsWith("(a warning; --warnings-as-errors)")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("gives its pages as 84–100")), errors.toString());
        assertTrue(r.err().contains("(a warning; --warnings-as-errors)"), r.err());
        assertReportTypesAndPaths(report, dir.resolve("out.failed"));

        // the dry run says the same, writing nothing
        CliTest.Result d = CliTest.run("issue", manifest.toString(), "--root", dir.toString(), "--dry-run", "--progress", "none",
                "--warnings-as-errors");
        assertEquals(4, d.code(), d.err());
        assertTrue(d.out().contains("FAILED  ../adins-2021/article.yaml"), d.out());
    }

    @Test
    void failFastStopsReadingAtTheFirstFailure() throws Exception {
        Path manifest = example(false);
        Files.writeString(manifest, Files.readString(manifest).replace("  - ortega-2021.yaml\n",
                "  - missing.yaml\n  - ortega-2021.yaml\n"));
        CliTest.Result r = CliTest.run("issue", manifest.toString(), "--root", dir.toString(), "--dry-run", "--fail-fast", "-j", "1", "--progress",
                "log");
        assertEquals(4, r.code(), r.err());
        // read: the seed, then missing.yaml fails; nothing after it is read
        assertTrue(r.err().contains("reading 1/6 ok ../adins-2021/article.yaml"), r.err());
        assertTrue(r.err().contains("reading 2/6 FAILED missing.yaml"), r.err());
        assertFalse(r.err().contains("reading 3/6"), r.err());
        for (String later : List.of("ortega-2021.yaml", "petrova-2021.yaml", "mendoza-2021.xml", "kowalski-2021.xml")) {
            assertTrue(r.out().contains(later + " (not read: --fail-fast)"), r.out());
        }
        // and the missing article is named at the issue file's line
        assertTrue(r.err().contains(manifest + ":" + Repo.lineOf(manifest, "missing.yaml") + ":5: error: articles[1]: "
                + "the article 'missing.yaml' is not there"), r.err());
        assertTrue(r.err().contains("article paths are relative to the issue file's folder"), r.err());
    }

    @Test
    void aDryRunShowsTheBlankVersosOfARectoStart() throws Exception {
        Path issue = org.separata.support.TestIssues.issueOf(dir, 2, true);
        CliTest.Result r = CliTest.run("issue", issue.toString(), "--dry-run", "--progress", "none");
        assertEquals(0, r.code(), r.err());
        // page 84 is a left-hand page: a blank one comes first, then the seed on 85-86, and the
        // second copy on the right-hand page after it
        assertTrue(r.out().startsWith("84     (blank left-hand page)\n85–86  art1.yaml (2 pages)\n87–88  art2.yaml (2 pages)\n"),
                r.out());
        assertTrue(r.out().contains("dry run: 2 articles, 0 failed, 5 pages"), "the blank page counts: " + r.out());
    }
}
