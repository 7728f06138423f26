package org.separata.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * The one gate every file Separata reads passes ({@link World}): a file lies inside the root it
 * belongs to once links are followed, is a regular file, and is read only up to its limit, counted
 * in bytes actually read. Each refusal is a clear error naming the file.
 */
class FileGateTest {

    @TempDir
    Path dir;

    private Path root;
    private Path outside;
    private final World world = World.withEnvironment(Map.of());

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("bundle"));
        outside = dir.resolve("secret.txt");
        Files.writeString(outside, "SECRET");
        Files.writeString(root.resolve("inside.txt"), "inside");
    }

    private static String message(SeparataException e) {
        return e.diagnostics().stream().map(Diagnostic::format).reduce("", (a, b) -> a + b + "\n");
    }

    private String refused(ResourceRoot r, String name) {
        SeparataException e = assertThrows(SeparataException.class,
                () -> world.read(r, name, SourceLocation.of("profile.yaml")));
        String m = message(e);
        assertFalse(m.contains("SECRET"), m);
        return m;
    }

    @Test
    void aFileInsideItsRootIsRead() throws IOException {
        Files.createDirectories(root.resolve("sub"));
        ResourceRoot r = ResourceRoot.folder(ResourceRoot.Role.PROFILE, root);
        assertArrayEquals("inside".getBytes(), world.read(r, "inside.txt", SourceLocation.of("profile.yaml")));
        assertArrayEquals("inside".getBytes(), world.read(r, "sub/../inside.txt", SourceLocation.of("profile.yaml")));
    }

    @Test
    void aLinkInsideItsRootIsFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("inside.txt"));
        ResourceRoot r = ResourceRoot.folder(ResourceRoot.Role.PROFILE, root);
        assertArrayEquals("inside".getBytes(), world.read(r, "alias.txt", SourceLocation.of("profile.yaml")));
    }

    @Test
    void aLinkLeavingItsRootIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("notes.txt"), outside);
        Files.createSymbolicLink(root.resolve("folder"), dir);
        ResourceRoot r = ResourceRoot.folder(ResourceRoot.Role.PACK, root);
        String m = refused(r, "notes.txt");
        assertTrue(m.startsWith("profile.yaml: error: 'notes.txt' is a symbolic link that leads outside the layout pack"),
                m);
        assertTrue(m.contains(outside.toRealPath().toString()), "names where it leads: " + m);
        assertTrue(m.contains("copy the file there"), m);
        assertTrue(refused(r, "folder/secret.txt").contains("symbolic link that leads outside"));
        // the resource reader of packs and fonts refuses in the same words
        SeparataException e = assertThrows(SeparataException.class, () -> world.resource(r, "notes.txt"));
        assertTrue(message(e).contains("leads outside the layout pack"), message(e));
        assertTrue(world.resource(r, "missing.txt").isEmpty(), "a file that is not there is simply absent");
    }

    @Test
    void dotDotAndAbsolutePathsCannotLeaveTheRoot() {
        ResourceRoot r = ResourceRoot.folder(ResourceRoot.Role.PROFILE, root);
        assertTrue(refused(r, "../secret.txt").contains("'../secret.txt' leads outside the journal profile's folder"));
        assertTrue(refused(r, outside.toString()).contains("is not a relative path"));
        assertTrue(refused(r, "file:" + outside).contains("is not a relative path"));
        assertFalse(world.resource(r, "../secret.txt").isPresent());
    }

    @Test
    void devicesFifosAndFoldersAreRefusedWithoutBeingOpened() throws Exception {
        Path fifo = root.resolve("logo.png");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        ResourceRoot r = ResourceRoot.folder(ResourceRoot.Role.PROFILE, root);
        // a FIFO would block the read forever: it must be refused before it is opened
        String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(r, "logo.png"));
        assertTrue(m.contains("'logo.png' is not a regular file"), m);
        String input = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> message(assertThrows(SeparataException.class, () -> world.readInput(fifo))));
        assertTrue(input.contains("is not a regular file"), input);
        String zero = message(assertThrows(SeparataException.class, () -> world.readInput(Path.of("/dev/zero"))));
        assertTrue(zero.contains("/dev/zero is not a regular file"), zero);
        Files.createDirectories(root.resolve("images"));
        assertTrue(refused(r, "images").contains("is a folder, not a file"));
    }

    @Test
    void aLinkToDevZeroIsRefusedAsLeavingItsFolder() throws IOException {
        Path link = root.resolve("article.yaml");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        String m = message(assertThrows(SeparataException.class, () -> world.readInput(link)));
        assertTrue(m.contains("is a symbolic link that leads outside its folder (to /dev/zero)"), m);
    }

    @Test
    void readsAreBoundedByTheBytesActuallyRead() throws IOException {
        World small = world.withLimits(Limits.DEFAULT.with(Limit.INPUT_MB, 1));
        Path big = root.resolve("big.xml");
        Files.write(big, new byte[1024 * 1024 + 1]);
        String m = message(assertThrows(SeparataException.class, () -> small.readInput(big)));
        assertTrue(m.contains("larger than 1 MiB, the limit input-mb"), m);
        assertTrue(m.contains("SEPARATA_LIMITS=input-mb="), "says how to raise it: " + m);
        Files.write(big, new byte[1024 * 1024]);
        assertEquals(1024 * 1024, small.readInput(big).length, "exactly at the limit is fine");
        // a file the system reports as empty is still read for what it holds
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status) && Files.size(status) == 0) {
            byte[] read = world.readInput(status);
            assertTrue(new String(read, StandardCharsets.UTF_8).contains("Name:"));
        }
    }

    @Test
    void aMissingFileAndABrokenLinkSaySo() throws IOException {
        ResourceRoot r = ResourceRoot.folder(ResourceRoot.Role.PROFILE, root);
        assertTrue(refused(r, "nothing.png").contains("'nothing.png': no such file"));
        Files.createSymbolicLink(root.resolve("broken.png"), root.resolve("gone.png"));
        assertTrue(refused(r, "broken.png").contains("symbolic link to a file that is not there"));
    }

    @Test
    void aFileNamedInAFileMayBeRelativeToAnotherFolderInsideTheRoot() throws IOException {
        Path issue = Files.createDirectories(root.resolve("issue"));
        Path article = Files.createDirectories(root.resolve("articles")).resolve("a.yaml");
        Files.writeString(article, "x");
        ResourceRoot r = ResourceRoot.folder(ResourceRoot.Role.ISSUE, root);
        assertArrayEquals("x".getBytes(), world.read(r, issue, "../articles/a.yaml", Limit.INPUT_MB,
                SourceLocation.of("issue.yaml")));
        String m = message(assertThrows(SeparataException.class, () -> world.read(r, issue, "../../secret.txt",
                Limit.INPUT_MB, SourceLocation.of("issue.yaml"))));
        assertTrue(m.contains("leads outside the issue's folder") && m.contains("--root"), m);
    }

    @Test
    void aLayoutIsABuiltInPackByNameAndAFolderOnlyByPath() throws IOException {
        assertEquals(ResourceRoot.Role.BUILT_IN, world.layout("classic").orElseThrow().role());
        assertTrue(world.layout("no-such-pack").isEmpty());
        Path pack = Files.createDirectories(dir.resolve("classic"));
        Files.writeString(pack.resolve("layout.yaml"), "name: mine\n");
        ResourceRoot folder = world.layout(pack.toString()).orElseThrow();
        assertEquals(ResourceRoot.Role.PACK, folder.role());
        assertEquals(pack.toRealPath(), folder.directory().orElseThrow());
        assertTrue(World.namesFolder("./classic") && World.namesFolder("layouts/x") && World.namesFolder("/srv/x"));
        assertFalse(World.namesFolder("classic"));
    }

    @Test
    void fontFoldersComeAfterTheBuiltInFonts() {
        World w = world.withFontFolders(List.of(dir.resolve("fonts-a"), dir.resolve("fonts-b")));
        List<ResourceRoot> roots = w.fontRoots();
        assertEquals(3, roots.size());
        assertEquals(ResourceRoot.Role.BUILT_IN, roots.get(0).role());
        assertEquals(ResourceRoot.Role.FONTS, roots.get(1).role());
        assertEquals(dir.resolve("fonts-b"), roots.get(2).directory().orElseThrow());
    }

    /**
     * An article's figure image (content's bundle files) passes the same gate, with the article's
     * folder as its root: what may not be read is not an error but a reason, for the figure's
     * warning, and nothing of the file outside reaches it.
     */
    @Test
    void aFiguresImageIsReadThroughTheGateWithTheRefusalAsAReason() throws Exception {
        Files.createSymbolicLink(root.resolve("link.png"), outside);
        assertEquals(0, new ProcessBuilder("mkfifo", root.resolve("pipe.png").toString()).start().waitFor());
        Files.write(root.resolve("big.png"), new byte[2 * 1024 * 1024]);
        World small = world.withLimits(Limits.DEFAULT.with(Limit.IMAGE_MB, 1));
        List<String> reasons = new java.util.ArrayList<>();
        assertArrayEquals("inside".getBytes(StandardCharsets.UTF_8),
                small.readBundleFile(root, "inside.txt", reasons::add).orElseThrow());
        assertTrue(small.readBundleFile(root, "missing.png", reasons::add).isEmpty());
        assertEquals(List.of(), reasons, "a missing file is no refusal: the figure says it is not there");
        for (String name : List.of("../secret.txt", "link.png", "pipe.png", "big.png", "/etc/passwd")) {
            reasons.clear();
            assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> small.readBundleFile(root, name, reasons::add)).isEmpty(), name);
            assertEquals(1, reasons.size(), name + ": " + reasons);
            assertFalse(reasons.get(0).contains("SECRET"), reasons.get(0));
        }
        reasons.clear();
        small.readBundleFile(root, "link.png", reasons::add);
        assertTrue(reasons.get(0).contains("is a symbolic link that leads outside the article's folder"), reasons.get(0));
        reasons.clear();
        small.readBundleFile(root, "big.png", reasons::add);
        assertTrue(reasons.get(0).contains("larger than 1 MiB, the limit image-mb"), reasons.get(0));
    }

    /** A font folder (--font-path, a pack's fonts/, the system's) is a root: a file linked out of it is passed over. */
    @Test
    void aFontFileIsReadOnlyInsideItsFolder() throws Exception {
        Path fonts = Files.createDirectories(dir.resolve("fonts/sub"));
        Files.writeString(fonts.resolve("a.ttf"), "FONT");
        Files.createSymbolicLink(fonts.resolve("b.ttf"), outside);
        assertEquals(0, new ProcessBuilder("mkfifo", fonts.resolve("c.ttf").toString()).start().waitFor());
        Path folder = dir.resolve("fonts");
        assertEquals(List.of(fonts.resolve("a.ttf"), fonts.resolve("b.ttf")), world.fontFiles(folder));
        assertArrayEquals("FONT".getBytes(StandardCharsets.UTF_8),
                world.readFontFile(folder, fonts.resolve("a.ttf")).orElseThrow());
        assertTrue(world.readFontFile(folder, fonts.resolve("b.ttf")).isEmpty(), "a link out of the folder");
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> world.readFontFile(folder, fonts.resolve("c.ttf"))).isEmpty(), "a FIFO");
        assertTrue(world.withLimits(Limits.DEFAULT.with(Limit.RESOURCE_MB, 1)).readFontFile(folder,
                fonts.resolve("a.ttf")).isPresent());
    }

    @Test
    void limitsAreReadFromTheEnvironment() {
        Limits l = World.withEnvironment(Map.of("SEPARATA_LIMITS", "references=20000, image-megapixels=120"))
                .limits();
        assertEquals(20000, l.get(Limit.REFERENCES));
        assertEquals(120, l.get(Limit.IMAGE_MEGAPIXELS));
        assertEquals(Limit.PAGES.defaultValue(), l.get(Limit.PAGES));
        for (String bad : List.of("refs=1", "references=0", "references=-5", "references=1e9", "references=")) {
            SeparataException e = assertThrows(SeparataException.class,
                    () -> World.withEnvironment(Map.of("SEPARATA_LIMITS", bad)).limits());
            assertTrue(message(e).startsWith("SEPARATA_LIMITS: error:"), message(e));
        }
    }

    @Test
    void sourceDateEpochIsBoundedToDatesAPdfCanHold() {
        assertEquals(World.MAX_SOURCE_DATE_EPOCH, World.withEnvironment(Map.of("SOURCE_DATE_EPOCH",
                String.valueOf(World.MAX_SOURCE_DATE_EPOCH))).sourceDateEpoch().orElseThrow().getEpochSecond());
        for (String bad : List.of("9223372036854775807", "253402300800", "-1", "99999999999999999999")) {
            SeparataException e = assertThrows(SeparataException.class,
                    () -> World.withEnvironment(Map.of("SOURCE_DATE_EPOCH", bad)).sourceDateEpoch());
            assertTrue(message(e).startsWith("SOURCE_DATE_EPOCH: error:"), message(e));
        }
    }

    @Test
    void aWatchStampNeverReadsAFifo() throws Exception {
        Path fifo = root.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Map<Path, String> stamp = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> world.stamp(List.of(fifo, Path.of("/dev/zero"), root.resolve("inside.txt"))));
        assertEquals(3, stamp.size());
    }
}
