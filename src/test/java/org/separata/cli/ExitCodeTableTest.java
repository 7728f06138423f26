package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.ExitCode;
import org.separata.support.Forked;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * The README's exit-code table, the command line's help and the manual page list the codes the
 * program has, no more and no fewer, each with the meaning {@link ExitCode#meaning} gives; and
 * every row is shown by a real run of the command line in a JVM of its own.
 */
@Slow
class ExitCodeTableTest {

    @TempDir
    Path dir;

    /** The README's table: code → meaning. */
    private static Map<Integer, String> readmeTable() throws Exception {
        String readme = Files.readString(Repo.file("README.md"));
        int at = readme.indexOf("### Exit codes");
        assertTrue(at >= 0, "the README has an exit-code table");
        String table = readme.substring(at, readme.indexOf("\n\n", readme.indexOf("| code |", at)));
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| (.*) \\|$").matcher(table);
        Map<Integer, String> rows = new LinkedHashMap<>();
        while (m.find()) {
            rows.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return rows;
    }

    @Test
    void theReadmeTableListsEveryExitCodeWithItsMeaning() throws Exception {
        Map<Integer, String> rows = readmeTable();
        assertEquals(Arrays.stream(ExitCode.values()).map(ExitCode::code).toList(), new ArrayList<>(rows.keySet()));
        for (ExitCode c : ExitCode.values()) {
            assertEquals(c.meaning(), rows.get(c.code()), "the README's words for " + c.code());
        }
    }

    @Test
    void theHelpListsEveryExitCode() {
        String help = CliTest.run("--help").out().replaceAll("\\s+", " ");
        for (ExitCode c : ExitCode.values()) {
            assertTrue(help.contains(" " + c.code() + " "), c + " in: " + help);
        }
    }

    /** {@code separata ARGS} in a JVM of its own; its exit code and what it printed on standard error. */
    private Forked.Outcome run(List<String> jvm, String... args) {
        return Forked.run(new ProcessBuilder(Forked.command(jvm, args)).directory(dir.toFile()),
                Map.of("SEPARATA_SYSTEM_FONTS", ""), new byte[0]);
    }

    @Test
    void everyRowIsARealRun() throws Exception {
        Map<ExitCode, Forked.Outcome> runs = new LinkedHashMap<>();
        runs.put(ExitCode.OK, run(List.of(), "layouts"));
        // the JVM's heap too small for the fonts: not the user's fault, nothing to fix in the input
        runs.put(ExitCode.INTERNAL, run(List.of("-Xmx8m"), "render", Repo.seed().toString(), "-o",
                dir.resolve("x.pdf").toString()));
        runs.put(ExitCode.USAGE, run(List.of(), "render", Repo.seed().toString(), "--no-such-option"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Repo.seed()).replace("issn-print: 2409-3416", "issn-print: 2409-3417"));
        runs.put(ExitCode.INVALID_INPUT, run(List.of(), "validate", bad.toString()));
        Path issue = TestIssues.issueOf(Files.createDirectories(dir.resolve("issue")), 2, false, 1);
        runs.put(ExitCode.PARTIAL_FAILURE, run(List.of(), "issue", issue.toString(), "--dry-run", "--progress", "none"));
        runs.put(ExitCode.OUTPUT, run(List.of(), "render", Repo.seed().toString(), "-o", "/dev/null"));
        runs.put(ExitCode.INTERRUPTED, interruptedWatch());
        assertEquals(List.of(ExitCode.values()), new ArrayList<>(runs.keySet()), "a run for every code");
        runs.forEach((code, o) -> assertEquals(code.code(), o.code(), code + ": " + o.errText()));
        // one short message naming the article, never a trace
        assertTrue(runs.get(ExitCode.INTERNAL).errText().startsWith(Repo.seed() + ": error: ran out of memory"),
                runs.get(ExitCode.INTERNAL).errText());
        assertTrue(runs.get(ExitCode.OUTPUT).errText().contains("/dev/null"), runs.get(ExitCode.OUTPUT).errText());
    }

    /** {@code render --watch} stopped by Ctrl-C once it has written its first PDF. */
    private Forked.Outcome interruptedWatch() throws Exception {
        Path in = dir.resolve("watched.yaml");
        Files.copy(Repo.seed(), in);
        Process p = new ProcessBuilder(Forked.command(List.of(), "render", in.toString(), "--watch"))
                .directory(dir.toFile()).redirectError(dir.resolve("watch-err.txt").toFile()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertTrue(line != null && line.contains("wrote"), "the first render: " + line);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        }
        return new Forked.Outcome(p.exitValue(), new byte[0], Files.readAllBytes(dir.resolve("watch-err.txt")));
    }
}
