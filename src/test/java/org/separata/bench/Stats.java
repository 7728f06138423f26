package org.separata.bench;

import java.util.Arrays;

/** Medians and spreads of timings. */
final class Stats {

    private Stats() {
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double percentile(double[] xs, double p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static String summary(double[] xs, String unit) {
        return String.format("median %.1f %s (min %.1f, p90 %.1f, n=%d)", median(xs), unit,
                Arrays.stream(xs).min().orElse(0), percentile(xs, 90), xs.length);
    }
}
