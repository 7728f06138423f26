package org.separata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.separata.env.World;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Rendered;
import org.separata.pipeline.Separata;
import org.separata.pipeline.Typeset;
import org.separata.read.ReadResult;

/**
 * What tagging costs: the warm CPU time of a whole offprint with tags (PDF/A-2a and PDF/UA-1) and
 * without ({@code --no-tags}, PDF/A-2b), and of the two stages tagging touches, the render stage
 * (marked content, the structure plan) and the finishing (the structure tree), for the seed and the
 * long test articles (the pipeline's steps {@code render} and {@code finish}). Tagged and untagged runs alternate, so that noise hits both alike; medians
 * after a warm-up round. Run after {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.TaggingBenchmark [RUNS]
 * </pre>
 */
public final class TaggingBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Separata separata = new Separata(World.system());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        RenderOptions tagged = RenderOptions.defaults();
        RenderOptions untagged = RenderOptions.defaults().withTags(false);
        for (String input : new String[] {"examples/adins-2021/article.yaml",
            "src/test/resources/typography/long-en.yaml", "src/test/resources/typography/long-ru.yaml"}) {
            ReadResult read = separata.read(Path.of(input));
            Typeset plainXhtml = separata.typeset(separata.prepare(read, untagged));
            Typeset markedXhtml = separata.typeset(separata.prepare(read, tagged));
            double[][] t = new double[6][runs];
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (int i = 0; i < runs; i++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    separata.render(read, untagged);
                    long c1 = mx.getCurrentThreadCpuTime();
                    separata.render(read, tagged);
                    long c2 = mx.getCurrentThreadCpuTime();
                    Rendered plain = separata.render(plainXhtml);
                    long c3 = mx.getCurrentThreadCpuTime();
                    Rendered marked = separata.render(markedXhtml);
                    long c4 = mx.getCurrentThreadCpuTime();
                    separata.finish(plain);
                    long c5 = mx.getCurrentThreadCpuTime();
                    separata.finish(marked);
                    long c6 = mx.getCurrentThreadCpuTime();
                    t[0][i] = (c1 - c0) / 1e6;
                    t[1][i] = (c2 - c1) / 1e6;
                    t[2][i] = (c3 - c2) / 1e6;
                    t[3][i] = (c4 - c3) / 1e6;
                    t[4][i] = (c5 - c4) / 1e6;
                    t[5][i] = (c6 - c5) / 1e6;
                }
            }
            System.out.println(input);
            System.out.println("  offprint, no tags, CPU:    " + Stats.summary(t[0], "ms"));
            System.out.println("  offprint, tagged, CPU:     " + Stats.summary(t[1], "ms"));
            System.out.println("  render stage, no tags:     " + Stats.summary(t[2], "ms"));
            System.out.println("  render stage, tagged:      " + Stats.summary(t[3], "ms"));
            System.out.println("  finish, no tags (2b):      " + Stats.summary(t[4], "ms"));
            System.out.println("  finish, tagged (2a, UA-1): " + Stats.summary(t[5], "ms"));
        }
    }
}
