package org.separata.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The issue command on synthetic issues of 20 to 200 articles made from the examples (each copy
 * with its own title and a varied number of references, so the articles differ in length), run
 * as a user runs it, through the launcher {@code target/separata}. Each size runs in a fresh JVM,
 * several times, twice each time: into a new folder, then again into the same folder (where the
 * last build's report gives each article's page count, so it is laid out once for its offprint
 * rather than counted first). It reports the median wall time, CPU time (user + system) and peak
 * resident memory from GNU time, the pages and the size of {@code issue.pdf}. Run after
 * {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/test-classes org.separata.bench.IssueBenchmark [SIZES] [RUNS] [JOBS]
 * </pre>
 * e.g. {@code 20,50,100,200 3 2}. {@code SEPARATA_BASELINE=<another build>/target/separata} measures
 * that build too, into a new folder only, on the same synthetic issues, its runs alternated with
 * this build's so that the machine's load hits both alike, and gives this build's medians as ratios
 * of the baseline's.
 */
public final class IssueBenchmark {

    private static final String[] BUILD = {"new folder", "again"};

    public static void main(String[] args) throws Exception {
        String[] sizes = (args.length > 0 ? args[0] : "20,50,100,200").split(",");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String jobs = args.length > 2 ? args[2] : String.valueOf(Runtime.getRuntime().availableProcessors());
        List<String> launchers = new ArrayList<>(List.of("target/separata"));
        String baseline = System.getenv("SEPARATA_BASELINE");
        if (baseline != null && !baseline.isBlank()) {
            launchers.add(baseline);
        }
        Path work = Files.createTempDirectory("separata-issue-bench");
        List<Path> sources = examples();
        System.out.printf("%8s %-12s %-10s %8s %8s %9s %6s %10s %s%n", "articles", "launcher", "build", "wall s",
                "CPU s", "peak MiB", "pages", "issue KiB", "/ baseline's (wall, CPU, peak, issue.pdf)");
        for (String s : sizes) {
            int n = Integer.parseInt(s.strip());
            Path issue = synthesize(work.resolve("n" + n), n, sources);
            int l = launchers.size();
            double[][][] wall = new double[l][2][runs];
            double[][][] cpu = new double[l][2][runs];
            double[][][] rss = new double[l][2][runs];
            long[] pdf = new long[l];
            int[] pages = new int[l];
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < l; k++) {
                    Path out = work.resolve("out" + n + "-" + k + "-" + r);
                    for (int again = 0; again < (k == 0 ? 2 : 1); again++) {
                        Path stats = work.resolve("time.txt");
                        Process p = new ProcessBuilder("/usr/bin/time", "-o", stats.toString(), "-f", "%e %U %S %M",
                                launchers.get(k), "issue", issue.toString(), "-o", out.toString(), "--progress", "none",
                                "--jobs", jobs)
                                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                        int rc = p.waitFor();
                        if (rc != 0) {
                            throw new IllegalStateException(launchers.get(k) + " issue exited " + rc + " for " + n
                                    + " articles");
                        }
                        String[] f = Files.readString(stats).strip().split("\\s+");
                        wall[k][again][r] = Double.parseDouble(f[0]);
                        cpu[k][again][r] = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
                        rss[k][again][r] = Double.parseDouble(f[3]) / 1024;
                    }
                    String report = Files.readString(out.resolve("report.json"));
                    int at = report.lastIndexOf("\"pages\" : ");
                    pages[k] = Integer.parseInt(report.substring(at + 10, report.indexOf(',', at)).strip());
                    pdf[k] = Files.size(out.resolve("issue.pdf"));
                }
            }
            for (int k = 0; k < l; k++) {
                for (int again = 0; again < (k == 0 ? 2 : 1); again++) {
                    String ratio = k > 0 || l == 1 ? "" : String.format("%.2f, %.2f, %.2f, %.3f",
                            Stats.median(wall[0][again]) / Stats.median(wall[1][0]),
                            Stats.median(cpu[0][again]) / Stats.median(cpu[1][0]),
                            Stats.median(rss[0][again]) / Stats.median(rss[1][0]), (double) pdf[0] / pdf[1]);
                    System.out.printf("%8d %-12s %-10s %8.2f %8.2f %9.0f %6d %10d %s%n", n, k == 0 ? "this" : "baseline",
                            BUILD[again], Stats.median(wall[k][again]), Stats.median(cpu[k][again]),
                            Stats.median(rss[k][again]), pages[k], pdf[k] / 1024, ratio);
                }
            }
        }
        System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** The articles of the example issue (manifests and JATS), which are complete without a profile. */
    private static List<Path> examples() throws Exception {
        List<Path> out = new ArrayList<>();
        out.add(Path.of("examples/adins-2021/article.yaml"));
        try (var files = Files.list(Path.of("examples/issue-2021-4"))) {
            files.filter(f -> f.toString().matches(".*\\.(yaml|json|xml)$"))
                    .filter(f -> !f.getFileName().toString().startsWith("issue"))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private static Path synthesize(Path dir, int n, List<Path> sources) throws Exception {
        Files.createDirectories(dir);
        StringBuilder yaml = new StringBuilder(org.separata.support.TestIssues.header(1) + "articles:\n");
        for (int i = 0; i < n; i++) {
            Path src = sources.get(i % sources.size());
            String name = "a" + i + src.getFileName().toString().replaceFirst("^[^.]*", "");
            String text = Files.readString(src, StandardCharsets.UTF_8);
            if (name.endsWith(".yaml")) {
                // vary the title and drop some references so articles differ in length
                text = text.replaceFirst("(?m)^(  - lang: \\w+\\n    text: \")", "$1No. " + i + ". ");
                int cut = i % 4;
                for (int k = 0; k < cut; k++) {
                    text = text.replaceFirst("(?m)^  - text: \"[^\\n]*\\n(    [^\\n]*\\n)*", "");
                }
            }
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
            yaml.append("  - ").append(name).append('\n');
        }
        Path issue = dir.resolve("issue.yaml");
        Files.writeString(issue, yaml);
        return issue;
    }
}
