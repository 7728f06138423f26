package org.separata.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.pdfbox.text.TextPosition;

/**
 * The baselines of a PDF's lines, read back with PDFBox, for judging the evenness of line spacing
 * as a typesetter does: inside a paragraph, every line stands the same distance below the one
 * before. Glyphs are cut into lines and columns as {@link WordGaps} cuts them; a line's baseline
 * is the one most of its glyphs sit on, so that a superscript or a subscript does not move it, and
 * its size is the size most of its glyphs have.
 */
public final class Baselines {

    /** One line of text: its page (from 1), baseline and edges in points from the page's top left. */
    public record Line(int page, float baseline, float size, float left, float right, String text) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p%d y=%.2f %.1fpt \"%s\"", page, baseline, size, text);
        }
    }

    /** Two lines of one paragraph, one after the other on a page, and the distance between their baselines. */
    public record Step(Line above, Line below) {
        public float distance() {
            return below.baseline() - above.baseline();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f pt from %s to %s", distance(), above, below);
        }
    }

    private Baselines() {
    }

    /** Every line of every page, top to bottom, columns left to right. */
    public static List<Line> lines(byte[] pdf) {
        List<List<TextPosition>> pages = WordGaps.pages(pdf);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            for (List<TextPosition> row : WordGaps.rows(pages.get(i))) {
                List<TextPosition> column = new ArrayList<>();
                for (TextPosition t : row) {
                    if (!column.isEmpty()) {
                        TextPosition last = column.get(column.size() - 1);
                        float gap = t.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj());
                        if (gap > WordGaps.COLUMN_GAP * WordGaps.size(t)) {
                            out.add(line(i + 1, column));
                            column = new ArrayList<>();
                        }
                    }
                    column.add(t);
                }
                out.add(line(i + 1, column));
            }
        }
        return out;
    }

    /**
     * The paragraphs among {@code lines}: each runs from a line whose text starts with {@code start}
     * to the line before the next such line, or before a line that starts with {@code stop}, in
     * reading order. Only lines of the first line's size count, so running heads, folios and notes
     * (set smaller) fall out; lines before the first paragraph and after {@code stop} are none.
     */
    public static List<List<Line>> paragraphs(List<Line> lines, String start, String stop) {
        List<List<Line>> out = new ArrayList<>();
        List<Line> current = null;
        for (Line l : lines) {
            if (l.text().startsWith(stop)) {
                break;
            }
            if (l.text().startsWith(start)) {
                current = new ArrayList<>();
                out.add(current);
                current.add(l);
            } else if (current != null && Math.abs(l.size() - current.get(0).size()) <= 0.1f) {
                current.add(l);
            }
        }
        return out;
    }

    /** The steps from each line of {@code paragraph} to the next on the same page. */
    public static List<Step> steps(List<Line> paragraph) {
        List<Step> out = new ArrayList<>();
        for (int i = 1; i < paragraph.size(); i++) {
            if (paragraph.get(i).page() == paragraph.get(i - 1).page()) {
                out.add(new Step(paragraph.get(i - 1), paragraph.get(i)));
            }
        }
        return out;
    }

    private static Line line(int pageNo, List<TextPosition> glyphs) {
        StringBuilder text = new StringBuilder();
        float right = 0;
        for (TextPosition t : glyphs) {
            if (!text.isEmpty() && t.getXDirAdj() - right > WordGaps.size(t) / 6f) {
                text.append(' ');
            }
            text.append(t.getUnicode());
            right = t.getXDirAdj() + t.getWidthDirAdj();
        }
        return new Line(pageNo, mode(glyphs, TextPosition::getYDirAdj), mode(glyphs, WordGaps::size),
                glyphs.get(0).getXDirAdj(), right, WordGaps.nfkc(text));
    }

    /** The value most glyphs have (to a hundredth of a point); the first such, on a tie. */
    private static float mode(List<TextPosition> glyphs, ToDoubleFunction<TextPosition> f) {
        Map<Long, Integer> counts = new HashMap<>();
        long best = 0;
        int most = 0;
        for (TextPosition t : glyphs) {
            long k = Math.round(f.applyAsDouble(t) * 100);
            int n = counts.merge(k, 1, Integer::sum);
            if (n > most) {
                most = n;
                best = k;
            }
        }
        return best / 100f;
    }
}
