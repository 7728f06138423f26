package org.separata.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.separata.fonts.FontShaper;
import org.separata.tags.Annotation;
import org.separata.tags.Content;
import org.separata.tags.Kid;
import org.separata.tags.Tag;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * The structure tree of one XHTML document, planned from its DOM before it is painted and filled
 * while it is painted. Every element gets a role ({@link TagRoles}); elements with a structure
 * type become {@link Element}s of the plan, and each piece of text or image Flying Saucer paints is
 * given to the element that owns its DOM node ({@link #ownerOfText}, {@link #ownerOfElement}).
 *
 * <p>Reading order is the document's order, whatever order the pieces are painted in: every
 * element and piece carries a key, its DOM node's position in document order (and, for text, its
 * offset in the node), and each element's kids are sorted by it when the tree is made
 * ({@link #toTag()}). A page break inside a paragraph, a float or a table painted out of order
 * therefore still reads in order.
 */
final class StructurePlan {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    /** Keys: a DOM node's document-order index, shifted, plus an offset within a text node. */
    private static final int SHIFT = 24;
    private static final long LAST = (1L << SHIFT) - 1;
    /** Types that stay in the tree even when they hold nothing (a table keeps its grid). */
    private static final Set<String> KEEP_EMPTY = Set.of("TD", "TH", "TR");

    /** A structure element being planned and filled. */
    static final class Element {
        String type;
        final Element parent;
        final long key;
        final String lang;
        Optional<String> alt = Optional.empty();
        Optional<String> id = Optional.empty();
        Tag.Attributes attributes = Tag.Attributes.NONE;
        final List<Item> items = new ArrayList<>();
        /** For an LI: its label and its body, made when first needed. */
        private Element lbl;
        private Element lbody;
        /** For a definition list: the item its last term opened. */
        private Element lastItem;

        Element(String type, Element parent, long key, String lang) {
            this.type = type;
            this.parent = parent;
            this.key = key;
            this.lang = lang;
        }

        String type() {
            return type;
        }

        void add(long key, Object kid) {
            items.add(new Item(key, kid));
        }
    }

    private record Item(long key, Object kid) {
    }

    /** What the plan knows of a DOM node. */
    private static final class Info {
        final long index;
        long end;
        /** the element its content belongs to; null: an artifact */
        Element owner;
        /** its own structure element, if it has one */
        Element self;

        Info(long index) {
            this.index = index;
        }
    }

    private final Map<Node, Info> infos = new IdentityHashMap<>();
    private final Element root;
    private long counter;
    private int lastHeading;

    private StructurePlan(Document doc) {
        org.w3c.dom.Element html = doc.getDocumentElement();
        Info info = new Info(counter++);
        infos.put(html, info);
        root = new Element("Document", null, 0, lang(html, ""));
        info.owner = root;
        info.self = root;
        children(html, root, new Context(null, false, false));
        info.end = counter;
    }

    static StructurePlan of(Document doc) {
        return new StructurePlan(doc);
    }

    /**
     * Where the planning walk is: the real table it is in, whether in a table head, whether in an
     * artifact, whether inside an element whose content is all its own (a formula, a figure).
     */
    private record Context(Element table, boolean head, boolean artifact, boolean opaque) {
        Context(Element table, boolean head, boolean artifact) {
            this(table, head, artifact, false);
        }
    }

    private void children(Node parent, Element owner, Context ctx) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Text t) {
                Info info = new Info(counter++);
                info.owner = ctx.artifact ? null : owner;
                info.end = info.index;
                infos.put(t, info);
            } else if (n instanceof org.w3c.dom.Element e) {
                element(e, owner, ctx);
            }
        }
    }

    private void element(org.w3c.dom.Element e, Element owner, Context ctx) {
        String name = TagRoles.name(e);
        if (name.equals("head") || name.equals("style") || name.equals("script")) {
            return;
        }
        Info info = new Info(counter++);
        infos.put(e, info);
        if (ctx.artifact || ctx.opaque) {
            info.owner = ctx.artifact ? null : owner;
            children(e, owner, ctx);
            info.end = counter;
            return;
        }
        TagRoles.Role role = TagRoles.of(e);
        Context inner = ctx;
        String lang = lang(e, owner.lang);
        Element self = null;
        Element contentOwner = owner;
        switch (role.kind()) {
            case ARTIFACT -> inner = new Context(ctx.table, ctx.head, true);
            case LAYOUT_TABLE -> inner = new Context(null, false, false);
            case TRANSPARENT -> {
                if (!TagRoles.isInline(e) && hasInlineContent(e)) {
                    self = add(owner, "P", info, lang, e);
                }
            }
            case ELEMENT -> {
                Planned p = plan(role.type(), e, owner, info, lang, ctx);
                self = p.self;
                inner = p.context;
            }
        }
        if (self == null && !inner.artifact && !lang.equals(owner.lang)) {
            // an element with no type of its own that changes the language
            self = add(owner, TagRoles.isInline(e) ? "Span" : "Div", info, lang, e);
        }
        if (self != null) {
            contentOwner = self.type.equals("LI") ? lbody(self) : self;
        }
        info.self = self;
        info.owner = inner.artifact ? null : contentOwner;
        children(e, contentOwner, inner);
        info.end = counter;
    }

    private record Planned(Element self, Context context) {
    }

    /** An element with a structure type, placed in its context (table parts only in tables…). */
    private Planned plan(String type, org.w3c.dom.Element e, Element owner, Info info, String lang, Context ctx) {
        switch (type) {
            case "Table" -> {
                Element t = add(owner, type, info, lang, e);
                return new Planned(t, new Context(t, false, false));
            }
            case "THead", "TBody", "TFoot", "TR", "Caption" -> {
                if (ctx.table == null && !type.equals("Caption")) {
                    return new Planned(null, ctx);
                }
                return new Planned(add(owner, type, info, lang, e),
                        new Context(ctx.table, ctx.head || type.equals("THead"), false));
            }
            case "TH", "TD" -> {
                if (ctx.table == null) {
                    return new Planned(hasInlineContent(e) ? add(owner, "P", info, lang, e) : null, ctx);
                }
                Element cell = add(owner, type, info, lang, e);
                cell.attributes = new Tag.Attributes(type.equals("TH") ? Optional.of(scope(e, ctx.head))
                        : Optional.empty(), span(e, "rowspan"), span(e, "colspan"), Optional.empty());
                return new Planned(cell, new Context(null, false, false));
            }
            case "L" -> {
                Element l = add(owner, type, info, lang, e);
                l.attributes = new Tag.Attributes(Optional.empty(), 1, 1, Optional.of(numbering(e)));
                return new Planned(l, ctx);
            }
            case "Lbl", "LBody" -> {
                if (TagRoles.name(e).equals("dt") || TagRoles.name(e).equals("dd")) {
                    return new Planned(definition(type, e, owner, info, lang), ctx);
                }
                // a label inside an item's body (span.item-label, at the start of its first
                // paragraph) is the item's Lbl
                Element body = owner.type.equals("P") && owner.parent != null ? owner.parent : owner;
                if (type.equals("Lbl") && body.type.equals("LBody") && body.parent.type.equals("LI")
                        && body.parent.lbl == null) {
                    Element li = body.parent;
                    li.lbl = new Element("Lbl", li, li.key, lang);
                    li.add(li.key, li.lbl);
                    return new Planned(li.lbl, ctx);
                }
                return new Planned(add(owner, type, info, lang, e), ctx);
            }
            case "Figure" -> {
                Optional<String> alt = alt(e, true);
                if (alt.isEmpty()) {
                    return new Planned(null, new Context(ctx.table, ctx.head, true));
                }
                Element f = add(owner, type, info, lang, e);
                f.alt = alt;
                return new Planned(f, new Context(null, false, false, true));
            }
            case "Formula" -> {
                Element f = add(owner, type, info, lang, e);
                f.alt = alt(e, false).or(() -> Optional.of(text(e)).filter(s -> !s.isEmpty()));
                // everything inside a formula is the formula (MathML's mi, mn, msup…)
                return new Planned(f, new Context(null, false, false, true));
            }
            default -> {
                if (type.length() == 2 && type.charAt(0) == 'H' && Character.isDigit(type.charAt(1))) {
                    // levels go down one at a time (PDF/UA-1 7.4.2): an h3 right after an h1 is an H2
                    int level = Math.min(type.charAt(1) - '0', lastHeading + 1);
                    lastHeading = level;
                    return new Planned(add(owner, "H" + level, info, lang, e), ctx);
                }
                return new Planned(add(owner, type, info, lang, e), ctx);
            }
        }
    }

    /** A term or a description of a definition list: each term opens an item of the list. */
    private Element definition(String type, org.w3c.dom.Element e, Element owner, Info info, String lang) {
        if (!owner.type.equals("L")) {
            return hasInlineContent(e) ? add(owner, "P", info, lang, e) : null;
        }
        Element item = owner.lastItem;
        if (type.equals("Lbl") || item == null) {
            item = new Element("LI", owner, info.index << SHIFT, owner.lang);
            owner.add(item.key, item);
            owner.lastItem = item;
        }
        Element part = new Element(type, item, (info.index << SHIFT) + 1, lang);
        item.add(part.key, part);
        part.id = id(e);
        return part;
    }

    private Element add(Element owner, String type, Info info, String lang, org.w3c.dom.Element e) {
        Element el = new Element(type, owner, info.index << SHIFT, lang);
        el.id = id(e);
        owner.add(el.key, el);
        return el;
    }

    private static Element lbody(Element li) {
        if (li.lbody == null) {
            li.lbody = new Element("LBody", li, li.key + 1, li.lang);
            li.add(li.lbody.key, li.lbody);
        }
        return li.lbody;
    }

    // ---- what the painting device asks

    /** The element a piece of {@code text} belongs to; empty for an artifact or a node not in the plan. */
    Optional<Element> ownerOfText(Text text) {
        Info info = infos.get(text);
        return info == null ? Optional.empty() : Optional.ofNullable(info.owner);
    }

    /** The key of the piece of {@code text} starting at {@code start}. */
    long textKey(Text text, int start) {
        Info info = infos.get(text);
        return info == null ? 0 : (info.index << SHIFT) + Math.min(start + 2, LAST - 1);
    }

    /** The element the content of {@code e} (generated content, an image) belongs to; empty for an artifact. */
    Optional<Element> ownerOfElement(org.w3c.dom.Element e) {
        Info info = infos.get(e);
        return info == null ? Optional.empty() : Optional.ofNullable(info.owner);
    }

    /** The structure element {@code e} itself became, if any. */
    Optional<Element> elementOf(org.w3c.dom.Element e) {
        Info info = infos.get(e);
        return info == null || info.owner == null ? Optional.empty() : Optional.ofNullable(info.self);
    }

    /** The key of content generated before ({@code after} false) or after the content of {@code e}. */
    long generatedKey(org.w3c.dom.Element e, boolean after) {
        Info info = infos.get(e);
        if (info == null) {
            return 0;
        }
        return after ? (info.end << SHIFT) - 1 : (info.index << SHIFT) + 1;
    }

    /** The key after everything {@code e} holds (an annotation after the link's text). */
    long endKey(org.w3c.dom.Element e) {
        return generatedKey(e, true);
    }

    /**
     * The label of the list item whose first block is {@code e}: content generated before it (a
     * number or bullet from a CSS counter, {@code li > p:first-child::before}) is the item's
     * {@code Lbl}, as a marker Flying Saucer paints itself is. Empty for any other element.
     */
    Optional<Element> labelBefore(org.w3c.dom.Element e) {
        if (!(e.getParentNode() instanceof org.w3c.dom.Element li) || !TagRoles.name(li).equals("li")) {
            return Optional.empty();
        }
        for (org.w3c.dom.Node n = li.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element first) {
                return first == e ? label(li) : Optional.empty();
            }
            if (n instanceof Text t && !t.getData().isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The label of list item {@code li}, for its marker; empty unless {@code li} became an LI. */
    Optional<Element> label(org.w3c.dom.Element li) {
        return elementOf(li).filter(el -> el.type.equals("LI")).map(el -> {
            if (el.lbl == null) {
                el.lbl = new Element("Lbl", el, el.key, el.lang);
                el.add(el.key, el.lbl);
            }
            return el.lbl;
        });
    }

    void add(Element owner, long key, Content content) {
        owner.add(key, content);
    }

    void add(Element owner, long key, Annotation annotation) {
        owner.add(key, annotation);
    }

    /** The plan as a finished tree: kids in reading order, empty elements left out. */
    Tag toTag() {
        Tag t = convert(root, "");
        return t == null ? Tag.of("Document", List.of()).withLang(lang(root)) : t;
    }

    private static Optional<String> lang(Element e) {
        return e.lang.isEmpty() ? Optional.empty() : Optional.of(e.lang);
    }

    private Tag convert(Element e, String parentLang) {
        e.items.sort((a, b) -> Long.compare(a.key, b.key));
        List<Kid> kids = new ArrayList<>(e.items.size());
        for (Item item : e.items) {
            if (item.kid instanceof Element child) {
                Tag t = convert(child, e.lang);
                if (t != null) {
                    kids.add(t);
                }
            } else {
                kids.add((Kid) item.kid);
            }
        }
        kids = TreeRules.arrange(e.type, kids);
        if (kids.isEmpty() && !KEEP_EMPTY.contains(e.type)) {
            return null;
        }
        Optional<String> lang = e.lang.equals(parentLang) || e.lang.isEmpty() ? Optional.empty() : Optional.of(e.lang);
        return new Tag(e.type, lang, e.alt, e.id, e.attributes, kids);
    }

    // ---- reading the markup

    private static String lang(org.w3c.dom.Element e, String inherited) {
        String l = e.getAttributeNS(XML_NS, "lang");
        if (l.isBlank()) {
            l = e.getAttribute("lang");
        }
        return l.isBlank() ? inherited : l.strip();
    }

    private static Optional<String> id(org.w3c.dom.Element e) {
        String id = e.getAttribute("id");
        return id.isBlank() ? Optional.empty() : Optional.of(id);
    }

    /** Whether a block element holds inline content of its own: text, or inline elements. */
    private static boolean hasInlineContent(org.w3c.dom.Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Text t && !t.getData().isBlank()) {
                return true;
            }
            if (n instanceof org.w3c.dom.Element c && TagRoles.isInline(c)
                    && TagRoles.of(c).kind() != TagRoles.Kind.ARTIFACT) {
                return true;
            }
        }
        return false;
    }

    /** A header cell's scope: its {@code scope} attribute, else Column in a table head, else Row for a row's first cell. */
    private static String scope(org.w3c.dom.Element th, boolean head) {
        String s = th.getAttribute("scope").strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "row", "rowgroup" -> {
                return "Row";
            }
            case "col", "colgroup" -> {
                return "Column";
            }
            case "both" -> {
                return "Both";
            }
            default -> {
                // nothing
            }
        }
        if (head) {
            return "Column";
        }
        for (Node n = th.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof org.w3c.dom.Element) {
                return "Column";
            }
        }
        return "Row";
    }

    private static int span(org.w3c.dom.Element cell, String attribute) {
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(cell.getAttribute(attribute).strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** ListNumbering: from an ordered list's {@code type}; a list of terms has none, others a disc. */
    private static String numbering(org.w3c.dom.Element list) {
        String name = TagRoles.name(list);
        if (name.equals("ol")) {
            return switch (list.getAttribute("type").strip()) {
                case "a" -> "LowerAlpha";
                case "A" -> "UpperAlpha";
                case "i" -> "LowerRoman";
                case "I" -> "UpperRoman";
                default -> "Decimal";
            };
        }
        return name.equals("ul") ? "Disc" : "None";
    }

    /**
     * The alternate text of an image or formula: its {@code alt}, {@code alttext} or
     * {@code aria-label}; for an image, else the caption of the figure it is in.
     */
    private static Optional<String> alt(org.w3c.dom.Element e, boolean image) {
        for (String a : new String[] {"alt", "alttext", "aria-label"}) {
            String v = clean(e.getAttribute(a));
            if (!v.isEmpty()) {
                return Optional.of(v);
            }
        }
        if (image) {
            for (Node n = e.getParentNode(); n instanceof org.w3c.dom.Element p; n = n.getParentNode()) {
                if (TagRoles.name(p).equals("figure")) {
                    for (Node c = p.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof org.w3c.dom.Element cap && TagRoles.name(cap).equals("figcaption")) {
                            String v = text(cap);
                            if (!v.isEmpty()) {
                                return Optional.of(v);
                            }
                        }
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /** The text of an element as a reader would say it: without soft hyphens and the like, spaces collapsed. */
    static String text(org.w3c.dom.Element e) {
        return clean(e.getTextContent());
    }

    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (FontShaper.isIgnorable(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F') {
                space = !sb.isEmpty();
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
