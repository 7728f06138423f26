package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.separata.env.World;
import org.separata.fonts.FontCatalog;
import org.separata.fonts.FontFamily;
import org.separata.fonts.FontFinder;
import org.separata.model.Article;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.read.ReadResult;
import org.separata.support.Repo;

/**
 * The check that lists what the bundled fonts cannot draw: every character of every real and
 * test article in the repository, and of the shared corpus beside it, must be in the classic
 * layout's fonts or the built-in fallback chain, with no system font at all. The one exception is
 * the test article written to need a Chinese font (content/scripts.xml).
 */
class BundledFontsTest {

    /** Every JATS file and manifest the project reads: tests, examples, the shared corpus. */
    static List<Path> articles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(Repo.file("src/test/resources/jats"), Repo.file("src/test/resources/content"),
                Repo.file("src/test/resources/cases"), Repo.file("src/test/resources/typography"), Repo.file("examples"),
                Repo.root().resolve("../shared/corpus").normalize(), Path.of("/work/shared/corpus"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().matches(".*\\.(xml|yaml)$") && !p.toString().contains("hostile")
                        && !p.getFileName().toString().matches("(issue|journal)\\.yaml|layout\\.yaml"))
                        .filter(p -> out.stream().noneMatch(q -> q.getFileName().equals(p.getFileName())
                                && sameBytes(p, q)))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theBundledFontsDrawEveryCharacterOfEveryArticle() throws IOException {
        World noSystemFonts = World.withEnvironment(Map.of("SEPARATA_SYSTEM_FONTS", ""));
        Separata separata = new Separata(noSystemFonts);
        FontCatalog catalog = new FontCatalog(noSystemFonts);
        FontFinder finder = new FontFinder(noSystemFonts);
        LayoutPack pack = separata.layouts().get("classic").pack();
        Map<String, TreeSet<String>> missing = new TreeMap<>();
        List<Path> files = articles();
        assertTrue(files.size() >= 15, files.toString());
        for (Path file : files) {
            ReadResult read;
            try {
                read = separata.read(file);
            } catch (RuntimeException e) {
                continue; // an input made to be refused (tests of errors)
            }
            Article a = read.article();
            List<FontFamily> fallbacks = FontFallbacks.forArticle(a, pack, catalog, finder, List.of());
            for (var d : GlyphPreflight.check(a, pack, fallbacks, read.sources(), true)) {
                missing.computeIfAbsent(Repo.root().relativize(file.toAbsolutePath().normalize()).toString()
                        .replace("../", ""), k -> new TreeSet<>()).add(d.message().replaceAll(" is not in.*", ""));
            }
        }
        TreeSet<String> scripts = missing.remove("src/test/resources/content/scripts.xml");
        StringBuilder list = new StringBuilder();
        missing.forEach((f, cps) -> list.append('\n').append(f).append(": ").append(String.join(", ", cps)));
        assertEquals("", list.toString(), "characters no bundled font draws");
        assertTrue(scripts != null && scripts.stream().allMatch(s -> s.matches(".*(CJK|IDEOGRAPHIC|FULLWIDTH).*")),
                "only Chinese needs a font from outside: " + scripts);
    }

    /**
     * The preflight checks characters against the text faces, not the monospaced family that sets
     * code: what holds because the mono draws every character the text faces draw, but the seven
     * presentation-form ligatures (U+FB00–FB06), which a text does not spell out.
     */
    @Test
    void theMonospacedFamilyDrawsWhatTheTextFacesDraw() {
        LayoutPack pack = new Separata(World.system()).layouts().get("classic").pack();
        FontFamily mono = pack.fonts().get("mono");
        assertEquals("Noto Sans Mono", mono.name());
        List<org.separata.fonts.FontFace> text = new ArrayList<>();
        pack.fonts().forEach((role, f) -> {
            if (!role.equals("mono") && !role.equals(FontCoverage.SYMBOLS)) {
                text.addAll(f.faces());
            }
        });
        TreeSet<String> lacking = new TreeSet<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int c = cp;
            if (text.stream().allMatch(f -> f.covers(c)) && mono.faces().stream().anyMatch(f -> !f.covers(c))) {
                lacking.add(GlyphPreflight.codePoint(cp));
            }
        }
        assertEquals(new TreeSet<>(List.of("U+FB00", "U+FB01", "U+FB02", "U+FB03", "U+FB04", "U+FB05", "U+FB06")),
                lacking);
    }

    @Test
    void theCorpusPassesThePreflightWithoutSystemFonts() throws IOException {
        Separata separata = new Separata(World.withEnvironment(Map.of("SEPARATA_SYSTEM_FONTS", "")));
        int n = 0;
        for (Path file : articles()) {
            if (file.toString().contains("corpus") || file.toString().contains("scielo")) {
                // prepare runs the glyph preflight, and throws (naming the characters) when one is missing
                separata.prepare(file, RenderOptions.defaults());
                n++;
            }
        }
        assertTrue(n >= 3, "the SciELO files at least");
    }
}
