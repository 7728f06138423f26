package org.separata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.separata.env.World;
import org.separata.layout.XhtmlDocument;
import org.separata.layout.XhtmlLayout;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.read.ReadResult;
import org.separata.render.PdfRenderer;

/**
 * Where the typography costs: the warm CPU time of the layout stage (language rules and
 * hyphenation) and of the render stage (shaping, line breaking, drawing) for the seed and the long
 * test articles, medians after a warm-up. Run after {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.TypographyBenchmark [RUNS]
 * </pre>
 */
public final class TypographyBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Separata separata = new Separata(World.system());
        for (String input : new String[] {"examples/adins-2021/article.yaml",
            "src/test/resources/typography/long-en.yaml", "src/test/resources/typography/long-ru.yaml"}) {
            ReadResult read = separata.read(Path.of(input));
            XhtmlLayout layout = separata.layouts().get(RenderOptions.DEFAULT_LAYOUT);
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            double[] total = new double[runs];
            double[] layoutCpu = new double[runs];
            double[] renderCpu = new double[runs];
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (int i = 0; i < runs; i++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    separata.render(read, RenderOptions.defaults());
                    long t1 = mx.getCurrentThreadCpuTime();
                    XhtmlDocument doc = layout.layout(read.article());
                    long t2 = mx.getCurrentThreadCpuTime();
                    PdfRenderer.render(doc);
                    long t3 = mx.getCurrentThreadCpuTime();
                    total[i] = (t1 - t0) / 1e6;
                    layoutCpu[i] = (t2 - t1) / 1e6;
                    renderCpu[i] = (t3 - t2) / 1e6;
                }
            }
            System.out.println(input);
            System.out.println("  warm offprint, CPU:  " + Stats.summary(total, "ms"));
            System.out.println("  layout stage, CPU:   " + Stats.summary(layoutCpu, "ms"));
            System.out.println("  render stage, CPU:   " + Stats.summary(renderCpu, "ms"));
        }
    }
}
