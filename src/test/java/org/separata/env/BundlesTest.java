package org.separata.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;

/**
 * Zip bundles sent to {@code serve}: unpacked only inside their own private folder, from their
 * central directory, refused whole (a usage error naming the entry) when an entry could reach
 * outside, is not a plain file or folder, or the archive is a bomb; the folder is removed after.
 * Archives are built here with the JDK's zip writer, then altered byte by byte where the writer
 * would not make them.
 */
class BundlesTest {

    @TempDir
    Path tmp;

    private Bundles bundles;

    @BeforeEach
    void space() {
        bundles = Bundles.create(tmp.resolve("space"), Limits.DEFAULT);
    }

    @AfterEach
    void close() {
        bundles.close();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            m.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private String refusal(byte[] zip) {
        return refusal(bundles, zip);
    }

    private static String refusal(Bundles b, byte[] zip) {
        SeparataException e = assertThrows(SeparataException.class, () -> b.open(zip, Bundles.Kind.ZIP, Optional.empty()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        return e.diagnostics().get(0).message();
    }

    private List<Path> left() throws IOException {
        try (Stream<Path> s = Files.list(bundles.folder())) {
            return s.toList();
        }
    }

    @Test
    void aZipIsUnpackedInItsOwnFolderAndRemovedAfter() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Map<String, byte[]> m = files("paper/article.xml", "<article/>", "paper/journal.yaml", "journal: {}");
        m.put("paper/img/fig1.png", png);
        Path root;
        try (Bundles.Bundle b = bundles.open(zip(m), Bundles.Kind.ZIP, Optional.empty())) {
            root = b.root();
            assertTrue(root.startsWith(bundles.folder()));
            assertEquals(root.resolve("paper/article.xml"), b.article(), "found inside the zip's one top folder");
            assertArrayEquals(png, Files.readAllBytes(root.resolve("paper/img/fig1.png")));
            assertEquals("paper/article.xml: line 3", b.relative(root + "/paper/article.xml: line 3"));
        }
        assertFalse(Files.exists(root));
        assertEquals(List.of(), left());
    }

    @Test
    void aManifestOrJatsBodyIsTheArticleOfAFolderOfItsOwn() throws Exception {
        byte[] yaml = "titles: []\n".getBytes(StandardCharsets.UTF_8);
        try (Bundles.Bundle b = bundles.open(yaml, Bundles.Kind.YAML, Optional.empty())) {
            assertEquals("article.yaml", b.article().getFileName().toString());
            assertArrayEquals(yaml, Files.readAllBytes(b.article()));
            try (Stream<Path> s = Files.list(b.root())) {
                assertEquals(1, s.count());
            }
        }
        assertEquals(List.of(), left());
    }

    @Test
    void theArticleMustBeTold() throws Exception {
        assertTrue(refusal(zip(files("a.yaml", "x", "b.xml", "y"))).contains("several articles at its top: a.yaml, b.xml"));
        assertTrue(refusal(zip(files("notes.txt", "x", "journal.yaml", "y"))).contains("has no article"));
        try (Bundles.Bundle b = bundles.open(zip(files("a.yaml", "x", "b.xml", "y")), Bundles.Kind.ZIP,
                Optional.of("b.xml"))) {
            assertEquals("b.xml", b.article().getFileName().toString());
        }
        SeparataException e = assertThrows(SeparataException.class, () -> bundles.open(zip(files("a.yaml", "x")),
                Bundles.Kind.ZIP, Optional.of("../a.yaml")));
        assertTrue(e.diagnostics().get(0).message().contains("'..'"), e.diagnostics().toString());
        assertEquals(List.of(), left());
    }

    @Test
    void namesThatCouldReachOutsideAreRefusedAndNothingIsWritten() throws Exception {
        Path outside = tmp.resolve("space/evil.txt");
        for (String name : List.of("../evil.txt", "a/../../evil.txt", "/tmp/evil.txt", "a\\..\\evil.txt",
                "C:/evil.txt", "./article.yaml", "a//b.yaml", "\u202Eevil.yaml", "a/\u001b[31m.yaml")) {
            String why = refusal(zip(files("article.yaml", "x", name, "evil")));
            assertTrue(why.startsWith("the zip bundle is refused: the entry '"), name + ": " + why);
            assertFalse(Files.exists(outside), name);
            assertEquals(List.of(), left(), name + ": its folder is removed");
        }
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        byte[] z = zip(files("article.yaml", "x", "logo.png", "/etc/passwd"));
        setUnixMode(z, "logo.png", 0120777);
        assertTrue(refusal(z).contains("'logo.png' is a symbolic link"), refusal(z));
        byte[] fifo = zip(files("article.yaml", "x", "pipe", ""));
        setUnixMode(fifo, "pipe", 0010644);
        assertTrue(refusal(fifo).contains("not a regular file"), refusal(fifo));
        byte[] plain = zip(files("article.yaml", "x", "logo.png", "png"));
        setUnixMode(plain, "logo.png", 0100644);
        try (Bundles.Bundle b = bundles.open(plain, Bundles.Kind.ZIP, Optional.empty())) {
            assertTrue(Files.isRegularFile(b.root().resolve("logo.png"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
    }

    @Test
    void zipBombsAreRefusedWhileInflating() throws Exception {
        // 40 MiB of zeros deflate to about 40 KiB: a thousand times, past the ratio of 100
        Map<String, byte[]> m = files("article.yaml", "x");
        m.put("zeros.bin", new byte[40 << 20]);
        byte[] bomb = zip(m);
        assertTrue(bomb.length < 100_000);
        String why = refusal(bomb);
        assertTrue(why.contains("times its size") && why.contains("bundle-ratio"), why);
        // and by size alone
        Bundles small = Bundles.create(tmp.resolve("small"), Limits.DEFAULT.with(Limit.BUNDLE_MB, 1)
                .with(Limit.BUNDLE_RATIO, 1_000_000));
        try {
            String big = refusal(small, bomb);
            assertTrue(big.contains("more than 1 MiB") && big.contains("bundle-mb"), big);
        } finally {
            small.close();
        }
        assertEquals(List.of(), left());
    }

    @Test
    void entriesThatShareTheirDataOrLieAboutTheirSizeAreRefused() throws Exception {
        byte[] z = zip(files("article.yaml", "x", "b.yaml", "y"));
        // the second entry of the central directory points at the first's local header
        int cd = centralEntry(z, "b.yaml");
        System.arraycopy(z, centralEntry(z, "article.yaml") + 42, z, cd + 42, 4);
        assertTrue(refusal(z).contains("'b.yaml'"), refusal(z));
        byte[] lie = zip(files("article.yaml", "some text"));
        lie[centralEntry(lie, "article.yaml") + 24] = 2; // uncompressed size: 2 bytes
        String why = refusal(lie);
        assertTrue(why.contains("more than the 2 bytes its header gives"), why);
        byte[] crc = zip(files("article.yaml", "some text"));
        crc[centralEntry(crc, "article.yaml") + 16] ^= 1;
        assertTrue(refusal(crc).contains("CRC-32"), refusal(crc));
    }

    @Test
    void otherArchivesAndEncryptionAreRefused() throws Exception {
        assertTrue(refusal("not a zip".getBytes(StandardCharsets.UTF_8)).contains("not a zip archive"));
        byte[] z = zip(files("article.yaml", "x"));
        z[centralEntry(z, "article.yaml") + 8] |= 1;
        assertTrue(refusal(z).contains("encrypted"), refusal(z));
        byte[] dup = zip(files("article.yaml", "x", "b.yaml", "y"));
        int b = centralEntry(dup, "b.yaml");
        byte[] renamed = "a".getBytes(StandardCharsets.US_ASCII);
        dup[b + 46] = renamed[0]; // "a.yaml" in the central directory, "b.yaml" in the local header
        assertTrue(refusal(dup).contains("names another file"), refusal(dup));
        Bundles few = Bundles.create(tmp.resolve("few"), Limits.DEFAULT.with(Limit.BUNDLE_FILES, 2));
        try {
            assertTrue(refusal(few, zip(files("a.yaml", "x", "b", "y", "c", "z"))).contains("bundle-files"));
        } finally {
            few.close();
        }
    }

    /** The offset of the central directory entry named {@code name}. */
    private static int centralEntry(byte[] z, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int at = z.length - 46; at >= 0; at--) {
            if (z[at] == 'P' && z[at + 1] == 'K' && z[at + 2] == 1 && z[at + 3] == 2
                    && (z[at + 28] & 0xFF) == n.length && java.util.Arrays.equals(z, at + 46, at + 46 + n.length, n, 0,
                    n.length)) {
                return at;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Makes the entry's central directory record say it was made on Unix with {@code mode}. */
    private static void setUnixMode(byte[] z, String name, int mode) {
        int at = centralEntry(z, name);
        z[at + 5] = 3; // version made by: Unix
        z[at + 40] = (byte) mode;
        z[at + 41] = (byte) (mode >> 8);
    }
}
