package org.separata.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How much Java heap one offprint needs, by the number of its references: the seed article with
 * its reference list repeated to N entries (each copy numbered), rendered in fresh JVMs with
 * {@code -Xmx} narrowed down by bisection to the smallest heap, in steps of 8 MiB, under which
 * the render still succeeds. Limits are raised for the run ({@code SEPARATA_LIMITS}), so that
 * memory, not a limit, decides. Run after {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java -cp target/test-classes org.separata.bench.MemoryBenchmark [REFERENCES]
 * </pre>
 * e.g. {@code 0,1000,2000,4000}. It prints, per size, the pages and the smallest heap in MiB.
 */
public final class MemoryBenchmark {

    private static final int STEP_MIB = 8;
    private static final int LOW_MIB = 16;
    private static final int HIGH_MIB = 1024;

    public static void main(String[] args) throws Exception {
        String[] sizes = (args.length > 0 ? args[0] : "0,1000,2000,4000").split(",");
        Path work = Files.createTempDirectory("separata-memory-bench");
        System.out.printf("%10s %8s %14s%n", "references", "pages", "min heap MiB");
        for (String s : sizes) {
            int n = Integer.parseInt(s.strip());
            Path article = work.resolve("refs-" + n + ".yaml");
            Files.writeString(article, withReferences(n), StandardCharsets.UTF_8);
            int low = LOW_MIB - STEP_MIB; // fails (or is assumed to)
            int high = HIGH_MIB;          // must succeed
            int pages = render(article, work, high);
            if (pages < 0) {
                throw new IllegalStateException(n + " references do not render in " + HIGH_MIB + " MiB");
            }
            while (high - low > STEP_MIB) {
                int mid = (low + high) / 2 / STEP_MIB * STEP_MIB;
                if (mid <= low) {
                    mid = low + STEP_MIB;
                }
                if (render(article, work, mid) >= 0) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            System.out.printf("%10d %8d %14d%n", n, pages, high);
        }
    }

    /** Renders in a fresh JVM with {@code heapMib} of heap; the pages, or -1 when it failed. */
    private static int render(Path article, Path work, int heapMib) throws Exception {
        Path out = work.resolve("out.pdf");
        Files.deleteIfExists(out);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMib + "m", "-XX:+UseSerialGC", "-jar", "target/separata.jar", "render",
                article.toString(), "-o", out.toString()).redirectErrorStream(true);
        pb.environment().put("SEPARATA_LIMITS", "references=1000000,pages=1000000,article-chars=100000000");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            return -1;
        }
        int at = output.indexOf(" page");
        int open = output.lastIndexOf('(', at);
        return Integer.parseInt(output.substring(open + 1, at).strip());
    }

    /** The seed article with its references repeated to {@code n} entries. */
    static String withReferences(int n) throws Exception {
        String seed = Files.readString(Path.of("examples/adins-2021/article.yaml"), StandardCharsets.UTF_8);
        int start = seed.indexOf("\nreferences:\n") + 1;
        int end = seed.indexOf("\nhow-to-cite:");
        List<String> refs = new ArrayList<>();
        for (String line : seed.substring(start, end).lines().toList()) {
            if (line.startsWith("  - text:")) {
                refs.add(line);
            }
        }
        StringBuilder sb = new StringBuilder(seed.substring(0, start));
        if (n > 0) {
            sb.append("references:\n");
            for (int i = 0; i < n; i++) {
                String ref = refs.get(i % refs.size());
                sb.append(ref.replaceFirst("text: \"", "text: \"(" + (i + 1) + ") ")).append('\n');
            }
        }
        sb.append(seed.substring(end + 1));
        return sb.toString();
    }
}
