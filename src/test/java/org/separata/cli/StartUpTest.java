package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * Each command loads only the classes it needs: in a JVM of its own, {@code --version},
 * {@code layouts}, {@code validate} and its usage errors load none of Flying Saucer, OpenPDF,
 * PDFBox or FreeMarker, while {@code render} loads them all (so the check can fail).
 */
@Slow
class StartUpTest {

    /** The libraries that only laying out and writing a PDF needs, by package prefix. */
    private static final Map<String, String> HEAVY = Map.of(
            "Flying Saucer", "org.xhtmlrenderer.", "OpenPDF", "com.lowagie.", "PDFBox", "org.apache.pdfbox.",
            "XmpBox", "org.apache.xmpbox.", "FreeMarker", "freemarker.");

    @TempDir
    Path dir;

    @Test
    void versionLoadsNoRenderingLibrary() throws Exception {
        assertEquals(Map.of(), heavyLoaded(0, "--version"));
    }

    @Test
    void layoutsLoadsNoRenderingLibrary() throws Exception {
        assertEquals(Map.of(), heavyLoaded(0, "layouts"));
    }

    @Test
    void validateLoadsNoRenderingLibrary() throws Exception {
        assertEquals(Map.of(), heavyLoaded(0, "validate", Repo.file("examples/adins-2021/article.yaml").toString()));
        assertEquals(Map.of(), heavyLoaded(0, "validate", Repo.file("examples/adins-2021/article.xml").toString()));
    }

    @Test
    void aUsageErrorLoadsNoRenderingLibrary() throws Exception {
        // (render starts its warm-up before its arguments are parsed, so this is validate's)
        assertEquals(Map.of(), heavyLoaded(2, "validate", "--no-such-option", "x.yaml"));
    }

    @Test
    void renderLoadsThemAll() throws Exception {
        Map<String, Integer> loaded = heavyLoaded(0, "render", Repo.file("examples/adins-2021/article.yaml").toString(),
                "-o", dir.resolve("a.pdf").toString());
        assertEquals(new TreeMap<>(HEAVY).keySet(), loaded.keySet(), loaded.toString());
    }

    /** Runs separata in a JVM of its own; returns how many classes of each heavy library it loaded. */
    private Map<String, Integer> heavyLoaded(int exitCode, String... args) throws Exception {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                "org.separata.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "separata " + String.join(" ", args) + " did not finish");
        assertEquals(exitCode, p.exitValue(), out);
        Map<String, Integer> found = new TreeMap<>();
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" org.separata.cli.Main ")), "the log lists no class");
        for (String line : lines) {
            String[] f = line.split(" ");
            String cls = f.length > 1 ? f[1] : "";
            HEAVY.forEach((name, prefix) -> {
                if (cls.startsWith(prefix)) {
                    found.merge(name, 1, Integer::sum);
                }
            });
        }
        return found;
    }
}
