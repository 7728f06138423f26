package org.separata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.separata.layout.XhtmlDocument;
import org.separata.layout.XhtmlLayout;
import org.separata.pipeline.RenderOptions;
import org.separata.read.ReadResult;
import org.separata.render.PdfRenderer;
import org.separata.support.Rendering;
import org.separata.support.Repo;

/**
 * How long an offprint takes, warm: the CPU time of the rendering thread, median of many runs
 * after as many runs of warm-up, for the whole pipeline and for its layout and render stages (which
 * carry the typography: text rules and hyphenation in layout; shaping, line breaking and drawing
 * in render). Not part of the test run (the name does not end in Test); run it with
 * {@code mvn -q -B test -Dtest=TypographyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It reports, and asserts nothing.
 */
class TypographyBenchmark {

    private static final int RUNS = 60;

    @Test
    void seedAndLongArticle() {
        report("seed (2 pages)", Repo.seed());
        report("long-en (11 pages)", Repo.file("src/test/resources/typography/long-en.yaml"));
        report("long-ru (12 pages)", Repo.file("src/test/resources/typography/long-ru.yaml"));
    }

    private static void report(String name, Path input) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ReadResult read = Rendering.separata().read(input);
        XhtmlLayout layout = Rendering.separata().layouts().get("classic");
        long[] total = new long[RUNS];
        long[] layoutTime = new long[RUNS];
        long[] renderTime = new long[RUNS];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < RUNS; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                Rendering.separata().render(read, RenderOptions.defaults());
                long t1 = mx.getCurrentThreadCpuTime();
                XhtmlDocument doc = layout.layout(read.article());
                long t2 = mx.getCurrentThreadCpuTime();
                PdfRenderer.render(doc);
                long t3 = mx.getCurrentThreadCpuTime();
                total[i] = t1 - t0;
                layoutTime[i] = t2 - t1;
                renderTime[i] = t3 - t2;
            }
        }
        System.out.printf(Locale.ROOT, "%-20s warm median CPU: offprint %5.1f ms (layout %4.1f ms, render %5.1f ms)%n",
                name, median(total), median(layoutTime), median(renderTime));
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
