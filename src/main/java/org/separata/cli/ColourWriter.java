package org.separata.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours the labels of diagnostics on a terminal: {@code error} red, {@code warning} magenta,
 * {@code hint:} dim, each label only, at the place the diagnostic format puts it
 * ({@code file:12:5: error: …}). It works on whole lines as they pass, beneath whatever writes
 * them, so no message is built with colour codes inside it; a partial line (the progress bar's) is
 * passed on as it is when flushed.
 */
final class ColourWriter extends CharFilter {

    private static final String RESET = "\u001b[0m";
    private static final Pattern LABEL = Pattern.compile("^(.*?: )(error|warning)(: )");
    private static final Pattern HINT = Pattern.compile("^(\\s+)(hint:)");

    private final StringBuilder line = new StringBuilder();

    ColourWriter(Writer out) {
        super(out);
    }

    @Override
    void accept(char c) throws IOException {
        line.append(c);
        if (c == '\n') {
            emit();
        }
    }

    @Override
    public void flush() throws IOException {
        out.write(line.toString());
        line.setLength(0);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        out.write(colour(line.toString()));
        line.setLength(0);
    }

    /** The line with its diagnostic label coloured, if it has one. */
    static String colour(String line) {
        Matcher m = LABEL.matcher(line);
        if (m.find()) {
            String code = m.group(2).equals("error") ? "\u001b[1;31m" : "\u001b[1;35m";
            return m.group(1) + code + m.group(2) + RESET + m.group(3) + line.substring(m.end());
        }
        Matcher h = HINT.matcher(line);
        if (h.find()) {
            return h.group(1) + "\u001b[2m" + h.group(2) + RESET + line.substring(h.end());
        }
        return line;
    }
}
