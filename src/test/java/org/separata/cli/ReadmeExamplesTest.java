package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Folders;
import org.separata.support.Forked;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * Runs the README's command examples, so that they cannot go stale: every line of a fenced
 * {@code sh} block, and every {@code $ …} line of any other fenced block, in the README's order, in
 * one temporary folder holding a copy of {@code examples/}, with {@code separata} on the PATH as
 * a command running the classes under test ({@code java -jar target/separata.jar} is read as
 * {@code separata}). A command must exit 0, or the code its {@code # exit N} comment gives. In a
 * {@code console} block, what follows a command is what it prints (standard output and error
 * together) and must be that, line for line; a line ending in {@code …} need only begin so. The
 * system's font folders are left out, so that a character no bundled font has is one on every
 * machine, and {@code NO_COLOR} is set.
 *
 * <p>Not run: {@code mvn} (the build itself; what follows its {@code &&} is run), {@code apt-get}
 * (it installs packages), {@code install.sh} (it installs into the home folder;
 * {@link InstallTest} runs it into a temporary one), and {@code separata serve} and the {@code curl}
 * lines that talk to it ({@code ServeReadmeTest} runs them against a server it starts).
 */
@Slow
class ReadmeExamplesTest {

    @TempDir
    Path dir;

    /** A command of the README, at its line, with the exit code and (console blocks) the output it must give. */
    private record Example(int line, String command, int exit, List<String> expected, boolean compared) {
    }

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern EXIT = Pattern.compile("#\\s*exit (\\d+)\\s*$");

    static List<Example> examples(List<String> readme) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher fence = FENCE.matcher(readme.get(i));
            if (!fence.matches()) {
                continue;
            }
            String kind = fence.group(1);
            int start = i + 1;
            int end = start;
            while (!readme.get(end).equals("```")) {
                end++;
            }
            List<String> block = readme.subList(start, end);
            if (kind.equals("sh")) {
                for (int k = 0; k < block.size(); k++) {
                    StringBuilder cmd = new StringBuilder(block.get(k));
                    int at = start + k + 1;
                    while (cmd.toString().endsWith("\\")) {
                        cmd.setLength(cmd.length() - 1);
                        cmd.append(' ').append(block.get(++k).strip());
                    }
                    String c = cmd.toString().strip();
                    if (!c.isEmpty() && !c.startsWith("#")) {
                        out.add(new Example(at, c, exit(c), List.of(), false));
                    }
                }
            } else if (!List.of("yaml", "json", "xml").contains(kind)) {
                for (int k = 0; k < block.size(); k++) {
                    if (!block.get(k).startsWith("$ ")) {
                        continue;
                    }
                    String c = block.get(k).substring(2).strip();
                    List<String> expected = new ArrayList<>();
                    for (int n = k + 1; n < block.size() && !block.get(n).startsWith("$ "); n++) {
                        expected.add(block.get(n));
                    }
                    out.add(new Example(start + k + 1, c, exit(c), expected, kind.equals("console")));
                }
            }
            i = end;
        }
        return out;
    }

    private static int exit(String command) {
        Matcher m = EXIT.matcher(command);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The command as run, or none: the build and the installers are not run. */
    static java.util.Optional<String> runnable(String command) {
        String c = command.strip();
        if (c.startsWith("mvn ") && c.contains("&&")) {
            c = c.substring(c.indexOf("&&") + 2).strip();
        }
        if (c.startsWith("mvn ") || c.startsWith("apt-get ") || c.contains("install.sh") || needsServer(c)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(c.replace("java -jar target/separata.jar", "separata"));
    }

    /**
     * Whether {@code c} starts the resident server (it runs until stopped) or talks to it:
     * {@link org.separata.serve.ServeReadmeTest} runs those lines against a server it starts.
     */
    static boolean needsServer(String c) {
        return c.matches("(\\S*/)?separata serve\\b.*") || c.startsWith("curl ");
    }

    /** An expected line: as printed, or its beginning when it ends in "…". */
    private static boolean matches(String expected, String actual) {
        return expected.endsWith("…") ? actual.startsWith(expected.substring(0, expected.length() - 1))
                : expected.equals(actual);
    }

    @Test
    void everyCommandExampleOfTheReadmeRunsAndPrintsWhatItShows() throws Exception {
        List<String> readme = Files.readAllLines(Repo.file("README.md"), StandardCharsets.UTF_8);
        List<Example> examples = examples(readme);
        Folders.copy(Repo.file("examples"), dir.resolve("examples"));
        Path bin = Files.createDirectories(dir.resolve(".bin"));
        Path separata = bin.resolve("separata");
        List<String> cmd = Forked.command(List.of());
        StringBuilder script = new StringBuilder("#!/bin/sh\nexec");
        for (String word : cmd) {
            script.append(" '").append(word.replace("'", "'\\''")).append("'");
        }
        Files.writeString(separata, script + " \"$@\"\n");
        Files.setPosixFilePermissions(separata, PosixFilePermissions.fromString("rwxr-xr-x"));

        int run = 0;
        List<String> skipped = new ArrayList<>();
        for (Example e : examples) {
            java.util.Optional<String> command = runnable(e.command());
            if (command.isEmpty()) {
                skipped.add(e.command());
                continue;
            }
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", command.get()).directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().remove("SOURCE_DATE_EPOCH");
            Forked.Outcome o = Forked.run(pb, Map.of("PATH", bin + ":" + System.getenv("PATH"),
                    "SEPARATA_SYSTEM_FONTS", "", "NO_COLOR", "1"), new byte[0]);
            String where = "README.md:" + e.line() + ": " + e.command() + "\n" + o.outText();
            assertEquals(e.exit(), o.code(), where);
            if (e.compared()) {
                List<String> actual = o.outText().lines().toList();
                assertEquals(e.expected().size(), actual.size(), where);
                for (int i = 0; i < actual.size(); i++) {
                    assertTrue(matches(e.expected().get(i), actual.get(i)), "line " + (i + 1) + " of " + where
                            + "\nexpected: " + e.expected().get(i) + "\nactual:   " + actual.get(i));
                }
            }
            run++;
        }
        assertTrue(run >= 15, "the README's examples were found: " + run);
        assertTrue(skipped.stream().allMatch(s -> s.startsWith("mvn ") || s.contains("install.sh") || needsServer(s)),
                skipped.toString());
    }
}
