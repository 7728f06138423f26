package org.separata.serve;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How {@code separata serve} runs: where it listens, how many renders run at once ({@code jobs},
 * at most the cores), how many more may wait ({@code queue}; past that a request is answered 503),
 * how long one request may take from its body's arrival to its answer ({@code timeout}), and how
 * long a shutdown waits for the requests under way ({@code grace}). The size of a request's body
 * is bounded by the limit {@code request-mb}, a zip bundle's content by {@code bundle-files},
 * {@code bundle-mb} and {@code bundle-ratio} ({@code SEPARATA_LIMITS}).
 */
public record ServeSettings(InetAddress bind, int port, int jobs, int queue, Duration timeout, Duration grace) {

    public ServeSettings {
        java.util.Objects.requireNonNull(bind);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (jobs < 1 || queue < 0) {
            throw new IllegalArgumentException("jobs " + jobs + ", queue " + queue);
        }
        java.util.Objects.requireNonNull(timeout);
        java.util.Objects.requireNonNull(grace);
    }
}
