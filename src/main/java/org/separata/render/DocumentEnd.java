package org.separata.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Marks the elements a document ends with. Flying Saucer gives the bottom margin of the last
 * block room on the page like any other space, so a how-to-cite line whose margin falls past the
 * foot of the last full page made a page with nothing on it but the running head and the folio.
 * The body's last element and each last element inside it get the class {@link #CLASS}, whose
 * rule in {@code lib/base.css} takes their bottom margins away: at the end of a document a margin
 * separates nothing.
 */
final class DocumentEnd {

    /** The class of the elements the document ends with (layouts/README.md). */
    static final String CLASS = "document-end";

    private DocumentEnd() {
    }

    static void mark(Document dom) {
        Element body = child(dom.getDocumentElement(), "body");
        for (Element e = body == null ? null : lastElement(body); e != null; e = lastElement(e)) {
            String c = e.getAttribute("class");
            e.setAttributeNS(null, "class", c.isEmpty() ? CLASS : c + " " + CLASS);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getNodeName())) {
                return e;
            }
        }
        return null;
    }

    private static Element lastElement(Element parent) {
        for (Node c = parent.getLastChild(); c != null; c = c.getPreviousSibling()) {
            if (c instanceof Element e) {
                return e;
            }
            if (!c.getTextContent().isBlank()) {
                return null; // text after the last element: the element is not the end
            }
        }
        return null;
    }
}
