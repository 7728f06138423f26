package org.separata.batch;

import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * The K-th of N equal, contiguous slices of an issue's articles ({@code --shard K/N}, 1-based),
 * so a backlog can be split across machines by any scheduler. Slice sizes differ by one at most.
 */
public record Shard(int k, int n) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new SeparataException(ExitCode.USAGE, java.util.List.of(org.separata.diag.Diagnostic.error(
                    SourceLocation.of("--shard"), "'" + k + "/" + n + "' is not a shard",
                    "write K/N with 1 <= K <= N, e.g. --shard 2/8")));
        }
    }

    /** Parses "K/N". */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new SeparataException(ExitCode.USAGE, java.util.List.of(org.separata.diag.Diagnostic.error(
                SourceLocation.of("--shard"), "'" + text + "' is not a shard",
                "write K/N with 1 <= K <= N, e.g. --shard 2/8")));
    }

    /** Whether article {@code index} (0-based) of {@code total} falls in this slice. */
    public boolean contains(int index, int total) {
        return (long) index * n / total == k - 1;
    }

    public boolean isAll() {
        return n == 1;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
