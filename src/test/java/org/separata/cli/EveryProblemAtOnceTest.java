package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Repo;

/**
 * The README's promise, "every problem is reported at once": a manifest with a key typo, a wrong
 * ISSN check digit, a reversed page range and a character no font has needs one run of
 * {@code validate}, and {@code render} of it lists the same four and writes nothing.
 */
class EveryProblemAtOnceTest {

    @TempDir
    Path dir;

    /** The four mistakes, each a change to the seed and a word of the message it must give. */
    private static final Map<String[], String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put(new String[] {"  publisher: MGIMO University", "  publsher: MGIMO University", "publsher"},
                "unknown key 'publsher'");
        MISTAKES.put(new String[] {"issn-print: 2409-3416", "issn-print: 2409-3417", "issn-print"}, "check digit");
        MISTAKES.put(new String[] {"pages: 84-100", "pages: 100-84", "pages: 100-84"}, "comes before the first");
        MISTAKES.put(new String[] {"перуанская перспектива\"", "перуанская перспектива 中\"", "中"}, "U+4E2D");
    }

    private Path seedWithAllFour() throws Exception {
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        for (String[] m : MISTAKES.keySet()) {
            assertTrue(seed.contains(m[0]), "the seed no longer contains: " + m[0]);
            seed = seed.replace(m[0], m[1]);
        }
        Path p = dir.resolve("article.yaml");
        Files.writeString(p, seed, StandardCharsets.UTF_8);
        return p;
    }

    /** Checks that each mistake is reported at its own line, in the order of the file. */
    private static void assertAllFour(Path in, String err) {
        List<Integer> at = new ArrayList<>();
        for (Map.Entry<String[], String> m : MISTAKES.entrySet()) {
            int line = Repo.lineOf(in, m.getKey()[2]);
            String prefix = in + ":" + line + ":";
            int i = err.indexOf(prefix);
            assertTrue(i >= 0, "reported at line " + line + ": " + err);
            assertTrue(err.substring(i, err.indexOf('\n', i)).contains(m.getValue()), m.getValue() + " at " + prefix
                    + ": " + err);
            at.add(i);
        }
        assertEquals(at.stream().sorted().toList(), at, "in the order of the file: " + err);
    }

    @Test
    void validateReportsAKeyTypoAWrongIssnAReversedPageRangeAndACjkCharacterInOneRun() throws Exception {
        Path in = seedWithAllFour();
        CliTest.Result r = CliTest.run("validate", in.toString());
        assertEquals(3, r.code(), r.err());
        assertAllFour(in, r.err());
        assertTrue(r.out().contains(in + ": invalid, 4 errors, 0 warnings"), r.out());
    }

    @Test
    void renderListsTheSameFourAndWritesNothing() throws Exception {
        Path in = seedWithAllFour();
        Path out = dir.resolve("out.pdf");
        CliTest.Result r = CliTest.run("render", in.toString(), "-o", out.toString());
        assertEquals(3, r.code(), r.err());
        assertAllFour(in, r.err());
        assertFalse(Files.exists(out), "no PDF");
    }

    @Test
    void anOptionalValueOfTheWrongTypeIsLeftOutAndTheRestIsStillChecked() throws Exception {
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8)
                .replace("  volume: 9\n", "  volume: [9]\n").replace("issn-online: 2658-5219", "issn-online: 2658-5218");
        Path in = dir.resolve("article.yaml");
        Files.writeString(in, seed, StandardCharsets.UTF_8);
        CliTest.Result r = CliTest.run("validate", in.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(in + ":" + Repo.lineOf(in, "volume: [9]") + ":"), r.err());
        assertTrue(r.err().contains(in + ":" + Repo.lineOf(in, "2658-5218") + ":"), "the ISSN too: " + r.err());
    }

    @Test
    void whenTheSchemaLeavesNothingToReadItsProblemsAreStillAllListed() throws Exception {
        // no titles and a key typo: the reader cannot go on without titles, but both are listed
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        seed = seed.substring(0, seed.indexOf("\ntitles:")) + seed.substring(seed.indexOf("\nauthors:"));
        Path in = dir.resolve("article.yaml");
        Files.writeString(in, seed.replace("  publisher: MGIMO University", "  publsher: MGIMO University"));
        CliTest.Result r = CliTest.run("validate", in.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("missing 'titles'") && r.err().contains("unknown key 'publsher'"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }
}
