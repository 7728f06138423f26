package org.separata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's {@code /proc/self/stat}: of the processes this one has waited for
 * ({@code cutime + cstime}: a child and its own waited-for children), and of this process itself
 * ({@code utime + stime}, every thread, the JIT compiler's included). In clock ticks of
 * USER_HZ (10 ms), converted to ms.
 */
final class ChildCpu {

    /** /proc counts in USER_HZ, which is 100 on Linux whatever the kernel's own tick. */
    private static final long TICK_MS = 10;

    private ChildCpu() {
    }

    /** CPU time of the children this process has waited for, so far, in ms. */
    static long millis() {
        long[] f = fields();
        return (f[16] + f[17]) * TICK_MS;
    }

    /** CPU time of this process so far (all its threads), in ms. */
    static long selfMillis() {
        long[] f = fields();
        return (f[14] + f[15]) * TICK_MS;
    }

    /** When this process started, in ticks (1/100 s) since the machine booted. */
    static long startTicks() {
        return fields()[22];
    }

    /** The fields 14 to 17 and 22 of /proc/self/stat, indexed as proc(5) numbers them (from 1). */
    private static long[] fields() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) is in parentheses and may hold spaces
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long[] out = new long[rest.length + 3];
            for (int field : new int[] {14, 15, 16, 17, 22}) {
                out[field] = Long.parseLong(rest[field - 3]);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("CPU times need Linux's /proc/self/stat: " + e, e);
        }
    }
}
