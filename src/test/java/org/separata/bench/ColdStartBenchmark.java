package org.separata.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold command-line wall time: starts a fresh JVM per render, alternating between the variants
 * so that machine noise hits them alike, and reports medians and ratios measured in the same run.
 * Variants: the plain {@code java -jar target/separata.jar render …}; the same with the AppCDS
 * archive and start-up flags that {@code target/separata} (the launcher the build writes) uses;
 * and, when installed, XeLaTeX on the reference source and WeasyPrint on Separata's own XHTML and CSS. Run after {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.ColdStartBenchmark [RUNS]
 * </pre>
 */
public final class ColdStartBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempDirectory("separata-bench");
        String input = "examples/adins-2021/article.yaml";
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("java -jar target/separata.jar",
                List.of(java, "-jar", "target/separata.jar", "render", input, "-o", out.resolve("a.pdf").toString()));
        if (Files.exists(Path.of("target/separata.jsa"))) {
            variants.put("target/separata (AppCDS launcher)",
                    List.of("sh", "target/separata", "render", input, "-o", out.resolve("b.pdf").toString()));
        }
        Path tex = Path.of("../shared/reference/xelatex-seed-offprint.tex");
        if (onPath("xelatex") && Files.exists(tex)) {
            Files.copy(tex, out.resolve("ref.tex"));
            variants.put("xelatex (reference)", List.of("xelatex", "-interaction=batchmode", "-halt-on-error",
                    "-output-directory", out.toString(), out.resolve("ref.tex").toString()));
        }
        if (onPath("weasyprint")) {
            // The same offprint's XHTML and CSS, as Separata's layout stage writes them.
            var separata = new org.separata.pipeline.Separata(org.separata.env.World.system());
            var layout = separata.layouts().get("classic");
            var doc = layout.layout(separata.read(Path.of(input)).article());
            Files.writeString(out.resolve("offprint.html"), doc.xhtml());
            Files.write(out.resolve("style.css"), doc.resources().apply("style.css").orElseThrow());
            Files.write(out.resolve("cc-by.png"), doc.resources().apply("cc-by.png").orElseThrow());
            variants.put("weasyprint (same XHTML+CSS)", List.of("weasyprint", out.resolve("offprint.html").toString(),
                    out.resolve("w.pdf").toString()));
        }
        Map<String, double[]> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new double[runs]));
        for (List<String> cmd : variants.values()) {
            exec(cmd); // one untimed run each: page cache, archive mapping
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                long t0 = System.nanoTime();
                exec(v.getValue());
                times.get(v.getKey())[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        String base = variants.keySet().iterator().next();
        double baseMedian = Stats.median(times.get(base));
        for (Map.Entry<String, double[]> t : times.entrySet()) {
            double m = Stats.median(t.getValue());
            System.out.printf("%-36s %s   ratio to first: %.2f%n", t.getKey(), Stats.summary(t.getValue(), "ms"),
                    m / baseMedian);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void exec(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + rc);
        }
    }
}
