package org.separata.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;
import org.xhtmlrenderer.render.FSFont;

/**
 * Where Flying Saucer may end a line, and where it should. One instance per document: it learns
 * from the lines already broken.
 *
 * <h2>Break opportunities</h2>
 * The layout stage marks the places inside words: a soft hyphen (U+00AD) is a hyphenation point,
 * a zero-width space (U+200B) a break without a hyphen (inside URLs and DOIs). Besides those, a
 * line may end after a run of spaces, and after a hyphen or an em dash that joins two words. A
 * no-break space never breaks.
 *
 * <h2>Working around Flying Saucer's hyphen width</h2>
 * Flying Saucer's {@code Breaker} (9.13.3) walks the break points of a line in order and adds up
 * the width of each piece, measured as {@code text(previous point, point) + point.getHyphen()}.
 * The running total keeps the hyphen of every earlier point: by the tenth hyphenation point of a
 * line it has counted ten hyphens that will never be drawn, so lines with many hyphenation points
 * end far too early. Its own soft-hyphen handling is no better: U+00AD stays in the text, where
 * the font draws it as a hyphen, mid-line too. Here a hyphenation point is a break just after the
 * soft hyphen, and the measurer ({@link ShapedWidths}) counts a soft hyphen that ends a piece as
 * the hyphen it becomes if the line ends there. The next break point, the first time the Breaker
 * asks for its "hyphen" (to measure), answers a mark that takes that width back out of the
 * total; asked again (to insert it into the text), it answers nothing. So nothing is inserted,
 * and {@link TypesetOutputDevice} draws a hyphen only where a line ends. Marks of the same kind
 * let the last word space of a justified line (which Flying Saucer drops) overhang the measure.
 *
 * <h2>Choosing the breaks</h2>
 * The Breaker fills each line greedily, taking the last point that fits. The strategy is not told
 * how wide a line is, so it learns that per style ({@link Measure}): a line that fitted up to one
 * point and not the next brackets the width. Once the width is known, the rest of a paragraph is
 * broken as TeX breaks it ({@link LinePlanner}): the points of the planned line are offered, and
 * then one that is made to look too wide, so that the Breaker ends the line where the plan does.
 * Between the two goes a probe: a point at the same place whose measured width is a guess at the
 * line width; whether the Breaker accepts it halves the uncertainty, and the line ends at the same
 * place either way. Should a plan not fit, the Breaker still never lets a line overflow, and the
 * next line is planned afresh. Until the width is known, a word is hyphenated only when ending
 * the line before it would leave its word spaces wider than {@link #LOOSE} ems.
 */
final class BreakOpportunities implements LineBreakingStrategy {

    /** Word spaces (in ems) that need no hyphenation, before the line width is known. */
    static final float LOOSE = 0.34f;
    /** How far a word space stretches beyond its natural width at TeX badness 100, in ems. */
    static final float STRETCH = 0.08f;
    /** The stretch ratio beyond which a line is only a last resort (TeX's tolerance 200 is 1.26). */
    static final float TOLERANCE = 1.5f;
    /** Flying Saucer gives this share of a justified line's stretch to the word spaces. */
    static final float SPACE_SHARE = 0.8f;
    /** A width bracket narrower than this (in ems) is good enough to plan with. */
    private static final float KNOWN_WITHIN = 0.5f;

    /**
     * Ragged text is hyphenated only in words of at least this many letters, and only where the
     * line would otherwise fall short of its measure by more than {@link #RAGGED_SHORT} of it.
     */
    static final int RAGGED_MIN_WORD = 8;
    static final float RAGGED_SHORT = 0.2f;

    private final ShapedWidths widths = new ShapedWidths();
    /** Words not to break, each as the text from its start (see {@link PageEnds}: no hyphen ends a page). */
    private final java.util.Set<String> forbidden;
    /** Hyphenated lines in a row just before the current line. */
    private int hyphensInARow;

    BreakOpportunities() {
        this(java.util.Set.of());
    }

    /** @param forbidden words not to break, each given by the text from its start to the end of its text node */
    BreakOpportunities(java.util.Set<String> forbidden) {
        this.forbidden = forbidden;
    }
    private final Map<CalculatedStyle, Measure> lineWidths = new IdentityHashMap<>();
    /** The same for the first line of a text, which may be indented or follow other text. */
    private final Map<CalculatedStyle, Measure> firstLineWidths = new IdentityHashMap<>();
    private Provider last;

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        Provider p = new Provider(text, style, font(style));
        if (last != null && last.continuedBy(text)) {
            last.learn(text);
            p.continuation = true;
            char end = last.text.charAt(last.text.length() - text.length() - 1);
            hyphensInARow = end == ShapedWidths.SOFT_HYPHEN ? hyphensInARow + 1 : 0;
        } else if (last != null) {
            // another text node, most often of the same paragraph (after an italic word, a note
            // mark): the count of hyphenated lines goes on from the last line break seen
            last.learnLast();
        }
        p.prepare(p.continuation ? last : null);
        last = p;
        return p;
    }

    /**
     * The style's font, resolved already by the Breaker before it asks for break points. A
     * justified style's word spaces are made tight here, before the Breaker measures its first
     * piece with it.
     */
    private static FSFont font(CalculatedStyle style) {
        FSFont f;
        try {
            f = style.getFSFont(null);
        } catch (RuntimeException e) {
            return null;
        }
        if (f instanceof TypesetFont t && style.isTextJustify()) {
            t.justify();
        }
        return f;
    }

    /** What is known of a line width (dots): the widest line that fitted, the narrowest that did not. */
    private static final class Measure {
        int fits;
        int over = Integer.MAX_VALUE;

        void fitted(int width) {
            fits = Math.max(fits, width);
            check();
        }

        void overflowed(int width) {
            over = Math.min(over, width);
            check();
        }

        private void check() {
            if (fits >= over) {
                over = Integer.MAX_VALUE; // contradictory (another indent, a float): keep what fitted
            }
        }

        /**
         * The width to plan with, if known closely enough: what is known to fit. (A plan for a
         * wider line might not fit; the Breaker would then end the line at the point before the
         * planned one, which may leave it very loose.)
         */
        int estimate(float em) {
            if (over == Integer.MAX_VALUE || over - fits > KNOWN_WITHIN * em) {
                return -1;
            }
            return fits;
        }

        /** A width worth probing, or -1 when the bracket is tight. */
        int probe() {
            return over != Integer.MAX_VALUE && over - fits > 2 ? fits + (over - fits) / 2 : -1;
        }
    }

    /** The marks a point's measure carries (see {@link ShapedWidths}): what the previous point took off, and this one's. */
    static String marks(boolean afterHyphen, boolean afterSpaceCredit, boolean spaceCredit) {
        StringBuilder sb = new StringBuilder(3);
        if (afterHyphen) {
            sb.append(ShapedWidths.HYPHEN_CREDIT);
        }
        if (afterSpaceCredit) {
            sb.append(ShapedWidths.SPACE_DEBIT);
        }
        if (spaceCredit) {
            sb.append(ShapedWidths.SPACE_CREDIT);
        }
        return sb.toString();
    }

    /** The break candidates of a justified text, with the widths the Breaker will measure. */
    private static final class Candidates {
        final int[] position;       // [0] = 0, then each candidate, the last = text.length()
        final boolean[] hyphen;
        final boolean[] endsAtSpace;
        final int[] startWidth;
        final int[] pieceWidth;
        final int[] stretchable;

        Candidates(String text, List<Integer> positions, ShapedWidths widths, FSFont font) {
            int n = positions.size();
            position = new int[n + 1];
            hyphen = new boolean[n + 1];
            endsAtSpace = new boolean[n + 1];
            startWidth = new int[n + 1];
            pieceWidth = new int[n + 1];
            stretchable = new int[n + 1];
            int spaces = 0;
            for (int k = 1; k <= n; k++) {
                int p = positions.get(k - 1);
                position[k] = p;
                char before = text.charAt(p - 1);
                hyphen[k] = before == ShapedWidths.SOFT_HYPHEN || before == '-' || before == '\u2010';
                endsAtSpace[k] = before == ' ' && p < text.length();
                boolean afterHyphen = k >= 2 && text.charAt(position[k - 1] - 1) == ShapedWidths.SOFT_HYPHEN;
                String piece = text.substring(position[k - 1], p);
                startWidth[k] = widths.getWidth(null, font, piece + marks(false, false, endsAtSpace[k]));
                pieceWidth[k] = widths.getWidth(null, font,
                        piece + marks(afterHyphen, k >= 2 && endsAtSpace[k - 1], endsAtSpace[k]));
                for (int c = position[k - 1]; c < p; c++) {
                    char ch = text.charAt(c);
                    if (ch == ' ' || ch == '\u00A0') {
                        spaces++;
                    }
                }
                stretchable[k] = spaces;
            }
        }
    }

    /** The break points of one line: the text from the line's start to the end of the text node. */
    private final class Provider implements BreakPointsProvider {
        private final String text;
        private final CalculatedStyle style;
        private final FSFont font;
        private final boolean justified;
        boolean continuation;

        // the scan, and what the Breaker has been given
        private int pos;
        private boolean done;
        private final List<int[]> returned = new ArrayList<>(); // position, the Breaker's running total
        private int total;
        private boolean lastWasHyphen;
        private boolean lastSpaceCredit;
        private int spaces;
        private int totalAtSpace;
        private int spacesAtSpace;
        private int skipHyphensUntil = -1;

        // the plan being followed: candidates from some earlier line start, where they begin here
        private Candidates plan;
        private int[] planBreaks;
        private int planOffset;
        private int planNext;
        private int planStop = -1;
        private int probe = -1;          // the width probed after the planned break, or -1
        private int probeIndex = -1;     // its index in returned
        private boolean endedWithProbe;

        Provider(String text, CalculatedStyle style, FSFont font) {
            this.text = text;
            this.style = style;
            this.font = font;
            this.justified = style.isTextJustify();
        }

        private Measure measure(boolean first) {
            return (first ? firstLineWidths : lineWidths).computeIfAbsent(style, k -> new Measure());
        }

        /** Follows the previous line's plan if the Breaker did, else plans the rest of the text if its widths are known. */
        void prepare(Provider previous) {
            if (font == null || !justified) {
                return;
            }
            if (previous != null && previous.plan != null) {
                int offset = previous.planOffset + previous.text.length() - text.length();
                for (int b : previous.planBreaks) {
                    if (previous.plan.position[b] == offset && b < previous.plan.position.length - 1) {
                        follow(previous.plan, previous.planBreaks, offset, b);
                        return;
                    }
                }
            }
            float em = font.getSize2D();
            int width = measure(false).estimate(em);
            int first = continuation ? width : measure(true).estimate(em);
            if (first < 0 && width >= 0) {
                // a first line not learned yet: a full line less the indent (a text that starts
                // after other text on its line has less room, and the Breaker then ends that line
                // earlier than planned, as it would anyway)
                first = width - indent(style, width);
            }
            if (width < 0 || first <= 0) {
                return;
            }
            Candidates c = new Candidates(text, allCandidates(), widths, font);
            float slack = (ShapedWidths.naturalSpace(font) - widths.getWidth(null, font, " ")) / SPACE_SHARE;
            int[] breaks = LinePlanner.plan(first, width, c.startWidth, c.pieceWidth, c.endsAtSpace, c.stretchable,
                    c.hyphen, Math.max(1, slack), STRETCH * em / SPACE_SHARE, TOLERANCE, hyphensInARow);
            if (breaks.length > 0) {
                follow(c, breaks, 0, 0);
            }
        }

        private static int indent(CalculatedStyle style, int width) {
            try {
                return Math.round(style.getFloatPropertyProportionalWidth(CSSName.TEXT_INDENT, width, null));
            } catch (RuntimeException e) {
                return width; // an indent in absolute units needs a layout context: plan no first line
            }
        }

        private void follow(Candidates c, int[] breaks, int offset, int startIndex) {
            plan = c;
            planBreaks = breaks;
            planOffset = offset;
            planNext = startIndex + 1;
            for (int b : breaks) {
                if (b > startIndex) {
                    planStop = b;
                    break;
                }
            }
        }

        private List<Integer> allCandidates() {
            List<Integer> out = new ArrayList<>();
            int p;
            while ((p = nextOpportunity(false)) >= 0) {
                out.add(p);
            }
            out.add(text.length());
            pos = 0;
            spaces = 0;
            return out;
        }

        @Override
        public BreakPoint next() {
            if (done) {
                return BreakPoint.getDonePoint();
            }
            if (plan != null && planStop > 0) {
                return nextPlanned();
            }
            int p = nextOpportunity(true);
            if (p < 0) {
                // the end of the text is the last point, as with Java's line BreakIterator: the
                // Breaker measures the last piece there before it concludes that everything fits
                done = true;
                p = text.length();
                if (p == 0) {
                    return BreakPoint.getDonePoint();
                }
            }
            return point(p, "");
        }

        /** The plan's points up to its break, a probe there, then a point that cannot fit. */
        private BreakPoint nextPlanned() {
            int last = plan.position.length - 1;
            // a hyphenation point inside the planned line is not offered: should the line turn
            // out narrower than planned (the text starts after other text), the Breaker falls back
            // to a space, not to a hyphen the plan did not choose
            while (planNext < planStop && plan.hyphen[planNext]
                    && text.charAt(plan.position[planNext] - planOffset - 1) == ShapedWidths.SOFT_HYPHEN) {
                planNext++;
            }
            if (planNext <= planStop) {
                int p = plan.position[planNext] - planOffset;
                done = planNext == last;
                planNext++;
                BreakPoint bp = point(p, "");
                if (planNext > planStop && !done) {
                    probe = measure(!continuation).probe();
                }
                return bp;
            }
            int stopAt = plan.position[planStop] - planOffset;
            if (probe > total && probeIndex < 0) {
                probeIndex = returned.size();
                returned.add(new int[] {stopAt, probe});
                return new Point(stopAt, ShapedWidths.exactly(probe - total));
            }
            if (probeIndex >= 0) {
                endedWithProbe = true; // the Breaker asked for more: the probe fitted
            }
            done = true;
            return point(plan.position[planStop + 1] - planOffset, String.valueOf(ShapedWidths.TOO_WIDE));
        }

        private BreakPoint point(int p, String extra) {
            boolean credit = justified && text.charAt(p - 1) == ' ' && p < text.length();
            String measure = marks(lastWasHyphen, lastSpaceCredit, credit) + extra;
            lastSpaceCredit = credit;
            int from = returned.isEmpty() ? 0 : returned.get(returned.size() - 1)[0];
            if (font != null) {
                total += widths.getWidth(null, font, text.substring(from, p) + measure);
            }
            returned.add(new int[] {p, total});
            lastWasHyphen = text.charAt(p - 1) == ShapedWidths.SOFT_HYPHEN;
            if (text.charAt(p - 1) == ' ') {
                totalAtSpace = total;
                spacesAtSpace = spaces;
            }
            return new Point(p, measure);
        }

        private int nextOpportunity(boolean choosy) {
            int n = text.length();
            while (pos < n) {
                char c = text.charAt(pos++);
                if (c == ' ' || c == '\t' || c == '\n') {
                    spaces++;
                    while (pos < n && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\n')) {
                        pos++;
                    }
                    if (pos < n) {
                        return pos;
                    }
                } else if (c == '\u00A0') {
                    spaces++; // no break, but Flying Saucer stretches it like a space
                } else if (c == ShapedWidths.SOFT_HYPHEN) {
                    if (pos < n && pos > 1 && !isForbidden(pos) && (!choosy || hyphenate())) {
                        return pos;
                    }
                } else if (c == '\u200B') {
                    if (pos < n && pos > 1) {
                        return pos;
                    }
                } else if ((c == '-' || c == '\u2010' || c == '\u2014') && joinsWords(pos - 1) && !isForbidden(pos)) {
                    return pos;
                }
            }
            return -1;
        }

        /**
         * Whether to offer the hyphenation point just passed: decided once per word, from how
         * loose the line would be if it ended at the last space, when the line width is known.
         */
        private boolean hyphenate() {
            if (pos <= skipHyphensUntil) {
                return false;
            }
            if (hyphensInARow >= LinePlanner.MAX_HYPHENS_IN_A_ROW) {
                return false;
            }
            if (!justified) {
                return raggedHyphen();
            }
            int width = font == null ? -1 : measure(!continuation).estimate(font.getSize2D());
            if (width < 0 || spacesAtSpace == 0) {
                return true;
            }
            float gap = widths.getWidth(null, font, " ") + SPACE_SHARE * (width - totalAtSpace) / spacesAtSpace;
            if (gap > LOOSE * font.getSize2D()) {
                return true;
            }
            skipHyphensUntil = pos;
            while (skipHyphensUntil < text.length() && " \t\n".indexOf(text.charAt(skipHyphensUntil)) < 0) {
                skipHyphensUntil++;
            }
            return false;
        }

        /**
         * Ragged text: a long word only, and only when ending the line at the space before it would
         * leave the line very short. Until the width is known, no hyphen at all.
         */
        private boolean raggedHyphen() {
            int from = pos - 1;
            while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == ShapedWidths.SOFT_HYPHEN)) {
                from--;
            }
            int to = pos;
            while (to < text.length() && (Character.isLetter(text.charAt(to)) || text.charAt(to) == ShapedWidths.SOFT_HYPHEN)) {
                to++;
            }
            int letters = 0;
            for (int k = from; k < to; k++) {
                letters += Character.isLetter(text.charAt(k)) ? 1 : 0;
            }
            int width = font == null ? -1 : measure(!continuation).estimate(font.getSize2D());
            if (letters < RAGGED_MIN_WORD || width <= 0 || totalAtSpace <= 0) {
                return false;
            }
            return width - totalAtSpace > RAGGED_SHORT * width;
        }

        /** Whether the word that breaks at {@code at} may not break (it ended a page in an earlier layout). */
        private boolean isForbidden(int at) {
            return !forbidden.isEmpty() && forbidden.contains(text.substring(PageEnds.wordStart(text, at)));
        }

        /** A hyphen or dash with two letters (or digits) before it and two letters after it, as in "post-Soviet". */
        private boolean joinsWords(int at) {
            return at >= 2 && at + 2 < text.length()
                    && Character.isLetterOrDigit(text.charAt(at - 1)) && Character.isLetterOrDigit(text.charAt(at - 2))
                    && Character.isLetter(text.charAt(at + 1)) && Character.isLetter(text.charAt(at + 2));
        }

        /** Whether {@code next} is the rest of this text, after the Breaker ended this line. */
        boolean continuedBy(String next) {
            int cut = text.length() - next.length();
            return cut > 0 && text.regionMatches(cut, next, 0, next.length());
        }

        /** The Breaker ended this line where {@code next} begins: that point fitted, the one after it did not. */
        void learn(String next) {
            if (font == null) {
                return;
            }
            Measure m = measure(!continuation);
            int cut = text.length() - next.length();
            if (probe >= 0 && probeIndex >= 0) {
                if (endedWithProbe) {
                    m.fitted(probe);
                } else {
                    m.overflowed(probe);
                }
            }
            for (int i = 0; i < returned.size(); i++) {
                if (returned.get(i)[0] == cut && i != probeIndex) {
                    m.fitted(returned.get(i)[1]);
                    int after = i + 1 == probeIndex ? i + 2 : i + 1;
                    if (after < returned.size() && returned.get(after)[1] < (1 << 23)) {
                        m.overflowed(returned.get(after)[1]);
                    }
                }
            }
        }

        /** The text ended on this line: everything in it fitted. */
        void learnLast() {
            if (done && font != null && !returned.isEmpty() && probeIndex < 0) {
                measure(!continuation).fitted(returned.get(returned.size() - 1)[1]);
            }
        }
    }

    /**
     * A break point whose "hyphen" is what the Breaker should measure the first time it asks, and
     * nothing afterwards, so that nothing is inserted into the text.
     */
    private static final class Point extends BreakPoint {
        private String measure;

        Point(int position, String measure) {
            super(position);
            this.measure = measure;
        }

        @Override
        public String getHyphen() {
            String m = measure;
            measure = "";
            return m;
        }
    }
}
