package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.ExitCode;
import org.separata.support.Forked;
import org.separata.support.Repo;
import org.separata.support.Slow;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --version} against the build's own numbers, and the manual page and bash completion the
 * build writes from the command line's model: every command and option is in them, troff reads the
 * page without a warning, and bash completes commands, options and option values.
 */
@Slow
class VersionAndManualTest {

    @TempDir
    Path dir;

    /** {@code <name>VALUE</name>} in pom.xml (the first one: the project's own version). */
    private static String pom(String element) throws Exception {
        Matcher m = Pattern.compile("<" + Pattern.quote(element) + ">([^<]+)</").matcher(Files.readString(Repo.file("pom.xml")));
        assertTrue(m.find(), element);
        return m.group(1);
    }

    @Test
    void versionPrintsTheBuildsVersionJavaAndTheLibrariesThatShapeTheOutput() throws Exception {
        CliTest.Result r = CliTest.run("--version");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        String project = Files.readString(Repo.file("pom.xml"));
        String version = project.substring(project.indexOf("<artifactId>separata</artifactId>"));
        version = version.substring(version.indexOf("<version>") + 9, version.indexOf("</version>"));
        assertEquals("separata " + version, lines[0]);
        assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version") + " ("), lines[1]);
        String openpdf = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString()).filter(n -> n.matches("openpdf-[\\d.]+\\.jar"))
                .map(n -> n.substring(8, n.length() - 4)).findFirst().orElseThrow();
        assertEquals("Flying Saucer " + pom("flyingsaucer.version") + ", OpenPDF " + openpdf + ", PDFBox "
                + pom("pdfbox.version"), lines[2]);
    }

    /** The manual page as {@code man} shows it (troff through groff), with its warnings. */
    private static Forked.Outcome rendered(Path page) {
        // plain text (no bold by overstriking), long lines, no hyphenation: words stay whole
        return Forked.run(new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-P-cbou", "-rLL=400n", "-rHY=0",
                page.toString()), Map.of(), new byte[0]);
    }

    @Test
    void theManualPageListsEveryCommandOptionAndExitCode() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is installed");
        Manual.main(new String[] {dir.toString()});
        Forked.Outcome g = rendered(dir.resolve("separata.1"));
        assertEquals(0, g.code());
        assertEquals("", g.errText(), "troff reads it without a warning");
        String text = g.outText().replaceAll("\u2010|\u2011|\u2212", "-").replaceAll("-\\s*\\n\\s*", "-")
                .replaceAll("\\s+", " ");
        CommandLine cl = Manual.commandLine();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            assertTrue(text.contains("separata " + sub.getCommandName()), sub.getCommandName());
            for (OptionSpec o : sub.getCommandSpec().options()) {
                for (String name : o.names()) {
                    assertTrue(text.contains(name), sub.getCommandName() + " " + name + " in the manual page");
                }
            }
        }
        for (ExitCode c : ExitCode.values()) {
            String meaning = c.meaning().replaceAll("\\s+", " ");
            assertTrue(text.contains(c.code() + " " + meaning.substring(0, Math.min(20, meaning.length()))), c.name());
        }
        // the build wrote the same page (mvn runs Manual at process-classes, before the tests)
        Path built = Repo.file("target/separata.1");
        assumeTrue(Files.exists(built), "built by mvn");
        assertEquals(Files.readString(dir.resolve("separata.1")), Files.readString(built));
    }

    /** What bash completes for the words typed so far (the last one being completed). */
    private static List<String> complete(Path script, String... words) {
        StringBuilder w = new StringBuilder();
        for (String word : words) {
            w.append(" '").append(word).append("'");
        }
        String cmd = "source '" + script + "'; COMP_WORDS=(" + w + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); "
                + "_complete_separata separata \"${COMP_WORDS[-1]}\" \"${COMP_WORDS[-2]}\" 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"";
        Forked.Outcome o = Forked.run(new ProcessBuilder("bash", "-c", cmd), Map.of(), new byte[0]);
        return o.outText().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void bashCompletesCommandsOptionsAndValues() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is installed");
        Manual.main(new String[] {dir.toString()});
        Path script = dir.resolve("separata.bash");
        assertEquals(List.of("render"), complete(script, "separata", "ren"));
        assertTrue(complete(script, "separata", "").containsAll(List.of("render", "validate", "issue", "layouts", "fonts")));
        assertEquals(List.of("--warnings-as-errors", "--watch"), complete(script, "separata", "render", "--wa"));
        assertEquals(List.of("bar", "log", "none"), complete(script, "separata", "issue", "x.yaml", "--progress", ""));
        assertEquals(List.of("--dry-run"), complete(script, "separata", "issue", "--dr"));
        Path built = Repo.file("target/separata.bash");
        assumeTrue(Files.exists(built), "built by mvn");
        assertEquals(Files.readString(script, StandardCharsets.UTF_8), Files.readString(built, StandardCharsets.UTF_8));
    }
}
