package org.separata.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code separata serve} under load from a client on loopback: the seed offprint
 * ({@code examples/adins-2021/article.yaml}) posted to {@code /render} again and again. The server
 * is the launcher {@code target/separata serve} in a process of its own ({@code SEPARATA_JAVA_OPTS}
 * reaches its JVM); the client runs in this one, on the same cores. Run after
 * {@code mvn -q -DskipTests package test-compile}:
 *
 * <pre>
 * java -cp target/test-classes org.separata.bench.ServeBenchmark [REQUESTS] [JOBS] [WARM-UP] [SECONDS]
 * </pre>
 * (default 10000 requests in all, jobs = the cores, 1500 warm-up requests, 20 s windows). It
 * reports, in order:
 * <ol>
 *   <li>throughput: offprints per second with twice as many clients as jobs, each sending its next
 *       request when the last is answered, median of five windows;</li>
 *   <li>latency at half that rate: requests sent on a fixed schedule (open loop, so a slow answer
 *       does not delay the next request), from the time each was due to its answer: median, 90th
 *       and 99th percentile, maximum;</li>
 *   <li>memory over every request of the run: the server's resident memory (VmRSS) and the lowest
 *       heap in use seen (from {@code /health}), each 1000 requests, and the peak (VmHWM).</li>
 * </ol>
 * Every answer must be 200 and have the same bytes as the first.
 */
public final class ServeBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI render;
    private final URI health;
    private final long pid;
    private final byte[] body;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String expected;
    private final List<String> memory = new ArrayList<>();
    private long nextSample = 1000;
    private long windowMinHeap = Long.MAX_VALUE;

    private ServeBenchmark(String url, long pid, byte[] body) {
        this.render = URI.create(url + "/render");
        this.health = URI.create(url + "/health");
        this.pid = pid;
        this.body = body;
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        byte[] body = Files.readAllBytes(Path.of("examples/adins-2021/article.yaml"));
        Process server = new ProcessBuilder("target/separata", "serve", "--port", "0", "--jobs", String.valueOf(jobs),
                "--queue", "256").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            while (first != null && !first.contains("listening on")) {
                first = out.readLine(); // what the JVM itself prints first, with options such as -XX:StartFlightRecording
            }
            Matcher m = Pattern.compile("listening on (\\S+) ").matcher(String.valueOf(first));
            if (!m.find()) {
                throw new IllegalStateException("the server did not start: " + first);
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "log");
            drain.setDaemon(true);
            drain.start();
            new ServeBenchmark(m.group(1), server.pid(), body).run(total, jobs, warmUp, seconds);
        } finally {
            server.toHandle().destroy(); // SIGTERM, leaving our end of its output open
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void run(int total, int jobs, int warmUp, int seconds) throws Exception {
        System.out.printf("server pid %d, %d jobs, seed offprint (%d bytes of YAML)%n", pid, jobs, body.length);
        long t0 = System.nanoTime();
        closedLoop(2 * jobs, warmUp, Long.MAX_VALUE);
        System.out.printf("warm-up: %d requests in %.1f s%n", warmUp, (System.nanoTime() - t0) / 1e9);

        double[] rates = new double[5];
        double[] cpu = new double[5];
        for (int w = 0; w < rates.length; w++) {
            long start = System.nanoTime();
            long before = sent.get();
            double cpuBefore = cpuSeconds();
            closedLoop(2 * jobs, Integer.MAX_VALUE, start + seconds * 1_000_000_000L);
            rates[w] = (sent.get() - before) / ((System.nanoTime() - start) / 1e9);
            cpu[w] = (cpuSeconds() - cpuBefore) * 1000 / (sent.get() - before);
        }
        double rate = Stats.median(rates);
        System.out.printf("throughput, %d clients: median %.1f offprints/s (windows: %s)%n", 2 * jobs, rate,
                Arrays.toString(Arrays.stream(rates).map(r -> Math.round(r * 10) / 10.0).toArray()));
        System.out.printf("server CPU per offprint: median %.1f ms (windows: %s), so %.1f offprints per CPU-second%n",
                Stats.median(cpu), Arrays.toString(Arrays.stream(cpu).map(r -> Math.round(r * 10) / 10.0).toArray()),
                1000 / Stats.median(cpu));
        System.out.printf("load average during the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());

        double half = rate / 2;
        int n = (int) Math.max(200, half * 3 * seconds);
        double[] latency = openLoop(half, n);
        System.out.printf("latency at %.1f requests/s (%d requests): median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                half, n, Stats.median(latency), Stats.percentile(latency, 90), Stats.percentile(latency, 99),
                Arrays.stream(latency).max().orElse(0));

        if (sent.get() < total) {
            closedLoop(2 * jobs, (int) (total - sent.get()), Long.MAX_VALUE);
        }
        System.out.println("memory (requests: resident, lowest heap in use in the last 1000):");
        memory.forEach(System.out::println);
        System.out.printf("peak resident (VmHWM): %d MiB; requests: %d, failures: %d%n", status("VmHWM") >> 10,
                sent.get(), failures.get());
    }

    /** {@code clients} loops, each sending a request when its last one is answered, until {@code count} or {@code until}. */
    private void closedLoop(int clients, int count, long until) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(CompletableFuture.runAsync(() -> {
                while (left.getAndDecrement() > 0 && System.nanoTime() < until) {
                    send();
                }
            }, pool));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get();
        pool.shutdown();
    }

    /** {@code n} requests due at {@code rate} per second; the time from each one's due time to its answer, in ms. */
    private double[] openLoop(double rate, int n) throws Exception {
        double[] out = new double[n];
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newCachedThreadPool();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < n; i++) {
            int k = i;
            long due = start + (long) (i * 1e9 / rate);
            CompletableFuture<Void> done = new CompletableFuture<>();
            all.add(done);
            clock.schedule(() -> senders.execute(() -> {
                send();
                out[k] = (System.nanoTime() - due) / 1e6;
                done.complete(null);
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        clock.shutdown();
        senders.shutdown();
        return out;
    }

    private void send() {
        try {
            HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(render).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()));
            if (expected == null) {
                expected = digest;
            }
            if (r.statusCode() != 200 || !digest.equals(expected)) {
                failures.incrementAndGet();
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
        long k = sent.incrementAndGet();
        if (k % 100 == 0) {
            sample(k);
        }
    }

    /** Every 100 requests the heap in use; every 1000 the resident memory and the lowest heap seen since. */
    private synchronized void sample(long k) {
        try {
            String h = new String(CLIENT.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"heapUsedMiB\" : (\\d+)").matcher(h);
            if (m.find()) {
                windowMinHeap = Math.min(windowMinHeap, Long.parseLong(m.group(1)));
            }
        } catch (Exception e) {
            // a sample missed
        }
        if (k >= nextSample) {
            memory.add(String.format("  %6d: %4d MiB resident, %4d MiB heap", k, status("VmRSS") >> 10, windowMinHeap));
            windowMinHeap = Long.MAX_VALUE;
            nextSample += 1000;
        }
    }

    /** The server's CPU time so far (user + system, all its threads), in seconds. */
    private double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks of 1/100 s
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** A field of the server's /proc/PID/status, in KiB. */
    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
