package org.separata.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The issue command on synthetic issues of 20 to 200 articles made from the examples (each copy
 * with its own title and a varied number of references, so the articles differ in length). Each
 * size runs in a fresh JVM, several times; it reports the median wall time, CPU time (user +
 * system) and peak resident memory from GNU time. Run after {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java -cp target/test-classes org.separata.bench.IssueBenchmark [SIZES] [RUNS] [JOBS]
 * </pre>
 * e.g. {@code 20,50,100,200 3 2}.
 */
public final class IssueBenchmark {

    public static void main(String[] args) throws Exception {
        String[] sizes = (args.length > 0 ? args[0] : "20,50,100,200").split(",");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String jobs = args.length > 2 ? args[2] : String.valueOf(Runtime.getRuntime().availableProcessors());
        Path work = Files.createTempDirectory("separata-issue-bench");
        List<Path> sources = examples();
        System.out.printf("%8s %12s %12s %12s %10s%n", "articles", "wall s", "CPU s", "peak MiB", "pages");
        for (String s : sizes) {
            int n = Integer.parseInt(s.strip());
            Path issue = synthesize(work.resolve("n" + n), n, sources);
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            double[] rss = new double[runs];
            int pages = 0;
            for (int r = 0; r < runs; r++) {
                Path out = work.resolve("out" + n + "-" + r);
                Path stats = work.resolve("time.txt");
                Process p = new ProcessBuilder("/usr/bin/time", "-o", stats.toString(), "-f", "%e %U %S %M",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        "target/separata.jar", "issue", issue.toString(), "-o", out.toString(), "--progress", "none",
                        "--jobs", jobs)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                int rc = p.waitFor();
                if (rc != 0) {
                    throw new IllegalStateException("issue exited " + rc + " for " + n + " articles");
                }
                String[] f = Files.readString(stats).strip().split("\\s+");
                wall[r] = Double.parseDouble(f[0]);
                cpu[r] = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
                rss[r] = Double.parseDouble(f[3]) / 1024;
                String report = Files.readString(out.resolve("report.json"));
                int at = report.lastIndexOf("\"pages\" : ");
                pages = Integer.parseInt(report.substring(at + 10, report.indexOf(',', at)).strip());
            }
            System.out.printf("%8d %12.2f %12.2f %12.0f %10d%n", n, Stats.median(wall), Stats.median(cpu),
                    Stats.median(rss), pages);
        }
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
