package org.separata.batch;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a batch: a bar redrawn in place on an interactive terminal, plain log lines
 * otherwise. Thread-safe.
 */
public interface Progress {

    void start(String stage, int total);

    void done(String item, boolean ok, String detail);

    void finish();

    /** A bar on one line, redrawn with carriage returns: done/total, elapsed, ETA. */
    static Progress bar(PrintWriter err, LongSupplier nanos) {
        return new Counting(err, nanos) {
            @Override
            void started() {
                draw();
            }

            @Override
            void item(String item, boolean ok, String detail) {
                if (!ok) {
                    err.print("\r\033[K");
                    err.println("failed: " + item + (detail.isEmpty() ? "" : " (" + detail + ")"));
                }
                draw();
            }

            @Override
            public synchronized void finish() {
                err.println();
                err.flush();
            }

            private void draw() {
                double elapsed = elapsed();
                double eta = done == 0 ? 0 : elapsed / done * (total - done);
                int width = 30;
                int filled = total == 0 ? width : done * width / total;
                err.printf(java.util.Locale.ROOT, "\r\033[K%-10s [%s%s] %d/%d  %.1f s elapsed  ETA %.1f s", stage, "#".repeat(filled),
                        " ".repeat(width - filled), done, total, elapsed, eta);
                err.flush();
            }
        };
    }

    /** One line per item, for logs and pipes. */
    static Progress log(PrintWriter err, LongSupplier nanos) {
        return new Counting(err, nanos) {
            @Override
            void started() {
                err.printf(java.util.Locale.ROOT, "%s: %d to do%n", stage, total);
                err.flush();
            }

            @Override
            void item(String item, boolean ok, String detail) {
                err.printf(java.util.Locale.ROOT, "%s %d/%d %s %s%s (%.1f s)%n", stage, done, total, ok ? "ok" : "FAILED", item,
                        detail.isEmpty() ? "" : ": " + detail, elapsed());
                err.flush();
            }

            @Override
            public void finish() {
                err.flush();
            }
        };
    }

    /** No output. */
    Progress NONE = new Progress() {
        @Override
        public void start(String stage, int total) {
        }

        @Override
        public void done(String item, boolean ok, String detail) {
        }

        @Override
        public void finish() {
        }
    };

    /** Counts items of the current stage and times it; subclasses say how to show that. */
    abstract class Counting implements Progress {
        final PrintWriter err;
        private final LongSupplier nanos;
        String stage = "";
        int total;
        int done;
        private long start;

        Counting(PrintWriter err, LongSupplier nanos) {
            this.err = err;
            this.nanos = nanos;
        }

        @Override
        public synchronized void start(String s, int t) {
            stage = s;
            total = t;
            done = 0;
            start = nanos.getAsLong();
            started();
        }

        @Override
        public synchronized void done(String item, boolean ok, String detail) {
            done++;
            item(item, ok, detail);
        }

        double elapsed() {
            return (nanos.getAsLong() - start) / 1e9;
        }

        abstract void started();

        abstract void item(String item, boolean ok, String detail);
    }
}
