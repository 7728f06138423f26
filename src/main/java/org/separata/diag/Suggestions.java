package org.separata.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean …?": the known name nearest to one that was mistyped, by edit distance, for an
 * unknown manifest key, layout pack or option value.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The name of {@code known} nearest to {@code typed}, if one is near enough to be a typo: at
     * most two edits, or a quarter of the length for long names.
     */
    public static Optional<String> nearest(String typed, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(k, typed) <= Math.max(2, typed.length() / 4))
                .min(Comparator.comparingInt(k -> distance(k, typed)));
    }

    /** {@code "did you mean 'classic'? "}, or nothing. */
    public static String didYouMean(String typed, Collection<String> known) {
        return nearest(typed, known).map(n -> "did you mean '" + n + "'? ").orElse("");
    }

    /** The Levenshtein distance between two strings. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
