package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.support.Forked;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * {@code separata serve} as a process: it says where it listens, answers, and on SIGTERM lets the
 * render under way finish and answer, says it stopped, exits, and leaves no folder behind in its
 * temporary folder.
 */
@Slow
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void sigtermLetsTheRenderUnderWayFinishThenStops() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = Forked.separata(dir, List.of("-Djava.io.tmpdir=" + tmp), "serve", "--port", "0", "--jobs", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) ").matcher(first);
            assertTrue(m.find(), first);
            Thread reader = new Thread(() -> out.lines().forEach(lines::add));
            reader.start();
            byte[] article = Files.readAllBytes(Repo.file("src/test/resources/typography/long-en.yaml"));
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(HttpRequest.newBuilder(
                            URI.create(m.group(1) + "/render")).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(article)).build(), HttpResponse.BodyHandlers.ofByteArray());
            // SIGTERM once the render is under way
            for (int i = 0; i < 500; i++) {
                String health = new String(client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/health")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
                if (health.contains("\"running\" : 1")) {
                    break;
                }
                Thread.sleep(10);
            }
            p.toHandle().destroy(); // SIGTERM; Process.destroy would also close our end of its output
            HttpResponse<byte[]> r = answer.get(120, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "it stops");
            reader.join(10_000);
            assertEquals(143, p.exitValue(), "as a process ended by SIGTERM");
            assertTrue(lines.contains("separata serve: stopped"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("{") && l.contains("\"status\":200")), lines.toString());
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList(), "its private folder is removed");
            }
            // the PDF is the one render writes
            Path pdf = dir.resolve("cli.pdf");
            assertEquals(0, Main.run(new String[] {"render", Repo.file("src/test/resources/typography/long-en.yaml")
                    .toString(), "-o", pdf.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
            assertArrayEquals(Files.readAllBytes(pdf), r.body());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void moreJobsThanCoresIsAUsageError() {
        StringWriter err = new StringWriter();
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(2, Main.run(new String[] {"serve", "--jobs", String.valueOf(cores + 1)},
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("more than the " + cores + " cores"), err.toString());
    }
}
