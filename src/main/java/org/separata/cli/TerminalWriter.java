package org.separata.cli;

import java.io.IOException;
import java.io.Writer;
import org.separata.diag.UnsafeText;

/**
 * What the command line prints passes through here, so that nothing from an input (a title, a
 * file name in an issue manifest, a value quoted in a message) can reach the terminal as a
 * control sequence: every control character but line feed and tab, every bidirectional formatting
 * character and every lone surrogate is written as a visible escape ({@code \u001B}). The one
 * sequence let through is the progress bar's own "return and clear the line"
 * ({@code \r ESC [ K}), and {@code \r\n}.
 */
final class TerminalWriter extends CharFilter {

    private static final char ESC = '\u001b';

    /** Characters held back while they may still begin an allowed sequence. */
    private final StringBuilder pending = new StringBuilder(4);

    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    void accept(char c) throws IOException {
        if (!pending.isEmpty()) {
            char first = pending.charAt(0);
            if (Character.isHighSurrogate(first)) {
                if (Character.isLowSurrogate(c)) {
                    out.write(first);
                    out.write(c);
                    pending.setLength(0);
                    return;
                }
                release();
            } else {
                // "\r", "\r ESC" or "\r ESC [" so far
                String next = pending.toString() + c;
                if (next.equals("\r\n") || next.equals("\r" + ESC + "[K")) {
                    out.write(next);
                    pending.setLength(0);
                    return;
                }
                if (next.equals("\r" + ESC) || next.equals("\r" + ESC + "[")) {
                    pending.append(c);
                    return;
                }
                release();
            }
        }
        if (c == '\r' || Character.isHighSurrogate(c)) {
            pending.append(c);
            return;
        }
        emit(c);
    }

    /** Writes what was held back, escaped, as it did not become an allowed sequence. */
    private void release() throws IOException {
        for (int i = 0; i < pending.length(); i++) {
            char p = pending.charAt(i);
            out.write(p == '[' ? "[" : UnsafeText.hexEscape(p));
        }
        pending.setLength(0);
    }

    private void emit(char c) throws IOException {
        if (c == '\n' || c == '\t') {
            out.write(c);
        } else if (Character.isSurrogate(c) || UnsafeText.problem(c).isPresent()) {
            out.write(UnsafeText.hexEscape(c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        release();
        out.close();
    }
}
