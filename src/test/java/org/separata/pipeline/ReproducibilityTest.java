package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.env.World;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The same input gives the same bytes: twice in one process, in another process with another
 * time zone, locale and default charset, and with SOURCE_DATE_EPOCH as the only source of the
 * file's date.
 */
@Slow
class ReproducibilityTest {

    private static final Path CASE = Repo.file("src/test/resources/cases/full-article/article.yaml");

    @Test
    void anotherProcessInAnotherTimeZoneLocaleAndCharsetWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        byte[] here = Rendering.render(CASE).pdf();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertArrayEquals(here, renderElsewhere(java, tmp, "-Duser.timezone=Pacific/Kiritimati",
                "-Duser.language=th", "-Duser.country=TH", "-Duser.variant=TH", "-Dfile.encoding=ISO-8859-1"),
                "the other process wrote other bytes");
    }

    /**
     * Another Java version, if this machine has one beside the running one (Debian's OpenJDK 17 and
     * Temurin 25 here): the same bytes again. Skipped where there is none.
     */
    @Test
    void anotherJavaVersionWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        Optional<Path> other;
        try (Stream<Path> jvms = Files.list(home.getParent())) {
            other = jvms.filter(j -> Files.isExecutable(j.resolve("bin/java"))).filter(j -> !sameJvm(j, home))
                    .filter(j -> !j.getFileName().toString().contains(Runtime.version().feature() + "")).sorted()
                    .findFirst();
        }
        assumeTrue(other.isPresent(), "no other Java on this machine");
        byte[] here = Rendering.render(CASE).pdf();
        assertArrayEquals(here, renderElsewhere(other.get().resolve("bin/java").toString(), tmp),
                "Java at " + other.get() + " wrote other bytes");
    }

    private static boolean sameJvm(Path candidate, Path home) {
        try {
            return candidate.toRealPath().equals(home);
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** Renders the case with the command line in another process and returns the PDF. */
    private static byte[] renderElsewhere(String java, Path tmp, String... jvmOptions) throws Exception {
        Path out = tmp.resolve("there.pdf");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.separata.cli.Main",
                "render", CASE.toString(), "-o", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SOURCE_DATE_EPOCH");
        pb.environment().put("TZ", "Asia/Kathmandu");
        pb.environment().put("LC_ALL", "th_TH");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the other process did not finish: " + log);
        assertEquals(0, p.exitValue(), log);
        return Files.readAllBytes(out);
    }

    @Test
    void sourceDateEpochIsTheFilesDateAndTheOnlyClock() {
        long epoch = 1_700_000_000L;
        Separata pinned = new Separata(World.withEnvironment(Map.of("SOURCE_DATE_EPOCH", Long.toString(epoch))));
        byte[] a = pinned.render(CASE, RenderOptions.defaults()).pdf();
        byte[] b = pinned.render(CASE, RenderOptions.defaults()).pdf();
        assertArrayEquals(a, b);
        try (PdfInspector p = new PdfInspector(a)) {
            var info = p.document().getDocumentInformation();
            assertEquals(Instant.ofEpochSecond(epoch), info.getCreationDate().toInstant());
            assertEquals(Instant.ofEpochSecond(epoch), info.getModificationDate().toInstant());
            assertTrue(p.xmp().contains("<xmp:CreateDate>2023-11-14T22:13:20+00:00</xmp:CreateDate>"), p.xmp());
        }
        // Without it, the date is the article's publication date, so the bytes differ.
        byte[] unpinned = Rendering.render(CASE).pdf();
        assertFalse(Arrays.equals(a, unpinned));
        try (PdfInspector p = new PdfInspector(unpinned)) {
            assertEquals(Instant.parse("2022-06-30T00:00:00Z"),
                    p.document().getDocumentInformation().getCreationDate().toInstant());
        }
    }

}
