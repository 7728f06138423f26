package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.RenderOptions;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;

/**
 * A broken layout pack fails when it loads, with an error that names the pack's file (and the
 * line, where there is one): a missing template, a font family not in fonts/, a logo that is not
 * there, a page size that cannot be read. Each case breaks a copy of the classic pack.
 */
class BrokenPackTest {

    @TempDir
    Path dir;

    Path pack;

    @BeforeEach
    void copyClassic() throws IOException {
        copyClassic(dir.resolve("mypack"));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = pack.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " no longer contains: " + from);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(pack.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    /** Loads the pack and returns the one error it must fail with. */
    private Diagnostic failure() {
        SeparataException e = assertThrows(SeparataException.class,
                () -> Rendering.separata().layouts().get(pack.toString()));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertEquals(1, e.diagnostics().size(), e.getMessage());
        return e.diagnostics().get(0);
    }

    private void assertAt(Diagnostic d, String file, int line, String... words) {
        assertEquals(pack.resolve(file).toString(), d.location().file(), d.format());
        assertEquals(line, d.location().line(), d.format());
        for (String w : words) {
            assertTrue(d.format().contains(w), "'" + w + "' in: " + d.format());
        }
        assertTrue(d.hint().isPresent(), d.format());
    }

    @Test
    void theUnbrokenCopyLoads() {
        assertEquals("classic", Rendering.separata().layouts().get(pack.toString()).pack().name());
    }

    @Test
    void aMissingTemplateIsNamed() throws IOException {
        Files.delete(pack.resolve("article.ftlx"));
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "template:"), "article.ftlx", "not in the pack");
    }

    @Test
    void aTemplateNameThatIsWrongIsNamed() throws IOException {
        edit("layout.yaml", "template: article.ftlx", "template: artcle.ftlx");
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "template:"), "artcle.ftlx");
    }

    @Test
    void aMissingStylesheetIsNamed() throws IOException {
        Files.delete(pack.resolve("style.css"));
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "stylesheet:"), "style.css");
    }

    @Test
    void aFontFamilyNotInFontsIsNamed() throws IOException {
        edit("layout.yaml", "text: noto-serif", "text: noto-garamond");
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "noto-garamond"), "noto-garamond", "fonts/");
    }

    /** A family folder (font file, licence, family.yaml) named {@code name}, made from Noto Serif. */
    private static void family(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Files.copy(Repo.file("fonts/noto-serif/NotoSerif-Regular.ttf"), folder.resolve("MySerif-Regular.ttf"));
        Files.copy(Repo.file("fonts/noto-serif/OFL.txt"), folder.resolve("OFL.txt"));
        Files.writeString(folder.resolve("family.yaml"), "name: " + name + "\nlicense: OFL.txt\nfaces:\n"
                + "  regular: MySerif-Regular.ttf\n", StandardCharsets.UTF_8);
    }

    @Test
    void aPackBringsItsOwnFontFamilyInItsFontsFolder() throws IOException {
        family(pack.resolve("fonts/myserif"), "My Serif");
        edit("layout.yaml", "text: noto-serif", "text: myserif");
        LayoutPack p = Rendering.separata().layouts().get(pack.toString()).pack();
        assertEquals("My Serif", p.font("text").name());
        assertTrue(p.font("text").id().contains(pack.resolve("fonts").toString()), "not a built-in family");
    }

    @Test
    void aFontPathFolderLendsAPackItsFamily() throws IOException {
        Path fonts = dir.resolve("my-fonts");
        family(fonts.resolve("myserif"), "My Serif Too");
        edit("layout.yaml", "text: noto-serif", "text: myserif");
        failure();
        LayoutPack p = Rendering.separata().layouts().get(pack.toString(),
                org.separata.diag.SourceLocation.of("--layout"), List.of(fonts)).pack();
        assertEquals("My Serif Too", p.font("text").name());
    }

    @Test
    void aLogoThatIsNotThereIsNamed() throws IOException {
        edit("layout.yaml", "template: article.ftlx", "logo: logo.png\ntemplate: article.ftlx");
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "logo:"), "logo.png", "not in the pack");
    }

    @Test
    void aLogoThatIsNotAnImageIsNamed() throws IOException {
        Files.writeString(pack.resolve("logo.png"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        edit("layout.yaml", "template: article.ftlx", "logo: logo.png\ntemplate: article.ftlx");
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "logo:"), "logo.png", "is an SVG image; here only PNG, JPEG or GIF");
    }

    @Test
    void aPackLogoIsShownInTheMasthead() throws IOException {
        Files.copy(Repo.file("examples/carvalho-2023/logo.png"), pack.resolve("mark.png"));
        edit("layout.yaml", "template: article.ftlx", "logo: mark.png\ntemplate: article.ftlx");
        Offprint o = Rendering.separata().render(Repo.seed(), new RenderOptions(pack.toString(), false));
        XhtmlDocument doc = Rendering.separata().layouts().get(pack.toString()).layout(o.article());
        assertTrue(doc.xhtml().contains("src=\"mark.png\""), "the masthead shows the pack's logo");
        assertTrue(doc.resources().apply("mark.png").isPresent());
    }

    @Test
    void pageSizesThatCannotBeReadAreNamed() throws IOException {
        for (String size : List.of("A7", "huge", "170cm 240cm", "170mm", "NaN NaN", "20mm 30mm")) {
            copyClassic(dir.resolve("p-" + size.hashCode()));
            edit("layout.yaml", "size: A4", "size: " + size);
            Diagnostic d = failure();
            assertAt(d, "layout.yaml", lineOf("layout.yaml", "size:"));
            assertTrue(d.message().contains("page size") || d.message().contains("plausible"), d.format());
        }
    }

    private void copyClassic(Path to) throws IOException {
        pack = to;
        Files.createDirectories(pack);
        try (Stream<Path> files = Files.list(Repo.file("layouts/classic"))) {
            for (Path f : files.toList()) {
                Files.copy(f, pack.resolve(f.getFileName()));
            }
        }
    }

    /**
     * A6, a size Flying Saucer's own size names lack: it is resolved to millimetres here, and the
     * pages come out 105 x 148 mm (297.6 x 419.5 pt), not silently A4.
     */
    @Test
    void a6IsResolvedAndTheRenderedPagesAreA6() throws IOException {
        edit("layout.yaml", "size: A4", "size: A6");
        edit("layout.yaml", "margin-inner: 25", "margin-inner: 14");
        edit("layout.yaml", "margin-outer: 25", "margin-outer: 12");
        Offprint o = Rendering.separata().render(Repo.seed(), new RenderOptions(pack.toString(), false));
        try (PdfInspector pdf = new PdfInspector(o.pdf())) {
            for (int p = 1; p <= pdf.pageCount(); p++) {
                assertEquals(297.6, pdf.pageSize(p)[0], 1.0);
                assertEquals(419.5, pdf.pageSize(p)[1], 1.0);
            }
        }
    }

    @Test
    void aTemplateSyntaxErrorIsNamedWithItsLineWhenThePackLoads() throws IOException {
        edit("article.ftlx", "<@p.titles/>", "<@p.titles/>\n<#if>");
        assertAt(failure(), "article.ftlx", lineOf("article.ftlx", "<#if>"), "syntax");
    }

    @Test
    void aStylesheetValueTheLayoutLacksIsNamedWhenThePackLoads() throws IOException {
        edit("style.css", "color: ${colors.accent};", "color: ${colors.highlight};");
        assertAt(failure(), "style.css", lineOf("style.css", "colors.highlight"), "highlight");
    }

    @Test
    void aMissingLabelsFileIsNamed() throws IOException {
        edit("layout.yaml", "template: article.ftlx", "labels: labels.yaml\ntemplate: article.ftlx");
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "labels:"), "labels.yaml");
    }

    @Test
    void aMissingImportIsNamedAtTheImport() throws IOException {
        edit("article.ftlx", "<#import \"/lib/parts.ftlx\" as p>",
                "<#import \"/lib/parts.ftlx\" as p>\n<#import \"/lib/tables.ftlx\" as t>");
        SeparataException e = assertThrows(SeparataException.class, () -> Rendering.separata()
                .render(Repo.seed(), new RenderOptions(pack.toString(), false)));
        Diagnostic d = e.diagnostics().get(0);
        assertAt(d, "article.ftlx", lineOf("article.ftlx", "tables.ftlx"), "tables.ftlx");
    }

    @Test
    void anUnknownKeyInLayoutYamlIsNamedWithASuggestion() throws IOException {
        edit("layout.yaml", "stylesheet: style.css", "stylesheet: style.css\nstylsheet: x.css");
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "stylsheet"), "unknown key", "stylesheet");
    }

    @Test
    void anUnknownMastheadFieldIsNamed() throws IOException {
        edit("layout.yaml", "masthead: [logo,", "masthead: [barcode, logo,");
        assertAt(failure(), "layout.yaml", lineOf("layout.yaml", "barcode"), "barcode");
    }
}
