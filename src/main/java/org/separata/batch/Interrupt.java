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

    /** Waits until {@link #settled} is called, at most {@code limit}; false if it was not. */
    public boolean awaitSettled(Duration limit) {
        try {
            return settled.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
