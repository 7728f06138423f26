package org.separata.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.separata.env.ResourceRoot;
import org.separata.env.World;

/**
 * What storing the fonts and hyphenation tries uncompressed in the jar saves: fresh JVMs read the
 * seed's data (every font of {@code fonts/} and the es, en and ru tries) through {@code World}
 * from the built jar, where they are stored, and from a copy of it where they are deflated,
 * alternating, and report the median CPU time of the reads. Run after
 * {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/separata.jar:target/test-classes org.separata.bench.StoredFontsBenchmark [RUNS]
 * </pre>
 */
public final class StoredFontsBenchmark {

    private static final List<String> TRIES = List.of("hyph-es.trie", "hyph-en-us.trie", "hyph-ru.trie");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child();
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path stored = Path.of("target/separata.jar");
        Path deflated = Files.createTempDirectory("separata-bench").resolve("deflated.jar");
        long bytes = deflate(stored, deflated);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[][] cpu = new double[2][runs];
        for (int i = -1; i < runs; i++) {
            for (int v = 0; v < 2; v++) {
                Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                        (v == 0 ? stored : deflated) + ":target/test-classes", StoredFontsBenchmark.class.getName(),
                        "--child").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(out);
                }
                if (i >= 0) {
                    cpu[v][i] = Double.parseDouble(out);
                }
            }
        }
        System.out.printf("reading %.1f MB of fonts and tries from the jar, CPU of the reading thread, %d fresh JVMs each%n",
                bytes / 1e6, runs);
        System.out.println("stored (target/separata.jar): " + Stats.summary(cpu[0], "ms"));
        System.out.println("deflated (a copy):            " + Stats.summary(cpu[1], "ms"));
        System.out.printf("saved by storing: %.1f ms per run%n", Stats.median(cpu[1]) - Stats.median(cpu[0]));
    }

    /** Copies {@code from} with every entry deflated; returns the size of what the child reads. */
    private static long deflate(Path from, Path to) throws Exception {
        long read = 0;
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream f = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(f)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
                if (read(e.getName())) {
                    read += data.length;
                }
            }
        }
        return read;
    }

    private static boolean read(String name) {
        return name.startsWith("fonts/") && name.endsWith(".ttf")
                || TRIES.stream().anyMatch(t -> name.equals("hyphenation/" + t));
    }

    /** Reads the data through World and prints the reading thread's CPU time in ms. */
    private static void child() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile jar = new ZipFile(System.getProperty("java.class.path").split(":")[0])) {
            Collections.list(jar.entries()).stream().map(ZipEntry::getName).filter(StoredFontsBenchmark::read)
                    .forEach(names::add);
        }
        World world = World.system();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        long total = 0;
        for (String n : names) {
            int slash = n.lastIndexOf('/');
            total += world.resource(ResourceRoot.classpath(n.substring(0, slash)), n.substring(slash + 1))
                    .orElseThrow().length;
        }
        long t1 = mx.getCurrentThreadCpuTime();
        if (total == 0) {
            throw new IllegalStateException("nothing read");
        }
        System.out.println((t1 - t0) / 1e6);
    }
}
