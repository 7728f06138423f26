package org.separata.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several articles rendered by one {@code separata render A B C … -o OUTDIR/} against one
 * {@code separata render} (one JVM) per article, alternated so that machine noise hits both
 * alike; wall time of the whole batch, medians and their ratio from the same run. The articles are
 * the five of the example issue. Run after {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.ManyInputsBenchmark [RUNS]
 * </pre>
 */
public final class ManyInputsBenchmark {

    private static final List<String> ARTICLES = List.of("examples/adins-2021/article.yaml",
            "examples/issue-2021-4/ortega-2021.yaml", "examples/issue-2021-4/petrova-2021.yaml",
            "examples/issue-2021-4/mendoza-2021.xml", "examples/issue-2021-4/kowalski-2021.xml");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempDirectory("separata-bench");
        List<String> one = new ArrayList<>(List.of(java, "-jar", "target/separata.jar", "render"));
        one.addAll(ARTICLES);
        one.addAll(List.of("-o", out.resolve("one") + "/"));
        double[] oneProcess = new double[runs];
        double[] perArticle = new double[runs];
        time(List.of(one)); // untimed: page cache
        List<List<String>> each = new ArrayList<>();
        for (int i = 0; i < ARTICLES.size(); i++) {
            each.add(List.of(java, "-jar", "target/separata.jar", "render", ARTICLES.get(i), "-o",
                    out.resolve("each-" + i + ".pdf").toString()));
        }
        for (int r = 0; r < runs; r++) {
            oneProcess[r] = time(List.of(one));
            perArticle[r] = time(each);
        }
        System.out.printf("%d articles, one process:       %s%n", ARTICLES.size(), Stats.summary(oneProcess, "s"));
        System.out.printf("%d articles, one JVM each:      %s%n", ARTICLES.size(), Stats.summary(perArticle, "s"));
        System.out.printf("one process / one JVM each:    %.2f%n", Stats.median(oneProcess) / Stats.median(perArticle));
    }

    /** Runs the commands one after another; seconds. */
    private static double time(List<List<String>> commands) throws Exception {
        long t0 = System.nanoTime();
        for (List<String> cmd : commands) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            p.getOutputStream().close();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed");
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
