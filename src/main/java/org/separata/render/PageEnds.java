package org.separata.render;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * Finds the lines that end a page with a hyphen in a laid-out document: a word broken across a
 * page turn ("esti-/mates") makes the reader turn the page mid-word, which TeX avoids and journals
 * do not accept. {@link PdfRenderer} lays the document out again with those hyphenation points
 * forbidden ({@link BreakOpportunities}), each named by the text that follows it.
 */
final class PageEnds {

    private static final Field END = field("_end");

    private PageEnds() {
    }

    /**
     * The words broken at the end of a page (but the last), each as the text from the word's start
     * to the end of its text node; empty if no page ends with a hyphen.
     */
    static Set<String> hyphenated(BlockBox root) {
        Set<String> out = new HashSet<>();
        if (END == null) {
            return out;
        }
        List<LineBox> lines = new ArrayList<>();
        collect(root, lines);
        List<PageBox> pages = root.getLayer().getPages();
        for (int p = 0; p + 1 < pages.size(); p++) {
            PageBox page = pages.get(p);
            LineBox lastLine = null;
            for (LineBox l : lines) {
                int top = l.getAbsY();
                int bottom = top + l.getHeight();
                if (top >= page.getTop() && bottom <= page.getBottom()
                        && (lastLine == null || bottom > lastLine.getAbsY() + lastLine.getHeight())) {
                    lastLine = l;
                }
            }
            InlineText t = lastLine == null ? null : lastLine.findTrailingText();
            if (t == null || t.getMasterText() == null) {
                continue;
            }
            String sub = t.getSubstring();
            char end = sub.isEmpty() ? ' ' : sub.charAt(sub.length() - 1);
            if (end == ShapedWidths.SOFT_HYPHEN || end == '-' || end == '\u2010') {
                try {
                    String master = t.getMasterText();
                    out.add(master.substring(wordStart(master, END.getInt(t))));
                } catch (IllegalAccessException | RuntimeException e) {
                    // leave it: the page ends with a hyphen, as before
                }
            }
        }
        return out;
    }

    /**
     * Where the word broken at {@code at} starts: the whole word is kept from hyphenating, or the
     * next layout would only move its hyphen one syllable on.
     */
    static int wordStart(String text, int at) {
        int k = at;
        while (k > 0 && text.charAt(k - 1) != ' ' && text.charAt(k - 1) != '\u00A0' && text.charAt(k - 1) != '\n') {
            k--;
        }
        return k;
    }

    /**
     * Whether the last page holds nothing but the block of class {@code cssClass}: the block
     * starts at the top of the last page, and no line of the page lies outside it.
     */
    static boolean onlyBlockOnLastPage(BlockBox root, String cssClass) {
        List<PageBox> pages = root.getLayer().getPages();
        PageBox last = pages.get(pages.size() - 1);
        Box block = find(root, cssClass);
        if (block == null || block.getAbsY() < last.getTop()) {
            return false;
        }
        List<LineBox> lines = new ArrayList<>();
        collect(root, lines);
        List<LineBox> inside = new ArrayList<>();
        collect(block, inside);
        for (LineBox l : lines) {
            if (l.getAbsY() >= last.getTop() && l.getAbsY() < last.getBottom() && !inside.contains(l)) {
                return false;
            }
        }
        return true;
    }

    private static Box find(Box box, String cssClass) {
        org.w3c.dom.Element e = box.getElement();
        if (e != null && (" " + e.getAttribute("class") + " ").contains(" " + cssClass + " ")) {
            return box;
        }
        for (Box child : box.getChildren()) {
            Box found = find(child, cssClass);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The lines with content under {@code box}, in document order. */
    static void collect(Box box, List<LineBox> out) {
        if (box instanceof LineBox l) {
            if (l.isContainsContent()) {
                out.add(l);
            }
            return;
        }
        for (Box child : box.getChildren()) {
            collect(child, out);
        }
    }

    /** InlineText's end offset: Flying Saucer keeps it private (9.13.3). Null if it cannot be read. */
    private static Field field(String name) {
        try {
            Field f = InlineText.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
