package org.separata.render;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

/**
 * Page numbers one part of a document prints for another: an element
 * {@code <span data-page-of="ID" data-page-style="lower-roman"/>} holds the number of the page on
 * which the element with id {@code ID} begins, counted from the document's first page as its
 * {@code counter(page)} is, in the style named ({@code lower-roman}, {@code upper-roman}, or
 * decimal when none is). Flying Saucer's own {@code target-counter()} is decimal only and needs a
 * link; this fills the text in after a layout, and the document is laid out again with it
 * ({@link LayoutRounds}). A target that is not laid out leaves the text empty.
 */
final class PageReferences {

    static final String OF = "data-page-of";
    static final String STYLE = "data-page-style";

    private PageReferences() {
    }

    /**
     * Writes each reference's page number into {@code root}'s document, from the layout just made
     * ({@code pages}, and boxes by id); true when any text changed, so the document must be laid
     * out again.
     */
    static boolean fill(Element root, List<PageBox> pages, Function<String, Box> byId) {
        boolean changed = false;
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (!e.hasAttribute(OF)) {
                continue;
            }
            Box target = byId.apply(e.getAttribute(OF));
            int page = target == null ? -1 : pageOf(pages, target.getAbsY());
            String text = page < 0 ? "" : format(page + 1, e.getAttribute(STYLE));
            if (!text.equals(e.getTextContent())) {
                while (e.getFirstChild() != null) {
                    e.removeChild(e.getFirstChild());
                }
                Node t = e.getOwnerDocument().createTextNode(text);
                e.appendChild(t);
                changed = true;
            }
        }
        return changed;
    }

    /** The index of the page a box starting at {@code y} (dots, from the top of the document) begins on. */
    static int pageOf(List<PageBox> pages, int y) {
        for (int p = 0; p < pages.size(); p++) {
            if (y < pages.get(p).getBottom()) {
                return p;
            }
        }
        return pages.size() - 1;
    }

    /** {@code n} in a list style: lower-roman, upper-roman, or decimal. */
    static String format(int n, String style) {
        return switch (style.strip().toLowerCase(Locale.ROOT)) {
            case "lower-roman" -> roman(n).toLowerCase(Locale.ROOT);
            case "upper-roman" -> roman(n);
            default -> Integer.toString(n);
        };
    }

    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] NUMERALS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    /** Roman numerals, for 1 to 3999 (a page number beyond is written in digits). */
    static String roman(int n) {
        if (n < 1 || n > 3999) {
            return Integer.toString(n);
        }
        StringBuilder out = new StringBuilder();
        int rest = n;
        for (int k = 0; k < VALUES.length; k++) {
            while (rest >= VALUES[k]) {
                out.append(NUMERALS[k]);
                rest -= VALUES[k];
            }
        }
        return out.toString();
    }
}
