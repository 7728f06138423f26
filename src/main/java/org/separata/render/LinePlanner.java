package org.separata.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses where the lines of a paragraph end, as TeX does (Knuth and Plass's total-fit
 * algorithm): of all ways to break the text into lines no wider than the measure, the one with the
 * least demerits, where a line's demerits grow with the cube of how far its word spaces stretch
 * or shrink from their natural width, and hyphens, hyphens on consecutive lines and a hyphen before
 * the last line cost extra. Flying Saucer can only widen word spaces, so fonts are drawn with
 * their tightest word space, and a line's "natural" spaces are that plus {@code slack}: a line
 * whose spaces widen by less than the slack is shrunk, as TeX sees it.
 *
 * <p>The input is a row of break candidates with the widths Flying Saucer will measure; the output
 * is the candidates to break at. Pure computation, no state.
 */
final class LinePlanner {

    /** TeX's \linepenalty. */
    static final int LINE_PENALTY = 10;
    /** TeX's \hyphenpenalty and \exhyphenpenalty. */
    static final int HYPHEN_PENALTY = 100;
    /** TeX's \doublehyphendemerits: two hyphenated lines in a row. */
    static final int DOUBLE_HYPHEN_DEMERITS = 10_000;
    /** TeX's \finalhyphendemerits: the last full line hyphenated. */
    static final int FINAL_HYPHEN_DEMERITS = 5_000;
    /**
     * No more hyphenated lines than this in a row, ever (a ladder of hyphens is a classic
     * typesetting fault): where no plan within the tolerance keeps to it, a looser line is taken.
     */
    static final int MAX_HYPHENS_IN_A_ROW = 2;

    private LinePlanner() {
    }

    /**
     * One paragraph's candidates. Candidate 0 is the start of the first line; candidates 1…n are
     * places a line may end, the last being the end of the text.
     *
     * @param firstWidth  the width of the first line (dots)
     * @param lineWidth   the width of the other lines (dots)
     * @param startWidth  {@code startWidth[k]}: the measured width of the first piece of a line
     *                    that starts at candidate {@code k-1} and reaches candidate {@code k}
     *                    (a line's final word space not counted)
     * @param pieceWidth  {@code pieceWidth[k]}: the same piece when it follows others on the line
     * @param endsAtSpace whether a line ending at {@code k} ends with a word space (dropped)
     * @param stretchable word spaces (stretchable) between candidate 0 and candidate {@code k}
     * @param hyphen      whether ending at {@code k} draws a hyphen (or breaks after one)
     * @param slack       the widening of each word space (dots of line shortfall per space) at
     *                    which a line is set at its natural spacing (badness 0); less is shrinking,
     *                    down to nothing (badness 100)
     * @param stretch     the widening beyond the slack, per space, at badness 100
     * @param tolerance   the largest stretch ratio allowed before falling back to any break
     * @return the candidates to break at, increasing, ending with the last; empty if none fits
     */
    static int[] plan(int firstWidth, int lineWidth, int[] startWidth, int[] pieceWidth, boolean[] endsAtSpace, int[] stretchable,
            boolean[] hyphen, float slack, float stretch, float tolerance) {
        return plan(firstWidth, lineWidth, startWidth, pieceWidth, endsAtSpace, stretchable, hyphen, slack, stretch,
                tolerance, 0);
    }

    /**
     * As above, for text that follows {@code hyphensBefore} hyphenated lines in a row (the lines
     * of the same paragraph before it).
     */
    static int[] plan(int firstWidth, int lineWidth, int[] startWidth, int[] pieceWidth, boolean[] endsAtSpace, int[] stretchable,
            boolean[] hyphen, float slack, float stretch, float tolerance, int hyphensBefore) {
        int start = Math.min(hyphensBefore, MAX_HYPHENS_IN_A_ROW);
        int[] best = solve(firstWidth, lineWidth, startWidth, pieceWidth, endsAtSpace, stretchable, hyphen, slack, stretch,
                tolerance, MAX_HYPHENS_IN_A_ROW, start);
        if (best == null) {
            // as TeX's last pass: any line, however loose, but still no longer run of hyphens
            best = solve(firstWidth, lineWidth, startWidth, pieceWidth, endsAtSpace, stretchable, hyphen, slack, stretch,
                    Float.MAX_VALUE, MAX_HYPHENS_IN_A_ROW, start);
        }
        return best == null ? new int[0] : best;
    }

    private static int[] solve(int firstWidth, int lineWidth, int[] startWidth, int[] pieceWidth, boolean[] endsAtSpace, int[] stretchable,
            boolean[] hyphen, float slack, float stretch, float tolerance, int maxHyphensInARow, int startState) {
        int n = startWidth.length - 1;
        long[] prefix = new long[n + 1];
        for (int k = 1; k <= n; k++) {
            prefix[k] = prefix[k - 1] + pieceWidth[k];
        }
        // state: a break at j after h hyphenated lines in a row (h = 0 when j is no hyphen)
        int states = maxHyphensInARow + 1;
        double[][] demerits = new double[n + 1][states];
        int[][] fromBreak = new int[n + 1][states];
        int[][] fromState = new int[n + 1][states];
        for (double[] d : demerits) {
            Arrays.fill(d, Double.POSITIVE_INFINITY);
        }
        demerits[0][startState] = 0;
        for (int j = 1; j <= n; j++) {
            boolean last = j == n;
            for (int i = j - 1; i >= 0; i--) {
                long width = startWidth[i + 1] + prefix[j] - prefix[i + 1];
                int measure = i == 0 ? firstWidth : lineWidth;
                if (width > measure) {
                    if (i == 0 || width > Math.max(firstWidth, lineWidth)) {
                        break; // starting earlier only makes the line wider
                    }
                    continue;
                }
                double line = lineDemerits(measure - width,
                        stretchable[j] - stretchable[i] - (endsAtSpace[j] ? 1 : 0), last, slack, stretch, tolerance);
                if (Double.isNaN(line)) {
                    continue;
                }
                boolean hyphenated = hyphen[j] && !last;
                for (int h = 0; h < states; h++) {
                    if (demerits[i][h] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    int next = hyphenated ? h + 1 : 0;
                    if (next >= states) {
                        continue;
                    }
                    double d = line;
                    if (hyphenated) {
                        d += (double) HYPHEN_PENALTY * HYPHEN_PENALTY + (h > 0 ? DOUBLE_HYPHEN_DEMERITS : 0);
                    }
                    if (last && h > 0) {
                        d += FINAL_HYPHEN_DEMERITS;
                    }
                    double total = demerits[i][h] + d;
                    if (total < demerits[j][next]) {
                        demerits[j][next] = total;
                        fromBreak[j][next] = i;
                        fromState[j][next] = h;
                    }
                }
            }
        }
        int state = 0;
        for (int h = 1; h < states; h++) {
            if (demerits[n][h] < demerits[n][state]) {
                state = h;
            }
        }
        if (demerits[n][state] == Double.POSITIVE_INFINITY) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int k = n; k > 0; ) {
            out.add(0, k);
            int i = fromBreak[k][state];
            state = fromState[k][state];
            k = i;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A line's demerits before penalties, or NaN when it stretches beyond the tolerance. */
    private static double lineDemerits(double shortfall, int spaces, boolean last, float slack, float stretch,
            float tolerance) {
        double badness;
        if (last) {
            badness = 0;
        } else if (spaces <= 0) {
            // one word stretched across the line, letter by letter: only if nothing else fits
            if (shortfall > 0 && tolerance != Float.MAX_VALUE) {
                return Double.NaN;
            }
            badness = shortfall > 0 ? 1e6 : 0;
        } else {
            double perSpace = shortfall / spaces;
            double ratio = perSpace >= slack ? (perSpace - slack) / stretch : (slack - perSpace) / slack;
            if (perSpace >= slack && ratio > tolerance) {
                return Double.NaN;
            }
            // not capped at TeX's 10000, so that a last-resort plan still tells bad from worse
            badness = 100 * ratio * ratio * ratio;
        }
        return (LINE_PENALTY + badness) * (LINE_PENALTY + badness);
    }
}
