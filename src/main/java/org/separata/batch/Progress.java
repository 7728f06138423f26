package org.separata.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a batch: a bar redrawn in place on an interactive terminal, plain log lines
 * otherwise. Thread-safe.
 */
public interface Progress {

    void start(String stage, int total);

    /** An item of the current stage has begun (the bar shows it as running). */
    default void begin(String item) {
    }

    void done(String item, boolean ok, String detail);

    void finish();

    /** How often the bar is redrawn while nothing finishes, so that its clock moves. */
    long TICK_MILLIS = 250;

    /**
     * A bar on one line, redrawn with carriage returns: done and running items, elapsed time and
     * an estimate of the time left. It moves from the start: items under way fill part of it, and
     * it is redrawn every {@value #TICK_MILLIS} ms while a stage runs.
     */
    static Progress bar(PrintWriter err, LongSupplier nanos) {
        return new Counting(err, nanos) {
            private Thread ticker;

            @Override
            void started() {
                draw();
                if (ticker == null) {
                    ticker = new Thread(this::tick, "separata-progress");
                    ticker.setDaemon(true);
                    ticker.start();
                }
            }

            private void tick() {
                try {
                    while (true) {
                        Thread.sleep(TICK_MILLIS);
                        synchronized (this) {
                            if (active()) {
                                draw();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    // finished
                }
            }

            @Override
            void begun() {
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
                if (active()) {
                    draw();
                    err.println();
                    err.flush();
                }
                stopped();
            }

            private void draw() {
                double elapsed = elapsed();
                int width = 30;
                int filled = total == 0 ? width : done * width / total;
                // an item under way counts as half done, so the bar moves before the first one ends
                int half = total == 0 ? 0 : Math.min(width - filled, (2 * done + running) * width / (2 * total) - filled);
                String eta = done == 0 ? "ETA …" : String.format(Locale.ROOT, "ETA %.1f s",
                        elapsed / done * (total - done));
                err.printf(Locale.ROOT, "\r\033[K%-10s [%s%s%s] %d/%d%s  %.1f s elapsed  %s", stage, "#".repeat(filled),
                        "-".repeat(Math.max(0, half)), " ".repeat(width - filled - Math.max(0, half)), done, total,
                        running > 0 ? " (" + running + " running)" : "", elapsed, eta);
                err.flush();
            }
        };
    }

    /** One line per item, for logs and pipes. */
    static Progress log(PrintWriter err, LongSupplier nanos) {
        return new Counting(err, nanos) {
            @Override
            void started() {
                err.printf(Locale.ROOT, "%s: %d to do%n", stage, total);
                err.flush();
            }

            @Override
            void item(String item, boolean ok, String detail) {
                err.printf(Locale.ROOT, "%s %d/%d %s %s%s (%.1f s)%n", stage, done, total, ok ? "ok" : "FAILED", item,
                        detail.isEmpty() ? "" : ": " + detail, elapsed());
                err.flush();
            }

            @Override
            public void finish() {
                err.flush();
                stopped();
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
        int running;
        private long start;
        private boolean active;

        Counting(PrintWriter err, LongSupplier nanos) {
            this.err = err;
            this.nanos = nanos;
        }

        @Override
        public synchronized void start(String s, int t) {
            stage = s;
            total = t;
            done = 0;
            running = 0;
            start = nanos.getAsLong();
            active = true;
            started();
        }

        @Override
        public synchronized void begin(String item) {
            running++;
            begun();
        }

        @Override
        public synchronized void done(String item, boolean ok, String detail) {
            done++;
            running = Math.max(0, running - 1);
            item(item, ok, detail);
        }

        /** Whether a stage is under way (started and not finished). */
        synchronized boolean active() {
            return active;
        }

        synchronized void stopped() {
            active = false;
        }

        double elapsed() {
            return (nanos.getAsLong() - start) / 1e9;
        }

        abstract void started();

        void begun() {
        }

        abstract void item(String item, boolean ok, String detail);
    }
}
