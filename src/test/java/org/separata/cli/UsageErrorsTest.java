package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Repo;

/**
 * A wrong command line is exit 2 and says what is wrong and what is allowed, before anything is
 * read: never an "internal error … please report it".
 */
class UsageErrorsTest {

    @TempDir
    Path dir;

    private static final String ISSUE = Repo.file("examples/issue-2021-4/issue.yaml").toString();

    private CliTest.Result usage(String... args) {
        CliTest.Result r = CliTest.run(args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("please report"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return r;
    }

    @Test
    void jobsOutsideOneTo256AreUsageErrors() {
        for (String j : List.of("0", "-3", "many", "257")) {
            CliTest.Result r = usage("issue", ISSUE, "-o", dir.resolve("out").toString(), "-j", j);
            assertTrue(r.err().contains("'" + j + "' is not a number of jobs") && r.err().contains("from 1 to 256"),
                    r.err());
        }
        assertFalse(Files.exists(dir.resolve("out")), "nothing was built");
    }

    @Test
    void anUnknownProgressModeListsTheModes() {
        CliTest.Result r = usage("issue", ISSUE, "-o", dir.resolve("out").toString(), "--progress", "fancy");
        assertTrue(r.err().contains("'fancy'") && r.err().contains("bar, log, none"), r.err());
    }

    @Test
    void anUnknownLayoutSaysWhichOneWasMeant() {
        for (List<String> args : List.of(List.of("render", Repo.seed().toString(), "-o", dir.resolve("x.pdf").toString()),
                List.of("validate", Repo.seed().toString()))) {
            List<String> all = new java.util.ArrayList<>(args);
            all.addAll(List.of("--layout", "clasic"));
            CliTest.Result r = usage(all.toArray(new String[0]));
            assertTrue(r.err().contains("no built-in layout pack 'clasic'"), r.err());
            assertTrue(r.err().contains("did you mean 'classic'?"), r.err());
        }
        CliTest.Result issue = usage("issue", ISSUE, "-o", dir.resolve("out").toString(), "--layout", "modren");
        assertTrue(issue.err().contains("did you mean 'modern'?"), issue.err());
        CliTest.Result fonts = usage("fonts", "--layout", "compakt");
        assertTrue(fonts.err().contains("did you mean 'compact'?"), fonts.err());
        assertFalse(Files.exists(dir.resolve("x.pdf")));
    }

    @Test
    void aFolderWithoutALayoutYamlIsNotAPack() {
        CliTest.Result r = usage("render", Repo.seed().toString(), "--layout", dir.toString(), "-o",
                dir.resolve("x.pdf").toString());
        assertTrue(r.err().contains("is a folder without a layout.yaml"), r.err());
    }

    @Test
    void otherBadValuesAndCombinations() {
        assertTrue(usage("render", Repo.seed().toString(), "--first-page", "0").err().contains("not a page number"));
        assertTrue(usage("render", Repo.seed().toString(), "-q", "-v").err().contains("-q and -v"));
        assertTrue(usage("render", Repo.seed().toString(), "--pdfa", "4u").err().contains("not a PDF/A level"));
        assertTrue(usage("issue", ISSUE, "-o", dir.resolve("o").toString(), "--shard", "9/2").err()
                .contains("is not a shard"));
        assertTrue(usage("issue", ISSUE).err().contains("the output folder is missing"));
        assertTrue(usage("issue", ISSUE, "--dry-run", "--watch").err().contains("do not go together"));
        assertTrue(usage("render", Repo.seed().toString(), Repo.file("examples/sokolova-2023/article.xml").toString(),
                "-o", dir.resolve("one.pdf").toString()).err().contains("several INPUTs need a folder"));
        assertTrue(usage("render", "-", "-").err().contains("standard input can be read once"));
        assertTrue(usage("render", "-").err().contains("-o -"), "standard input needs -o");
    }

    @Test
    void twoInputsThatWouldWriteOnePdfAreRefusedBeforeEitherIsRendered() {
        String seed = Repo.seed().toString();
        String jats = Repo.file("examples/sokolova-2023/article.xml").toString();
        CliTest.Result r = usage("render", seed, jats, "-o", dir.resolve("out").toString() + "/");
        assertTrue(r.err().contains(jats + ": error: would be written to " + dir.resolve("out/article.pdf") + ", as "
                + seed + " would"), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "not even the folder is made");
    }

    @Test
    void aMistypedOptionGetsASuggestionAndWhereHelpIs() {
        CliTest.Result r = usage("render", Repo.seed().toString(), "--layuot", "classic");
        assertTrue(r.err().contains("Unknown option") && r.err().contains("'--layuot'"), r.err());
        assertTrue(r.err().contains("--layout"), "the option meant: " + r.err());
        assertTrue(r.err().contains("separata render --help"), r.err());
        CliTest.Result c = usage("rendr", "x.yaml");
        assertTrue(c.err().contains("render"), c.err());
    }
}
