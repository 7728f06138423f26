package org.separata.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * Notes set at the foot of the first page, as journals set funding, thesis and correspondence
 * notes: the block marked {@code data-place="page-foot"} (with an id) is first laid out in the
 * flow, where its height is measured; then it is marked {@code data-top}, which the stylesheet
 * positions absolutely, and given the top (its only style) that makes it end at the foot of the
 * first page's text block. Flying Saucer has no footnote area, so room is made by moving the
 * block that would run under the notes (a paragraph, a list item, a table, a figure) whole to
 * the next page, with an invisible spacer before it ({@code data-spacer}, its height its only
 * style). Where that would leave more than {@link #MOST_LEFT_BLANK} points blank (a long
 * paragraph crossing the page's foot), or the notes are taller than half the page, the notes
 * lose {@code data-place} and stay in the flow, under the authors.
 */
final class PageFootNotes {

    static final String PLACE = "data-place";
    static final String PAGE_FOOT = "page-foot";
    static final String SPACER = "data-spacer";
    /** Set once the notes are placed: the stylesheet then takes them out of the flow. */
    static final String TOP = "data-top";
    /** Room kept between the text and the notes, in points. */
    static final float GAP = 6f;
    /** Notes that would leave more blank than this (points) above them stay in the flow. */
    static final float MOST_LEFT_BLANK = 60f;
    /** Where a spacer was first laid out (dots from the top of the document). */
    static final String AT = "data-at";

    private final Element root;
    private final float dotsPerPoint;
    private int spacers;
    /** The notes' height in the flow (dots). */
    private int measured;

    PageFootNotes(Element root, float dotsPerPoint) {
        this.root = root;
        this.dotsPerPoint = dotsPerPoint;
    }

    /**
     * Looks at the layout just made and places the notes and the room for them; true when the DOM
     * changed and the document must be laid out again.
     */
    boolean place(BlockBox rootBox, Function<String, Box> byId) {
        List<PageBox> pages = rootBox.getLayer().getPages();
        Element notes = notes();
        if (notes == null || pages.isEmpty()) {
            return false;
        }
        Box found = byId.apply(notes.getAttribute("id"));
        if (found == null) {
            return false;
        }
        // the id may name the box of a ::before of the element: its own box holds it
        Box box = found;
        while (box.getParent() != null && box.getParent().getElement() == notes) {
            box = box.getParent();
        }
        PageBox first = pages.get(0);
        int bottom = first.getBottom();
        if (!notes.hasAttribute(TOP)) {
            // laid out in the flow, at the width it will have at the foot: measured here (Flying
            // Saucer does not report the height of an absolute box's content)
            int height = extent(box) - box.getAbsY();
            if (height > (bottom - first.getTop()) / 2) {
                notes.removeAttribute(PLACE); // too much for a page foot: it stays in the flow
                return true;
            }
            measured = height;
            notes.setAttributeNS(null, TOP, "top");
            notes.setAttributeNS(null, "style", "top: " + format((bottom - height) / dotsPerPoint) + "pt");
            return true;
        }
        boolean changed = false;
        int wanted = bottom - measured;
        if (Math.abs(box.getAbsY() - wanted) > 1) {
            // corrected by what the layout made of the top given
            notes.setAttributeNS(null, "style", "top: " + format(topOf(notes) + (wanted - box.getAbsY()) / dotsPerPoint) + "pt");
            changed = true;
        }
        int limit = wanted - Math.round(GAP * dotsPerPoint);
        if (spacersMoved(byId, bottom)) {
            return true;
        }
        Box in = firstInTheWay(rootBox, notes, first.getTop(), limit, bottom);
        if (in != null && !makeRoom(in, limit, bottom)) {
            // no place for a spacer found: the notes go back into the flow rather than cover text
            notes.removeAttribute(PLACE);
            notes.removeAttribute(TOP);
            notes.removeAttribute("style");
            return true;
        }
        return changed || in != null;
    }

    /**
     * Checks the spacers of earlier rounds against this layout: a spacer is sized, once, from
     * where it was laid out (its foot at the page's); one that later moves (tightening or a word
     * kept whole moves text), or was pushed off the first page, is taken out, for the next round
     * to put again where the text then needs it. True when any changed.
     */
    private boolean spacersMoved(Function<String, Box> byId, int bottom) {
        boolean changed = false;
        for (Element e : spacerElements()) {
            Box b = byId.apply(e.getAttribute("id"));
            String at = e.getAttribute(AT);
            if (b == null || b.getAbsY() >= bottom || !at.isEmpty() && Math.abs(Integer.parseInt(at) - b.getAbsY()) > 1) {
                e.getParentNode().removeChild(e);
                changed = true;
            } else if (at.isEmpty()) {
                e.setAttributeNS(null, AT, Integer.toString(b.getAbsY()));
                e.setAttributeNS(null, "style", style(bottom - b.getAbsY() - 1));
                changed = true;
            }
        }
        return changed;
    }

    private List<Element> spacerElements() {
        NodeList all = root.getElementsByTagName("*");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).hasAttribute(SPACER)) {
                found.add((Element) all.item(i));
            }
        }
        return found;
    }

    /** The lowest edge of a box and everything in it (an absolute box's own height may leave its content out). */
    private static int extent(Box box) {
        int bottom = box.getAbsY() + box.getHeight();
        for (Box child : box.getChildren()) {
            bottom = Math.max(bottom, extent(child));
        }
        return bottom;
    }

    /** The notes element, if the document has one to place. */
    private Element notes() {
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (PAGE_FOOT.equals(e.getAttribute(PLACE)) && !e.getAttribute("id").isEmpty()) {
                return e;
            }
        }
        return null;
    }

    /**
     * The first line (or a table, figure, formula holding it) of the first page that reaches below
     * {@code limit}: the text that would run under the notes. Null when the page's text ends above.
     */
    private static Box firstInTheWay(Box rootBox, Element notes, int top, int limit, int bottom) {
        List<LineBox> lines = new ArrayList<>();
        collect(rootBox, notes, lines);
        for (LineBox l : lines) {
            int y = l.getAbsY();
            if (y >= top && y < bottom && y + l.getHeight() > limit) {
                Box whole = wholeAncestor(l);
                return whole != null ? whole : l;
            }
        }
        return null;
    }

    /** Lines of the flow, in document order, leaving out the notes and the spacers. */
    private static void collect(Box box, Element notes, List<LineBox> out) {
        Element e = box.getElement();
        if (e != null && (e == notes || e.hasAttribute(SPACER))) {
            return;
        }
        if (box instanceof LineBox l) {
            if (l.isContainsContent()) {
                out.add(l);
            }
            return;
        }
        for (Box child : box.getChildren()) {
            collect(child, notes, out);
        }
    }

    /** The table wrapper, figure or table a line lies in, which moves whole; null for running text. */
    private static Box wholeAncestor(LineBox line) {
        Box found = null;
        for (Box b = line.getParent(); b != null; b = b.getParent()) {
            Element e = b.getElement();
            if (e == null || b.getStyle() == null) {
                continue;
            }
            String cls = " " + e.getAttribute("class") + " ";
            String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
            if (cls.contains(" table-wrap ") || cls.contains(" figure ") || cls.contains(" formula ")
                    || name.toLowerCase(Locale.ROOT).equals("table")) {
                found = b; // the outermost wins
            }
        }
        return found;
    }

    /**
     * Puts a spacer before the block {@code in} lies in (its paragraph, list item, table or figure),
     * reaching down to the page's foot, so that the block moves whole to the next page; false when
     * that would leave more than {@link #MOST_LEFT_BLANK} points blank above the notes.
     */
    private boolean makeRoom(Box in, int limit, int bottom) {
        Box block = in instanceof LineBox line ? movable(line) : in;
        if (block == null || block.getElement() == null || block.getElement().getParentNode() == null
                || limit - block.getAbsY() > MOST_LEFT_BLANK * dotsPerPoint) {
            return false;
        }
        Element e = block.getElement();
        // a little short of the foot at first: the next round sizes it from where it was laid out
        int height = Math.max(1, bottom - block.getAbsY() - Math.round(2 * GAP * dotsPerPoint));
        e.getParentNode().insertBefore(spacer(style(height)), e);
        return true;
    }

    /** The block a line moves with: its list item if it is in one, else its paragraph. */
    private static Box movable(LineBox line) {
        Box block = line.getParent();
        for (Box b = block; b != null; b = b.getParent()) {
            Element e = b.getElement();
            if (e != null && "li".equalsIgnoreCase(e.getLocalName() == null ? e.getNodeName() : e.getLocalName())) {
                return b;
            }
        }
        // the paragraph's own box (an anonymous box holds no element: its parent does)
        while (block != null && block.getElement() == null) {
            block = block.getParent();
        }
        return block;
    }

    private String style(int height) {
        return "height: " + format(height / dotsPerPoint) + "pt";
    }

    private Element spacer(String style) {
        Element s = root.getOwnerDocument().createElementNS(root.getNamespaceURI(), "div");
        s.setAttributeNS(null, SPACER, "spacer");
        s.setAttributeNS(null, "id", "page-foot-spacer-" + (++spacers));
        s.setAttributeNS(null, "aria-hidden", "true");
        s.setAttributeNS(null, "style", style);
        return s;
    }

    /** The top the notes were given last, in points (0 before the first). */
    private static float topOf(Element notes) {
        String s = notes.getAttribute("style");
        int at = s.indexOf("top:");
        if (at < 0) {
            return 0;
        }
        String v = s.substring(at + 4).replace("pt", "").strip();
        try {
            return Float.parseFloat(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String format(float pt) {
        return String.format(Locale.ROOT, "%.2f", pt);
    }
}
