package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.env.World;
import org.separata.layout.LayoutPack;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/** The commands of the layout packs and journal profiles: layouts, render --layout/--journal/--watch. */
@Slow
class LayoutCommandsTest {

    @TempDir
    Path dir;

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void layoutsListsEveryPackWithItsPageSizeAndDescription() {
        CliTest.Result r = run("layouts");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        List<String> names = Rendering.separata().world().builtInLayouts();
        assertEquals(names.size(), lines.size(), r.out());
        for (int i = 0; i < names.size(); i++) {
            LayoutPack p = Rendering.separata().layouts().get(names.get(i)).pack();
            String line = lines.get(i);
            assertTrue(line.startsWith(p.name() + " "), line);
            assertTrue(line.contains(LayoutsCommand.size(p.page())), line);
            assertTrue(line.endsWith(p.description()), line);
        }
        assertTrue(r.out().contains("170 \u00d7 240 mm"), r.out());
        assertTrue(r.out().contains("210 \u00d7 297 mm"), r.out());
    }

    @Test
    void renderWithAnyPack() throws IOException {
        Path out = dir.resolve("compact.pdf");
        CliTest.Result r = run("render", Repo.seed().toString(), "--layout", "compact", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        try (PdfInspector pdf = new PdfInspector(Files.readAllBytes(out))) {
            assertEquals(170 * 72 / 25.4, pdf.pageSize(1)[0], 1.0);
            assertEquals(240 * 72 / 25.4, pdf.pageSize(1)[1], 1.0);
        }
    }

    @Test
    void anUnknownPackIsAUsageErrorListingThePacks() {
        // a wrong --layout is a wrong command line (exit 2); a pack named in a file is invalid input
        CliTest.Result r = run("render", Repo.seed().toString(), "--layout", "baroque", "-o", dir.resolve("x.pdf").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--layout baroque: error: no built-in layout pack 'baroque'"), r.err());
        assertTrue(r.err().contains("classic, compact, modern"), r.err());
        assertFalse(Files.exists(dir.resolve("x.pdf")));
    }

    /** The profile next to the article gives its journal, licence, layout (modern) and logo. */
    @Test
    void theProfileNextToTheArticleIsUsed() throws IOException {
        Path out = dir.resolve("c.pdf");
        CliTest.Result r = run("render", Repo.file("examples/carvalho-2023/article.yaml").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "no warnings");
        try (PdfInspector pdf = new PdfInspector(Files.readAllBytes(out))) {
            String page1 = PdfInspector.flat(pdf.pageText(1));
            assertTrue(page1.contains("Bakhtiniana: Revista de Estudos do Discurso"), page1);
            assertTrue(page1.contains("ISSN 2176-4573"), page1);
            assertTrue(page1.contains("Como citar:"), "the profile's citation language: " + page1);
            assertTrue(page1.contains("CARVALHO, J. C. de."), "the profile's citation style (ABNT): " + page1);
            assertTrue(pdf.allLinks().contains("https://creativecommons.org/licenses/by/4.0/"), "the profile's licence");
            assertTrue(imageSizes(pdf).contains("480x480"), "the profile's logo: " + imageSizes(pdf));
        }
    }

    private static List<String> imageSizes(PdfInspector pdf) throws IOException {
        var res = pdf.document().getPage(0).getResources();
        List<String> out = new java.util.ArrayList<>();
        for (COSName n : res.getXObjectNames()) {
            if (res.getXObject(n) instanceof PDImageXObject img) {
                out.add(img.getWidth() + "x" + img.getHeight());
            }
        }
        return out;
    }

    @Test
    void aProfileCanBeGivenWithJournalAndLayoutOverridesItsLayout() throws IOException {
        Path article = dir.resolve("article.yaml");
        Files.copy(Repo.file("examples/carvalho-2023/article.yaml"), article);
        Path out = dir.resolve("c.pdf");
        CliTest.Result none = run("render", article.toString(), "-o", out.toString());
        assertEquals(3, none.code(), none.err());
        assertTrue(none.err().contains("does not name its journal"), none.err());

        CliTest.Result r = run("render", article.toString(), "--journal",
                Repo.file("examples/carvalho-2023/journal.yaml").toString(), "--layout", "compact", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        try (PdfInspector pdf = new PdfInspector(Files.readAllBytes(out))) {
            assertEquals(170 * 72 / 25.4, pdf.pageSize(1)[0], 1.0, "--layout wins over the profile's");
            assertTrue(pdf.pageText(1).contains("ISSN 2176-4573"));
        }
    }

    @Test
    void aMissingLogoIsNamedAtTheProfilesLine() throws IOException {
        Path article = dir.resolve("article.yaml");
        Files.copy(Repo.file("examples/carvalho-2023/article.yaml"), article);
        Path profile = dir.resolve("journal.yaml");
        Files.copy(Repo.file("examples/carvalho-2023/journal.yaml"), profile);
        CliTest.Result r = run("render", article.toString(), "-o", dir.resolve("c.pdf").toString());
        assertEquals(3, r.code(), r.err());
        int line = Files.readAllLines(profile).indexOf("  logo: logo.png") + 1;
        assertTrue(r.err().contains(profile + ":" + line + ":"), r.err());
        assertTrue(r.err().contains("the logo 'logo.png' is not there"), r.err());
        assertFalse(Files.exists(dir.resolve("c.pdf")));
    }

    @Test
    void aConflictWithTheProfileIsAWarningNamingBothPlaces() throws IOException {
        Path article = dir.resolve("article.yaml");
        String text = Files.readString(Repo.file("examples/carvalho-2023/article.yaml"), StandardCharsets.UTF_8);
        Files.writeString(article, "journal:\n  title: Bakhtiniana\n  issn-online: 2176-4573\n" + text);
        Path profile = Repo.file("examples/carvalho-2023/journal.yaml");
        CliTest.Result r = run("render", article.toString(), "--journal", profile.toString(), "--layout", "classic",
                "-o", dir.resolve("c.pdf").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(article + ":2:10: warning: journal.title:"), r.err());
        int line = Files.readAllLines(profile).indexOf("  title: \"Bakhtiniana: Revista de Estudos do Discurso\"") + 1;
        assertTrue(r.err().contains("(" + profile + ":" + line + ":"), r.err());
    }

    /**
     * {@code render --watch} in a thread: a render, an edit of the input, a second render, each
     * reported with the (fixed) time and the pages; then an interrupt ends it with exit code 0.
     */
    @Test
    void watchRendersAgainWhenTheInputChanges() throws Exception {
        Path input = dir.resolve("article.yaml");
        Files.copy(Repo.seed(), input);
        Path out = dir.resolve("w.pdf");
        World world = World.withEnvironment(Map.of(), Clock.fixed(Instant.parse("2024-05-01T08:09:10Z"),
                ZoneOffset.UTC));
        StringWriter lines = new StringWriter();
        StringWriter err = new StringWriter();
        int[] code = {-1};
        Thread watch = new Thread(() -> code[0] = Main.run(new String[] {"render", input.toString(), "-o",
                out.toString(), "--watch"}, new PrintWriter(lines, true), new PrintWriter(err, true), world));
        watch.start();
        try {
            awaitLines(lines, 1);
            Files.writeString(input, Files.readString(input).replace("pages: 84-100", "pages: 85-101"));
            awaitLines(lines, 2);
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
        assertEquals(0, code[0], err.toString());
        List<String> l = lines.toString().lines().toList();
        assertEquals("08:09:10  wrote " + out + " (2 pages)", l.get(0));
        assertEquals("08:09:10  article.yaml changed; wrote " + out + " (2 pages)", l.get(1));
        try (PdfInspector pdf = new PdfInspector(Files.readAllBytes(out))) {
            assertEquals("85", pdf.pageLabels().get(0), "the second render is the one on disk");
        }
    }

    private static void awaitLines(StringWriter w, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (w.toString().lines().count() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line " + n + " within a minute: " + w);
            }
            Thread.sleep(20);
        }
    }
}
