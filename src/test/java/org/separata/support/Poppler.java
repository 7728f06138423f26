package org.separata.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs poppler's command-line tools on a PDF: an independent reader besides PDFBox. */
public final class Poppler {

    private Poppler() {
    }

    /** Runs {@code tool args… file} and returns its standard output; fails the test if the tool fails. */
    public static String run(String tool, byte[] pdf, String... args) {
        try {
            Path f = Files.createTempFile("separata-test-", ".pdf");
            try {
                Files.write(f, pdf);
                List<String> cmd = new ArrayList<>();
                cmd.add(tool);
                cmd.addAll(List.of(args));
                cmd.add(f.toString());
                if (tool.equals("pdftotext")) {
                    cmd.add("-");
                }
                Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
                byte[] out = p.getInputStream().readAllBytes();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new AssertionError(tool + " failed: " + err);
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new AssertionError(tool + " is not installed; install poppler-utils (apt-get install poppler-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** pdffonts' table: one row per font, columns name, type, encoding, emb, sub, uni. */
    public static List<String[]> fonts(byte[] pdf) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = run("pdffonts", pdf).split("\n");
        for (int i = 2; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] cols = l.split("\\s+");
            // name type... encoding emb sub uni objectID gen: take the last six columns
            int n = cols.length;
            rows.add(new String[] {cols[0], cols[n - 6], cols[n - 5], cols[n - 4], cols[n - 3]});
        }
        return rows;
    }
}
