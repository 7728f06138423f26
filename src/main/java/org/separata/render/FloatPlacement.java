package org.separata.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * Lets text fill the foot of a page that a kept-whole float left blank, as LaTeX floats a table
 * to the top of the next page and sets the text that follows it in the source before it. A
 * floatable block is a figure ({@code div.figure}) or a short table kept whole
 * ({@code div.table-wrap.short}); long tables, tables set on a landscape page, formulas and boxes
 * are not. When one starts a page while the page before ends with more than {@link #BLANK_LINES}
 * body lines blank, the run of
 * floats it begins (the floatable blocks that follow it directly, which keep their order) is moved
 * after as many of the blocks that follow it as fill that blank: paragraphs, lists, quotations,
 * code, formulas and boxes of the same section, never past a heading, a section's end, another
 * float or the back matter. The next layout keeps the move only if the page before ends with less
 * blank, the document has no more pages, the float is at most one page after where it was, and no
 * page between ends with more than {@link #BLANK_LINES} lines blank where it did not; otherwise
 * the move is taken back ({@link LayoutRounds}). A run is moved at most once.
 */
final class FloatPlacement {

    /**
     * A page ending with more than this many body lines blank (from its last line box to the foot
     * of its text block) is worth filling: room for the two lines a paragraph puts on a page at
     * least (orphans).
     */
    static final int BLANK_LINES = 2;

    /** A move laid out once and not yet judged. */
    private record Move(List<Element> run, Node parent, Node before, int page, int pages, int[] blanks, int most) {
    }

    private final Set<Element> tried = Collections.newSetFromMap(new IdentityHashMap<>());
    private Move pending;

    /** Whether a move waits for its layout to be judged. */
    boolean pending() {
        return pending != null;
    }

    /**
     * Judges the pending move against the layout just made; true when it was taken back (the DOM
     * changed and the document must be laid out again).
     */
    boolean judge(BlockBox root) {
        Move m = pending;
        pending = null;
        if (m == null) {
            return false;
        }
        List<PageBox> pages = root.getLayer().getPages();
        Map<Element, Box> boxes = boxes(root);
        Box first = boxes.get(m.run().get(0));
        List<LineBox> lines = lines(root);
        int at = first == null ? Integer.MAX_VALUE : PageReferences.pageOf(pages, first.getAbsY());
        boolean kept = pages.size() <= m.pages() && m.page() < pages.size() && at <= m.page() + 2
                && blank(pages.get(m.page()), lines) < m.blanks()[m.page()];
        // nor may a page up to the float's end blank where it did not (the float pushed on, below a
        // paragraph's rest too long to leave it room)
        for (int p = m.page() + 1; kept && p < at && p + 1 < pages.size(); p++) {
            kept = blank(pages.get(p), lines) <= Math.max(m.most(), m.blanks()[p]);
        }
        if (kept) {
            return false;
        }
        for (Element e : m.run()) {
            m.parent().insertBefore(e, m.before());
        }
        return true;
    }

    /**
     * Looks for the first page that ends too blank before a float and moves that float's run after
     * the text that fills it; true when the DOM changed.
     */
    boolean move(BlockBox root) {
        List<PageBox> pages = root.getLayer().getPages();
        if (pages.size() < 2) {
            return false;
        }
        List<LineBox> lines = lines(root);
        int line = bodyLine(lines);
        if (line <= 0) {
            return false;
        }
        Map<Element, Box> boxes = boxes(root);
        for (int p = 0; p + 1 < pages.size(); p++) {
            int blank = blank(pages.get(p), lines);
            if (blank <= BLANK_LINES * line) {
                continue;
            }
            Element f = floatAtTop(pages.get(p + 1), lines);
            if (f == null || tried.contains(f) || !(f.getParentNode() instanceof Element)) {
                continue;
            }
            List<Element> run = new ArrayList<>();
            Element next = f;
            while (next != null && floatable(next) && !tried.contains(next)) {
                run.add(next);
                next = nextElement(next);
            }
            List<Element> fill = fill(run, next, boxes, blank, line);
            tried.addAll(run);
            if (fill.isEmpty()) {
                continue;
            }
            Node parent = f.getParentNode();
            Node after = fill.get(fill.size() - 1).getNextSibling();
            int[] blanks = new int[pages.size()];
            for (int i = 0; i < blanks.length; i++) {
                blanks[i] = blank(pages.get(i), lines);
            }
            pending = new Move(run, parent, run.get(run.size() - 1).getNextSibling(), p, pages.size(), blanks,
                    BLANK_LINES * line);
            for (Element e : run) {
                parent.insertBefore(e, after);
            }
            return true;
        }
        return false;
    }

    /**
     * The blocks after the run, from {@code next} on, that fill {@code blank} dots at the foot of the
     * page before: each that fits whole, and then one that can break (its first lines fill the rest).
     * Empty when none does.
     */
    private static List<Element> fill(List<Element> run, Element next, Map<Element, Box> boxes, int blank, int line) {
        List<Element> out = new ArrayList<>();
        Box last = run.isEmpty() ? null : boxes.get(run.get(run.size() - 1));
        if (last == null) {
            return out;
        }
        int bottom = last.getAbsY() + last.getHeight();
        int room = blank;
        for (Element e = next; e != null && passable(e); e = nextElement(e)) {
            Box b = boxes.get(e);
            if (b == null) {
                break;
            }
            int end = b.getAbsY() + b.getHeight();
            int needs = end - Math.min(bottom, b.getAbsY());
            if (needs <= room) {
                out.add(e);
                room -= needs;
                bottom = end;
                continue;
            }
            // a block that breaks: two lines at least go to the page before (orphans), two after
            boolean breaks = (b.getStyle() == null || !b.getStyle().isAvoidPageBreakInside()) && lines(b).size() >= 4;
            if (breaks && room >= (b.getAbsY() - Math.min(bottom, b.getAbsY())) + 2 * line) {
                out.add(e);
            }
            break;
        }
        return out;
    }

    /** The floatable block whose line is the first of the page, or null. */
    private static Element floatAtTop(PageBox page, List<LineBox> lines) {
        LineBox first = null;
        for (LineBox l : lines) {
            if (l.getAbsY() >= page.getTop() && l.getAbsY() < page.getBottom()
                    && (first == null || l.getAbsY() < first.getAbsY())) {
                first = l;
            }
        }
        for (Box b = first; b != null; b = b.getParent()) {
            Element e = b.getElement();
            if (e != null && b instanceof BlockBox && floatable(e)) {
                return e;
            }
        }
        return null;
    }

    /** Dots left blank at the foot of {@code page}: from its last line to the foot of its text block. */
    private static int blank(PageBox page, List<LineBox> lines) {
        int lastBottom = page.getTop();
        for (LineBox l : lines) {
            int bottom = l.getAbsY() + l.getHeight();
            if (l.getAbsY() >= page.getTop() && bottom <= page.getBottom()) {
                lastBottom = Math.max(lastBottom, bottom);
            }
        }
        return page.getBottom() - lastBottom;
    }

    /** The height of a body line: the median height of the lines of paragraphs in sections. */
    private static int bodyLine(List<LineBox> lines) {
        List<Integer> heights = new ArrayList<>();
        for (LineBox l : lines) {
            Element p = null;
            for (Box b = l.getParent(); b != null && p == null; b = b.getParent()) {
                p = b.getElement();
            }
            if (p != null && "p".equals(name(p)) && p.getParentNode() instanceof Element s && hasClass(s, "section")) {
                heights.add(l.getHeight());
            }
        }
        if (heights.isEmpty()) {
            return 0;
        }
        heights.sort(null);
        return heights.get(heights.size() / 2);
    }

    /** A figure or a short table, not one set on a landscape page of its own ({@link WideTables}). */
    static boolean floatable(Element e) {
        return "div".equals(name(e)) && !e.hasAttribute(WideTables.ATTRIBUTE)
                && (hasClass(e, "figure") || hasClass(e, "table-wrap") && hasClass(e, "short"));
    }

    /** A block a float may be moved past: text of the same section, not a heading, a section, a float or the back matter. */
    private static boolean passable(Element e) {
        return switch (name(e)) {
            case "p", "ul", "ol", "dl", "blockquote", "pre" -> true;
            case "div" -> hasClass(e, "formula") || hasClass(e, "box");
            default -> false;
        };
    }

    private static Element nextElement(Element e) {
        for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element next) {
                return next;
            }
        }
        return null;
    }

    /** The block box of each element (the first, for an element with several). */
    private static Map<Element, Box> boxes(Box root) {
        Map<Element, Box> out = new IdentityHashMap<>();
        collectBoxes(root, out);
        return out;
    }

    private static void collectBoxes(Box box, Map<Element, Box> out) {
        if (box instanceof BlockBox && box.getElement() != null) {
            out.putIfAbsent(box.getElement(), box);
        }
        for (Box child : box.getChildren()) {
            collectBoxes(child, out);
        }
    }

    private static List<LineBox> lines(Box root) {
        List<LineBox> out = new ArrayList<>();
        PageEnds.collect(root, out);
        return out;
    }

    private static String name(Element e) {
        String n = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        return n.toLowerCase(Locale.ROOT);
    }

    private static boolean hasClass(Element e, String cls) {
        return (" " + e.getAttribute("class") + " ").contains(" " + cls + " ");
    }
}
