package org.separata.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Independent command-line checks of a PDF, by tools that share no code with Separata: qpdf's
 * structural check, poppler's font table and its view of the XMP packet. CI installs both
 * ({@code .ci/run}: poppler-utils, qpdf).
 */
public final class Tools {

    private Tools() {
    }

    /** Fails unless {@code qpdf --check} finds no error and no warning. */
    public static void assertQpdfClean(byte[] pdf) {
        String out = qpdf(pdf, "--check");
        if (!out.contains("No syntax or stream encoding errors found") || out.contains("WARNING")) {
            throw new AssertionError("qpdf --check is not clean:\n" + out);
        }
    }

    /** Fails unless pdffonts lists at least one font and every font is embedded and subset. */
    public static void assertFontsEmbeddedAndSubset(byte[] pdf) {
        List<String[]> rows = Poppler.fonts(pdf);
        if (rows.isEmpty()) {
            throw new AssertionError("pdffonts lists no font");
        }
        for (String[] row : rows) {
            if (!row[2].equals("yes") || !row[3].equals("yes")) {
                throw new AssertionError("pdffonts: not embedded and subset: " + String.join(" ", row));
            }
        }
    }

    /** The XMP packet as poppler reads it ({@code pdfinfo -meta}); fails if there is none. */
    public static String assertXmpVisible(byte[] pdf) {
        String xmp = Poppler.run("pdfinfo", pdf, "-meta");
        if (!xmp.contains("<x:xmpmeta") || !xmp.contains("</x:xmpmeta>")) {
            throw new AssertionError("pdfinfo -meta shows no XMP packet:\n" + xmp);
        }
        return xmp;
    }

    /**
     * Runs {@code qpdf args… file} and returns what it printed. Exit code 0 is success and 3 means
     * warnings (returned, so the caller can see them); anything else fails the test.
     */
    public static String qpdf(byte[] pdf, String... args) {
        try {
            Path f = Files.createTempFile("separata-test-", ".pdf");
            try {
                Files.write(f, pdf);
                List<String> cmd = new java.util.ArrayList<>();
                cmd.add("qpdf");
                cmd.addAll(List.of(args));
                cmd.add(f.toString());
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || (p.exitValue() != 0 && p.exitValue() != 3)) {
                    throw new AssertionError("qpdf " + String.join(" ", args) + " failed:\n" + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new AssertionError("qpdf is not installed; install it (apt-get install qpdf)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
