package org.separata.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.separata.cli.Main;
import org.separata.env.World;
import org.separata.pipeline.Prepared;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Rendered;
import org.separata.pipeline.Typeset;
import org.separata.pipeline.Separata;
import org.separata.read.ReadResult;

/**
 * Where a cold render of the seed spends its CPU, stage by stage: each run is a fresh JVM started
 * with the launcher's flags and class-data archive, which does the stages one after the other on
 * one thread (no warm-up thread) and reports, per stage, the process's CPU time (every thread, the
 * JIT compiler's included) and wall time. Prints the medians over the runs. Run after
 * {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.ColdStageProfile [RUNS] [--jdk25]
 * </pre>
 *
 * <p>The JVM flags are those the launcher {@code target/separata} gives a one-shot command. With
 * {@code --jdk25} the runs use a JDK 25 and {@code target/separata.aot}, as the launcher does on
 * Java 25. The command-line stage is picocli building the render command and parsing
 * {@code render --version}; the finish stage writes a title-only metadata record.
 */
public final class ColdStageProfile {

    private static final String CHILD = "--child";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(Path.of(args[1]));
            return;
        }
        int runs = args.length > 0 && !args[0].startsWith("-") ? Integer.parseInt(args[0]) : 7;
        boolean jdk25 = List.of(args).contains("--jdk25");
        List<String> cmd = new ArrayList<>();
        if (jdk25) {
            Path home = org.separata.support.Jdks.jdk25().orElseThrow(() -> new IllegalStateException("no JDK 25 found"));
            cmd.add(home.resolve("bin/java").toString());
            cmd.addAll(List.of("-XX:AOTCache=target/separata.aot", "-Xlog:aot=off", "-Xlog:cds=off",
                    "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("-Xshare:auto", "-XX:SharedArchiveFile=target/separata.jsa", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        // the flags src/main/sh/separata gives a one-shot command
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=4", "-cp",
                "target/separata.jar:target/test-classes", ColdStageProfile.class.getName(), CHILD,
                "examples/adins-2021/article.yaml"));
        Map<String, List<double[]>> stages = new LinkedHashMap<>();
        for (int i = 0; i <= runs; i++) {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + String.join("\n", lines));
            }
            if (i == 0) {
                continue; // untimed: page cache, archive mapping
            }
            for (String line : lines) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    stages.computeIfAbsent(f[0], k -> new ArrayList<>())
                            .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                }
            }
        }
        double total = stages.values().stream().mapToDouble(l -> Stats.median(column(l, 0))).sum();
        System.out.printf("%d fresh JVMs (%s), one thread; medians%n", runs,
                jdk25 ? "JDK 25, AOT cache" : "Java " + Runtime.version().feature() + ", AppCDS");
        System.out.printf("%-42s %8s %8s %7s%n", "stage", "CPU ms", "wall ms", "CPU %");
        for (Map.Entry<String, List<double[]>> s : stages.entrySet()) {
            double c = Stats.median(column(s.getValue(), 0));
            System.out.printf("%-42s %8.0f %8.0f %6.0f%%%n", s.getKey(), c, Stats.median(column(s.getValue(), 1)),
                    100 * c / total);
        }
        System.out.printf("%-42s %8.0f%n", "sum of the medians", total);
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    /** One cold run: the stages in turn, each printed as "name TAB cpu-ms TAB wall-ms". */
    private static void child(Path input) throws Exception {
        Clock clock = new Clock();
        clock.jvmStart();
        PrintWriter none = new PrintWriter(OutputStream.nullOutputStream(), true);
        Main.run(new String[] {"render", "--version"}, none, none);
        clock.lap("command line (picocli, render --version)");
        Separata separata = new Separata(World.system());
        clock.lap("new Separata");
        ReadResult read = separata.read(input);
        clock.lap("read (YAML, schema, model)");
        RenderOptions options = new RenderOptions(RenderOptions.DEFAULT_LAYOUT, false);
        separata.layouts().get(RenderOptions.DEFAULT_LAYOUT);
        clock.lap("layout pack (fonts, templates)");
        Prepared prepared = separata.prepare(read, options);
        clock.lap("glyph preflight and checks");
        Typeset typeset = separata.typeset(prepared);
        clock.lap("layout (FreeMarker, hyphenation)");
        Rendered pdf = separata.render(typeset);
        clock.lap("render (Flying Saucer, OpenPDF)");
        separata.finish(pdf);
        clock.lap("finish (PDFBox)");
        Optional.of(pdf.pageCount()).filter(n -> n > 0).orElseThrow();
    }

    /** Process CPU (all threads) and wall time between laps. */
    private static final class Clock {
        private long cpu;
        private long wall = System.nanoTime();

        /** The JVM's start up to main: the process's CPU so far, and the time since it was started. */
        void jvmStart() throws Exception {
            cpu = ChildCpu.selfMillis();
            double started = ChildCpu.startTicks() / 100.0;
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            System.out.printf("%s\t%d\t%.0f%n", "JVM start to main", cpu, (uptime - started) * 1000);
            wall = System.nanoTime();
        }

        void lap(String stage) {
            long c = ChildCpu.selfMillis();
            long w = System.nanoTime();
            System.out.printf("%s\t%d\t%.0f%n", stage, c - cpu, (w - wall) / 1e6);
            cpu = ChildCpu.selfMillis();
            wall = System.nanoTime();
        }
    }
}
