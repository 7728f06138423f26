package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Folders;
import org.separata.support.Poppler;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * {@code separata fonts}, and a layout pack that brings its own font family or borrows one from
 * {@code --font-path}: the case that used to fail with "the font family 'myserif' is not in
 * fonts/".
 */
@Slow
class FontsCommandTest {

    @TempDir
    Path dir;

    /** The line of {@code separata fonts} for {@code family}, and the line of scripts under it. */
    private static String[] entry(String out, String family) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(family) + " +(.*)\\n\\s+(.*)$").matcher(out);
        assertTrue(m.find(), family + " in: " + out);
        return new String[] {m.group(1), m.group(2)};
    }

    @Test
    void fontsListsTheLayoutsFamiliesAndTheFallbackChainWithTheirScripts() throws Exception {
        CliTest.Result r = CliTest.run("fonts");
        assertEquals(0, r.code(), r.err());
        // the classic pack's roles, from its layout.yaml, each family by its family.yaml name
        String layout = Files.readString(Repo.file("layouts/classic/layout.yaml"));
        Matcher roles = Pattern.compile("(?m)^  (text|sans|symbols): ([a-z0-9-]+)$").matcher(layout);
        int n = 0;
        while (roles.find()) {
            String name = familyName(roles.group(2));
            assertTrue(entry(r.out(), name)[0].startsWith("layout: ") && entry(r.out(), name)[0].contains(roles.group(1)),
                    name + ": " + r.out());
            n++;
        }
        assertEquals(3, n, "classic names three roles");
        // the built-in fallback chain, in its order
        List<String> chain = Files.readAllLines(Repo.file("fonts/fallback.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        int last = -1;
        for (String id : chain) {
            String name = familyName(id);
            int at = r.out().indexOf("  " + name + " ");
            assertTrue(at > last, "in chain order: " + name);
            last = at;
        }
        // what each covers, by script (the README's claims for the bundled fonts)
        String serif = entry(r.out(), "Noto Serif")[1];
        for (String script : List.of("Latin", "Cyrillic", "Greek")) {
            assertTrue(serif.contains(script + " "), script + " in " + serif);
        }
        assertTrue(entry(r.out(), "Noto Sans Hebrew")[1].startsWith("Hebrew "), r.out());
        assertTrue(entry(r.out(), "Noto Sans Arabic")[1].startsWith("Arabic "), r.out());
        assertTrue(r.out().endsWith("then the system's font folders; 'separata fonts --system' lists their fonts\n"),
                r.out());
    }

    private static String familyName(String id) throws Exception {
        Matcher m = Pattern.compile("(?m)^name: (.+)$").matcher(Files.readString(Repo.file("fonts/" + id + "/family.yaml")));
        assertTrue(m.find(), id);
        return m.group(1).strip();
    }

    /** A family folder named {@code id} holding Noto Sans under the name {@code name}. */
    private static void family(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        StringBuilder yaml = new StringBuilder("name: " + name + "\nlicense: OFL.txt\nfaces:\n");
        for (String face : List.of("Regular", "Italic", "Bold", "BoldItalic")) {
            Files.copy(Repo.file("fonts/noto-sans/NotoSans-" + face + ".ttf"), folder.resolve("MySerif-" + face + ".ttf"));
        }
        yaml.append("  regular: MySerif-Regular.ttf\n  italic: MySerif-Italic.ttf\n  bold: MySerif-Bold.ttf\n"
                + "  bold-italic: MySerif-BoldItalic.ttf\n");
        Files.copy(Repo.file("fonts/noto-sans/OFL.txt"), folder.resolve("OFL.txt"));
        Files.writeString(folder.resolve("family.yaml"), yaml);
    }

    /** The classic pack, copied, its text set in the family {@code myserif}. */
    private Path packNamingMyserif() throws Exception {
        Path pack = Folders.copy(Repo.file("layouts/classic"), dir.resolve("mypack"));
        Path yaml = pack.resolve("layout.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        assertTrue(text.contains("  text: noto-serif\n"));
        Files.writeString(yaml, text.replace("  text: noto-serif\n", "  text: myserif\n"));
        return pack;
    }

    @Test
    void aPackRendersWithItsOwnFontFamilyAndListsIt() throws Exception {
        Path pack = packNamingMyserif();
        family(pack.resolve("fonts/myserif"), "My Serif");
        Path out = dir.resolve("out.pdf");
        CliTest.Result r = CliTest.run("render", Repo.seed().toString(), "-o", out.toString(), "--layout", pack.toString());
        assertEquals(0, r.code(), r.err());
        String fonts = Poppler.run("pdffonts", Files.readAllBytes(out));
        assertTrue(fonts.contains("NotoSans-Regular"), fonts);
        assertFalse(fonts.contains("NotoSerif"), "the text is in the pack's family, not the built-in serif: " + fonts);
        CliTest.Result f = CliTest.run("fonts", "--layout", pack.toString());
        assertEquals(0, f.code(), f.err());
        assertTrue(entry(f.out(), "My Serif")[0].startsWith("layout: text"), f.out());
    }

    @Test
    void aPackBorrowsAFamilyFromFontPathAndSaysWhereToPutOneWithout() throws Exception {
        Path pack = packNamingMyserif();
        Path shared = dir.resolve("shared-fonts");
        family(shared.resolve("myserif"), "My Serif");
        Path out = dir.resolve("out.pdf");
        CliTest.Result without = CliTest.run("render", Repo.seed().toString(), "-o", out.toString(), "--layout",
                pack.toString());
        assertEquals(3, without.code(), without.err());
        assertTrue(without.err().contains(pack.resolve("layout.yaml") + ":" + Repo.lineOf(pack.resolve("layout.yaml"),
                "text: myserif") + ":"), without.err());
        assertTrue(without.err().contains("the font family 'myserif' is not in the pack's fonts/ folder, in a "
                + "--font-path folder, nor among the built-in fonts"), without.err());
        assertFalse(Files.exists(out));
        CliTest.Result with = CliTest.run("render", Repo.seed().toString(), "-o", out.toString(), "--layout",
                pack.toString(), "--font-path", shared.toString());
        assertEquals(0, with.code(), with.err());
        assertFalse(Poppler.run("pdffonts", Files.readAllBytes(out)).contains("NotoSerif"));
    }

    @Test
    void fontsListsTheFontsOfAFontPathFolderWithTheirScripts() throws Exception {
        Path cjk = Path.of("/usr/share/fonts/opentype/noto");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(cjk),
                "Debian's fonts-noto-cjk is installed (.ci/run installs it)");
        CliTest.Result r = CliTest.run("fonts", "--font-path", cjk.toString());
        assertEquals(0, r.code(), r.err());
        // each font of the collections, named by its name table, found in the folder given
        String[] sc = entry(r.out(), "Noto Sans CJK SC");
        assertTrue(sc[0].startsWith("fallback (" + cjk), sc[0]);
        assertTrue(sc[1].startsWith("Han "), "a Chinese font covers Han first: " + sc[1]);
        assertTrue(sc[1].contains("Hiragana") && sc[1].contains("Katakana") && sc[1].contains("Hangul"), sc[1]);
        // the built-in families come first, in the order they are tried
        assertTrue(r.out().indexOf("  Noto Serif ") < r.out().indexOf("  Noto Sans CJK SC "), r.out());
    }
}
