package org.separata.render;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;

/**
 * Keeps a dotted leader from standing alone. In a contents entry ({@code .contents-article}: a
 * title, then {@code span.leader} whose {@code leader()} fills the line to the page number), a
 * title that fills its last line pushes the leader onto a line of its own, a row of dots under
 * the title. A typesetter breaks the title a word earlier instead: the next layout has a line
 * break before the title's last word, so that word and the leader share the last line. An entry
 * is changed once at most ({@link #DONE}).
 */
final class Leaders {

    /** The class of a block whose text ends in a leader (layouts/README.md). */
    static final String ENTRY = "contents-article";
    /** The class of the element whose generated content is the leader. */
    static final String LEADER = "leader";
    /** Marks an entry whose last word was already moved down. */
    static final String DONE = "data-leader-kept";

    private Leaders() {
    }

    /** Breaks the title before its last word in each entry whose last line holds only the leader; true if any changed. */
    static boolean keepWithLastWord(Box root) {
        boolean changed = false;
        List<Box> entries = new ArrayList<>();
        find(root, entries);
        for (Box entry : entries) {
            List<LineBox> lines = new ArrayList<>();
            PageEnds.collect(entry, lines);
            if (lines.size() < 2 || holdsText(lines.get(lines.size() - 1))) {
                continue;
            }
            Element e = entry.getElement();
            if (!e.hasAttribute(DONE)) {
                e.setAttributeNS(null, DONE, "true");
                changed |= breakBeforeLastWord(e);
            }
        }
        return changed;
    }

    private static boolean hasClass(Element e, String c) {
        return e != null && (" " + e.getAttribute("class") + " ").contains(" " + c + " ");
    }

    private static void find(Box box, List<Box> out) {
        if (hasClass(box.getElement(), ENTRY) && !(box instanceof InlineLayoutBox)) {
            out.add(box);
            return;
        }
        for (Box child : box.getChildren()) {
            find(child, out);
        }
    }

    /** Whether a line holds anything but a leader: text, an inline-block, a replaced element. */
    private static boolean holdsText(Box box) {
        for (Box child : box.getChildren()) {
            if (!(child instanceof InlineLayoutBox inline)) {
                return true; // an inline-block (glued words), an image, a formula
            }
            if (holdsText(inline)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsText(InlineLayoutBox inline) {
        if (hasClass(inline.getElement(), LEADER)) {
            return false;
        }
        for (Object o : inline.getInlineChildren()) {
            if (o instanceof InlineText t && !t.getSubstring().isBlank()) {
                return true;
            }
            if (o instanceof InlineLayoutBox nested && holdsText(nested)) {
                return true;
            }
            if (o instanceof Box other && !(o instanceof InlineLayoutBox)) {
                return true;
            }
        }
        return false;
    }

    /** Puts a line break before the last word of {@code entry}'s text (its leader left out); false if it has one word. */
    private static boolean breakBeforeLastWord(Element entry) {
        List<Text> texts = new ArrayList<>();
        texts(entry, texts);
        boolean seenWord = false;
        for (int i = texts.size() - 1; i >= 0; i--) {
            Text t = texts.get(i);
            String v = t.getData();
            int k = v.length() - 1;
            while (k >= 0 && (!seenWord || v.charAt(k) != ' ')) {
                if (v.charAt(k) != ' ') {
                    seenWord = true;
                }
                k--;
            }
            if (k >= 0) {
                Text rest = t.splitText(k + 1);
                Element br = entry.getOwnerDocument().createElementNS(FontFallback.XHTML, "br");
                rest.getParentNode().insertBefore(br, rest);
                return true;
            }
        }
        return false;
    }

    private static void texts(Node node, List<Text> out) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t) {
                out.add(t);
            } else if (c instanceof Element e && !hasClass(e, LEADER)) {
                texts(e, out);
            }
        }
    }
}
