package org.separata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.separata.env.World;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.read.ReadResult;

/**
 * Warm per-offprint time: one process renders the example many times and reports the median
 * wall and CPU time of a whole render (read → preflight → layout → render → finish), after a
 * warm-up. Run after {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.WarmRenderBenchmark [INPUT] [RUNS]
 * </pre>
 */
public final class WarmRenderBenchmark {

    public static void main(String[] args) {
        Path input = Path.of(args.length > 0 ? args[0] : "examples/adins-2021/article.yaml");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String layout = args.length > 2 ? args[2] : RenderOptions.DEFAULT_LAYOUT;
        Separata separata = new Separata(World.system());
        RenderOptions options = new RenderOptions(layout, false);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < Math.max(50, runs / 2); i++) {
            separata.render(input, options);
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] renderOnly = new double[runs];
        ReadResult read = separata.read(input);
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            separata.render(input, options);
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            separata.render(read, options);
            long t2 = System.nanoTime();
            wall[i] = (t1 - t0) / 1e6;
            cpu[i] = (c1 - c0) / 1e6;
            renderOnly[i] = (t2 - t1) / 1e6;
        }
        System.out.println("input: " + input + ", layout " + layout);
        System.out.println("warm offprint, wall:           " + Stats.summary(wall, "ms"));
        System.out.println("warm offprint, CPU (thread):   " + Stats.summary(cpu, "ms"));
        System.out.println("warm, from read model, wall:   " + Stats.summary(renderOnly, "ms"));
    }
}
