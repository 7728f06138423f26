package org.separata.diag;

import java.util.Locale;
import java.util.Optional;

/**
 * The Java machine's own limits, reached: the heap ({@link OutOfMemoryError}) or a thread's stack
 * ({@link StackOverflowError}). Neither is a bug to report with a trace; each becomes a short
 * message that names the article and says what to do.
 */
public final class JvmLimits {

    private JvmLimits() {
    }

    /** Whether {@code e} is one of the JVM's limits, reached. */
    public static boolean reached(Throwable e) {
        return e instanceof OutOfMemoryError || e instanceof StackOverflowError;
    }

    /** The error for {@code e} while working on {@code where}, when {@code e} is one of the JVM's limits. */
    public static Optional<Diagnostic> diagnostic(Throwable e, SourceLocation where) {
        if (e instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory();
            String heap = max == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, " (the Java heap may hold %d MiB)",
                    max / (1024 * 1024));
            return Optional.of(Diagnostic.error(where, "ran out of memory" + heap,
                    "give Java more memory, e.g. java -Xmx2g -jar separata.jar …; README.md, \"Limits\", says what "
                            + "an article needs"));
        }
        if (e instanceof StackOverflowError) {
            return Optional.of(Diagnostic.error(where, "ran out of stack: something nests too deeply",
                    "a layout template whose macro calls itself without end does this; otherwise give Java a "
                            + "larger stack, e.g. java -Xss16m -jar separata.jar …"));
        }
        return Optional.empty();
    }
}
