package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Folders;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * Outputs never destroy an input, and output problems are found before anything is rendered and
 * named plainly, with an exit code of their own (5). To show that a check runs before rendering,
 * the article given is one that would fail to render (exit 3): the exit is still the output's.
 */
@Slow
class OutputSafetyTest {

    @TempDir
    Path dir;

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    /** The seed, copied into the temp folder under {@code name}. */
    private Path seed(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(Repo.seed(), p);
        return p;
    }

    /** The seed with a wrong ISSN check digit: it cannot be rendered (exit 3). */
    private Path broken() throws Exception {
        Path p = dir.resolve("broken.yaml");
        Files.writeString(p, Files.readString(Repo.seed(), StandardCharsets.UTF_8)
                .replace("issn-print: 2409-3416", "issn-print: 2409-3417"), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void renderNeverWritesOverItsInput() throws Exception {
        Path in = seed("same.yaml");
        byte[] before = Files.readAllBytes(in);
        CliTest.Result r = run("render", in.toString(), "-o", in.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(in + ": error: is an input of this run"), r.err());
        assertTrue(r.err().contains("hint:"), r.err());
        assertArrayEquals(before, Files.readAllBytes(in), "the manifest is untouched");

        // nor over its journal profile or the profile's logo
        Path bundle = dir.resolve("bundle");
        Files.createDirectories(bundle);
        for (String f : List.of("article.yaml", "journal.yaml", "logo.png")) {
            Files.copy(Repo.file("examples/carvalho-2023/" + f), bundle.resolve(f));
        }
        for (String f : List.of("journal.yaml", "logo.png")) {
            byte[] was = Files.readAllBytes(bundle.resolve(f));
            CliTest.Result p = run("render", bundle.resolve("article.yaml").toString(), "-o", bundle.resolve(f).toString());
            assertEquals(2, p.code(), p.err());
            assertTrue(p.err().contains("is an input of this run"), p.err());
            assertArrayEquals(was, Files.readAllBytes(bundle.resolve(f)), f + " is untouched");
        }
    }

    /**
     * examples/adins-2021 holds article.yaml and article.xml, which both defaulted to article.pdf.
     * With such a sibling there is no default: -o must say which is which.
     */
    @Test
    void twoArticlesWithOneDefaultOutputNeedDashO() throws Exception {
        Files.copy(Repo.file("examples/adins-2021/article.yaml"), dir.resolve("article.yaml"));
        Files.copy(Repo.file("examples/adins-2021/article.xml"), dir.resolve("article.xml"));
        for (String in : List.of("article.yaml", "article.xml")) {
            CliTest.Result r = run("render", dir.resolve(in).toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("no default output"), r.err());
            assertTrue(r.err().contains("-o"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("article.pdf")));
        CliTest.Result named = run("render", dir.resolve("article.xml").toString(), "-o",
                dir.resolve("article-xml.pdf").toString());
        assertEquals(0, named.code(), named.err());
        // alone, an article gets its default
        Files.delete(dir.resolve("article.xml"));
        CliTest.Result alone = run("render", dir.resolve("article.yaml").toString());
        assertEquals(0, alone.code(), alone.err());
        assertTrue(Files.isRegularFile(dir.resolve("article.pdf")));
    }

    @Test
    void aFolderWhereTheFileShouldBeIsNamedBeforeRendering() throws Exception {
        Path folder = dir.resolve("out");
        Files.createDirectories(folder);
        CliTest.Result r = run("render", broken().toString(), "-o", folder.toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains(folder + ": error: is a folder"), r.err());
        assertFalse(r.err().contains(".part"), r.err());
        assertEquals(List.of(), Folders.names(folder));
    }

    @Test
    void aFifoOrASymbolicLinkIsNeverReplaced() throws Exception {
        Path fifo = dir.resolve("fifo.pdf");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliTest.Result r = run("render", broken().toString(), "-o", fifo.toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("FIFO"), r.err());
        assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS),
                "still a FIFO");

        Path target = dir.resolve("elsewhere.pdf");
        Files.writeString(target, "not a PDF");
        Path link = Files.createSymbolicLink(dir.resolve("link.pdf"), target);
        CliTest.Result l = run("render", broken().toString(), "-o", link.toString());
        assertEquals(5, l.code(), l.err());
        assertTrue(l.err().contains("symbolic link"), l.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("not a PDF", Files.readString(target));
    }

    @Test
    void anUnwritableFolderIsPermissionDenied() throws Exception {
        Path out;
        String expected = "permission denied";
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(locked)) {
            // root may write anywhere on an ordinary disk, but makes no file in sysfs (which some
            // containers mount read-only: that is named as plainly)
            out = Path.of("/sys/separata-test.pdf");
            if (Files.getFileStore(Path.of("/sys")).isReadOnly()) {
                expected = "the file system is read-only";
            }
        } else {
            out = locked.resolve("out.pdf");
        }
        CliTest.Result r = run("render", broken().toString(), "-o", out.toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains(out + ": error: cannot be written: " + expected), r.err());
        assertFalse(r.err().contains(".part"), "never names a hidden temporary file: " + r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void issueRefusesAnOutputFolderThatIsAFileHoldsItsInputsOrHoldsOtherFiles() throws Exception {
        Path issue = Repo.file("examples/issue-2021-4/issue.yaml");
        Path file = dir.resolve("afile");
        Files.writeString(file, "mine");
        CliTest.Result r = run("issue", issue.toString(), "-o", file.toString(), "--progress", "none");
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains(file + ": error: is a file, not a folder"), r.err());
        assertEquals("mine", Files.readString(file));

        Path bundle = dir.resolve("bundle");
        Files.createDirectories(bundle);
        Path copy = bundle.resolve("issue.yaml");
        Files.writeString(copy, "journal: {title: J}\nfirst-page: 1\narticles: [a.yaml]\n");
        Files.copy(Repo.seed(), bundle.resolve("a.yaml"));
        for (Path out : List.of(bundle, dir)) {
            Map<String, String> before = Folders.snapshot(bundle);
            CliTest.Result in = run("issue", copy.toString(), "-o", out.toString(), "--progress", "none");
            assertEquals(2, in.code(), in.err());
            assertTrue(in.err().contains("an input of this run"), in.err());
            assertEquals(before, Folders.snapshot(bundle));
        }

        Path theirs = dir.resolve("theirs");
        Files.createDirectories(theirs);
        Files.writeString(theirs.resolve("notes.txt"), "keep me");
        CliTest.Result foreign = run("issue", copy.toString(), "-o", theirs.toString(), "--progress", "none");
        assertEquals(5, foreign.code(), foreign.err());
        assertTrue(foreign.err().contains("holds files Separata did not write"), foreign.err());
        assertEquals(List.of("notes.txt"), Folders.names(theirs));
        assertEquals(List.of(), Folders.hiddenBeside(theirs), "nothing was staged");
    }

    /** Exit 4, the previous output folder as it was, and one line saying where this build's files are. */
    @Test
    void aFailedIssueExitsFourAndSaysWhereItsFilesAre() throws Exception {
        Path issue = org.separata.support.TestIssues.issueOf(dir, 2, false, 1);
        Path out = dir.resolve("out");
        CliTest.Result r = run("issue", issue.toString(), "-o", out.toString(), "--progress", "none");
        assertEquals(4, r.code(), r.err());
        assertFalse(Files.exists(out), "nothing is put in place");
        assertTrue(r.out().contains(out + " is as it was") && r.out().contains(dir.resolve("out.failed").toString())
                && r.out().contains("report " + dir.resolve("out.failed/report.json")), r.out());
        assertTrue(r.err().contains("check digit"), "the article's error is printed: " + r.err());
    }

    @Test
    void mergingReportsNeedsAFolderOfShards() throws Exception {
        CliTest.Result usage = run("issue", "x.yaml", "--merge-reports", dir.toString());
        assertEquals(2, usage.code(), usage.err());
        CliTest.Result none = run("issue", "--merge-reports", dir.toString());
        assertEquals(3, none.code(), none.err());
        assertTrue(none.err().contains("holds no shards"), none.err());
        CliTest.Result missing = run("issue", "-o", dir.toString());
        assertEquals(2, missing.code(), missing.err());
    }
}
