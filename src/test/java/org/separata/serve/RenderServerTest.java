package org.separata.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.cli.Main;
import org.separata.env.Limit;
import org.separata.env.Limits;
import org.separata.env.World;
import org.separata.pipeline.Json;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.support.PdfInspector;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * {@code serve} over real HTTP on loopback: the PDF it returns has the bytes {@code separata render}
 * writes for the same input (a manifest, a JATS file, a zip bundle with a journal profile, logo
 * and figures), {@code /validate} gives the diagnostics with report.json's fields, a bundle cannot
 * read outside itself, and the limits answer as documented. Every request leaves one log line and
 * no file behind.
 */
@Slow
class RenderServerTest {

    @TempDir
    Path dir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private RenderServer server;

    private RenderServer start(World world, int jobs, int queue, Duration timeout) throws IOException {
        server = RenderServer.start(new Separata(world), new ServeSettings(InetAddress.getLoopbackAddress(), 0, jobs,
                queue, timeout, Duration.ofSeconds(5)), log::add);
        return server;
    }

    private RenderServer start() throws IOException {
        return start(World.system(), 2, 4, Duration.ofSeconds(120));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    private HttpResponse<byte[]> post(String path, String type, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What {@code separata render INPUT ARGS… -o OUT} writes, run as the command line runs it. */
    private byte[] cli(Path input, String... args) throws IOException {
        return cli(dir, input, args);
    }

    /** What {@code separata render INPUT ARGS… -o OUT} writes, run as the command line runs it, OUT in {@code dir}. */
    static byte[] cli(Path dir, Path input, String... args) throws IOException {
        Path out = dir.resolve("cli-" + System.nanoTime() + ".pdf");
        List<String> all = new ArrayList<>(List.of("render", input.toString(), "-o", out.toString()));
        all.addAll(List.of(args));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err)),
                err.toString());
        return Files.readAllBytes(out);
    }

    /** The folder {@code from} as a zip, its files under {@code top/} (or at the top when empty). */
    static byte[] zipOf(Path from, String top) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(top + from.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<byte[]> r) {
        return (Map<String, Object>) Json.read(r.body(), "response");
    }

    private void assertNothingLeft() throws IOException {
        try (Stream<Path> s = Files.list(server.bundlesFolder())) {
            assertEquals(List.of(), s.toList(), "every request's folder is removed");
        }
    }

    @Test
    void theServedPdfHasTheBytesRenderWrites() throws Exception {
        start();
        Path seed = Repo.file("examples/adins-2021/article.yaml");
        HttpResponse<byte[]> yaml = post("/render", "application/yaml", Files.readAllBytes(seed));
        assertEquals(200, yaml.statusCode());
        assertEquals("application/pdf", yaml.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(cli(seed), yaml.body(), "a manifest");
        try (PdfInspector pdf = new PdfInspector(yaml.body())) {
            assertEquals(String.valueOf(pdf.pageCount()), yaml.headers().firstValue("Separata-Pages").orElseThrow());
            assertTrue(pdf.flatText().contains("Relaciones bilaterales"), "the seed's title is on its pages");
        }

        assertEquals(String.valueOf(new Separata(World.system()).render(new Separata(World.system()).prepare(seed,
                RenderOptions.defaults())).warnings().size()), yaml.headers().firstValue("Separata-Warnings").orElseThrow());

        assertArrayEquals(cli(seed, "--no-tags", "--pdfa", "none"), post("/render?tags=false&pdfa=none",
                "application/yaml", Files.readAllBytes(seed)).body(), "untagged, no PDF/A");

        // a zip whose top holds two articles (the seed as a manifest and as JATS): the one named
        byte[] both = zipOf(seed.getParent(), "");
        HttpResponse<byte[]> which = post("/render", "application/zip", both);
        assertEquals(400, which.statusCode());
        assertTrue(json(which).get("errors").toString().contains("several articles"), json(which).toString());
        assertArrayEquals(cli(seed.resolveSibling("article.xml")), post("/render?article=article.xml", "application/zip",
                both).body(), "the article named");

        Path jats = Repo.file("examples/sokolova-2023/article.xml");
        assertArrayEquals(cli(jats), post("/render", "application/xml", Files.readAllBytes(jats)).body(), "a JATS file");

        // a bundle: the journal profile beside the article and its logo
        Path carvalho = Repo.file("examples/carvalho-2023");
        HttpResponse<byte[]> bundle = post("/render", "application/zip", zipOf(carvalho, "carvalho-2023/"));
        assertEquals(200, bundle.statusCode(), new String(bundle.body(), StandardCharsets.UTF_8));
        assertArrayEquals(cli(carvalho.resolve("article.yaml")), bundle.body(), "a zip with journal.yaml and logo.png");

        // figures read from the bundle; options as query parameters
        Path research = Repo.file("examples/research-article");
        HttpResponse<byte[]> figures = post("/render?first-page=7&layout=compact", "application/zip",
                zipOf(research, ""));
        assertEquals(200, figures.statusCode(), new String(figures.body(), StandardCharsets.UTF_8));
        assertArrayEquals(cli(research.resolve("article.xml"), "--first-page", "7", "--layout", "compact"),
                figures.body(), "a zip with figures, at page 7 in the compact layout");
        assertNothingLeft();
    }

    @Test
    void aBundleMayBringItsOwnLayoutPack() throws Exception {
        start();
        Path own = dir.resolve("own");
        org.separata.support.Folders.copy(Repo.file("examples/carvalho-2023"), own);
        org.separata.support.Folders.copy(Repo.file("layouts/compact"), own.resolve("mypack"));
        // the copy's pages are 150 by 200 mm
        Files.writeString(own.resolve("mypack/style.css"), "\n@page { size: 150mm 200mm; }\n",
                java.nio.file.StandardOpenOption.APPEND);
        String profile = Files.readString(own.resolve("journal.yaml"));
        assertTrue(profile.contains("  layout: modern\n"));
        Files.writeString(own.resolve("journal.yaml"), profile.replace("  layout: modern\n", "  layout: ./mypack\n"));
        HttpResponse<byte[]> r = post("/render", "application/zip", zipOf(own, ""));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertArrayEquals(cli(own.resolve("article.yaml")), r.body(), "the bundle's own pack, as render uses it");
        try (PdfInspector pdf = new PdfInspector(r.body())) {
            assertEquals(150 / 25.4 * 72, pdf.pageSize(1)[0], 0.5, "the bundle's pack, not the built-in one it copies");
            assertEquals(200 / 25.4 * 72, pdf.pageSize(1)[1], 0.5);
        }
        assertNothingLeft();
    }

    @Test
    void validateGivesTheDiagnosticsWithTheFieldsOfTheReport() throws Exception {
        start();
        String broken = Files.readString(Repo.file("examples/adins-2021/article.yaml"))
                .replace("issn-print: 2409-3416", "issn-print: 2409-3417");
        assertTrue(broken.contains("2409-3417"));
        HttpResponse<byte[]> r = post("/validate", "application/yaml", broken.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        Map<String, Object> body = json(r);
        assertEquals("invalid", body.get("status"));
        assertEquals("article.yaml", body.get("file"));
        // the same diagnostics the pipeline gives for the same file, as report.json writes them
        Path file = dir.resolve("article.yaml");
        Files.writeString(file, broken);
        List<Object> expected = new Separata(World.system()).validate(file, RenderOptions.defaults()).errors().stream()
                .map(d -> (Object) Json.diagnostic(new org.separata.diag.Diagnostic(d.severity(),
                        new org.separata.diag.SourceLocation("article.yaml", d.location().line(), d.location().column(),
                                d.location().path()), d.message().replace(dir + "/", ""), d.hint())))
                .toList();
        assertFalse(expected.isEmpty());
        assertEquals(Json.read(Json.write(expected), "expected"), body.get("errors"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) body.get("errors")).get(0);
        assertEquals(List.of("severity", "file", "line", "column", "field", "message", "hint"),
                List.copyOf(first.keySet()));
        assertEquals(Repo.lineOf(Repo.file("examples/adins-2021/article.yaml"), "issn-print:"),
                ((Number) first.get("line")).intValue());

        HttpResponse<byte[]> render = post("/render", "application/yaml", broken.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, render.statusCode(), "the same checks stop a render");
        assertEquals(body.get("errors"), json(render).get("errors"));
        HttpResponse<byte[]> clean = post("/validate", "application/xml",
                Files.readAllBytes(Repo.file("examples/sokolova-2023/article.xml")));
        assertEquals("valid", json(clean).get("status"));
        assertNothingLeft();
    }

    @Test
    void aBundleCannotReadOutsideItself() throws Exception {
        start();
        // a journal profile whose logo climbs out of the bundle, to a file that is there
        Path secret = server.bundlesFolder().getParent().resolve("secret-" + System.nanoTime() + ".png");
        Files.copy(Repo.file("examples/carvalho-2023/logo.png"), secret);
        try {
            Path bundle = dir.resolve("bundle");
            org.separata.support.Folders.copy(Repo.file("examples/carvalho-2023"), bundle);
            String profile = Files.readString(bundle.resolve("journal.yaml"));
            Files.writeString(bundle.resolve("journal.yaml"), profile.replaceFirst("logo: .*",
                    "logo: ../../" + secret.getFileName()));
            HttpResponse<byte[]> r = post("/render", "application/zip", zipOf(bundle, ""));
            assertEquals(422, r.statusCode());
            String errors = json(r).get("errors").toString();
            assertTrue(errors.contains("leads outside"), errors);
            assertFalse(errors.contains(server.bundlesFolder().toString()), "the server's folders are not shown: " + errors);

            // an entry that would be written outside: refused before anything is unpacked
            byte[] slip = slip("../../" + secret.getFileName().toString().replace(".png", ".txt"));
            HttpResponse<byte[]> s = post("/render", "application/zip", slip);
            assertEquals(400, s.statusCode());
            assertTrue(json(s).get("errors").toString().contains("'..' part"), new String(s.body(), StandardCharsets.UTF_8));
            assertFalse(Files.exists(secret.resolveSibling(secret.getFileName().toString().replace(".png", ".txt"))));

            // a folder named as a layout would be a folder of the server
            HttpResponse<byte[]> l = post("/render?layout=/srv/packs/x", "application/yaml", "x: 1".getBytes(
                    StandardCharsets.UTF_8));
            assertEquals(400, l.statusCode());
            assertNothingLeft();
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void typesParametersAndMethodsAreChecked() throws Exception {
        start();
        assertEquals(415, post("/render", "text/plain", new byte[] {1}).statusCode());
        assertEquals(400, post("/render?colour=red", "application/yaml", new byte[] {1}).statusCode());
        assertEquals(400, post("/render?pdfa=1a", "application/yaml", new byte[] {1}).statusCode());
        assertEquals(400, post("/render?layout=classic&layout=compact", "application/yaml", new byte[] {1}).statusCode());
        assertEquals(400, post("/render?first-page=0", "application/yaml", new byte[] {1}).statusCode());
        assertEquals(404, post("/renders", "application/yaml", new byte[] {1}).statusCode());
        HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/render")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, get.statusCode());
        HttpResponse<byte[]> health = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, health.statusCode());
        assertEquals("ok", json(health).get("status"));
        // a request's own id is sent back and logged
        HttpResponse<byte[]> named = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/validate"))
                .header("Content-Type", "application/yaml").header("X-Request-Id", "ojs-4711.2")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("ojs-4711.2", named.headers().firstValue("X-Request-Id").orElseThrow());
        assertTrue(log.stream().anyMatch(l -> l.contains("\"id\":\"ojs-4711.2\"")), log.toString());
        // one log line per request to /render or /validate, each a JSON object with its status
        assertEquals(8, log.size(), log.toString());
        for (String line : log) {
            assertFalse(line.contains("\n"));
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Json.read(line.getBytes(StandardCharsets.UTF_8), "log");
            assertTrue(m.keySet().containsAll(List.of("time", "id", "method", "path", "status", "bytesIn", "bytesOut",
                    "ms")), line);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        start(World.system().withLimits(Limits.DEFAULT.with(Limit.REQUEST_MB, 1)), 1, 1, Duration.ofSeconds(60));
        HttpResponse<byte[]> r = post("/render", "application/zip", new byte[(1 << 20) + 1]);
        assertEquals(413, r.statusCode());
        assertTrue(json(r).get("message").toString().contains("request-mb"));
    }

    @Test
    void aFullQueueIsAnswered503AndATimeoutToo() throws Exception {
        start(World.system(), 1, 0, Duration.ofSeconds(120));
        byte[] longArticle = Files.readAllBytes(LONG);
        CompletableFuture<HttpResponse<byte[]>> first = renderUnderWay();
        // once the one render is under way, a second request finds no place
        HttpResponse<byte[]> second = post("/render", "application/yaml", longArticle);
        assertEquals(503, second.statusCode());
        assertEquals("1", second.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("busy", json(second).get("status"));
        assertEquals(200, first.get().statusCode());
        server.shutdown();

        start(World.system(), 1, 1, Duration.ofMillis(1));
        HttpResponse<byte[]> late = post("/render", "application/yaml", longArticle);
        assertEquals(503, late.statusCode());
        assertEquals("timeout", json(late).get("status"));
    }

    @Test
    void whileItStopsHealthSays503AndNewRequestsAreTurnedAway() throws Exception {
        start(World.system(), 1, 1, Duration.ofSeconds(120));
        byte[] longArticle = Files.readAllBytes(LONG);
        CompletableFuture<HttpResponse<byte[]>> first = renderUnderWay();
        Thread stopping = new Thread(server::shutdown);
        stopping.start();
        HttpResponse<byte[]> h = null;
        for (int i = 0; i < 500; i++) {
            h = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (h.statusCode() != 200) {
                break;
            }
            Thread.sleep(5);
        }
        assertEquals(503, h.statusCode(), "not ready while it drains");
        assertEquals("shutting-down", json(h).get("status"));
        HttpResponse<byte[]> late = post("/render", "application/yaml", longArticle);
        assertEquals(503, late.statusCode());
        assertEquals("shutting-down", json(late).get("status"));
        assertEquals(200, first.get().statusCode(), "the render under way is answered");
        stopping.join(30_000);
        assertFalse(Files.exists(server.bundlesFolder()), "its private folder is removed");
    }

    /** A long article, whose render takes a while. */
    private static final Path LONG = Repo.file("src/test/resources/typography/long-en.yaml");

    /** Sends the long article to /render and returns once its render is under way (its answer to come). */
    private CompletableFuture<HttpResponse<byte[]>> renderUnderWay() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(HttpRequest.newBuilder(
                        URI.create(server.url() + "/render")).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(LONG))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        for (int i = 0; i < 500 && health().get("running").equals(0L); i++) {
            Thread.sleep(10);
        }
        assertEquals(1L, health().get("running"));
        return answer;
    }

    /** A zip with an article and an entry named {@code name}. */
    private static byte[] slip(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("article.yaml"));
            z.write("titles: []\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(name));
            z.write("written outside".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private Map<String, Object> health() throws Exception {
        return json(client.send(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
    }
}
