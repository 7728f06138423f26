package org.separata.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.cli.Main;
import org.separata.env.Limit;
import org.separata.env.World;
import org.separata.pipeline.Json;
import org.separata.pipeline.Separata;
import org.separata.support.PdfInspector;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The README's "Serving over HTTP" as a user follows it: its {@code curl} lines, run by the shell
 * against a server, give the files and answers it describes (the PDFs those {@code render} writes
 * for the same input and options, a {@code /validate} and a {@code /health} answer with the fields
 * it names, one log line per request with the fields it names); its table of options is the one
 * {@code separata serve --help} gives; and the limits it names have the defaults the Limits table
 * gives.
 */
@Slow
class ServeReadmeTest {

    @TempDir
    Path dir;

    private RenderServer server;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    /** The README's section on {@code serve}, up to the next section of its level. */
    private static String section() throws IOException {
        String readme = Files.readString(Repo.file("README.md"));
        int from = readme.indexOf("\n## Serving over HTTP\n");
        assertTrue(from >= 0, "the README has a section on serve");
        int to = readme.indexOf("\n## ", from + 1);
        return readme.substring(from, to);
    }

    /** The commands of the section's shell blocks that call curl or jar, continuation lines joined, comments left out. */
    private static List<String> commands(String section) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            for (String command : block.group(1).replace("\\\n", " ").split("\n")) {
                String c = command.strip();
                if (c.startsWith("curl ") || c.startsWith("jar ")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private byte[] cli(Path input, String... args) throws IOException {
        return RenderServerTest.cli(dir, input, args);
    }

    /** Runs one command line in the shell, in {@code cwd}; returns its standard output. */
    private static String shell(String command, Path cwd) throws Exception {
        Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", command).directory(cwd.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command);
        assertEquals(0, p.exitValue(), command);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The names in double quotes in the README's line or bullet that starts with {@code start}, less those given. */
    private static Set<String> quotedNames(String section, String start, String... values) {
        int from = section.indexOf(start);
        assertTrue(from >= 0, start);
        int to = section.indexOf("\n- ", from + 1);
        int blank = section.indexOf("\n\n", from + 1);
        String text = section.substring(from, Math.min(to < 0 ? section.length() : to, blank));
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\"(\\w[\\w-]*)\"").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        out.removeAll(List.of(values));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.read(text.getBytes(StandardCharsets.UTF_8), "answer");
    }

    @Test
    void theCurlLinesDoWhatTheReadmeSays() throws Exception {
        String section = section();
        server = RenderServer.start(new Separata(World.system()), new ServeSettings(InetAddress.getLoopbackAddress(), 0,
                2, 8, Duration.ofSeconds(120), Duration.ofSeconds(5)), log::add);
        Files.createSymbolicLink(dir.resolve("examples"), Repo.file("examples"));
        List<String> commands = commands(section);
        assertEquals(5, commands.size(), commands.toString());
        String validate = null;
        String health = null;
        for (String c : commands) {
            assertTrue(!c.startsWith("curl") || c.contains("http://127.0.0.1:8080/"), "the default address: " + c);
            String out = shell(c.replace("http://127.0.0.1:8080", server.url()), dir);
            if (c.contains("/validate")) {
                validate = out;
            } else if (c.contains("/health")) {
                health = out;
            }
        }

        // the PDFs are those render writes for the same input and options
        byte[] seed = Files.readAllBytes(dir.resolve("adins-2021.pdf"));
        assertArrayEquals(cli(Repo.file("examples/adins-2021/article.yaml")), seed, "the manifest's PDF");
        byte[] bundle = Files.readAllBytes(dir.resolve("carvalho-2023.pdf"));
        assertArrayEquals(cli(Repo.file("examples/carvalho-2023/article.yaml"), "--first-page", "7", "--layout", "compact"),
                bundle, "the bundle's PDF, at page 7 in the compact layout");
        try (PdfInspector pdf = new PdfInspector(bundle)) {
            assertEquals("7", pdf.pageLabels().get(0), "its first page is page 7");
        }

        // /validate and /health answer with the fields the README names
        Map<String, Object> v = json(validate);
        assertEquals(quotedNames(section, "- **`POST /validate`**", "valid", "invalid"), v.keySet());
        assertEquals("valid", v.get("status"));
        assertEquals("article.xml", v.get("file"));
        Map<String, Object> h = json(health);
        assertEquals(quotedNames(section, "- **`GET /health`**", "ok", "shutting-down"), h.keySet());
        assertEquals("ok", h.get("status"));
        assertEquals(2L, h.get("jobs"));

        // one log line per request to /render and /validate, with the fields the README names
        assertEquals(3, log.size(), log.toString());
        Set<String> named = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`(\\w+)`").matcher(section.substring(section.indexOf("Each request writes one line"),
                section.indexOf("On SIGTERM")));
        while (m.find()) {
            named.add(m.group(1));
        }
        for (String line : log) {
            Map<String, Object> fields = json(line);
            Set<String> expected = new LinkedHashSet<>(List.of("time", "id", "method", "path", "status", "type", "bytesIn",
                    "bytesOut", "ms", "queueMs"));
            expected.add(line.contains("\"/validate\"") ? "errors" : "pages");
            assertTrue(named.containsAll(expected), "the README names " + expected + ": " + named);
            assertTrue(fields.keySet().containsAll(expected), line);
            assertEquals(200L, fields.get("status"), line);
        }
        try (PdfInspector pdf = new PdfInspector(seed)) {
            assertTrue(log.stream().anyMatch(l -> Long.valueOf(pdf.pageCount()).equals(json(l).get("pages"))), log.toString());
        }
    }

    @Test
    void theOptionsAreThoseOfTheCommand() throws Exception {
        String section = section();
        StringWriter help = new StringWriter();
        assertEquals(0, Main.run(new String[] {"serve", "--help"}, new PrintWriter(help), new PrintWriter(new StringWriter())));
        String text = help.toString().replaceAll("\\s+", " ");
        Matcher row = Pattern.compile("\n\\| `(--?[\\w-]+)[^|]*\\| ([^|]+) \\|").matcher(section);
        int rows = 0;
        while (row.find()) {
            rows++;
            String option = row.group(1);
            String given = row.group(2).replace("`", "").strip();
            assertTrue(text.contains(option), option + " is an option of serve: " + text);
            if (given.matches("[\\d.]+")) {
                // the default the README gives is the one the help gives, on that option's line
                int at = text.lastIndexOf(option + "=");
                int d = text.indexOf("default: ", at);
                assertTrue(at >= 0 && d > at && text.substring(d).matches("default: " + Pattern.quote(given) + "[,;)].*"),
                        option + " defaults to " + given + ": " + text);
            }
        }
        assertEquals(6, rows, "the table has a row for each of serve's options");

        // the limits the section names are in the Limits table with their defaults
        String readme = Files.readString(Repo.file("README.md"));
        for (Limit l : List.of(Limit.REQUEST_MB, Limit.BUNDLE_FILES, Limit.BUNDLE_MB, Limit.BUNDLE_RATIO)) {
            assertTrue(section.contains("`" + l.key() + "`"), l.key());
            assertTrue(readme.contains("| `" + l.key() + "` | " + l.defaultValue() + " |"), l.key() + " in the Limits table");
        }
        assertTrue(section.contains("`request-mb` (" + Limit.REQUEST_MB.defaultValue() + " MiB"));
        assertFalse(section.contains("TODO"));
    }
}
