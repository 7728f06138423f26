package org.separata.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Knuth–Plass line breaking on synthetic paragraphs: words of given widths and word spaces of 10. */
class LinePlannerTest {

    /** A paragraph of words (widths), a space after each but the last; hyphenation points inside words. */
    private record Paragraph(int[] start, int[] piece, boolean[] space, int[] stretchable, boolean[] hyphen) {
        static Paragraph of(int space, int... words) {
            // a negative width marks a hyphenation point: the piece ends with a hyphen, no space after
            int n = words.length;
            int[] start = new int[n + 1];
            int[] piece = new int[n + 1];
            boolean[] sp = new boolean[n + 1];
            int[] str = new int[n + 1];
            boolean[] hy = new boolean[n + 1];
            int spaces = 0;
            for (int k = 1; k <= n; k++) {
                int w = words[k - 1];
                hy[k] = w < 0;
                sp[k] = w > 0 && k < n;
                piece[k] = Math.abs(w) + (hy[k] ? 5 : 0);
                start[k] = piece[k];
                if (sp[k]) {
                    spaces++;
                }
                str[k] = spaces;
                if (k > 1 && sp[k - 1]) {
                    piece[k] += space; // the previous line's final space is back when the line goes on
                }
                if (k > 1 && hy[k - 1]) {
                    piece[k] -= 5;
                }
            }
            return new Paragraph(start, piece, sp, str, hy);
        }

        int[] plan(int width) {
            return LinePlanner.plan(width, width, start, piece, space, stretchable, hyphen, 4, 5, 1.5f);
        }

        int width(int from, int to) {
            int w = start[from + 1];
            for (int k = from + 2; k <= to; k++) {
                w += piece[k];
            }
            return w;
        }
    }

    @Test
    void noLineIsWiderThanTheMeasure() {
        Paragraph p = Paragraph.of(10, 40, 35, 50, 20, 45, 30, 25, 60, 15, 40, 35, 50, 20, 45);
        int[] breaks = p.plan(200);
        int from = 0;
        for (int b : breaks) {
            assertTrue(p.width(from, b) <= 200, "line " + from + "-" + b);
            from = b;
        }
        assertEquals(p.start.length - 1, breaks[breaks.length - 1], "the last break is the end");
    }

    @Test
    void evenLinesBeatAGreedyFirstLine() {
        // greedy would take 4 words (190 wide) and leave a loose second line; total fit spreads them
        Paragraph p = Paragraph.of(10, 40, 40, 40, 40, 40, 40, 20);
        int[] breaks = p.plan(190);
        assertArrayEquals(new int[] {4, 7}, breaks, "first line 4 words: 190 exactly, then the rest");
        Paragraph q = Paragraph.of(10, 40, 40, 40, 40, 100, 40);
        int[] b2 = q.plan(200);
        assertEquals(q.start.length - 1, b2[b2.length - 1]);
    }

    @Test
    void hyphenatesOnlyWhenItPays() {
        // words 60 + hyphenation point after 30 of a 60-wide word; measure 160
        Paragraph tight = Paragraph.of(10, 60, 60, 30, -30, 30, 60);
        int[] withHyphen = tight.plan(165);
        assertTrue(withHyphen.length >= 2);
        Paragraph fits = Paragraph.of(10, 70, 70, -30, 30, 70);
        int[] noHyphen = fits.plan(150);
        for (int b : noHyphen) {
            assertTrue(!fits.hyphen[b] || b == fits.start.length - 1, "no hyphen needed: " + b);
        }
    }

    @Test
    void aSingleWordNeverStretchesAcrossALineWhenAnythingElseFits() {
        Paragraph p = Paragraph.of(10, 30, 30, 30, 190, 30, 30, 30);
        int[] breaks = p.plan(200);
        assertTrue(breaks.length > 0);
    }
}
