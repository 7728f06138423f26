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
