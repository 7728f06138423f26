package org.separata.render;

import java.util.List;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceLocation;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;

/**
 * Finds tables that came out wider than the block that holds them (their columns' narrowest
 * widths add up to more than the text block), and marks their wrapper ({@code div.table-wrap})
 * with {@code data-fit}: first {@code landscape} (the stylesheet sets it on a landscape page),
 * then {@code landscape-small} (smaller type as well). A table still too wide after that is left
 * as it is, with a warning: so a document is laid out again at most twice for its wide tables
 * ({@link LayoutRounds}). Attributes are set with {@code setAttributeNS}: Flying Saucer matches
 * attribute selectors by local name, which an attribute set without a namespace lacks.
 */
final class WideTables {

    static final String ATTRIBUTE = "data-fit";

    private WideTables() {
    }

    /** Marks the wide tables under {@code root}; true when one was marked and a new layout is needed. */
    static boolean mark(Box root, List<Diagnostic> warnings) {
        boolean[] changed = {false};
        visit(root, changed, warnings);
        return changed[0];
    }

    /** The right edge of the furthest box inside {@code box}. */
    private static int extent(Box box) {
        int right = box.getAbsX() + box.getWidth();
        for (int i = 0; i < box.getChildCount(); i++) {
            right = Math.max(right, extent(box.getChild(i)));
        }
        return right;
    }

    private static void visit(Box box, boolean[] changed, List<Diagnostic> warnings) {
        Element e = box.getElement();
        if (box instanceof BlockBox b && e != null && "table".equals(e.getLocalName() != null ? e.getLocalName()
                : e.getNodeName()) && e.getAttribute("class").contains("data-table")) {
            BlockBox holder = box.getContainingBlock() instanceof BlockBox h ? h : null;
            if (holder != null && Math.max(b.getWidth(), extent(b) - b.getAbsX()) > holder.getContentWidth() + 20) {
                Node parent = e.getParentNode();
                if (parent instanceof Element wrap && wrap.getAttribute("class").contains("table-wrap")) {
                    String fit = wrap.getAttribute(ATTRIBUTE);
                    if (fit.isEmpty()) {
                        wrap.setAttributeNS(null, ATTRIBUTE, "landscape");
                        changed[0] = true;
                    } else if (fit.equals("landscape")) {
                        wrap.setAttributeNS(null, ATTRIBUTE, "landscape-small");
                        changed[0] = true;
                    } else if (!wrap.hasAttribute("data-fit-warned")) {
                        wrap.setAttributeNS(null, "data-fit-warned", "yes");
                        warnings.add(Diagnostic.warning(SourceLocation.of("table " + wrap.getAttribute("id")),
                                "a table is wider than a landscape page even in small type; its right part "
                                        + "runs into the margin",
                                "split the table into two, or shorten its longest words"));
                    }
                }
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            visit(box.getChild(i), changed, warnings);
        }
    }
}
