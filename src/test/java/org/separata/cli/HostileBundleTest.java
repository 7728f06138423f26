package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.env.World;
import org.separata.support.Images;
import org.separata.support.PdfInspector;
import org.separata.support.Folders;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * What an article bundle, a journal profile or a layout pack from elsewhere can try, on the
 * command line: links out of their folder, absolute paths, special files, oversized and disguised
 * images, SVG images that reach out, templates that recurse without end, escape sequences. Each
 * ends in a clean error (exit 3, or 1 for the JVM's own limits) that names the file, with no
 * PDF written and nothing from outside the bundle in any output.
 */
@Slow
class HostileBundleTest {

    @TempDir
    Path dir;

    private String secret;
    private Path secretFile;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(String... args) {
        return run(World.system(), args);
    }

    static Result run(World world, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), world);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws IOException {
        secret = "SECRET-" + UUID.randomUUID();
        secretFile = Files.createDirectories(dir.resolve("elsewhere")).resolve("notes.txt");
        Files.writeString(secretFile, secret);
    }

    /** A copy of the classic pack in {@code dir/name}. */
    private Path pack(String name) throws IOException {
        Path pack = dir.resolve(name);
        Folders.copy(Repo.file("layouts/classic"), pack);
        return pack;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), file + " has no " + from);
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
    }

    /** The Carvalho example (an article whose profile gives a logo and a layout) copied into {@code dir/bundle}. */
    private Path bundle() throws IOException {
        Path b = Files.createDirectories(dir.resolve("bundle"));
        for (String f : List.of("article.yaml", "journal.yaml", "logo.png")) {
            Files.copy(Repo.file("examples/carvalho-2023/" + f), b.resolve(f));
        }
        return b.resolve("article.yaml");
    }

    private void assertRefused(Result r, Path out, String... expected) {
        assertEquals(3, r.code(), r.all());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "expected '" + e + "' in: " + r.err());
        }
        assertFalse(Files.exists(out), "no PDF may be written");
        assertFalse(r.all().contains(secret), "nothing from outside may leak: " + r.all());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no trace: " + r.err());
    }

    /**
     * A pack's own fonts/ folder is a font root of its own (issue 13): it may not be a link to a
     * folder elsewhere, or every font file in it would pass as inside.
     */
    @Test
    void aPacksFontsFolderLinkedOutOfThePackIsRefused() throws IOException {
        Path pack = pack("fontpack");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/fonts/noto-serif"));
        Files.writeString(elsewhere.resolve("family.yaml"), secret);
        Files.createSymbolicLink(pack.resolve("fonts"), elsewhere.getParent());
        Path out = dir.resolve("out.pdf");
        assertRefused(run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString()), out,
                "'fonts' leads outside the layout pack");
        assertRefused(run("validate", Repo.seed().toString(), "--layout", pack.toString()), out,
                "'fonts' leads outside the layout pack");
    }

    @Test
    void aPackFileLinkedOutOfThePackIsRefused() throws IOException {
        Path pack = pack("mypack");
        Files.createSymbolicLink(pack.resolve("notes.txt"), secretFile);
        edit(pack.resolve("article.ftlx"), "</body>", "<#include \"notes.txt\"></body>");
        Path out = dir.resolve("out.pdf");
        Result r = run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString());
        assertRefused(r, out, pack.resolve("notes.txt").toString(), "is a symbolic link that leads outside the layout pack");
        // a linked folder and a linked template, likewise
        Files.delete(pack.resolve("notes.txt"));
        Files.createSymbolicLink(pack.resolve("inc"), secretFile.getParent());
        edit(pack.resolve("article.ftlx"), "<#include \"notes.txt\">", "<#include \"inc/notes.txt\">");
        assertRefused(run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString()), out,
                "inc/notes.txt", "leads outside the layout pack");
        Path template = pack.resolve("article.ftlx");
        Path moved = Files.move(template, dir.resolve("elsewhere/article.ftlx"));
        Files.createSymbolicLink(template, moved);
        assertRefused(run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString()), out,
                "article.ftlx", "leads outside the layout pack");
    }

    @Test
    void aProfileBesideTheArticleCannotReachOutOfItsFolder() throws IOException {
        Path article = bundle();
        Path profile = article.resolveSibling("journal.yaml");
        Path out = dir.resolve("out.pdf");
        Path logo = Files.copy(Repo.file("examples/carvalho-2023/logo.png"), dir.resolve("elsewhere/logo.png"));
        edit(profile, "logo: logo.png", "logo: " + logo);
        int line = Repo.lineOf(profile, "  logo:");
        assertRefused(run("render", article.toString(), "-o", out.toString()), out,
                profile + ":" + line + ":", "is not a path relative to the profile's folder");
        edit(profile, "logo: " + logo, "logo: ../elsewhere/logo.png");
        assertRefused(run("render", article.toString(), "-o", out.toString()), out,
                profile + ":" + line + ":", "'../elsewhere/logo.png' leads outside the journal profile's folder");
        edit(profile, "logo: ../elsewhere/logo.png", "logo: logo.png");
        Files.delete(article.resolveSibling("logo.png"));
        Files.createSymbolicLink(article.resolveSibling("logo.png"), logo);
        assertRefused(run("render", article.toString(), "-o", out.toString()), out,
                profile + ":" + line + ":", "'logo.png' is a symbolic link that leads outside the journal profile's folder");
        edit(profile, "layout: modern", "layout: " + Repo.file("layouts/modern"));
        assertRefused(run("render", article.toString(), "-o", out.toString()), out,
                "is not a path relative to the profile's folder");
    }

    @Test
    void aJournalProfileLinkedOutOfTheBundleIsRefused() throws IOException {
        Path article = bundle();
        Path profile = article.resolveSibling("journal.yaml");
        Path real = Files.move(profile, dir.resolve("elsewhere/journal.yaml"));
        Files.createSymbolicLink(profile, real);
        Path out = dir.resolve("out.pdf");
        assertRefused(run("render", article.toString(), "-o", out.toString()), out,
                "journal.yaml is a symbolic link that leads outside its folder");
    }

    @Test
    void specialFilesAreRefusedAndNothingHangs() throws Exception {
        Path article = bundle();
        Path out = dir.resolve("out.pdf");
        Path fifo = dir.resolve("article.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Result viaFifo = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("render", fifo.toString(), "-o", out.toString()));
        assertRefused(viaFifo, out, "is not a regular file");
        assertRefused(run("render", "/dev/zero", "-o", out.toString()), out, "/dev/zero is not a regular file");
        assertRefused(run("render", article.toString(), "--journal", "/dev/zero", "-o", out.toString()), out,
                "/dev/zero is not a regular file");
        Files.delete(article.resolveSibling("logo.png"));
        assertEquals(0, new ProcessBuilder("mkfifo", article.resolveSibling("logo.png").toString()).start().waitFor());
        Result fifoLogo = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("render", article.toString(), "-o", out.toString()));
        assertRefused(fifoLogo, out, "'logo.png' is not a regular file");
        Files.delete(article.resolveSibling("logo.png"));
        Files.createSymbolicLink(article.resolveSibling("logo.png"), Path.of("/dev/zero"));
        assertRefused(run("render", article.toString(), "-o", out.toString()), out, "leads outside");
    }

    @Test
    void aLogoTooLargeOnceDecodedIsRefusedBeforeDecoding() throws IOException {
        Path article = bundle();
        Files.write(article.resolveSibling("logo.png"), Images.png(16000, 16000));
        Path out = dir.resolve("out.pdf");
        assertRefused(run("render", article.toString(), "-o", out.toString()), out,
                "'logo.png' is 16000 × 16000 pixels (256.0 megapixels), more than the limit of 50 megapixels",
                "SEPARATA_LIMITS=image-megapixels=");
    }

    @Test
    void aCoverThatIsNoUsableImageStopsTheIssueBeforeAnyArticle() throws IOException {
        Path issueDir = Files.createDirectories(dir.resolve("issue"));
        Files.copy(Repo.seed(), issueDir.resolve("adins.yaml"));
        Path issue = issueDir.resolve("issue.yaml");
        Files.writeString(issue, """
                journal: {title: Cuadernos Iberoamericanos, issn-print: 2409-3416}
                first-page: 84
                cover: {image: cover.png}
                articles: [adins.yaml]
                """);
        Path cover = issueDir.resolve("cover.png");
        Path outDir = dir.resolve("out");
        Map<String, String> cases = Map.of(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", "is an SVG image",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30000\" height=\"30000\"/>", "is an SVG image",
                "just some text\n", "is not an image Separata can use: it is a text file");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(cover, c.getKey());
            Result r = run("issue", issue.toString(), "-o", outDir.toString(), "--progress", "none");
            assertEquals(3, r.code(), r.all());
            assertTrue(r.err().contains(issue + ": error: cover.image: '" + cover + "'"), r.err());
            assertTrue(r.err().contains(c.getValue()), r.err());
            assertFalse(Files.exists(outDir.resolve("offprints")), "no article is set before the cover is checked");
        }
        Files.write(cover, Images.png(16000, 16000));
        Result big = run("issue", issue.toString(), "-o", outDir.toString(), "--progress", "none");
        assertEquals(3, big.code(), big.all());
        assertTrue(big.err().contains("256.0 megapixels"), big.err());
    }

    @Test
    void anIssueReadsArticlesOnlyInsideItsRoot() throws IOException {
        Path issueDir = Files.createDirectories(dir.resolve("issue"));
        Files.copy(Repo.seed(), dir.resolve("elsewhere/adins.yaml"));
        Path issue = issueDir.resolve("issue.yaml");
        Files.writeString(issue, """
                journal: {title: Cuadernos Iberoamericanos, issn-print: 2409-3416}
                first-page: 84
                articles: [../elsewhere/adins.yaml]
                """);
        Result r = run("issue", issue.toString(), "-o", dir.resolve("out").toString(), "--progress", "none");
        assertEquals(4, r.code(), r.all());
        assertTrue(r.err().contains("'../elsewhere/adins.yaml' leads outside the issue's folder"), r.err());
        assertTrue(r.err().contains("--root"), "says how to widen it: " + r.err());
        Result widened = run("issue", issue.toString(), "-o", dir.resolve("out2").toString(), "--progress", "none",
                "--root", dir.toString(), "--pdfa", "none");
        assertEquals(0, widened.code(), widened.all());
    }

    private static final String SVG_HEAD = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"30mm\" height=\"20mm\" viewBox=\"0 0 30 20\">";

    @Test
    void anSvgImageInAPackIsDrawnBoundedOrRefusedCleanly() throws IOException {
        Path pack = pack("svgpack");
        edit(pack.resolve("article.ftlx"), "</body>", "<img src=\"mark.svg\" style=\"width: 30mm\"/></body>");
        Path svg = pack.resolve("mark.svg");
        Files.writeString(svg, "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + SVG_HEAD
                + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#c00\"/>"
                + "<stop offset=\"1\" stop-color=\"#00c\"/></linearGradient></defs>"
                + "<rect width=\"30\" height=\"20\" fill=\"url(#g)\"/></svg>");
        Path out = dir.resolve("out.pdf");
        Result ok = run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString());
        assertEquals(0, ok.code(), ok.all());
        try (PdfInspector pdf = new PdfInspector(Files.readAllBytes(out))) {
            // the picture is on the last page, drawn at most 600 pixels per inch of its 30 mm width
            var page = pdf.document().getPage(pdf.pageCount() - 1);
            int widest = 0;
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject i) {
                    widest = Math.max(widest, i.getWidth());
                }
            }
            assertTrue(widest > 300 && widest <= Math.ceil(30 / 25.4 * 600), "the SVG's pixels: " + widest);
        }
        Files.delete(out);
        for (Map.Entry<String, String> c : Map.of(
                SVG_HEAD + "<image xlink:href=\"" + secretFile.toUri() + "\" width=\"5\" height=\"5\"/></svg>",
                "<image> refers to '" + secretFile.toUri() + "', outside the image",
                SVG_HEAD + "<style>@import url(other.css);</style><rect width=\"1\" height=\"1\"/></svg>",
                "its style sheet imports another one (@import)",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30000\" height=\"30000\"/>",
                "900.0 megapixels",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"30\"><path d=\"M 1 1 L zz\"/></svg>",
                "the SVG image cannot be drawn: The attribute \"d\" of the element <path> is invalid").entrySet()) {
            Files.writeString(svg, c.getKey());
            Result r = run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString());
            assertRefused(r, out, "mark.svg", c.getValue());
        }
    }

    @Test
    void aTemplateCannotCreateObjectsOrReachJava() throws IOException {
        Path pack = pack("java");
        Path template = pack.resolve("article.ftlx");
        String original = Files.readString(template);
        Path out = dir.resolve("out.pdf");
        for (String attempt : List.of(
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"cat " + secretFile + "\")}",
                "${article?api.getClass().getName()}")) {
            Files.writeString(template, original.replace("</body>", attempt + "</body>"));
            assertRefused(run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString()), out,
                    template.toString(), "template error");
        }
    }

    @Test
    void aTemplateThatRecursesWithoutEndEndsInAShortMessage() throws IOException {
        Path pack = pack("loop");
        edit(pack.resolve("article.ftlx"), "</body>", "<#macro r n><@r n + 1/></#macro><@r 0/></body>");
        Path out = dir.resolve("out.pdf");
        Result r = run("render", Repo.seed().toString(), "--layout", pack.toString(), "-o", out.toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().startsWith(Repo.seed() + ": error: ran out of stack"), r.err());
        assertTrue(r.err().lines().count() <= 3, "a short message: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("StackOverflowError"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void escapeSequencesNeverReachTheTerminal() throws IOException {
        // a file name from an unpacked bundle, echoed in every message about the file
        Path named = dir.resolve("\u001b[2J\u001b]0;pwned\u0007article.yaml");
        Files.writeString(named, Files.readString(Repo.seed()).replace("issn-print: 2409-3416", "issn-print: 2409-3417"));
        Result r = run("validate", named.toString());
        assertEquals(3, r.code(), r.all());
        assertFalse(r.all().contains("\u001b") || r.all().contains("\u0007"), "raw control characters: " + r.all());
        assertTrue(r.err().contains("\\u001B[2J\\u001B]0;pwned\\u0007article.yaml:"), "shown escaped: " + r.err());
        assertTrue(r.out().contains("\\u001B[2J"), r.out());
    }

    @Test
    void numbersOnTheCommandLineAndInTheEnvironmentAreBounded() {
        for (String jobs : List.of("0", "-1", "100000", "many")) {
            Result r = run("issue", "issue.yaml", "-o", dir.toString(), "-j", jobs);
            assertEquals(2, r.code(), r.all());
            assertTrue(r.err().contains("is not a number of jobs; give a whole number from 1 to 256"), r.err());
        }
        Result epoch = run(World.withEnvironment(Map.of("SOURCE_DATE_EPOCH", "9223372036854775807")), "render",
                Repo.seed().toString(), "-o", dir.resolve("o.pdf").toString());
        assertEquals(3, epoch.code(), epoch.all());
        assertTrue(epoch.err().startsWith("SOURCE_DATE_EPOCH: error: 9223372036854775807 is not a date a PDF can hold"),
                epoch.err());
        Result limits = run(World.withEnvironment(Map.of("SEPARATA_LIMITS", "pages=lots")), "validate",
                Repo.seed().toString());
        assertEquals(3, limits.code(), limits.all());
        assertTrue(limits.err().contains("SEPARATA_LIMITS: error: the limit pages must be a whole number"), limits.err());
    }
}
