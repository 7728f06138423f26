package org.separata.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;

class WorldTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartOfTheNewOne() throws Exception {
        World world = World.withEnvironment(Map.of());
        Path target = dir.resolve("out.pdf");
        world.writeAtomically(target, "old".getBytes());
        assertThrows(SeparataException.class, () -> world.writeAtomically(target, out -> {
            out.write("half of a new fi".getBytes());
            throw new IOException("killed");
        }));
        assertArrayEquals("old".getBytes(), Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left");
        }
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFullDiskIsNamedPlainlyAtTheTargetAndLeavesNothing() throws Exception {
        World world = World.withEnvironment(Map.of());
        Path target = dir.resolve("out.pdf");
        SeparataException e = assertThrows(SeparataException.class, () -> world.writeAtomically(target, out -> {
            out.write("half".getBytes());
            throw new java.nio.file.FileSystemException(dir.resolve(".out.pdf.123.part").toString(), null,
                    "No space left on device");
        }));
        assertEquals(ExitCode.OUTPUT, e.exitCode());
        String m = e.diagnostics().get(0).format();
        assertTrue(m.startsWith(target + ": error: cannot be written: the disk is full"), m);
        assertFalse(m.contains(".part"), m);
        assertTrue(m.contains("hint:"), m);
        assertEquals(List.of(), Files.list(dir).toList(), "no temporary file is left");
    }

    @Test
    void aRefusedWriteIsPermissionDenied() {
        World world = World.withEnvironment(Map.of());
        Path target = dir.resolve("out.pdf");
        SeparataException e = assertThrows(SeparataException.class, () -> world.writeAtomically(target, out -> {
            throw new java.nio.file.AccessDeniedException(dir.resolve(".out.pdf.9.part").toString());
        }));
        assertEquals(ExitCode.OUTPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(target + ": error: cannot be written: permission denied"), e.getMessage());
        assertFalse(e.getMessage().contains(".part"), e.getMessage());
    }

    @Test
    void devicesFoldersAndLinksAreNeverOutputs() throws Exception {
        World world = World.withEnvironment(Map.of());
        SeparataException dev = assertThrows(SeparataException.class,
                () -> world.checkOutputFile(Path.of("/dev/null"), List.of()));
        assertEquals(ExitCode.OUTPUT, dev.exitCode());
        assertTrue(dev.getMessage().contains("character device"), dev.getMessage());
        SeparataException folder = assertThrows(SeparataException.class, () -> world.checkOutputFile(dir, List.of()));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("l.pdf"), dir.resolve("t.pdf"));
        SeparataException viaWrite = assertThrows(SeparataException.class,
                () -> world.writeAtomically(link, "x".getBytes()));
        assertEquals(ExitCode.OUTPUT, viaWrite.exitCode(), "a late write refuses a link too");
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(dir.resolve("t.pdf")));
    }

    @Test
    void anOutputThatIsAnInputIsAUsageError() throws Exception {
        World world = World.withEnvironment(Map.of());
        Path in = Files.writeString(dir.resolve("a.yaml"), "title: x");
        Path viaLink = Files.createSymbolicLink(dir.resolve("b.yaml"), in);
        for (Path out : List.of(in, dir.resolve("./a.yaml"), viaLink)) {
            SeparataException e = assertThrows(SeparataException.class, () -> world.checkOutputFile(out, List.of(in)));
            assertEquals(ExitCode.USAGE, e.exitCode(), out.toString());
        }
        world.checkOutputFile(dir.resolve("a.pdf"), List.of(in));
        SeparataException holds = assertThrows(SeparataException.class,
                () -> world.checkOutputFolder(dir, List.of(in), List.of("issue")));
        assertEquals(ExitCode.USAGE, holds.exitCode());
    }

    @Test
    void aStagedFolderReplacesItsPlaceWholeOrNotAtAll() throws Exception {
        World world = World.withEnvironment(Map.of());
        Path place = dir.resolve("out");

        Staging first = world.stage(place, "issue", List.of("issue"));
        first.write("offprints/a.pdf", "a1".getBytes());
        first.write("offprints/b.pdf", "b1".getBytes());
        assertFalse(Files.exists(place), "nothing is at the place before the commit");
        first.commit();
        assertEquals("a1", Files.readString(place.resolve("offprints/a.pdf")));

        Staging second = world.stage(place, "issue", List.of("issue"));
        second.write("offprints/a.pdf", "a2".getBytes());
        assertEquals("a1", Files.readString(place.resolve("offprints/a.pdf")), "the place is as it was while building");
        Path kept = second.keepFailed();
        assertEquals(dir.resolve("out.failed"), kept);
        assertEquals("a2", Files.readString(kept.resolve("offprints/a.pdf")));
        assertEquals("b1", Files.readString(place.resolve("offprints/b.pdf")));

        Staging third = world.stage(place, "issue", List.of("issue"));
        third.write("offprints/a.pdf", "a3".getBytes());
        third.discard();
        assertThrows(SeparataException.class, () -> third.write("offprints/c.pdf", "c".getBytes()),
                "a late worker cannot write into a removed folder");
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().contains("staging")));

        Staging fourth = world.stage(place, "issue", List.of("issue"));
        fourth.write("offprints/a.pdf", "a4".getBytes());
        fourth.commit();
        assertEquals(List.of("a.pdf"), Files.list(place.resolve("offprints")).map(p -> p.getFileName().toString()).toList(),
                "b.pdf of the earlier build is gone: the folder was replaced whole");
        assertFalse(Files.exists(kept), "the kept failed build is out of date once a build succeeds");

        // a folder of someone else's is not replaced, even if it appeared while the build ran
        Path theirs = dir.resolve("theirs");
        Staging fifth = world.stage(theirs, "issue", List.of("issue"));
        Files.createDirectories(theirs);
        Files.writeString(theirs.resolve("notes.txt"), "mine");
        SeparataException e = assertThrows(SeparataException.class, fifth::commit);
        assertEquals(ExitCode.OUTPUT, e.exitCode());
        assertEquals("mine", Files.readString(theirs.resolve("notes.txt")));
        SeparataException refused = assertThrows(SeparataException.class,
                () -> world.checkOutputFolder(theirs, List.of(), List.of("issue")));
        assertEquals(ExitCode.OUTPUT, refused.exitCode());
    }

    /**
     * What was seen (CI, two shards started at once): the first shard had made the shared folder
     * and was writing its mark through a temporary file when the second looked, and the second
     * refused the folder as holding files Separata did not write.
     */
    @Test
    void aSharedFolderWhoseMarkIsBeingWrittenIsOurs() throws Exception {
        World world = World.withEnvironment(Map.of());
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        Path beingWritten = Files.writeString(shared.resolve("..separata.4711.part"), "");
        world.checkOutputFolder(shared, List.of(), List.of("shards"));
        world.shareOutputFolder(shared, List.of(), "shards");
        assertEquals("shards", world.outputKind(shared).orElseThrow());
        Files.delete(beingWritten);
        // anything else still is someone else's
        Path theirs = dir.resolve("theirs-too");
        Files.createDirectories(theirs);
        Files.writeString(theirs.resolve("..notes.part"), "mine");
        assertThrows(SeparataException.class, () -> world.checkOutputFolder(theirs, List.of(), List.of("shards")));
    }

    @Test
    void sourceDateEpochIsReadFromTheEnvironmentOnly() {
        assertTrue(World.withEnvironment(Map.of()).sourceDateEpoch().isEmpty());
        assertEquals(1640822400L, World.withEnvironment(Map.of("SOURCE_DATE_EPOCH", "1640822400"))
                .sourceDateEpoch().orElseThrow().getEpochSecond());
        assertThrows(SeparataException.class,
                () -> World.withEnvironment(Map.of("SOURCE_DATE_EPOCH", "yesterday")).sourceDateEpoch());
    }

    @Test
    void resourcesCannotEscapeTheirRoot() {
        World world = World.withEnvironment(Map.of());
        ResourceRoot layouts = ResourceRoot.classpath("layouts/classic");
        assertTrue(world.resource(layouts, "layout.yaml").isPresent());
        assertFalse(world.resource(layouts, "../../fonts/noto-serif/OFL.txt").isPresent());
        assertFalse(world.resource(layouts, "/etc/passwd").isPresent());
        assertFalse(world.resource(ResourceRoot.directory(dir), "../x").isPresent());
    }
}
