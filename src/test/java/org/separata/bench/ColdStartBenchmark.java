package org.separata.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One offprint of the seed from a fresh process, against its peers: starts each command once per
 * round, alternating between them so that machine noise hits them alike, and reports per command
 * the median wall time and the median CPU time (user + system of the child and anything it waited
 * for, such as XeLaTeX's xdvipdfmx), then the ratios of the medians to XeLaTeX's, all measured in
 * the same run. Run after {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.ColdStartBenchmark [RUNS]
 * </pre>
 *
 * <p>The commands: the launcher {@code target/separata} with the Java on the PATH (or
 * {@code JAVA_HOME}) and its AppCDS archive; the launcher on a JDK 25 with its AOT cache, when the
 * build made one ({@code target/separata.aot}; the JDK is {@code SEPARATA_AOT_JDK}, else the first
 * JDK 25 or later in {@code /usr/lib/jvm}); plain {@code java -jar target/separata.jar}; the JVM
 * alone ({@code java -Xshare:auto -version}), as a floor; and, when installed, XeLaTeX on the
 * reference source ({@code ../shared/reference/xelatex-seed-offprint.tex}, or
 * {@code SEPARATA_REFERENCE_TEX}) and WeasyPrint on Separata's own XHTML and CSS of the seed.
 * CPU is read from {@code /proc/self/stat} (Linux), in clock ticks (10 ms). With
 * {@code SEPARATA_BASELINE} set to another build's {@code target/separata}, that launcher runs in
 * the same rounds, for a before-and-after.
 */
public final class ColdStartBenchmark {

    private static final String XELATEX = "xelatex (reference)";
    private static final String LAUNCHER = "target/separata";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempDirectory("separata-bench");
        String input = "examples/adins-2021/article.yaml";
        Map<String, Command> variants = new LinkedHashMap<>();
        variants.put(LAUNCHER + " (Java " + Runtime.version().feature() + ", AppCDS)",
                new Command(List.of("target/separata", "render", input, "-o", out.resolve("a.pdf").toString()),
                        Map.of("JAVA_HOME", System.getProperty("java.home"))));
        Optional<Path> jdk25 = org.separata.support.Jdks.jdk25();
        if (jdk25.isPresent() && Files.exists(Path.of("target/separata.aot"))) {
            variants.put(LAUNCHER + " (Java 25, AOT cache)",
                    new Command(List.of("target/separata", "render", input, "-o", out.resolve("b.pdf").toString()),
                            Map.of("JAVA_HOME", jdk25.get().toString())));
        }
        String baseline = System.getenv("SEPARATA_BASELINE");
        if (baseline != null && !baseline.isBlank()) {
            variants.put("baseline launcher (Java " + Runtime.version().feature() + ")", new Command(List.of(baseline,
                    "render", input, "-o", out.resolve("base.pdf").toString()),
                    Map.of("JAVA_HOME", System.getProperty("java.home"))));
        }
        variants.put("java -jar target/separata.jar", new Command(List.of(java, "-jar", "target/separata.jar",
                "render", input, "-o", out.resolve("c.pdf").toString()), Map.of()));
        variants.put("JVM alone (java -version)", new Command(List.of(java, "-Xshare:auto", "-version"), Map.of()));
        Path tex = Path.of(System.getenv().getOrDefault("SEPARATA_REFERENCE_TEX",
                "../shared/reference/xelatex-seed-offprint.tex"));
        if (!Files.exists(tex)) {
            tex = Path.of("/work/shared/reference/xelatex-seed-offprint.tex");
        }
        if (onPath("xelatex") && Files.exists(tex)) {
            Files.copy(tex, out.resolve("ref.tex"));
            variants.put(XELATEX, new Command(List.of("xelatex", "-interaction=batchmode", "-halt-on-error",
                    "-output-directory", out.toString(), out.resolve("ref.tex").toString()), Map.of()));
        }
        if (onPath("weasyprint")) {
            // The same offprint's XHTML and CSS, as Separata's layout stage writes them.
            var separata = new org.separata.pipeline.Separata(org.separata.env.World.system());
            var layout = separata.layouts().get("classic");
            var doc = layout.layout(separata.read(Path.of(input)).article());
            Files.writeString(out.resolve("offprint.html"), doc.xhtml());
            Files.write(out.resolve("style.css"), doc.resources().apply("style.css").orElseThrow());
            Files.createDirectories(out.resolve("lib"));
            Files.write(out.resolve("lib/cc-by.png"), doc.resources().apply("lib/cc-by.png").orElseThrow());
            variants.put("weasyprint (same XHTML+CSS)", new Command(List.of("weasyprint",
                    out.resolve("offprint.html").toString(), out.resolve("w.pdf").toString()), Map.of()));
        }
        Map<String, double[]> wall = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        variants.keySet().forEach(k -> {
            wall.put(k, new double[runs]);
            cpu.put(k, new double[runs]);
        });
        for (Command c : variants.values()) {
            c.run(); // one untimed run each: page cache, archive mapping
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Command> v : variants.entrySet()) {
                double[] m = v.getValue().run();
                wall.get(v.getKey())[i] = m[0];
                cpu.get(v.getKey())[i] = m[1];
            }
        }
        System.out.printf("%d rounds on %d cores, Java %s; medians (min, p90)%n", runs,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("%-38s %-34s %-34s %s%n", "command", "wall", "CPU (user+sys)", "CPU ratio to XeLaTeX");
        double texCpu = cpu.containsKey(XELATEX) ? Stats.median(cpu.get(XELATEX)) : Double.NaN;
        for (String k : variants.keySet()) {
            double c = Stats.median(cpu.get(k));
            System.out.printf("%-38s %-34s %-34s %s%n", k, brief(wall.get(k)), brief(cpu.get(k)),
                    Double.isNaN(texCpu) ? "-" : String.format("%.2f", c / texCpu));
        }
        if (!Double.isNaN(texCpu)) {
            double goal = 0.5 * texCpu;
            for (String k : variants.keySet()) {
                if (k.startsWith(LAUNCHER)) {
                    double c = Stats.median(cpu.get(k));
                    System.out.printf("goal (launcher CPU <= 0.5 x XeLaTeX's = %.0f ms): %s %s by %.0f ms (%.1fx the goal)%n",
                            goal, k, c <= goal ? "meets it" : "misses it", Math.abs(c - goal), c / goal);
                }
            }
        }
    }

    private static String brief(double[] xs) {
        return String.format("%.0f ms (%.0f, %.0f)", Stats.median(xs), java.util.Arrays.stream(xs).min().orElse(0),
                Stats.percentile(xs, 90));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** A command line and the environment it adds. */
    private record Command(List<String> argv, Map<String, String> env) {

        /** Runs it; returns its wall time and its CPU time (user + system), in ms. */
        double[] run() throws Exception {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv));
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long cpu0 = ChildCpu.millis();
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            int rc = p.waitFor();
            long t1 = System.nanoTime();
            long cpu1 = ChildCpu.millis();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + rc);
            }
            return new double[] {(t1 - t0) / 1e6, cpu1 - cpu0};
        }
    }
}
