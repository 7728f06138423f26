package org.separata.batch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a running build to stop (Ctrl-C), and lets the one who asked wait until the build has
 * cleaned up and said so. Thread-safe.
 */
public final class Interrupt {

    private volatile boolean raised;
    private volatile Runnable lastResort = () -> { };
    private final CountDownLatch settled = new CountDownLatch(1);

    /** Asks the build to stop: no new article is started, and what it made so far is removed. */
    public void raise() {
        raised = true;
    }

    public boolean isRaised() {
        return raised;
    }

    /** Says that the build has stopped, cleaned up and reported. */
    public void settled() {
        settled.countDown();
    }

    /** What to do if the build does not settle in time: remove what it was making. */
    public void onTimeout(Runnable cleanUp) {
        this.lastResort = cleanUp;
    }

    /**
     * Waits until {@link #settled} is called, at most {@code limit}; if it is not, runs the clean-up
     * given to {@link #onTimeout} and returns false.
     */
    public boolean awaitSettled(Duration limit) {
        try {
            if (settled.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lastResort.run();
        return false;
    }
}
