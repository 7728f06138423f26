package org.separata.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps together what an element boundary would otherwise let Flying Saucer break. Flying Saucer
 * fits each text node on its own, and may end a line wherever one node ends and the next begins,
 * even inside a word ("<b>41</b>:338"), between a word and its note mark, or right after a
 * no-break space ("№ <b>ФРИ-2023-0417</b>", "<i>p</i> = 0.01"). So every stretch of text that has
 * no break opportunity but crosses an element boundary is wrapped in a {@code glue} node, which
 * templates set as an unbreakable box ({@code span.glue}: {@code display: inline-block; white-space:
 * nowrap}), from the break opportunity before it (a breaking space or a zero-width space) to the one
 * after it. Soft hyphens inside it are dropped: it cannot break there.
 *
 * <p>Works on template nodes ({@code text}, {@code symbol}, {@code style}, {@code link}); a stretch
 * longer than {@link #LONGEST} characters is left alone, so that nothing is ever pushed past the
 * margin. An inline formula ({@code math}) is kept whole and counts as its linear form; other node
 * kinds are kept whole and count as no text. Between two ideographs a line may break
 * ({@link Ideographs}), so CJK text is not glued.
 */
final class Glue {

    /** Stretches longer than this are not glued (a break at the boundary is better than an overflow). */
    static final int LONGEST = 32;
    /** What stands for an inline formula in the text the stretches are found in. */
    private static final char FORMULA = '\uFFFC';

    private Glue() {
    }

    /** One piece of text and the container nodes (style, link) it sits in, outermost first. */
    private record Leaf(Map<String, Object> node, List<Map<String, Object>> path) {
        String text() {
            Object t = node.get("text");
            if (t == null && "math".equals(node.get("kind"))) {
                // an inline formula: one unbreakable box, as wide as its linear form, which stands
                // for it in the text (it is glued to the punctuation beside it, within LONGEST)
                return String.valueOf(FORMULA).repeat(Math.max(1, String.valueOf(node.get("linear")).length()));
            }
            return t == null ? "" : t.toString();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> apply(List<Object> nodes) {
        List<Leaf> leaves = new ArrayList<>();
        flatten(nodes, new ArrayList<>(), leaves);
        if (leaves.size() < 2) {
            return nodes;
        }
        StringBuilder all = new StringBuilder();
        int[] starts = new int[leaves.size() + 1];
        for (int k = 0; k < leaves.size(); k++) {
            starts[k] = all.length();
            all.append(leaves.get(k).text());
        }
        starts[leaves.size()] = all.length();
        String s = all.toString();
        // glued stretches: [from, to) in s
        List<int[]> units = new ArrayList<>();
        for (int k = 1; k < leaves.size(); k++) {
            int b = starts[k];
            if (b == 0 || b == s.length() || !glued(s, b)) {
                continue;
            }
            int from = b;
            while (from > 0 && !breaksAfter(s.charAt(from - 1)) && !Ideographs.breakBetween(s, from)) {
                from--;
            }
            int to = b;
            while (to < s.length() && !breaksBefore(s, to) && !Ideographs.breakBetween(s, to)) {
                to++;
            }
            if (to - from > LONGEST) {
                continue;
            }
            if (!units.isEmpty() && units.get(units.size() - 1)[1] >= from) {
                units.get(units.size() - 1)[1] = Math.max(to, units.get(units.size() - 1)[1]);
            } else {
                units.add(new int[] {from, to});
            }
        }
        if (units.isEmpty()) {
            return nodes;
        }
        // pieces: each leaf cut at the edges of the units, tagged with its unit (-1: none)
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < leaves.size(); k++) {
            Leaf leaf = leaves.get(k);
            int a = starts[k];
            int e = starts[k + 1];
            if (a == e) {
                pieces.add(new Piece(leaf, leaf.text(), unitAt(units, a, e)));
                continue;
            }
            int p = a;
            while (p < e) {
                int u = unitAt(units, p, p + 1);
                int q = p;
                while (q < e && unitAt(units, q, q + 1) == u) {
                    q++;
                }
                String text = s.substring(p, q);
                if (u >= 0) {
                    text = text.replace(String.valueOf(Prose.SHY), "");
                }
                pieces.add(new Piece(leaf, text, u));
                p = q;
            }
        }
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            int u = pieces.get(i).unit;
            int j = i;
            while (j < pieces.size() && pieces.get(j).unit == u) {
                j++;
            }
            List<Piece> run = pieces.subList(i, j);
            if (u < 0) {
                out.addAll(build(run, 0));
            } else {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("kind", "glue");
                g.put("children", build(run, 0));
                out.add(g);
            }
            i = j;
        }
        return out;
    }

    private record Piece(Leaf leaf, String text, int unit) {
    }

    private static int unitAt(List<int[]> units, int from, int to) {
        for (int u = 0; u < units.size(); u++) {
            if (from >= units.get(u)[0] && to <= units.get(u)[1] && from < units.get(u)[1]) {
                return u;
            }
        }
        return -1;
    }

    /** Rebuilds the nesting: consecutive pieces under the same container share one copy of it. */
    private static List<Object> build(List<Piece> pieces, int depth) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            Piece p = pieces.get(i);
            if (p.leaf.path.size() <= depth) {
                if (!p.text.isEmpty() || !(p.leaf.node.get("text") instanceof String)) {
                    Map<String, Object> leaf = new LinkedHashMap<>(p.leaf.node);
                    if (leaf.get("text") instanceof String) {
                        leaf.put("text", p.text);
                    }
                    out.add(leaf);
                }
                i++;
                continue;
            }
            Map<String, Object> container = p.leaf.path.get(depth);
            int j = i;
            while (j < pieces.size() && pieces.get(j).leaf.path.size() > depth
                    && pieces.get(j).leaf.path.get(depth) == container) {
                j++;
            }
            Map<String, Object> copy = new LinkedHashMap<>(container);
            copy.put("children", build(pieces.subList(i, j), depth + 1));
            out.add(copy);
            i = j;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(List<Object> nodes, List<Map<String, Object>> path, List<Leaf> out) {
        for (Object o : nodes) {
            if (!(o instanceof Map<?, ?> raw)) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            if (m.get("children") instanceof List<?> children) {
                List<Map<String, Object>> inner = new ArrayList<>(path);
                inner.add(m);
                int before = out.size();
                flatten((List<Object>) children, inner, out);
                if (out.size() == before) {
                    // an empty container still has to come back: an empty text leaf inside it
                    Map<String, Object> empty = new LinkedHashMap<>();
                    empty.put("kind", "text");
                    empty.put("text", "");
                    out.add(new Leaf(empty, inner));
                }
            } else {
                out.add(new Leaf(m, path));
            }
        }
    }

    /** An element boundary at {@code b} that no break opportunity sits at. */
    private static boolean glued(String s, int b) {
        char before = s.charAt(b - 1);
        char after = s.charAt(b);
        return !breaksAfter(before) && before != Prose.SHY && !isBreakingSpace(after) && !Ideographs.breakBetween(s, b);
    }

    private static boolean breaksAfter(char c) {
        return isBreakingSpace(c) || c == Prose.ZWSP;
    }

    private static boolean breaksBefore(String s, int i) {
        char c = s.charAt(i);
        return isBreakingSpace(c) || i > 0 && s.charAt(i - 1) == Prose.ZWSP;
    }

    private static boolean isBreakingSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
