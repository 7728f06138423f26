package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * What {@code render} and {@code validate} print: warnings on the terminal, {@code -q} (errors
 * only), {@code -v} (what was decided), {@code --warnings-as-errors} (a warning stops the article,
 * no PDF), and counts in the singular: "1 page", "1 error".
 */
@Slow
class MessagesTest {

    @TempDir
    Path dir;

    /** The seed with both a page range and an e-location: a warning, nothing wrong. */
    private Path seedWithAWarning() throws Exception {
        Path in = dir.resolve("article.yaml");
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        assertTrue(seed.contains("  pages: 84-100\n"));
        Files.writeString(in, seed.replace("  pages: 84-100\n", "  pages: 84-100\n  elocation-id: e2021043\n"));
        return in;
    }

    private static final String WARNING = "both 'pages' and 'elocation-id' are given; the page numbers are used";

    @Test
    void warningsAreShownAndQuietShowsNothingButErrors() throws Exception {
        Path in = seedWithAWarning();
        CliTest.Result v = CliTest.run("validate", in.toString());
        assertEquals(0, v.code(), v.err());
        int line = Repo.lineOf(in, "  doi: 10.46272"); // the article map begins with its first key
        assertTrue(v.err().contains(in + ":" + line + ":3: warning: article: " + WARNING), v.err());
        assertEquals(in + ": valid, 0 errors, 1 warning\n", v.out());
        CliTest.Result q = CliTest.run("validate", in.toString(), "-q");
        assertEquals(0, q.code(), q.err());
        assertEquals("", q.out() + q.err());

        Path out = dir.resolve("out.pdf");
        CliTest.Result r = CliTest.run("render", in.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(WARNING), "a render's warnings reach the terminal: " + r.err());
        CliTest.Result rq = CliTest.run("render", in.toString(), "-o", out.toString(), "-q");
        assertEquals(0, rq.code(), rq.err());
        assertEquals("", rq.out() + rq.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void warningsAsErrorsStopTheArticle() throws Exception {
        Path in = seedWithAWarning();
        CliTest.Result v = CliTest.run("validate", in.toString(), "--warnings-as-errors");
        assertEquals(3, v.code(), v.err());
        assertTrue(v.err().contains("error: article: " + WARNING + " (a warning; --warnings-as-errors)"), v.err());
        assertEquals(in + ": invalid, 1 error, 0 warnings\n", v.out());
        Path out = dir.resolve("out.pdf");
        CliTest.Result r = CliTest.run("render", in.toString(), "-o", out.toString(), "--warnings-as-errors");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(WARNING + " (a warning; --warnings-as-errors)"), r.err());
        assertFalse(Files.exists(out), "no PDF for an article with warnings");
        // without warnings it changes nothing
        CliTest.Result clean = CliTest.run("render", Repo.seed().toString(), "-o", out.toString(), "--warnings-as-errors");
        assertEquals(0, clean.code(), clean.err());
    }

    @Test
    void verboseSaysWhichLayoutAndProfileWereUsed() throws Exception {
        Path carvalho = Repo.file("examples/carvalho-2023/article.yaml");
        CliTest.Result r = CliTest.run("render", carvalho.toString(), "-o", dir.resolve("c.pdf").toString(), "-v");
        assertEquals(0, r.code(), r.err());
        Path profile = Repo.file("examples/carvalho-2023/journal.yaml");
        assertTrue(r.err().contains(carvalho + ": layout 'modern' (the journal profile " + profile + ":"
                + Repo.lineOf(profile, "layout: modern")), r.err());
        assertTrue(r.err().contains("journal profile " + profile), r.err());
    }

    @Test
    void oneIsSingular() throws Exception {
        // the example issue's last article takes one page
        CliTest.Result d = CliTest.run("issue", Repo.file("examples/issue-2021-4/issue.yaml").toString(), "--root",
                Repo.file("examples").toString(), "--dry-run", "--progress", "log", "-j", "1");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("ok kowalski-2021.xml: 1 page ("), d.err());
        assertTrue(d.out().contains("kowalski-2021.xml (1 page)"), d.out());
        assertFalse((d.out() + d.err()).matches("(?s).*\\b1 (pages|articles|errors|warnings)\\b.*"), d.out() + d.err());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Repo.seed()).replace("issn-print: 2409-3416", "issn-print: 2409-3417"));
        assertTrue(CliTest.run("validate", bad.toString()).out().endsWith(": invalid, 1 error, 0 warnings\n"));
    }
}
