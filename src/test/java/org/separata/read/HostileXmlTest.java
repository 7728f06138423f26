package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.RenderOptions;
import org.separata.support.ForkedRead;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * Hostile XML: entity bombs, external entities (XXE) at a file and at a local server, external
 * DTDs, XInclude, stylesheet instructions, and inputs past the limits. Each is refused with a
 * clear error, or read with the hostile parts left empty; either way no file outside the input is
 * read and no connection is opened. The bombs are also read in a JVM of 256 MB, under a security
 * manager that records every file read and connection.
 */
@Slow
class HostileXmlTest {

    @TempDir
    Path dir;

    private Path secretFile;
    private String secret;
    private ServerSocket listening;
    private final AtomicInteger accepted = new AtomicInteger();
    private int closedPort;

    @BeforeEach
    void setUp() throws IOException {
        secret = "SECRET-" + UUID.randomUUID();
        secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, secret);
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!listening.isClosed()) {
                try (Socket s = listening.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-xml-listener");
        t.setDaemon(true);
        t.start();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        listening.close();
    }

    private String http(String path) {
        return "http://127.0.0.1:" + listening.getLocalPort() + path;
    }

    /** External entities of every kind, used in the title: a file, a listening and a closed port. */
    private Path xxe() throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <?xml-stylesheet type="text/xsl" href="%3$s"?>
                <!DOCTYPE article SYSTEM "%3$s" [
                  <!ENTITY file SYSTEM "%1$s">
                  <!ENTITY open SYSTEM "%2$s">
                  <!ENTITY closed SYSTEM "http://127.0.0.1:%4$d/closed">
                  <!ENTITY %% remote SYSTEM "%5$s">
                  %%remote;
                ]>
                <article xml:lang="en" xmlns:xi="http://www.w3.org/2001/XInclude">
                <front><journal-meta><journal-title>J &open; &closed;</journal-title></journal-meta>
                <article-meta><title-group><article-title>Title &file;</article-title></title-group></article-meta></front>
                <body><p>Text <xi:include href="%1$s" parse="text"/></p></body>
                </article>
                """.formatted(secretFile.toUri(), http("/entity"), http("/style.xsl"), closedPort, http("/remote.dtd"));
        Path p = dir.resolve("xxe.xml");
        Files.writeString(p, xml);
        return p;
    }

    /** The same traps, declared but not used in the text: the file reads, with the traps inert. */
    private Path xxeUnused() throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <?xml-stylesheet type="text/xsl" href="%2$s"?>
                <!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN" "%3$s" [
                  <!ENTITY file SYSTEM "%1$s">
                ]>
                <article xml:lang="en" xmlns:xi="http://www.w3.org/2001/XInclude">
                <front><journal-meta><journal-title>Journal of Safe Reading</journal-title></journal-meta>
                <article-meta><title-group><article-title>Nothing outside this file</article-title></title-group></article-meta></front>
                <body><p>Text before. <xi:include href="%1$s" parse="text"/> Text after.</p></body>
                </article>
                """.formatted(secretFile.toUri(), http("/style.xsl"), http("/jats.dtd"));
        Path p = dir.resolve("xxe-unused.xml");
        Files.writeString(p, xml);
        return p;
    }

    /** One 100 000-character entity used 50 000 times: 5 × 10^9 characters if expanded. */
    private Path quadratic() throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n<!ENTITY a \"");
        sb.append("a".repeat(100_000)).append("\">\n]>\n<article xml:lang=\"en\"><front><journal-meta><journal-title>J")
                .append("</journal-title></journal-meta><article-meta><title-group><article-title>");
        sb.append("&a;".repeat(50_000));
        sb.append("</article-title></title-group></article-meta></front></article>\n");
        Path p = dir.resolve("quadratic.xml");
        Files.writeString(p, sb);
        return p;
    }

    private static Path billionLaughs() {
        return Repo.file("src/test/resources/jats/hostile/billion-laughs.xml");
    }

    private static List<Diagnostic> refused(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return assertThrows(SeparataException.class,
                () -> InputReader.read(bytes, file.getFileName().toString())).diagnostics();
    }

    private static String all(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    @Test
    void billionLaughsIsRefusedAtItsFirstReference() throws IOException {
        List<Diagnostic> d = refused(billionLaughs());
        String text = all(d);
        assertTrue(text.contains("refused: &lol9; is an entity the document declares itself"), text);
        int line = Repo.lineOf(billionLaughs(), "<journal-title>&lol9;");
        assertEquals(line, d.get(0).location().line(), text);
        assertTrue(d.get(0).location().column() > 0, text);
    }

    @Test
    void aQuadraticBlowUpIsRefusedAndStopsEarly() throws IOException {
        List<Diagnostic> d = refused(quadratic());
        String text = all(d);
        assertTrue(text.contains("refused: &a; is an entity the document declares itself"), text);
        assertTrue(d.size() <= 21, "reading stops after a handful of problems, not 50 000: " + d.size());
        assertTrue(text.contains("stopped reading after"), text);
    }

    @Test
    void externalEntitiesAreRefusedWithoutReadingTheFileOrConnecting() throws IOException {
        Path xxe = xxe();
        List<Diagnostic> d = refused(xxe);
        String text = all(d);
        for (String entity : List.of("&file;", "&open;", "&closed;")) {
            assertTrue(text.contains("refused: " + entity), entity + " must be refused: " + text);
        }
        assertEquals(Repo.lineOf(xxe, "&file;"), d.stream().filter(x -> x.message().contains("&file;")).findFirst()
                .orElseThrow().location().line());
        assertFalse(text.contains(secret), "the secret must not leak into messages");
        assertFalse(text.contains("Connection refused"), "nothing may try the closed port: " + text);
        assertEquals(0, accepted.get(), "no connection may reach the local server");
    }

    @Test
    void declaredButUnusedTrapsLeaveTheirPartsEmpty() throws IOException {
        Path file = xxeUnused();
        ReadResult r = InputReader.read(Files.readAllBytes(file), "xxe-unused.xml");
        String warnings = all(r.warnings());
        assertTrue(warnings.contains("the DOCTYPE declares entities (file)"), warnings);
        assertTrue(warnings.contains("xml-stylesheet"), warnings);
        assertTrue(warnings.contains("<xi:include> is not processed"), warnings);
        Offprint pdf = Rendering.separata().render(r, RenderOptions.defaults());
        try (PdfInspector in = new PdfInspector(pdf.pdf())) {
            String text = in.flatText();
            assertTrue(text.contains("Text before. Text after."), text);
            assertFalse(text.contains(secret));
        }
        assertEquals(0, accepted.get(), "no connection may reach the local server");
    }

    @Test
    void inputsPastTheLimitsAreRefused() {
        byte[] huge = new byte[SafeXml.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' '); // text: zero bytes would be refused first, as a binary file
        assertTrue(all(assertThrows(SeparataException.class, () -> InputReader.read(huge, "huge.xml")).diagnostics())
                .contains("MiB"));
        String deep = "<article>" + "<p>".repeat(SafeXml.MAX_DEPTH + 5) + "</p>".repeat(SafeXml.MAX_DEPTH + 5)
                + "</article>";
        String d = all(assertThrows(SeparataException.class,
                () -> InputReader.read(deep.getBytes(StandardCharsets.UTF_8), "deep.xml")).diagnostics());
        assertTrue(d.contains("deep"), d);
        StringBuilder attrs = new StringBuilder("<article");
        for (int i = 0; i < SafeXml.MAX_ATTRIBUTES + 1; i++) {
            attrs.append(" a").append(i).append("=\"x\"");
        }
        attrs.append("/>");
        String a = all(assertThrows(SeparataException.class,
                () -> InputReader.read(attrs.toString().getBytes(StandardCharsets.UTF_8), "attrs.xml")).diagnostics());
        assertTrue(a.contains("attribute"), a);
    }

    /**
     * The bombs and the external entities, read in a JVM with 256 MB of heap, under a security
     * manager that records every read inside the test's folder (where the secret is) and every
     * connection. Each bomb is refused, the unused traps read, and nothing is touched. The times
     * are printed for the record; speed is measured by the benchmark, not asserted here.
     */
    @Test
    void inA256MegabyteJvmTheBombsAreRefusedAndNothingIsTouched() throws Exception {
        List<Path> inputs = List.of(billionLaughs(), quadratic(), xxe(), xxeUnused());
        String out = fork(inputs.stream().map(Path::toString).toList());
        System.out.println("forked -Xmx256m read:\n" + out.strip());
        assertTrue(out.endsWith("exit 0"), out);
        assertFalse(out.contains("VIOLATION"), out);
        assertFalse(out.contains("OutOfMemoryError"), out);
        assertTrue(out.contains("billion-laughs.xml") && out.lines().anyMatch(l -> l.startsWith("billion-laughs.xml")
                && l.contains("REFUSED") && l.contains("&lol9;")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("quadratic.xml") && l.contains("REFUSED")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("xxe.xml ") && l.contains("REFUSED")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("xxe-unused.xml") && l.endsWith("READ")), out);
        assertFalse(out.contains(secret));
        assertEquals(0, accepted.get(), "no connection may reach the local server");
    }

    /** The watcher itself works: a read of the secret and a connection attempt are both reported. */
    @Test
    void theForkedWatcherSeesAReadOfTheSecretAndAConnection() throws Exception {
        String out = fork(List.of("probe-read:" + secretFile, "probe-connect:" + closedPort));
        assertTrue(out.contains("VIOLATION file read " + secretFile.toAbsolutePath()), out);
        assertTrue(out.contains("VIOLATION connect 127.0.0.1:" + closedPort), out);
    }

    /** Runs {@link ForkedRead} in a JVM with 256 MB of heap, watching the test's folder. */
    private String fork(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.security.manager=allow", "-cp", System.getProperty("java.class.path"),
                ForkedRead.class.getName(), dir.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the forked JVM did not end: " + out);
        return out + "\nexit " + p.exitValue();
    }
}
