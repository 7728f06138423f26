package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.env.World;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;

/**
 * The same input gives the same bytes: twice in one process, in another process with another
 * time zone, locale and default charset, and with SOURCE_DATE_EPOCH as the only source of the
 * file's date.
 */
class ReproducibilityTest {

    private static final Path CASE = Repo.file("src/test/resources/cases/full-article/article.yaml");

    @Test
    void anotherProcessInAnotherTimeZoneLocaleAndCharsetWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        byte[] here = Rendering.render(CASE).pdf();
        Path out = tmp.resolve("there.pdf");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.timezone=Pacific/Kiritimati", "-Duser.language=th",
                "-Duser.country=TH", "-Duser.variant=TH", "-Dfile.encoding=ISO-8859-1",
                "-cp", System.getProperty("java.class.path"), "org.separata.cli.Main",
                "render", CASE.toString(), "-o", out.toString());
        pb.environment().remove("SOURCE_DATE_EPOCH");
        pb.environment().put("TZ", "Asia/Kathmandu");
        pb.environment().put("LC_ALL", "th_TH");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the other process did not finish: " + log);
        assertEquals(0, p.exitValue(), log);
        assertArrayEquals(here, Files.readAllBytes(out), "the other process wrote other bytes");
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
