package org.separata.fonts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.separata.env.World;
import org.separata.support.Repo;

/**
 * The coverage files the build writes beside every font of {@code fonts/} (whatever its family
 * folder) hold what a run would read from the font's cmap, and a run uses them only for the font
 * they were made from.
 */
class CoverageFileTest {

    @Test
    void everyFontHasTheCoverageItsCmapGives() throws IOException {
        List<Path> fonts;
        try (Stream<Path> s = Files.walk(Repo.file("fonts"))) {
            fonts = s.filter(Files::isRegularFile).filter(p -> CoverageFile.isFont(p.getFileName().toString()))
                    .sorted().toList();
        }
        assertTrue(fonts.size() >= 9, fonts.toString());
        for (Path font : fonts) {
            String name = Repo.file("fonts").relativize(font).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(font);
            byte[] built = resource("fonts/" + name + CoverageFile.SUFFIX);
            BitSet cmap = Cmap.coverage(bytes);
            assertArrayEquals(CoverageFile.of(bytes), built, name + ": rebuild with mvn process-classes");
            assertEquals(Optional.of(cmap), CoverageFile.read(built, bytes), name);
            assertTrue(cmap.cardinality() > 100, name);
        }
    }

    @Test
    void aFamilyLoadedFromTheBuildCoversWhatItsFontsMap() {
        FontFamily serif = new FontCatalog(World.system()).family("noto-serif").orElseThrow();
        for (FontFace face : serif.faces()) {
            BitSet cmap = Cmap.coverage(face.bytes());
            for (int cp = 0; cp < 0x30000; cp++) {
                assertEquals(cmap.get(cp), face.covers(cp), face + " U+" + Integer.toHexString(cp));
            }
        }
    }

    @Test
    void aCoverageFileOfOtherBytesIsIgnored() throws IOException {
        byte[] font = Files.readAllBytes(Repo.file("fonts/noto-serif/NotoSerif-Regular.ttf"));
        byte[] file = CoverageFile.of(font);
        byte[] edited = font.clone();
        edited[edited.length - 1] ^= 1;
        assertEquals(Optional.empty(), CoverageFile.read(file, edited), "same length, other bytes");
        assertEquals(Optional.empty(), CoverageFile.read(file, java.util.Arrays.copyOf(font, font.length - 4)));
        assertEquals(Optional.empty(), CoverageFile.read(new byte[] {1, 2, 3}, font));
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 8);
        assertEquals(Optional.empty(), CoverageFile.read(cut, font));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CoverageFileTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the classpath; the build's precompute step did not run");
            return in.readAllBytes();
        }
    }
}
