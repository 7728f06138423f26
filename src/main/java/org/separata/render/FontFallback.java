package org.separata.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.separata.fonts.FontFace;
import org.separata.fonts.FontFamily;
import org.separata.layout.Ideographs;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Flying Saucer sets a run of text in one font and has no fallback of its own. Before layout,
 * every run of characters that the document's text fonts lack is put in a span set in the first
 * fallback family that has them (the layout stage chose them: {@code XhtmlDocument.fallbacks}),
 * wherever the run is: a name, an affiliation, a title, a cell. Between Chinese, Japanese and
 * Korean characters an invisible break opportunity (U+200B) is put, so that lines may break
 * between ideographs, but not before closing or after opening punctuation.
 */
final class FontFallback {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Set<String> SKIP = Set.of("head", "style", "title", "script", "math");
    private final List<FontFace> text;
    private final List<FontFamily> fallbacks;

    private FontFallback(List<FontFace> text, List<FontFamily> fallbacks) {
        this.text = text;
        this.fallbacks = fallbacks;
    }

    /** Wraps the runs of {@code dom} that need a fallback font. */
    static void apply(Document dom, List<FontFamily> fonts, List<FontFamily> fallbacks) {
        if (fallbacks.isEmpty()) {
            return;
        }
        List<FontFace> text = new ArrayList<>();
        for (FontFamily f : fonts) {
            if (fallbacks.stream().noneMatch(x -> x.id().equals(f.id()))) {
                text.addAll(f.faces());
            }
        }
        new FontFallback(text, fallbacks).walk(dom.getDocumentElement());
    }

    private void walk(Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        if (SKIP.contains(name) || !XHTML.equals(e.getNamespaceURI()) && e.getNamespaceURI() != null) {
            return;
        }
        List<Node> kids = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            kids.add(c);
        }
        for (Node c : kids) {
            if (c instanceof Element ce) {
                walk(ce);
            } else if (c instanceof Text t) {
                split(t);
            }
        }
    }

    /** The fallback family for {@code cp}, or null when the text fonts have it (or none has it). */
    private FontFamily familyFor(int cp) {
        if (cp < 0x80 || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT) {
            return null;
        }
        boolean lacking = false;
        for (FontFace f : text) {
            if (!f.covers(cp)) {
                lacking = true;
                break;
            }
        }
        if (!lacking) {
            return null;
        }
        for (FontFamily f : fallbacks) {
            if (f.regular().covers(cp)) {
                return f;
            }
        }
        return null;
    }

    private void split(Text t) {
        String s = t.getData();
        List<Object[]> pieces = new ArrayList<>(); // {family or null, text}
        StringBuilder run = new StringBuilder();
        FontFamily current = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            FontFamily f = familyFor(cp);
            if (f == null && current != null && cp == ' ' && i + 1 < s.length()
                    && familyFor(s.codePointAt(i + 1)) == current) {
                f = current; // a space between two words of the same script stays in their run
            }
            if (f != current && !run.isEmpty()) {
                pieces.add(new Object[] {current, run.toString()});
                run.setLength(0);
            }
            current = f;
            run.appendCodePoint(cp);
            i += n;
        }
        if (!run.isEmpty()) {
            pieces.add(new Object[] {current, run.toString()});
        }
        if (pieces.size() == 1 && pieces.get(0)[0] == null) {
            return;
        }
        Document doc = t.getOwnerDocument();
        Node parent = t.getParentNode();
        for (Object[] p : pieces) {
            String piece = (String) p[1];
            if (p[0] == null) {
                parent.insertBefore(doc.createTextNode(piece), t);
            } else {
                FontFamily f = (FontFamily) p[0];
                Element span = doc.createElementNS(XHTML, "span");
                span.setAttributeNS(null, "class", "fallback");
                span.setAttributeNS(null, "style", "font-family: \"" + f.name() + "\"; font-style: normal");
                span.appendChild(doc.createTextNode(breakable(piece)));
                parent.insertBefore(span, t);
            }
        }
        parent.removeChild(t);
    }

    /** Puts a zero-width space between two ideographs (CJK), where a line may break ({@link Ideographs}). */
    static String breakable(String s) {
        StringBuilder sb = new StringBuilder();
        int prev = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (prev >= 0 && Ideographs.breakBetween(prev, cp)) {
                sb.append('\u200B');
            }
            sb.appendCodePoint(cp);
            prev = cp;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
