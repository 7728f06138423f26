package org.separata.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.JvmLimits;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.Bundles;
import org.separata.env.Limit;
import org.separata.env.World;
import org.separata.pipeline.Json;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.pipeline.Validation;

/**
 * {@code separata serve}: a resident renderer over HTTP, on the JDK's own server
 * ({@code com.sun.net.httpserver}). It schedules the same pipeline steps as {@code render} and
 * {@code validate} ({@link Separata#prepare}, {@link Separata#render(org.separata.pipeline.Prepared)},
 * {@link Separata#validate}) in one process, where fonts, patterns, templates and layouts are loaded
 * once; it does nothing to an article that the command line does not.
 *
 * <ul>
 *   <li>{@code POST /render}: the body as it is, its kind by {@code Content-Type} (a manifest,
 *       {@code application/yaml} or {@code application/json}; a JATS file, {@code application/xml};
 *       a zip bundle, {@code application/zip}, with its images, journal profile and layout pack)
 *       → the PDF;</li>
 *   <li>{@code POST /validate}: the same body → the diagnostics as JSON, each with the fields of
 *       {@code report.json};</li>
 *   <li>{@code GET /health}: whether it takes requests, and how many run and wait.</li>
 * </ul>
 * Each body is put in a private folder of its own ({@link Bundles}), which is the root the file
 * gate reads its files in, and which is removed when the request ends. At most {@code jobs}
 * requests are worked on at once and {@code queue} more wait; past that a request is answered 503
 * at once. One JSON line per request goes to the log.
 */
public final class RenderServer implements AutoCloseable {

    /** The kinds of body, by media type. */
    private static final Map<String, Bundles.Kind> KINDS = Map.of(
            "application/yaml", Bundles.Kind.YAML, "application/x-yaml", Bundles.Kind.YAML,
            "text/yaml", Bundles.Kind.YAML, "application/json", Bundles.Kind.JSON,
            "application/xml", Bundles.Kind.XML, "text/xml", Bundles.Kind.XML,
            "application/jats+xml", Bundles.Kind.XML, "application/zip", Bundles.Kind.ZIP,
            "application/x-zip-compressed", Bundles.Kind.ZIP);

    /** The query parameters {@code /render} and {@code /validate} take. */
    private static final List<String> PARAMETERS = List.of("layout", "pdfa", "tags", "first-page",
            "allow-missing-glyphs", "include-translations", "article");

    private final Separata separata;
    private final World world;
    private final ServeSettings settings;
    private final Consumer<String> log;
    private final Bundles bundles;
    private final HttpServer http;
    private final ExecutorService handlers;
    private final ThreadPoolExecutor renders;
    /** Requests working or waiting: at most jobs + queue. */
    private final Semaphore admitted;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Requests to /render and /validate between their arrival and the end of their answer. */
    private final AtomicInteger inFlight = new AtomicInteger();

    private RenderServer(Separata separata, ServeSettings settings, Consumer<String> log) throws IOException {
        this.separata = separata;
        this.world = separata.world();
        this.settings = settings;
        this.log = log;
        serverProperties(settings);
        this.bundles = world.bundles();
        this.admitted = new Semaphore(settings.jobs() + settings.queue());
        this.renders = new ThreadPoolExecutor(settings.jobs(), settings.jobs(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("separata-render"));
        this.handlers = Executors.newCachedThreadPool(daemon("separata-http"));
        try {
            this.http = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        } catch (IOException e) {
            bundles.close();
            throw e;
        }
        http.setExecutor(handlers);
        http.createContext("/render", ex -> handle(ex, true));
        http.createContext("/validate", ex -> handle(ex, false));
        http.createContext("/health", this::health);
        http.createContext("/", this::notFound);
    }

    /**
     * Loads the built-in layouts with their fonts and templates, then listens.
     *
     * @throws IOException when the address cannot be bound (the port is taken, say)
     */
    public static RenderServer start(Separata separata, ServeSettings settings, Consumer<String> log) throws IOException {
        for (String layout : separata.world().builtInLayouts()) {
            separata.warmUp(layout);
        }
        RenderServer s = new RenderServer(separata, settings, log);
        s.http.start();
        return s;
    }

    /** The port it listens on (the one the system chose, for port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The private folder the requests' bundles are unpacked in (for tests: it is empty between requests). */
    java.nio.file.Path bundlesFolder() {
        return bundles.folder();
    }

    /** The address it listens on, as a URL. */
    public String url() {
        String host = http.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /**
     * Stops taking requests ({@code /health} and new requests are answered 503), lets the requests
     * under way finish for up to the grace period, then closes every connection and removes the
     * bundles' folder.
     */
    public void shutdown() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        // Java 17's HttpServer.stop(delay) waits the whole delay even when nothing is under way
        // (JDK-8304065), so the requests under way are waited for here, and then it stops at once.
        long deadline = System.nanoTime() + settings.grace().toNanos();
        try {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        renders.shutdownNow();
        handlers.shutdownNow();
        bundles.close();
    }

    @Override
    public void close() {
        shutdown();
    }

    // ---- the endpoints ----------------------------------------------------------------------------

    /** What a request is answered: status, type, body, and the headers that describe it. */
    private record Answer(int status, String type, byte[] body, Map<String, String> headers, Map<String, Object> facts) {
        static Answer json(int status, Map<String, Object> value) {
            return new Answer(status, "application/json", Json.write(value), Map.of(), Map.of());
        }

        Answer with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Answer(status, type, body, h, facts);
        }
    }

    private void handle(HttpExchange ex, boolean render) throws IOException {
        inFlight.incrementAndGet();
        try {
            answer(ex, render);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange ex, boolean render) throws IOException {
        long start = System.nanoTime();
        String id = requestId(ex);
        Map<String, Object> facts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        long received = 0;
        Answer answer;
        try {
            if (!ex.getRequestURI().getPath().equals(render ? "/render" : "/validate")) {
                answer = error(404, "not-found", "there is nothing at " + ex.getRequestURI().getPath(),
                        "the endpoints are POST /render, POST /validate and GET /health");
            } else if (!ex.getRequestMethod().equals("POST")) {
                answer = error(405, "method", ex.getRequestMethod() + " is not allowed here", "send the article with POST")
                        .with("Allow", "POST");
            } else if (draining.get()) {
                answer = error(503, "shutting-down", "the server is shutting down", "send the request to another replica");
            } else {
                Request request = request(ex);
                received = request.body().length;
                answer = admit(request, render, facts);
            }
        } catch (Refusal r) {
            answer = error(r.status, r.kind, r.getMessage(), r.hint);
            if (r.status == 413) {
                answer = answer.with("Connection", "close"); // the rest of the body is not read
            }
        }
        respond(ex, answer.with("X-Request-Id", id));
        served.incrementAndGet();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", world.now().toOffsetDateTime().toString());
        line.put("id", id);
        line.put("method", ex.getRequestMethod());
        line.put("path", ex.getRequestURI().getPath());
        line.put("status", answer.status());
        line.put("type", Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse(""));
        line.put("bytesIn", received);
        line.put("bytesOut", answer.body().length);
        line.put("ms", Math.round((System.nanoTime() - start) / 1e5) / 10.0);
        synchronized (facts) {
            line.putAll(facts);
        }
        line.putAll(answer.facts());
        log.accept(Json.line(line));
    }

    /** A request's body, kind and options, read and checked before it takes a place. */
    private record Request(byte[] body, Bundles.Kind kind, RenderOptions options, Optional<String> article) {
    }

    private Request request(HttpExchange ex) throws IOException {
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Bundles.Kind kind = KINDS.get(media);
        if (kind == null) {
            throw new Refusal(415, "unsupported-type", (media.isEmpty() ? "the request has no Content-Type"
                    : "'" + media + "' is not a kind of article Separata reads"),
                    "send a manifest as application/yaml or application/json, a JATS file as application/xml, "
                            + "or a bundle as application/zip");
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        RenderOptions options = options(query);
        long max = world.limits().bytes(Limit.REQUEST_MB);
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > max) {
            discard(ex.getRequestBody(), max);
            throw tooLarge(max);
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) {
            throw tooLarge(max);
        }
        return new Request(body, kind, options, Optional.ofNullable(query.get("article")));
    }

    /**
     * Reads and drops up to {@code max} bytes of a body that is refused for its size (the JDK's
     * server drains a little more when the exchange closes): a connection closed while the client
     * is still sending is reset, and the client may then lose the answer that says why.
     */
    private static void discard(InputStream body, long max) {
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (long left = max; left > 0; ) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException e) {
            // the client went away; the answer goes nowhere either
        }
    }

    private static Refusal tooLarge(long max) {
        return new Refusal(413, "too-large", "the request's body is larger than " + max / (1024 * 1024)
                + " MiB, the limit " + Limit.REQUEST_MB.key(), Limit.REQUEST_MB.raiseHint(max / (1024 * 1024) * 4)
                + ", where the server runs");
    }

    /** A request refused before it reaches the pipeline, with its status. */
    private static final class Refusal extends RuntimeException {
        final int status;
        final String kind;
        final String hint;

        Refusal(int status, String kind, String message, String hint) {
            super(message, null, false, false);
            this.status = status;
            this.kind = kind;
            this.hint = hint;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "true";
            if (!PARAMETERS.contains(key)) {
                throw new Refusal(400, "parameter", "unknown parameter '" + key + "'",
                        "the parameters are " + String.join(", ", PARAMETERS));
            }
            if (out.put(key, value) != null) {
                throw new Refusal(400, "parameter", "the parameter '" + key + "' is given twice", "give it once");
            }
        }
        return out;
    }

    /** The render options a query gives: those of {@code render}, less the ones that name files on the server. */
    private static RenderOptions options(Map<String, String> q) {
        RenderOptions o = RenderOptions.defaults().withTags(flag(q, "tags", true));
        String layout = q.get("layout");
        if (layout != null) {
            if (World.namesFolder(layout)) {
                throw new Refusal(400, "parameter", "layout=" + layout + " names a folder; over HTTP, layout names a "
                        + "built-in pack only", "send your own pack inside a zip bundle and name it in its journal.yaml "
                        + "(layout: ./mypack)");
            }
            o = o.withLayout(Optional.of(layout));
        }
        if (q.containsKey("pdfa")) {
            String id = q.get("pdfa");
            try {
                o = o.withStandard(id).orElseThrow(() -> new Refusal(400, "parameter", "'" + id
                        + "' is not a PDF/A level", "use one of " + RenderOptions.standardIds()));
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "parameter", "pdfa=" + id + " with tags=false: " + e.getMessage(),
                        "leave out tags=false, or choose a level B");
            }
        }
        if (q.containsKey("first-page")) {
            String v = q.get("first-page");
            if (!v.matches("\\d{1,6}") || Integer.parseInt(v) < 1) {
                throw new Refusal(400, "parameter", "first-page=" + v + " is not a page number",
                        "give the page the article starts on in its issue, from 1 to 999999");
            }
            o = o.withFirstPage(Optional.of(Integer.parseInt(v)));
        }
        return new RenderOptions(o.layout(), flag(q, "allow-missing-glyphs", false), Optional.empty(), o.standard(),
                flag(q, "include-translations", false), o.firstPage(), List.of(), o.tags());
    }

    private static boolean flag(Map<String, String> q, String name, boolean otherwise) {
        String v = q.getOrDefault(name, String.valueOf(otherwise));
        if (!v.equals("true") && !v.equals("false")) {
            throw new Refusal(400, "parameter", name + "=" + v + " is neither true nor false", "give " + name
                    + "=true, or leave it out");
        }
        return v.equals("true");
    }

    /**
     * Takes a place for the request (or answers 503 when every place is taken), runs it on a
     * render thread, and waits for it until the time per request is up.
     */
    private Answer admit(Request request, boolean render, Map<String, Object> facts) {
        if (!admitted.tryAcquire()) {
            return error(503, "busy", "every render is busy and the queue is full (" + settings.jobs() + " running, "
                    + settings.queue() + " waiting)", "try again in a moment, or send it to another replica")
                    .with("Retry-After", "1");
        }
        long queued = System.nanoTime();
        AtomicBoolean claimed = new AtomicBoolean();
        Future<Answer> f;
        try {
            f = renders.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return null; // given up on before it started; its place is already given back
                }
                facts.put("queueMs", Math.round((System.nanoTime() - queued) / 1e5) / 10.0);
                running.incrementAndGet();
                try {
                    return work(request, render);
                } finally {
                    running.decrementAndGet();
                    admitted.release();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            admitted.release();
            return error(503, "shutting-down", "the server is shutting down", "send the request to another replica");
        }
        try {
            return f.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true); // a render under way stops at its next page (Flying Saucer checks for interrupts)
            if (claimed.compareAndSet(false, true)) {
                admitted.release();
            }
            return error(503, "timeout", "the request took longer than " + seconds(settings.timeout())
                    + ", the time a request may take", "split the work, or start the server with a longer --timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return error(503, "shutting-down", "the server is shutting down", "send the request to another replica");
        } catch (CancellationException e) {
            return error(503, "shutting-down", "the server is shutting down", "send the request to another replica");
        } catch (ExecutionException e) {
            return internal(e.getCause());
        }
    }

    /** The work itself, in the request's own bundle folder: the steps {@code render} or {@code validate} runs. */
    private Answer work(Request request, boolean render) {
        try (Bundles.Bundle bundle = bundles.open(request.body(), request.kind(), request.article())) {
            try {
                if (render) {
                    Offprint o = separata.render(separata.prepare(bundle.article(), request.options()));
                    List<Diagnostic> warnings = relative(bundle, o.warnings());
                    return new Answer(200, "application/pdf", o.pdf(), Map.of("Separata-Pages",
                            String.valueOf(o.pageCount()), "Separata-Warnings", String.valueOf(warnings.size())),
                            Map.of("pages", o.pageCount(), "warnings", warnings.size()));
                }
                Validation v = separata.validate(bundle.article(), request.options());
                List<Diagnostic> all = relative(bundle, v.diagnostics());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("file", bundle.relative(bundle.article().toString()));
                body.put("status", v.isClean() ? "valid" : "invalid");
                body.put("warnings", all.stream().filter(d -> !d.isError()).map(Json::diagnostic).toList());
                body.put("errors", all.stream().filter(Diagnostic::isError).map(Json::diagnostic).toList());
                Answer a = Answer.json(200, body);
                return new Answer(200, a.type(), a.body(), Map.of(), Map.of("errors", v.errors().size(),
                        "warnings", v.warnings().size()));
            } catch (SeparataException e) {
                return failure(e.exitCode(), relative(bundle, e.diagnostics()), List.of());
            }
        } catch (SeparataException e) {
            return failure(e.exitCode(), e.diagnostics(), List.of()); // the bundle itself was refused
        } catch (RuntimeException | Error e) {
            if (e instanceof Error && !JvmLimits.reached(e)) {
                throw (Error) e;
            }
            return internal(e);
        }
    }

    /** The diagnostics with the bundle's private folder taken out of their paths. */
    private static List<Diagnostic> relative(Bundles.Bundle bundle, List<Diagnostic> ds) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            SourceLocation l = d.location();
            out.add(new Diagnostic(d.severity(), new SourceLocation(bundle.relative(l.file()), l.line(), l.column(),
                    l.path()), bundle.relative(d.message()), d.hint().map(bundle::relative)));
        }
        return out;
    }

    /** A failure the pipeline reported, with the status its exit code stands for. */
    private static Answer failure(ExitCode code, List<Diagnostic> diagnostics, List<Diagnostic> warnings) {
        int status = switch (code) {
            case INVALID_INPUT -> 422;
            case USAGE -> 400;
            default -> 500;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status == 422 ? "invalid" : status == 400 ? "refused" : "failed");
        body.put("warnings", warnings.stream().map(Json::diagnostic).toList());
        body.put("errors", diagnostics.stream().map(Json::diagnostic).toList());
        Answer a = Answer.json(status, body);
        return new Answer(status, a.type(), a.body(), Map.of(), Map.of("errors", diagnostics.size()));
    }

    private static Answer internal(Throwable e) {
        Diagnostic d = JvmLimits.diagnostic(e, SourceLocation.of("the request")).orElseGet(() -> Diagnostic.error(
                SourceLocation.of("the request"), "internal error: " + e, "this is a bug in Separata; please report it "
                        + "with the input"));
        return failure(ExitCode.INTERNAL, List.of(d), List.of());
    }

    private static Answer error(int status, String kind, String message, String hint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", kind);
        body.put("message", message);
        body.put("hint", hint);
        return Answer.json(status, body);
    }

    private void health(HttpExchange ex) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = !draining.get();
        body.put("status", up ? "ok" : "shutting-down");
        body.put("jobs", settings.jobs());
        body.put("running", running.get());
        body.put("waiting", Math.max(0, settings.jobs() + settings.queue() - admitted.availablePermits() - running.get()));
        body.put("queue", settings.queue());
        body.put("served", served.get());
        Runtime rt = Runtime.getRuntime();
        body.put("heapUsedMiB", (rt.totalMemory() - rt.freeMemory()) >> 20);
        body.put("heapCommittedMiB", rt.totalMemory() >> 20);
        Answer a = !ex.getRequestURI().getPath().equals("/health") ? error(404, "not-found", "there is nothing at "
                + ex.getRequestURI().getPath(), "the endpoints are POST /render, POST /validate and GET /health")
                : ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD")
                ? Answer.json(up ? 200 : 503, body)
                : error(405, "method", ex.getRequestMethod() + " is not allowed here", "use GET").with("Allow", "GET");
        respond(ex, a);
    }

    private void notFound(HttpExchange ex) throws IOException {
        respond(ex, error(404, "not-found", "there is nothing at " + ex.getRequestURI().getPath(),
                "the endpoints are POST /render, POST /validate and GET /health"));
    }

    private static void respond(HttpExchange ex, Answer a) throws IOException {
        try (ex) {
            // what is left of a body that was not read (refused early) is not read
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", a.type());
            h.set("Cache-Control", "no-store");
            h.set("X-Content-Type-Options", "nosniff");
            a.headers().forEach(h::set);
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(a.status(), head ? -1 : a.body().length == 0 ? -1 : a.body().length);
            if (!head && a.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        } catch (IOException e) {
            // the client went away; there is no one to tell
        }
    }

    private String requestId(HttpExchange ex) {
        String given = ex.getRequestHeaders().getFirst("X-Request-Id");
        return given != null && given.matches("[A-Za-z0-9._:-]{1,64}") ? given : "r" + ids.incrementAndGet();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * The JDK server's own bounds, set once per process unless given with {@code -D}: request
     * headers at most 64 KiB and 100 lines; a request read (and answered) within the time per request
     * plus a minute, an answer written within two minutes, so that a client that sends or reads
     * slowly cannot hold a connection; at most 16 connections per place.
     */
    private static synchronized void serverProperties(ServeSettings s) {
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "65536");
        setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(s.timeout().toSeconds() + 60));
        setIfAbsent("sun.net.httpserver.maxRspTime", "120");
        setIfAbsent("jdk.httpserver.maxConnections", String.valueOf(Math.max(64, 16 * (s.jobs() + s.queue()))));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
