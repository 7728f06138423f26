package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Main adds only the subcommand that runs; the others are still there for help, for the help
 * command and for a mistyped name. Picocli comes from its sources, compiled for Java 17.
 */
class SubcommandTest {

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void helpListsEveryCommand() {
        CliTest.Result help = run("--help");
        assertEquals(0, help.code());
        for (String c : new String[] {"render", "validate", "issue", "layouts", "fonts", "help"}) {
            assertTrue(help.out().matches("(?s).*\\n\\s+" + c + "\\s.*"), c + " missing from:\n" + help.out());
        }
    }

    @Test
    void theHelpCommandKnowsTheOthers() {
        CliTest.Result help = run("help", "validate");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: separata validate"), help.out());
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatSuggestsTheRightOne() {
        CliTest.Result r = run("rendr", "x.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("render"), r.err());
    }

    @Test
    void aCommandsOwnOptionsAreCheckedWhenItIsTheOnlyOneAdded() {
        CliTest.Result r = run("layouts", "--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--bogus"), r.err());
    }

    @Test
    void picocliIsCompiledForJava17ClassFiles() throws IOException {
        try (InputStream in = picocli.CommandLine.class.getResourceAsStream("CommandLine.class")) {
            byte[] head = in.readNBytes(8);
            int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
            assertTrue(major >= 61, "picocli's classes are class-file version " + major
                    + "; the build should compile them from source for Java 17 (61)");
        }
        for (String f : new String[] {"LICENSE", "NOTICE"}) {
            assertTrue(getClass().getClassLoader().getResource("META-INF/licenses/picocli/" + f) != null, f);
        }
    }
}
