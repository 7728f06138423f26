package org.separata.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that looks at what passes one character at a time ({@link #accept}), whichever
 * {@code write} method the writer above it calls: the base of the filters the command line's
 * messages pass ({@link TerminalWriter}, {@link ColourWriter}).
 */
abstract class CharFilter extends FilterWriter {

    CharFilter(Writer out) {
        super(out);
    }

    /** One character, in the order written. */
    abstract void accept(char c) throws IOException;

    @Override
    public final void write(int c) throws IOException {
        accept((char) c);
    }

    @Override
    public final void write(char[] buf, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            accept(buf[off + i]);
        }
    }

    @Override
    public final void write(String s, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            accept(s.charAt(off + i));
        }
    }
}
