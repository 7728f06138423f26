package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.separata.env.World;
import org.separata.support.Repo;

/**
 * The hyphenation tries the build compiles ({@code org.separata.build.Precompute}) are what a run
 * would build from the TeX patterns itself: the same bytes, and the same breaks in every word of
 * the long test articles and the examples.
 */
class CompiledHyphenationTest {

    private static final Hyphenation HYPHENATION = new Hyphenation(World.system());

    @Test
    void theBuildCompiledEveryPatternFileListAsARunWould() throws IOException {
        List<List<String>> lists = HYPHENATION.patternFiles();
        assertTrue(lists.size() >= 11, lists.toString());
        for (List<String> files : lists) {
            byte[] built = resource("hyphenation/" + Hyphenation.compiledName(files));
            assertArrayEquals(HYPHENATION.compile(files), built,
                    Hyphenation.compiledName(files) + " differs from the trie of " + files
                            + "; rebuild with mvn process-classes");
            assertArrayEquals(built, Hyphenator.fromCompiled(built, 2, 2).compiled(), "round trip of " + files);
        }
    }

    @Test
    void aCompiledTrieBreaksEveryWordWhereTheTexPatternsDo() throws IOException {
        Set<String> words = words();
        assertTrue(words.size() > 1000, "words: " + words.size());
        for (List<String> files : HYPHENATION.patternFiles()) {
            Hyphenator fromTex = Hyphenation.fromTex(World.system(), files, 2, 3);
            Hyphenator fromBuild = Hyphenator.fromCompiled(resource("hyphenation/" + Hyphenation.compiledName(files)), 2, 3);
            int broken = 0;
            for (String w : words) {
                int[] expected = fromTex.points(w);
                assertArrayEquals(expected, fromBuild.points(w), files + ": " + w);
                broken += expected.length > 0 ? 1 : 0;
            }
            assertTrue(broken > 100, files + " broke only " + broken + " words");
        }
    }

    @Test
    void aRunUsesTheSameHyphenatorAsTheTexPatternsGive() {
        for (String lang : List.of("es", "en", "ru")) {
            assertArrayEquals(Hyphenation.fromTex(World.system(), filesOf(lang), 1, 1).compiled(),
                    HYPHENATION.forLanguage(lang).orElseThrow().compiled(), lang);
        }
    }

    @Test
    void damagedBytesAreRefused() throws IOException {
        byte[] built = resource("hyphenation/hyph-es.trie");
        assertThrows(IllegalArgumentException.class,
                () -> Hyphenator.fromCompiled(Arrays.copyOf(built, built.length / 2), 2, 2));
        byte[] wrongMagic = built.clone();
        wrongMagic[0] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> Hyphenator.fromCompiled(wrongMagic, 2, 2));
        assertFalse(Arrays.equals(built, resource("hyphenation/hyph-en-us.trie")));
    }

    private static List<String> filesOf(String lang) {
        return List.of(lang.equals("en") ? "hyph-en-us.tex" : "hyph-" + lang + ".tex");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CompiledHyphenationTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the classpath; the build's precompute step did not run");
            return in.readAllBytes();
        }
    }

    /** The words of the long test articles and the examples. */
    private static Set<String> words() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (Path dir : List.of(Repo.file("src/test/resources/typography"), Repo.file("examples"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(ya?ml|xml)"))
                        .toList()) {
                    for (String w : Files.readString(p).split("[^\\p{L}]+")) {
                        if (w.length() > 3) {
                            out.add(w);
                        }
                    }
                }
            }
        }
        return out;
    }
}
