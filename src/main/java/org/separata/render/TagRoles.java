package org.separata.render;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What an XHTML element says about its structure, read from its markup alone: the element's
 * name, its ARIA {@code role} (WAI-ARIA and DPUB-ARIA), {@code aria-hidden}, {@code aria-level},
 * and Separata's own {@code data-tag}, which names a PDF structure type outright. The rules are
 * listed in {@code layouts/README.md} ("Tagged PDF"); {@link StructurePlan} applies them in the
 * document's context (tables, lists, languages).
 */
final class TagRoles {

    /** What an element is, before its context is known. */
    enum Kind {
        /** a structure element of {@link Role#type()} */
        ELEMENT,
        /** no element of its own: its content belongs to its parent's */
        TRANSPARENT,
        /** page furniture (running heads, decoration): it and everything in it is an artifact */
        ARTIFACT,
        /** a table used for layout: it and its rows and cells are transparent */
        LAYOUT_TABLE
    }

    record Role(Kind kind, String type) {
        static final Role TRANSPARENT = new Role(Kind.TRANSPARENT, "");
        static final Role ARTIFACT = new Role(Kind.ARTIFACT, "");
        static final Role LAYOUT_TABLE = new Role(Kind.LAYOUT_TABLE, "");

        static Role of(String type) {
            return new Role(Kind.ELEMENT, type);
        }
    }

    /** The standard structure types of ISO 32000-1 14.8.4 that {@code data-tag} may name. */
    static final Set<String> STANDARD = Set.of("Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption",
            "TOC", "TOCI", "Index", "NonStruct", "P", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
            "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry",
            "Code", "Link", "Figure", "Formula");

    /** Elements that lay out as inline content by default; any other element is a block. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code",
            "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
            "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "math", "label");

    private TagRoles() {
    }

    static boolean isInline(Element e) {
        return INLINE.contains(name(e));
    }

    /** The element's local name in lower case. */
    static String name(Element e) {
        String n = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        return n.toLowerCase(Locale.ROOT);
    }

    /**
     * The role of {@code e} from its own markup: {@code data-tag} first, then {@code aria-hidden}
     * and {@code role}, then the element's name. Table parts ({@code tr}, {@code td}…) and list
     * items are given their table and list types here; {@link StructurePlan} keeps them only
     * inside a real table or list.
     */
    static Role of(Element e) {
        String tag = e.getAttribute("data-tag").strip();
        if (tag.equals("Artifact")) {
            return Role.ARTIFACT;
        }
        if (STANDARD.contains(tag)) {
            return Role.of(tag);
        }
        if (e.getAttribute("aria-hidden").strip().equalsIgnoreCase("true")) {
            return Role.ARTIFACT;
        }
        String name = name(e);
        String role = e.getAttribute("role").strip().toLowerCase(Locale.ROOT);
        if (!role.isEmpty()) {
            // the first role a reader knows wins (ARIA role lists are fallbacks)
            for (String r : role.split("\\s+")) {
                Optional<Role> known = aria(r, e, name);
                if (known.isPresent()) {
                    return known.get();
                }
            }
        }
        return byName(e, name);
    }

    private static Optional<Role> aria(String role, Element e, String name) {
        return Optional.ofNullable(switch (role) {
            case "presentation", "none" -> name.equals("table") ? Role.LAYOUT_TABLE
                    : name.equals("img") ? Role.ARTIFACT : Role.TRANSPARENT;
            case "doc-pageheader", "doc-pagefooter" -> Role.ARTIFACT;
            case "heading" -> Role.of("H" + level(e.getAttribute("aria-level")));
            case "math" -> Role.of("Formula");
            case "img" -> Role.of("Figure");
            case "figure" -> Role.of("Div");
            case "region", "doc-abstract", "doc-bibliography", "doc-endnotes", "doc-chapter", "doc-appendix",
                 "doc-acknowledgments" -> Role.of("Sect");
            case "doc-biblioentry" -> Role.of("BibEntry");
            case "doc-endnote", "doc-footnote", "note" -> Role.of("Note");
            case "doc-toc" -> Role.of("TOC");
            case "doc-noteref", "doc-biblioref" -> Role.of("Reference");
            case "list" -> Role.of("L");
            case "listitem" -> Role.of("LI");
            case "paragraph" -> Role.of("P");
            case "blockquote" -> Role.of("BlockQuote");
            case "caption" -> Role.of("Caption");
            case "table" -> Role.of("Table");
            case "row" -> Role.of("TR");
            case "cell" -> Role.of("TD");
            case "columnheader", "rowheader" -> Role.of("TH");
            default -> null;
        });
    }

    /** An {@code aria-level} as a heading level 1–6; 2 when absent, as ARIA says. */
    private static int level(String value) {
        try {
            return Math.max(1, Math.min(6, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private static Role byName(Element e, String name) {
        return switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> Role.of("H" + name.charAt(1));
            case "p" -> Role.of("P");
            case "ul", "ol", "dl" -> Role.of("L");
            case "li" -> Role.of("LI");
            case "dt" -> Role.of("Lbl");
            case "dd" -> Role.of("LBody");
            case "table" -> Role.of("Table");
            case "caption", "figcaption" -> Role.of("Caption");
            case "thead" -> Role.of("THead");
            case "tbody" -> Role.of("TBody");
            case "tfoot" -> Role.of("TFoot");
            case "tr" -> Role.of("TR");
            case "th" -> Role.of("TH");
            case "td" -> Role.of("TD");
            case "a" -> e.hasAttribute("href") && !e.getAttribute("href").isBlank() ? Role.of("Link")
                    : Role.TRANSPARENT;
            case "img" -> e.hasAttribute("alt") && e.getAttribute("alt").isBlank() ? Role.ARTIFACT
                    : Role.of("Figure");
            case "figure" -> Role.of("Div");
            case "math" -> Role.of("Formula");
            case "blockquote" -> Role.of("BlockQuote");
            case "q" -> Role.of("Quote");
            case "code", "pre" -> Role.of("Code");
            case "section" -> Role.of("Sect");
            case "article" -> Role.of("Art");
            case "hr" -> Role.ARTIFACT;
            default -> Role.TRANSPARENT;
        };
    }
}
