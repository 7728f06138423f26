package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Folders;
import org.separata.support.Repo;

/**
 * A file given to the command for another kind of file: {@code issue} with an article,
 * {@code render} with an issue manifest or a journal profile, and {@code validate} with an issue
 * manifest, which checks the issue and every article in it.
 */
class MixedUpCommandsTest {

    @TempDir
    Path dir;

    @Test
    void issueWithAnArticleSaysUseRender() {
        for (String article : new String[] {Repo.seed().toString(), Repo.file("examples/sokolova-2023/article.xml")
                .toString()}) {
            CliTest.Result r = CliTest.run("issue", article, "-o", dir.resolve("out").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(article + ": error: this is an article, not an issue manifest; use render"),
                    r.err());
            assertTrue(r.err().contains("separata render " + article), r.err());
            assertFalse(Files.exists(dir.resolve("out")));
        }
    }

    @Test
    void renderWithAnIssueOrAJournalProfileSaysWhatItIs() {
        String issue = Repo.file("examples/issue-2021-4/issue.yaml").toString();
        CliTest.Result r = CliTest.run("render", issue, "-o", dir.resolve("x.pdf").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("this is an issue manifest, not an article") && r.err().contains("separata issue "
                + issue), r.err());
        String profile = Repo.file("examples/carvalho-2023/journal.yaml").toString();
        CliTest.Result p = CliTest.run("render", profile, "-o", dir.resolve("x.pdf").toString());
        assertEquals(2, p.code(), p.err());
        assertTrue(p.err().contains("this is a journal profile, not an article"), p.err());
    }

    @Test
    void validateAnIssueChecksTheManifestAndEveryArticle() throws Exception {
        Path issue = Folders.copy(Repo.file("examples/issue-2021-4"), dir.resolve("issue"));
        Files.createDirectories(dir.resolve("adins-2021"));
        Files.copy(Repo.seed(), dir.resolve("adins-2021/article.yaml"));
        Path ortega = issue.resolve("ortega-2021.yaml");
        String text = Files.readString(ortega, StandardCharsets.UTF_8);
        assertTrue(text.contains("issn-print: 2409-3416"));
        Files.writeString(ortega, text.replace("issn-print: 2409-3416", "issn-print: 2409-3417"));
        Path manifest = issue.resolve("issue.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("  - petrova-2021.yaml\n",
                "  - petrova-2021.yaml\n  - missing.yaml\n"));

        // (--root: the first article lies beside the issue's folder, in ../adins-2021/)
        CliTest.Result r = CliTest.run("validate", manifest.toString(), "--root", dir.toString());
        assertEquals(3, r.code(), r.err());
        // the article's own error, at its own line
        assertTrue(r.err().contains(ortega + ":" + Repo.lineOf(ortega, "2409-3417") + ":"), r.err());
        // the missing article, at the issue file's line, with where paths are relative to
        int line = Repo.lineOf(manifest, "missing.yaml");
        assertTrue(r.err().contains(manifest + ":" + line + ":5: error: articles[3]: the article 'missing.yaml' is not "
                + "there"), r.err());
        assertTrue(r.err().contains("relative to the issue file's folder (" + issue.toAbsolutePath() + ")"), r.err());
        assertTrue(r.out().contains(manifest + ": invalid, 2 errors, ") && r.out().contains("its 6 articles"), r.out());

        // without --root, validate reads the articles through the issue's gate, as issue does: the
        // one beside the issue's folder is refused, and the hint names --root
        CliTest.Result outside = CliTest.run("validate", manifest.toString());
        assertEquals(3, outside.code(), outside.err());
        assertTrue(outside.err().contains("leads outside the issue's folder") && outside.err().contains("--root DIR"),
                outside.err());

        // the example issue as it is: valid, its articles checked (their warnings listed)
        CliTest.Result ok = CliTest.run("validate", Repo.file("examples/issue-2021-4/issue.yaml").toString(),
                "--root", Repo.file("examples").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains(": valid, 0 errors") && ok.out().contains("its 5 articles"), ok.out());
    }

    @Test
    void validateAnInvalidIssueManifestListsItsOwnProblems() throws Exception {
        Path manifest = dir.resolve("issue.yaml");
        Files.writeString(manifest, Files.readString(Repo.file("examples/issue-2021-4/issue.yaml"))
                .replace("first-page: 84", "frist-page: 84"));
        // (--root: the first article lies beside the issue's folder, in ../adins-2021/)
        CliTest.Result r = CliTest.run("validate", manifest.toString(), "--root", dir.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("unknown key 'frist-page'") && r.err().contains("did you mean 'first-page'?"),
                r.err());
    }
}
