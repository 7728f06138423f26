package org.separata.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.separata.env.World;

/**
 * Where the command line reads and writes, and what it knows of the terminal: messages (text, on
 * {@code out} and {@code err}), standard input and output as bytes (for {@code -} and
 * {@code -o -}), whether standard error is a terminal (the progress bar is drawn there), and when
 * the run started (its "in N s" counts the whole run, the JVM's start included).
 *
 * <p>Messages are written in UTF-8 whatever the locale says ({@code LANG=C} would turn every
 * character outside ASCII into {@code ?}). On a terminal, unless {@code NO_COLOR} is set or
 * {@code TERM} is {@code dumb}, the labels of errors and warnings are coloured
 * ({@link ColourWriter}).
 *
 * <p>Every message passes {@link TerminalWriter} first, above the colouring: nothing from an input
 * reaches the terminal as a control sequence, and the colour codes added beneath it pass. The
 * bytes of standard output ({@code -o -}) pass neither.
 */
final class Terminal {

    final PrintWriter out;
    final PrintWriter err;
    final InputStream stdin;
    final OutputStream stdout;
    final boolean stderrIsTerminal;
    final long startNanos;

    Terminal(PrintWriter out, PrintWriter err, InputStream stdin, OutputStream stdout, boolean stderrIsTerminal,
             long startNanos) {
        this.out = escaped(out);
        this.err = escaped(err);
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderrIsTerminal = stderrIsTerminal;
        this.startNanos = startNanos;
    }

    /** The process's own streams, in UTF-8, coloured on a terminal that allows it. */
    static Terminal system(World world) {
        boolean errTty = world.isTerminal(2);
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintWriter out = new PrintWriter(utf8(stdout, false), true);
        PrintWriter err = new PrintWriter(utf8(new FileOutputStream(FileDescriptor.err), errTty && colours(world)),
                true);
        return new Terminal(out, err, System.in, stdout, errTty,
                world.processStartNanos());
    }

    /**
     * Writers given by a caller (tests, an embedding program): no terminal, nothing on standard
     * input, and standard output's bytes written to {@code out} one character per byte.
     */
    static Terminal of(PrintWriter out, PrintWriter err, World world) {
        OutputStream bytes = new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b & 0xFF);
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
        return new Terminal(out, err, InputStream.nullInputStream(), bytes, false, world.nanoTime());
    }

    /** Whether a terminal may be coloured: {@code NO_COLOR} unset or empty, and {@code TERM} not dumb. */
    static boolean colours(World world) {
        return world.environment("NO_COLOR").filter(v -> !v.isEmpty()).isEmpty()
                && !world.environment("TERM").orElse("").equals("dumb");
    }

    /** Messages written to {@code w}, control characters from inputs shown as escapes. */
    private static PrintWriter escaped(PrintWriter w) {
        return new PrintWriter(new TerminalWriter(w), true);
    }

    /** Seconds since the run started. */
    double seconds(World world) {
        return (world.nanoTime() - startNanos) / 1e9;
    }

    private static Writer utf8(OutputStream stream, boolean colour) {
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        return colour ? new ColourWriter(w) : w;
    }
}
