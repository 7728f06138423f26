package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.separata.diag.ExitCode;
import org.separata.support.Repo;

/**
 * The README's exit-code table and the command line's help list the codes the program has, no
 * more and no fewer. What each code is used for is tested where it arises: 2 and 5 in
 * {@link OutputSafetyTest}, 3 in {@link CliTest}, 4 in {@code IssueBuilderTest} and
 * {@link OutputSafetyTest}, 130 in {@link InterruptTest}.
 */
class ExitCodeTableTest {

    @Test
    void theReadmeTableListsEveryExitCode() throws Exception {
        String readme = Files.readString(Repo.file("README.md"));
        int at = readme.indexOf("### Exit codes");
        assertTrue(at >= 0, "the README has an exit-code table");
        String table = readme.substring(at, readme.indexOf("\n\n", readme.indexOf("| code |", at)));
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table);
        List<Integer> listed = new java.util.ArrayList<>();
        while (m.find()) {
            listed.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(Arrays.stream(ExitCode.values()).map(ExitCode::code).toList(), listed);
    }

    @Test
    void theHelpListsEveryExitCode() {
        String help = CliTest.run("--help").out().replaceAll("\\s+", " ");
        for (ExitCode c : ExitCode.values()) {
            assertTrue(help.contains(" " + c.code() + " "), c + " in: " + help);
        }
    }
}
