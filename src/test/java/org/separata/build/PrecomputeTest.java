package org.separata.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar step: fonts (built-in and a pack's), coverage files and tries are stored; every other
 * entry, a library's font among them, stays as it was, in order.
 */
class PrecomputeTest {

    @TempDir
    Path dir;

    @Test
    void fontsAndTriesAreStoredAndNothingElseChanges() throws Exception {
        Random random = new Random(7);
        List<String> names = List.of("META-INF/MANIFEST.MF", "fonts/", "fonts/any-family/", "fonts/any-family/A.ttf",
                "fonts/any-family/A.ttf.coverage", "fonts/other/B.otf", "hyphenation/hyph-xx.trie",
                "hyphenation/languages.txt", "org/separata/X.class", "layouts/classic/style.css",
                "layouts/some-pack/fonts/C.ttf", "layouts/some-pack/fonts/C.ttf.coverage", "org/x/fallback.ttf");
        List<byte[]> contents = new ArrayList<>();
        FileTime time = FileTime.fromMillis(1_640_822_400_000L);
        Path jar = dir.resolve("separata.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String n : names) {
                byte[] b = new byte[n.endsWith("/") ? 0 : 2000 + random.nextInt(3000)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) ('a' + random.nextInt(4)); // compressible
                }
                contents.add(b);
                ZipEntry e = new ZipEntry(n);
                e.setLastModifiedTime(time);
                out.putNextEntry(e);
                out.write(b);
                out.closeEntry();
            }
        }
        Precompute.storeFonts(jar);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(z.entries());
            assertEquals(names, entries.stream().map(ZipEntry::getName).toList());
            for (int i = 0; i < entries.size(); i++) {
                ZipEntry e = entries.get(i);
                String n = e.getName();
                boolean stored = !e.isDirectory() && (n.startsWith("fonts/") || n.startsWith("hyphenation/")
                        || n.startsWith("layouts/some-pack/fonts/"));
                assertEquals(stored ? ZipEntry.STORED : ZipEntry.DEFLATED, e.getMethod(), e.getName());
                assertArrayEquals(contents.get(i), z.getInputStream(e).readAllBytes(), e.getName());
                assertEquals(time.toMillis() / 1000, e.getLastModifiedTime().toMillis() / 1000, e.getName());
            }
        }
    }
}
