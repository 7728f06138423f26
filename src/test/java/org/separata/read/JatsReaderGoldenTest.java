package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.separata.support.ModelDump;
import org.separata.support.Repo;

/**
 * Reader golden tests: each JATS file in {@code src/test/resources/jats/} (and {@code scielo/})
 * beside the readable dump of the model it must give. Run with {@code -Dseparata.regenerate=true}
 * to rewrite the dumps after a deliberate change, then review the diff.
 */
class JatsReaderGoldenTest {

    private static final boolean REGENERATE = Boolean.getBoolean("separata.regenerate");

    static List<Path> inputs() throws IOException {
        Path dir = Repo.file("src/test/resources/jats");
        try (Stream<Path> s = Stream.concat(Files.list(dir), Files.list(dir.resolve("scielo")))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFileGivesItsModel() throws IOException {
        List<Path> files = inputs();
        assertTrue(files.size() >= 10, "the golden inputs are missing: " + files);
        return files.stream().map(xml -> DynamicTest.dynamicTest(xml.getFileName().toString(), () -> {
            String name = Repo.root().relativize(xml).toString();
            String dump = ModelDump.of(JatsReader.read(Files.readAllBytes(xml), name));
            Path golden = xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".model.txt"));
            if (REGENERATE) {
                Files.writeString(golden, dump, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(golden), "no golden dump for " + name + "; run with -Dseparata.regenerate=true");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), dump,
                    name + " no longer reads as " + golden.getFileName()
                            + " (regenerate with -Dseparata.regenerate=true if the change is intended)");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenDumpHasItsInput() throws IOException {
        Path dir = Repo.file("src/test/resources/jats");
        List<Path> dumps;
        try (Stream<Path> s = Stream.concat(Files.list(dir), Files.list(dir.resolve("scielo")))) {
            dumps = s.filter(p -> p.toString().endsWith(".model.txt")).sorted().toList();
        }
        assertFalse(dumps.isEmpty());
        return dumps.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () ->
                assertTrue(Files.exists(d.resolveSibling(d.getFileName().toString().replace(".model.txt", ".xml"))),
                        "a stale dump without its input: " + d)));
    }
}
