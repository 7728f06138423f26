package org.separata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.Severity;
import org.separata.env.World;
import org.separata.fonts.FontCatalog;
import org.separata.fonts.FontFamily;
import org.separata.layout.XhtmlDocument;
import org.separata.support.PdfInspector;
import org.separata.support.Slow;

/** The renderer opens nothing but the layout's own files: no network, no other file. */
@Slow
class SandboxTest {

    @TempDir
    Path dir;

    @Test
    void urlsAndFilesOutsideTheLayoutAreNeverOpened() throws Exception {
        Path secret = dir.resolve("secret.css");
        Files.writeString(secret, "p { color: red }");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String remote = "http://127.0.0.1:" + server.getLocalPort();
            String xhtml = """
                    <html xmlns="http://www.w3.org/1999/xhtml"><head>
                    <link rel="stylesheet" href="%s/style.css"/>
                    <link rel="stylesheet" href="%s"/>
                    </head><body>
                    <p>Text <img src="%s/a.png"/> <img src="%s"/> <img src="missing.png"/></p>
                    </body></html>""".formatted(remote, secret.toUri(), remote, secret.toUri());
            List<FontFamily> fonts = List.of(new FontCatalog(World.system()).family("noto-serif").orElseThrow());
            RenderedPdf pdf = PdfRenderer.render(new XhtmlDocument(xhtml, n -> Optional.empty(), fonts, 1, "test"));
            Thread.sleep(300);
            assertEquals(0, connections.get(), "no connection may be opened");
            List<String> warned = pdf.warnings().stream().map(d -> d.location().file()).toList();
            assertTrue(warned.contains(remote + "/style.css"), warned.toString());
            assertTrue(warned.contains(secret.toUri().toString()), warned.toString());
            assertTrue(warned.contains("missing.png"), warned.toString());
            assertTrue(pdf.warnings().stream().allMatch(d -> d.severity() == Severity.WARNING));
            try (PdfInspector in = new PdfInspector(pdf.bytes())) {
                assertTrue(in.pageText(1).contains("Text"));
            }
        }
    }
}
