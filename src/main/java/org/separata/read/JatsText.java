package org.separata.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.separata.model.Block;
import org.separata.model.Footnote;
import org.separata.model.Inline;
import org.separata.model.MathNode;
import org.separata.model.Paragraph;
import org.separata.model.RichText;
import org.separata.model.Section;
import org.separata.read.XmlNode.Element;

/**
 * Turns JATS text into the model: inline markup into {@link RichText}, and paragraphs, lists,
 * quotes, sections, figures and tables into {@link Block}s and {@link Section}s. Footnotes met
 * inside the text are collected as endnotes and leave their mark in the text. One instance per
 * article or sub-article, so each keeps its own notes.
 */
final class JatsText {

    /** Elements that start a block of their own where they appear inside a paragraph. */
    private static final Set<String> BLOCKS = Set.of("p", "list", "def-list", "disp-quote", "boxed-text", "fig",
            "fig-group", "table-wrap", "table-wrap-group", "disp-formula", "disp-formula-group", "preformat", "code",
            "graphic", "media", "supplementary-material", "speech", "statement", "verse-group", "array",
            "chem-struct-wrap", "sec", "ref-list", "fn-group", "glossary", "question-wrap", "answer");

    /** What a paragraph-level element holds that is not its running text. */
    private static final Set<String> NOT_TEXT = Set.of("label", "title", "caption", "sec-meta", "object-id",
            "permissions", "alt-text", "long-desc", "attrib");

    private final JatsContext ctx;
    private final List<Footnote> notes = new ArrayList<>();

    JatsText(JatsContext ctx) {
        this.ctx = ctx;
    }

    /** The footnotes found inside the text so far, in order. */
    List<Footnote> notes() {
        return notes;
    }

    // ---- inline -----------------------------------------------------------------------------------

    /** The inline content of {@code e}, white space collapsed and trimmed. */
    RichText rich(Element e) {
        return rich(e, Set.of());
    }

    /** Like {@link #rich(Element)}, leaving out the children named in {@code skip}. */
    RichText rich(Element e, Set<String> skip) {
        List<Inline> out = new ArrayList<>();
        inlines(e.children(), skip, false, out);
        return normalize(out);
    }

    Optional<RichText> optionalRich(Optional<Element> e) {
        return e.map(this::rich).filter(r -> !r.isBlank());
    }

    private void inlines(List<XmlNode> nodes, Set<String> skip, boolean inSup, List<Inline> out) {
        inlines(nodes, skip, inSup, false, out);
    }

    /**
     * The inline content of {@code nodes}. White space a pretty-printer put in (white space that
     * holds a line break) is not text where it would print a space no author meant: before a
     * subscript or superscript ({@code (<italic>b</italic>⏎<sub>i</sub>)} is "(b<sub>i</sub>)"; a
     * cross reference holding only a superscript counts as one), and at the edges of one ({@code script}).
     */
    private void inlines(List<XmlNode> nodes, Set<String> skip, boolean inSup, boolean script, List<Inline> out) {
        for (int i = 0; i < nodes.size(); i++) {
            XmlNode n = nodes.get(i);
            if (n instanceof XmlNode.Text t) {
                String v = t.value();
                boolean beforeScript = i + 1 < nodes.size() && nodes.get(i + 1) instanceof Element next
                        && isScript(next);
                if (beforeScript || script && i == nodes.size() - 1) {
                    v = stripPrettyPrinting(v, false);
                }
                if (script && i == 0) {
                    v = stripPrettyPrinting(v, true);
                }
                out.add(new Inline.Text(v));
            } else if (n instanceof Element e && !skip.contains(e.name())) {
                inline(e, inSup, out);
            }
        }
    }

    /** A subscript or superscript, or a cross reference that holds only one ({@code <xref><sup>6</sup></xref>}). */
    private static boolean isScript(Element e) {
        if (e.name().equals("sub") || e.name().equals("sup")) {
            return true;
        }
        if (!e.name().equals("xref")) {
            return false;
        }
        List<Element> inside = new ArrayList<>();
        for (XmlNode n : e.children()) {
            if (n instanceof Element c) {
                inside.add(c);
            } else if (n instanceof XmlNode.Text t && !t.value().isBlank()) {
                return false;
            }
        }
        return inside.size() == 1 && inside.get(0).name().equals("sup");
    }

    /** {@code v} without the white space at its start ({@code leading}) or end, if that white space holds a line break. */
    private static String stripPrettyPrinting(String v, boolean leading) {
        int a = 0;
        int b = v.length();
        if (leading) {
            while (a < b && Character.isWhitespace(v.charAt(a))) {
                a++;
            }
            return v.substring(0, a).indexOf('\n') >= 0 ? v.substring(a) : v;
        }
        while (b > a && Character.isWhitespace(v.charAt(b - 1))) {
            b--;
        }
        return v.substring(b).indexOf('\n') >= 0 ? v.substring(0, b) : v;
    }

    private List<Inline> children(Element e, boolean inSup) {
        List<Inline> out = new ArrayList<>();
        inlines(e.children(), Set.of(), inSup, false, out);
        return out;
    }

    /** The content of a subscript or superscript, without the pretty-printer's white space at its edges. */
    private List<Inline> script(Element e, boolean inSup) {
        List<Inline> out = new ArrayList<>();
        inlines(e.children(), Set.of(), inSup, true, out);
        return out;
    }

    private void inline(Element e, boolean inSup, List<Inline> out) {
        switch (e.name()) {
            case "italic", "em" -> out.add(new Inline.Styled(Inline.Style.ITALIC, children(e, inSup)));
            case "bold", "strong" -> out.add(new Inline.Styled(Inline.Style.BOLD, children(e, inSup)));
            case "sup" -> out.add(new Inline.Styled(Inline.Style.SUPERSCRIPT, script(e, true)));
            case "sub" -> out.add(new Inline.Styled(Inline.Style.SUBSCRIPT, script(e, inSup)));
            case "sc" -> out.add(new Inline.Styled(Inline.Style.SMALL_CAPS, children(e, inSup)));
            case "monospace" -> out.add(new Inline.Styled(Inline.Style.MONOSPACE, children(e, inSup)));
            case "underline" -> out.add(new Inline.Styled(Inline.Style.UNDERLINE, children(e, inSup)));
            case "break" -> out.add(new Inline.Text(" "));
            case "ext-link", "uri", "self-uri" -> link(e, inSup, out);
            case "email" -> {
                String address = e.text().strip();
                out.add(address.matches("[^\\s@<>\"]+@[^\\s@<>\"]+")
                        ? new Inline.Link("mailto:" + address, List.of(new Inline.Text(address)))
                        : new Inline.Text(address));
            }
            case "xref" -> xref(e, inSup, out);
            case "fn" -> inlineNote(e, out);
            case "inline-formula", "disp-formula", "alternatives" -> alternatives(e, inSup, out);
            case "mml:math", "math" -> out.add(new Inline.Math(mathNode(e)));
            case "tex-math" -> out.add(texSource(e));
            case "inline-graphic", "graphic", "inline-media", "media" -> ctx.warn(e, "",
                    "an inline image (" + e.attr("xlink:href").orElse("no file named") + ") is left out",
                    "images inside a line of text are not placed; use a <fig> or <graphic> between paragraphs, "
                            + "or describe it in the text if it matters");
            case "xi:include" -> ctx.warn(e, "", "<xi:include> is not processed; nothing is included",
                    "put the text itself into the file");
            case "target", "alt-text", "long-desc", "object-id" -> {
                // anchors and descriptions for other media: nothing a reader sees in print
            }
            default -> inlines(e.children(), Set.of(), inSup, out);
        }
    }

    private void link(Element e, boolean inSup, List<Inline> out) {
        List<Inline> kids = children(e, inSup);
        String shown = new RichText(kids).plain().strip();
        String raw = e.attr("xlink:href").orElse(shown);
        Optional<String> href = JatsText.href(raw, e.attr("ext-link-type").orElse("uri"));
        if (href.isEmpty()) {
            if (!raw.isEmpty() && !raw.equals(shown)) {
                ctx.warn(e, "", "the link target '" + abbreviate(raw) + "' is not a web address; only its text is printed",
                        "links may point at http, https and mailto addresses and DOIs");
            }
            out.addAll(kids);
            return;
        }
        out.add(new Inline.Link(href.get(), kids.isEmpty() || shown.isEmpty() ? List.of(new Inline.Text(raw)) : kids));
    }

    /** An absolute http(s) or mailto address for a link target, or a DOI/PubMed URL; else empty. */
    static Optional<String> href(String raw, String type) {
        String v = raw.strip();
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("doi") && v.startsWith("10.")) {
            return Optional.of("https://doi.org/" + v);
        }
        if (t.equals("pmid") && v.matches("\\d+")) {
            return Optional.of("https://pubmed.ncbi.nlm.nih.gov/" + v + "/");
        }
        if (v.matches("(?i)https?://[^\\s<>\"]+") || v.matches("(?i)mailto:[^\\s<>\"]+")) {
            return Optional.of(v);
        }
        if (v.matches("(?i)www\\.[^\\s<>\"]+")) {
            return Optional.of("http://" + v);
        }
        if (v.matches("(?i)doi:\\s*10\\.\\S+")) {
            return Optional.of("https://doi.org/" + v.substring(4).strip());
        }
        return Optional.empty();
    }

    /**
     * A cross reference prints its own text. A numeric reference to the bibliography set right
     * after a word ({@code pain.<xref>1</xref>}) is a superscript citation in the source's style.
     */
    private void xref(Element e, boolean inSup, List<Inline> out) {
        List<Inline> kids = children(e, inSup);
        // The white space a pretty-printer put around a mark inside the xref is not text.
        if (!e.hasOwnText()) {
            kids.removeIf(k -> k instanceof Inline.Text t && t.value().isBlank());
        }
        String text = new RichText(kids).plain().strip();
        String type = e.attr("ref-type").orElse("");
        boolean bibr = type.equals("bibr");
        // A note's mark ("1", "*", "a") glued to the word before it is a superscript, as in print.
        boolean note = type.equals("fn") || type.equals("table-fn");
        // <xref><sup>2</sup></xref> is a superscript already
        boolean raised = kids.size() == 1 && kids.get(0) instanceof Inline.Styled st
                && st.style() == Inline.Style.SUPERSCRIPT;
        if (!inSup && !raised && (bibr && text.matches("[0-9][0-9,\\-\u2013 ]*")
                || note && text.matches("[0-9a-z*\u2020\u2021,\\- ]{1,6}")) && gluedToText(out)) {
            out.add(new Inline.Styled(Inline.Style.SUPERSCRIPT, kids));
        } else {
            out.addAll(kids);
        }
    }

    private static boolean gluedToText(List<Inline> before) {
        String s = new RichText(before).plain();
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(s.length() - 1);
        if (Character.isWhitespace(c) || c == '(' || c == '[' || c == '\u00A0') {
            return false;
        }
        // inside a bracketed group of citations, "[3–5]" or "[1,2]": the numbers stay on the line
        int k = s.length();
        while (k > 0 && "0123456789,;\u2013\u2014-\u2009".indexOf(s.charAt(k - 1)) >= 0) {
            k--;
        }
        return !(k > 0 && k < s.length() && (s.charAt(k - 1) == '[' || s.charAt(k - 1) == '('));
    }

    /** A footnote inside the text: printed as an endnote, marked where it stood. */
    private void inlineNote(Element fn, List<Inline> out) {
        String label = fn.first("label").flatMap(Element::cleanText).orElse(String.valueOf(notes.size() + 1));
        notes.add(note(fn, Optional.of(label)));
        out.add(new Inline.Styled(Inline.Style.SUPERSCRIPT, List.of(new Inline.Text(label))));
    }

    /** A footnote element as an endnote. */
    Footnote note(Element fn, Optional<String> label) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Block b : blocks(fn)) {
            flattenInto(b, paragraphs);
        }
        return new Footnote(fn.attr("id"), label.map(JatsText::stripLabel).filter(s -> !s.isEmpty()), paragraphs);
    }

    static String stripLabel(String label) {
        return label.strip().replaceAll("[.:)]$", "").strip();
    }

    private void alternatives(Element e, boolean inSup, List<Inline> out) {
        Optional<Element> math = mathOf(e);
        if (math.isPresent()) {
            out.add(new Inline.Math(mathNode(math.get())));
            return;
        }
        Optional<Element> tex = e.descendants("tex-math").stream().findFirst();
        if (tex.isPresent()) {
            out.add(texSource(tex.get()));
            return;
        }
        inlines(e.children(), Set.of("label", "graphic", "inline-graphic", "media"), inSup, out);
    }

    /** The MathML of a formula or of its alternatives, with or without the mml: prefix. */
    private static Optional<Element> mathOf(Element e) {
        return e.descendants("mml:math").stream().findFirst().or(() -> e.descendants("math").stream().findFirst());
    }

    /** TeX with no MathML beside it: its source, set as code, with a warning. */
    private Inline texSource(Element tex) {
        ctx.warn(tex, "", "a formula is given only as TeX; its source is printed as code",
                "add MathML (<mml:math>) beside the <tex-math>, in <alternatives>, to have it typeset");
        return new Inline.Styled(Inline.Style.MONOSPACE, List.of(new Inline.Text(texText(tex))));
    }

    private static String texText(Element tex) {
        String t = tex.text().strip();
        // a whole LaTeX document around the formula: keep what is between \begin{document} and \end{document}
        int b = t.indexOf("\\begin{document}");
        int end = t.indexOf("\\end{document}");
        if (b >= 0 && end > b) {
            t = t.substring(b + "\\begin{document}".length(), end).strip();
        }
        return t.replaceAll("\\s+", " ");
    }

    /** MathML elements a formula may hold; anything else is read as a row of its children. */
    private static final Set<String> MATH_ELEMENTS = Set.of("math", "mi", "mn", "mo", "mtext", "ms", "mspace",
            "mrow", "mfrac", "msqrt", "mroot", "mstyle", "merror", "mpadded", "mphantom", "mfenced", "menclose",
            "msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts", "mprescripts", "none",
            "mtable", "mtr", "mlabeledtr", "mtd", "semantics", "maction", "mglyph");

    /** Attributes that change how MathML is set; the others (ids, colours, links) are dropped. */
    private static final Set<String> MATH_ATTRIBUTES = Set.of("display", "mathvariant", "displaystyle",
            "scriptlevel", "open", "close", "separators", "stretchy", "largeop", "movablelimits", "accent",
            "accentunder", "columnalign", "rowalign", "columnspan", "rowspan", "notation", "linethickness", "fence",
            "form", "width", "bevelled", "mathsize", "lspace", "rspace", "symmetric");

    /** A MathML element as a {@link MathNode}: prefixes dropped, known elements and attributes only. */
    static MathNode mathNode(Element e) {
        String local = e.name().substring(e.name().indexOf(':') + 1);
        String name = MATH_ELEMENTS.contains(local) ? local : "mrow";
        java.util.Map<String, String> attrs = new java.util.LinkedHashMap<>();
        e.attributes().forEach((k, v) -> {
            if (MATH_ATTRIBUTES.contains(k)) {
                attrs.put(k, v.strip());
            }
        });
        if (name.equals("semantics")) {
            // the presentation part; annotations are other encodings of the same formula
            return e.elements().stream().filter(c -> !c.name().contains("annotation")).findFirst()
                    .map(JatsText::mathNode).orElse(MathNode.of("mrow", List.of()));
        }
        if (name.equals("maction")) {
            return e.elements().stream().findFirst().map(JatsText::mathNode).orElse(MathNode.of("mrow", List.of()));
        }
        if (MathNode.TOKENS.contains(name) || name.equals("mglyph")) {
            String text = e.text().replaceAll("[ \\t\\r\\n]+", " ").strip();
            if (name.equals("mglyph")) {
                return MathNode.token("mi", e.attr("alt").orElse(""));
            }
            return new MathNode(name, attrs, List.of(), text);
        }
        List<MathNode> kids = new ArrayList<>();
        for (Element c : e.elements()) {
            if (!c.name().contains("annotation")) {
                kids.add(mathNode(c));
            }
        }
        return new MathNode(name, attrs, kids, "");
    }

    // ---- blocks -----------------------------------------------------------------------------------

    /** The blocks inside a container (a section, a list item, a quote, a note, a caption…). */
    List<Block> blocks(Element container) {
        List<Block> out = new ArrayList<>();
        List<XmlNode> run = new ArrayList<>();
        for (XmlNode n : container.children()) {
            if (n instanceof Element e && (BLOCKS.contains(e.name()) || NOT_TEXT.contains(e.name()))) {
                flush(run, out);
                if (!NOT_TEXT.contains(e.name()) && !e.is("sec")) {
                    block(e, out);
                }
            } else {
                run.add(n);
            }
        }
        flush(run, out);
        return out;
    }

    private void flush(List<XmlNode> run, List<Block> out) {
        if (run.isEmpty()) {
            return;
        }
        List<Inline> inl = new ArrayList<>();
        inlines(run, Set.of(), false, inl);
        RichText text = normalize(inl);
        if (!text.isBlank()) {
            out.add(Paragraph.of(text));
        }
        run.clear();
    }

    private void block(Element e, List<Block> out) {
        switch (e.name()) {
            case "p" -> out.addAll(blocks(e));
            case "list" -> {
                heading(e).ifPresent(h -> out.add(Paragraph.of(h)));
                list(e).ifPresent(out::add);
            }
            case "def-list" -> definitions(e).ifPresent(items -> out.add(new Block.Boxed("definitions", heading(e),
                    items)));
            case "disp-quote" -> {
                Optional<RichText> attribution = optionalRich(e.first("attrib"));
                out.add(new Block.Quote(blocks(e), attribution));
            }
            case "boxed-text", "statement" -> {
                List<Block> inner = new ArrayList<>(blocks(e));
                e.all("sec").forEach(sec -> inner.addAll(flatten(section(sec, "#"))));
                out.add(new Block.Boxed(e.name().equals("statement") ? "statement" : "box", heading(e), inner));
            }
            case "speech", "question-wrap", "answer", "glossary" -> {
                heading(e).ifPresent(h -> out.add(Paragraph.of(new RichText(
                        List.of(new Inline.Styled(Inline.Style.BOLD, h.inlines()))))));
                out.addAll(blocks(e));
                e.all("sec").forEach(s -> out.addAll(flatten(section(s, "#"))));
            }
            case "verse-group" -> {
                for (Element line : e.all("verse-line")) {
                    RichText t = rich(line);
                    if (!t.isBlank()) {
                        out.add(Paragraph.of(t));
                    }
                }
                optionalRich(e.first("attrib")).ifPresent(a -> out.add(Paragraph.of(a)));
            }
            case "fig-group", "table-wrap-group", "disp-formula-group" -> {
                caption(e).ifPresent(c -> out.add(Paragraph.of(c)));
                for (Element c : e.elements()) {
                    if (BLOCKS.contains(c.name())) {
                        block(c, out);
                    }
                }
            }
            case "fig", "chem-struct-wrap" -> out.add(figure(e, "figure"));
            case "graphic" -> out.add(figure(e, "graphic"));
            case "table-wrap" -> out.add(table(e));
            case "array" -> out.add(e.first("table").map(t -> (Block) tableBlock(e, t))
                    .orElseGet(() -> figure(e, "graphic")));
            case "media" -> {
                ctx.warn(e, "", "a media file (" + e.attr("xlink:href").orElse("no file named")
                        + ") cannot be printed; a placeholder is printed", "describe it in the text if it matters");
                out.add(omitted(e, "media", "the media file is not part of this offprint"));
            }
            case "supplementary-material" -> out.add(supplementary(e));
            case "disp-formula" -> out.add(formula(e));
            case "preformat", "code" -> {
                String t = e.text().replaceAll("^\\s*\\n|\\s+$", "");
                if (!t.isBlank()) {
                    out.add(new Block.Preformatted(t));
                }
            }
            case "fn-group" -> e.all("fn").forEach(fn -> inlineNote(fn, new ArrayList<>()));
            case "ref-list" -> ctx.warn(e, "", "a reference list inside the body is printed as text",
                    "put the references into <back><ref-list>");
            default -> out.addAll(blocks(e));
        }
    }

    private Optional<RichText> heading(Element e) {
        Optional<RichText> title = optionalRich(e.path("caption", "title")).or(() -> optionalRich(e.first("title")));
        Optional<String> label = e.first("label").flatMap(Element::cleanText);
        if (label.isPresent() && title.isPresent()) {
            List<Inline> l = new ArrayList<>();
            l.add(new Inline.Text(label.get() + " "));
            l.addAll(title.get().inlines());
            return Optional.of(new RichText(l));
        }
        return title.or(() -> label.map(RichText::of));
    }

    private Optional<Block> list(Element e) {
        String type = e.attr("list-type").orElse("bullet");
        List<Element> all = e.all("list-item");
        // Items that carry their own labels ("a)", "iv.") keep them (ListBlock.labels), in a list the layout does not number;
        // a label that is only a bullet ("–", "•") gives way to the layout's bullet.
        boolean labelled = !all.isEmpty() && all.stream().allMatch(i -> i.first("label").flatMap(Element::cleanText)
                .filter(l -> !l.matches("[\\-–—•·*▪◦]")).isPresent());
        boolean ordered = !labelled && (type.startsWith("order") || type.startsWith("alpha")
                || type.startsWith("roman"));
        List<List<Block>> items = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Element item : all) {
            items.add(blocks(item));
            if (labelled) {
                labels.add(item.first("label").flatMap(Element::cleanText).orElseThrow());
            }
        }
        // the items' own labels hang beside them as the layout's numbers would (the layout sets them)
        return items.isEmpty() ? Optional.empty() : Optional.of(new Block.ListBlock(ordered, items, labels));
    }

    /** A definition list: one paragraph per item, the term in bold, then the definition. */
    private Optional<List<Block>> definitions(Element e) {
        List<List<Block>> items = new ArrayList<>();
        for (Element item : e.all("def-item")) {
            Optional<RichText> term = optionalRich(item.first("term"));
            List<Block> def = item.first("def").map(this::blocks).orElse(List.of());
            List<Inline> first = new ArrayList<>();
            term.ifPresent(t -> {
                first.add(new Inline.Styled(Inline.Style.BOLD, t.inlines()));
                first.add(new Inline.Text(" \u2014 "));
            });
            List<Block> blocks = new ArrayList<>();
            if (!def.isEmpty() && def.get(0) instanceof Paragraph p) {
                first.addAll(p.text().inlines());
                blocks.add(Paragraph.of(new RichText(first)));
                blocks.addAll(def.subList(1, def.size()));
            } else {
                blocks.add(Paragraph.of(new RichText(first)));
                blocks.addAll(def);
            }
            items.add(blocks);
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(items.stream().flatMap(List::stream).toList());
    }

    /**
     * A figure (or a lone graphic): its label, caption, alt text and image files. Whether the
     * images are there is decided when the article is rendered.
     */
    private Block figure(Element e, String kind) {
        List<String> files = new ArrayList<>();
        e.attr("xlink:href").ifPresent(files::add);
        for (Element g : e.descendants("graphic")) {
            g.attr("xlink:href").filter(h -> !files.contains(h)).ifPresent(files::add);
        }
        Optional<String> alt = e.first("alt-text").flatMap(Element::cleanText)
                .or(() -> e.descendants("alt-text").stream().findFirst().flatMap(Element::cleanText));
        Optional<String> label = e.first("label").flatMap(Element::cleanText).map(JatsText::stripLabel);
        files.forEach(f -> ctx.index("figures[" + f + "]", e));
        return new Block.Figure(kind, e.attr("id"), label, caption(e), alt, files);
    }

    /**
     * A {@code table-wrap}: the table itself (from {@code alternatives} too, where it is preferred
     * to an image of it), else its image, else a placeholder with a warning.
     */
    private Block table(Element wrap) {
        Optional<Element> table = wrap.first("table")
                .or(() -> wrap.first("alternatives").flatMap(a -> a.first("table")))
                .or(() -> wrap.descendants("table").stream().findFirst());
        if (table.isPresent()) {
            return tableBlock(wrap, table.get());
        }
        if (!wrap.descendants("graphic").isEmpty()) {
            return figure(wrap, "table");
        }
        String what = wrap.first("label").flatMap(Element::cleanText).or(() -> wrap.attr("id")).orElse("a table");
        ctx.warn(wrap, "", what + " has neither cells nor an image; a placeholder with its caption is printed",
                "give the <table-wrap> a <table> (XHTML table model) or a <graphic>");
        return omitted(wrap, "table", "the table has no cells in the input");
    }

    private Block.Table tableBlock(Element wrap, Element table) {
        List<Block.Row> head = new ArrayList<>();
        List<Block.Row> body = new ArrayList<>();
        List<Block.Row> foot = new ArrayList<>();
        for (Element part : table.elements()) {
            switch (part.name()) {
                case "thead" -> part.all("tr").forEach(tr -> head.add(row(tr, true)));
                case "tfoot" -> part.all("tr").forEach(tr -> foot.add(row(tr, false)));
                case "tbody" -> part.all("tr").forEach(tr -> body.add(row(tr, false)));
                case "tr" -> body.add(row(part, false));
                default -> {
                    // col, colgroup: widths in the input are for another page; the layout sizes columns
                }
            }
        }
        // a table with no <thead> whose first rows are all header cells: those rows are its head
        if (head.isEmpty()) {
            while (body.size() > 1 && body.get(0).cells().stream().allMatch(Block.Cell::header)) {
                head.add(body.remove(0));
            }
        }
        List<Paragraph> notes = new ArrayList<>();
        wrap.first("table-wrap-foot").ifPresent(f -> {
            for (Element c : f.elements()) {
                if (c.is("fn-group")) {
                    c.all("fn").forEach(fn -> notes.add(tableNote(fn)));
                } else if (c.is("fn")) {
                    notes.add(tableNote(c));
                } else if (!c.is("title") && !c.is("label")) {
                    for (Block b : blocks(new Element("#", java.util.Map.of(), List.of(c), c.line(), c.column()))) {
                        flattenInto(b, notes);
                    }
                }
            }
        });
        Optional<String> label = wrap.first("label").flatMap(Element::cleanText).map(JatsText::stripLabel);
        return new Block.Table(wrap.attr("id"), label, caption(wrap), head, body, foot, notes);
    }

    /** A note under a table: its mark, then its text, in one paragraph. */
    private Paragraph tableNote(Element fn) {
        Optional<String> mark = fn.first("label").flatMap(Element::cleanText).map(JatsText::stripLabel);
        List<Inline> out = new ArrayList<>();
        mark.ifPresent(m -> {
            out.add(new Inline.Styled(Inline.Style.SUPERSCRIPT, List.of(new Inline.Text(m))));
            out.add(new Inline.Text(" "));
        });
        List<Paragraph> ps = new ArrayList<>();
        blocks(fn).forEach(b -> flattenInto(b, ps));
        for (int i = 0; i < ps.size(); i++) {
            if (i > 0) {
                out.add(new Inline.Text(" "));
            }
            out.addAll(ps.get(i).text().inlines());
        }
        return Paragraph.of(normalize(out));
    }

    private Block.Row row(Element tr, boolean inHead) {
        List<Block.Cell> cells = new ArrayList<>();
        for (Element c : tr.all("th", "td")) {
            boolean header = c.is("th") || inHead;
            Optional<String> scope = c.attr("scope").or(() -> header ? Optional.of(inHead ? "col" : "row")
                    : Optional.empty());
            cells.add(new Block.Cell(header, cellLines(c), span(c, "colspan"), span(c, "rowspan"),
                    c.attr("align").map(a -> a.toLowerCase(Locale.ROOT)).filter(a -> a.matches(
                            "left|center|right|justify|char")).map(a -> a.equals("char") ? "right" : a),
                    c.attr("valign").map(a -> a.toLowerCase(Locale.ROOT)).filter(a -> a.matches(
                            "top|middle|bottom|baseline")), scope));
        }
        return new Block.Row(cells);
    }

    private static int span(Element c, String attr) {
        try {
            int n = Integer.parseInt(c.attr(attr).orElse("1"));
            return Math.max(1, Math.min(n, 1000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A cell's text as lines: a {@code break} or a new paragraph starts a line. */
    private List<RichText> cellLines(Element cell) {
        List<RichText> lines = new ArrayList<>();
        List<XmlNode> run = new ArrayList<>();
        for (XmlNode n : cell.children()) {
            if (n instanceof Element e && (e.is("break") || e.is("p") || BLOCKS.contains(e.name()))) {
                addLine(run, lines);
                if (!e.is("break")) {
                    for (Block b : blocks(new Element("#", java.util.Map.of(), List.of(e), e.line(), e.column()))) {
                        List<Paragraph> ps = new ArrayList<>();
                        flattenInto(b, ps);
                        ps.forEach(p -> lines.add(p.text()));
                    }
                }
            } else {
                run.add(n);
            }
        }
        addLine(run, lines);
        return lines;
    }

    private void addLine(List<XmlNode> run, List<RichText> lines) {
        if (run.isEmpty()) {
            return;
        }
        List<Inline> inl = new ArrayList<>();
        inlines(run, Set.of(), false, inl);
        RichText t = normalize(inl);
        if (!t.isBlank()) {
            lines.add(t);
        }
        run.clear();
    }

    /** Supplementary material: one line naming it, its file and its DOI. */
    private Block supplementary(Element e) {
        List<Inline> out = new ArrayList<>();
        Optional<String> label = e.first("label").flatMap(Element::cleanText).map(JatsText::stripLabel);
        label.ifPresent(l -> out.add(new Inline.Styled(Inline.Style.BOLD, List.of(new Inline.Text(l + ". ")))));
        caption(e).ifPresent(c -> {
            out.addAll(c.inlines());
            out.add(new Inline.Text(" "));
        });
        List<String> files = new ArrayList<>();
        e.attr("xlink:href").ifPresent(files::add);
        e.descendants("media").forEach(m -> m.attr("xlink:href").filter(h -> !files.contains(h)).ifPresent(files::add));
        for (String f : files) {
            Optional<String> link = href(f, "uri");
            out.add(new Inline.Text("("));
            out.add(link.<Inline>map(h -> new Inline.Link(h, List.of(new Inline.Text(f))))
                    .orElseGet(() -> new Inline.Styled(Inline.Style.MONOSPACE, List.of(new Inline.Text(f)))));
            out.add(new Inline.Text(") "));
        }
        List<Element> ids = new ArrayList<>(e.all("object-id"));
        e.descendants("pub-id").forEach(ids::add);
        e.descendants("ext-link").stream().filter(x -> x.attr("ext-link-type").map("doi"::equalsIgnoreCase)
                .orElse(false)).forEach(ids::add);
        for (Element id : ids) {
            boolean doi = id.attr("pub-id-type").or(() -> id.attr("ext-link-type")).map("doi"::equalsIgnoreCase)
                    .orElse(false);
            String v = id.attr("xlink:href").orElse(id.text()).strip();
            if (doi && v.startsWith("10.")) {
                out.add(new Inline.Text("DOI: "));
                out.add(new Inline.Link("https://doi.org/" + v, List.of(new Inline.Text("https://doi.org/" + v))));
                break;
            }
        }
        if (out.isEmpty()) {
            out.add(new Inline.Text("Supplementary material"));
        }
        return Paragraph.of(normalize(out));
    }

    private Block omitted(Element e, String kind, String reason) {
        return new Block.Omitted(kind, e.first("label").flatMap(Element::cleanText).map(JatsText::stripLabel),
                caption(e), reason);
    }

    private Optional<RichText> caption(Element e) {
        Optional<Element> caption = e.first("caption");
        if (caption.isEmpty()) {
            return Optional.empty();
        }
        List<Inline> out = new ArrayList<>();
        caption.get().first("title").map(this::rich).filter(t -> !t.isBlank()).ifPresent(t -> out.addAll(t.inlines()));
        for (Element p : caption.get().all("p")) {
            RichText t = rich(p);
            if (!t.isBlank()) {
                if (!out.isEmpty()) {
                    out.add(new Inline.Text(" "));
                }
                out.addAll(t.inlines());
            }
        }
        RichText r = normalize(out);
        return r.isBlank() ? Optional.empty() : Optional.of(r);
    }

    /** A display formula: its MathML, else its TeX source (with a warning), else its image. */
    private Block formula(Element e) {
        Optional<String> label = e.first("label").flatMap(Element::cleanText);
        Optional<Element> math = mathOf(e);
        if (math.isPresent()) {
            return new Block.Formula(e.attr("id"), label, Optional.of(mathNode(math.get())), Optional.empty());
        }
        Optional<Element> tex = e.descendants("tex-math").stream().findFirst();
        if (tex.isPresent()) {
            ctx.warn(tex.get(), "", "a formula is given only as TeX; its source is printed as code",
                    "add MathML (<mml:math>) beside the <tex-math>, in <alternatives>, to have it typeset");
            return new Block.Formula(e.attr("id"), label, Optional.empty(), Optional.of(texText(tex.get())));
        }
        if (!e.descendants("graphic").isEmpty()) {
            return figure(e, "formula");
        }
        List<Inline> inl = new ArrayList<>();
        inlines(e.children(), Set.of("label"), false, inl);
        RichText t = normalize(inl);
        if (t.isBlank()) {
            ctx.warn(e, "", "a formula has neither MathML, TeX nor an image; a placeholder is printed",
                    "give the <disp-formula> an <mml:math>");
            return omitted(e, "formula", "the formula is not in the input");
        }
        return new Block.Formula(e.attr("id"), label, Optional.of(MathNode.of("math",
                List.of(MathNode.token("mtext", t.plain())))), Optional.empty());
    }

    // ---- sections -----------------------------------------------------------------------------------

    /**
     * A {@code sec} (or {@code ack}, {@code app}…): its title, blocks and subsections, in order.
     * {@code path} is its field path ({@code body[2]}), recorded with its line for diagnostics.
     */
    Section section(Element sec, String path) {
        ctx.index(path, sec);
        Optional<RichText> title = heading(sec);
        sec.first("title").ifPresent(t -> ctx.index(path + ".title", t));
        List<Block> blocks = new ArrayList<>();
        List<Section> subs = new ArrayList<>();
        List<XmlNode> pending = new ArrayList<>();
        for (XmlNode n : sec.children()) {
            if (n instanceof Element e && (e.is("sec") || e.is("app"))) {
                if (!subs.isEmpty()) {
                    closeLoose(pending, subs, path + ".sections");
                } else {
                    blocks.addAll(blocksOf(pending, path));
                    pending.clear();
                }
                subs.add(section(e, path + ".sections[" + subs.size() + "]"));
            } else {
                pending.add(n);
            }
        }
        if (subs.isEmpty()) {
            blocks.addAll(blocksOf(pending, path));
        } else {
            closeLoose(pending, subs, path + ".sections");
        }
        return new Section(title, blocks, subs);
    }

    /** Text that follows a subsection stays in order, as an untitled subsection. */
    private void closeLoose(List<XmlNode> pending, List<Section> subs, String prefix) {
        String path = prefix + "[" + subs.size() + "]";
        List<Block> loose = blocksOf(pending, path);
        if (!loose.isEmpty()) {
            pending.stream().filter(n -> n instanceof Element).findFirst().ifPresent(n -> ctx.index(path, n));
            subs.add(new Section(Optional.empty(), loose, List.of()));
        }
        pending.clear();
    }

    private List<Block> blocksOf(List<XmlNode> nodes, String path) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        nodes.stream().filter(n -> n instanceof Element e && !NOT_TEXT.contains(e.name())).findFirst()
                .ifPresent(n -> ctx.index(path + ".text", n));
        return blocks(new Element("#", java.util.Map.of(), nodes, 0, 0));
    }

    /**
     * The top-level sections of a body, appended to {@code out}; text before or between sections
     * becomes untitled sections. {@code prefix} is the field path of the list ({@code body}).
     */
    void sections(Element body, String prefix, List<Section> out) {
        List<XmlNode> pending = new ArrayList<>();
        for (XmlNode n : body.children()) {
            if (n instanceof Element e && e.is("sec")) {
                closeLoose(pending, out, prefix);
                out.add(section(e, prefix + "[" + out.size() + "]"));
            } else if (!(n instanceof Element e && e.is("sig-block"))) {
                pending.add(n);
            }
        }
        closeLoose(pending, out, prefix);
    }

    private static List<Block> flatten(Section s) {
        List<Block> out = new ArrayList<>();
        s.title().ifPresent(t -> out.add(Paragraph.of(new RichText(
                List.of(new Inline.Styled(Inline.Style.BOLD, t.inlines()))))));
        out.addAll(s.blocks());
        s.sections().forEach(sub -> out.addAll(flatten(sub)));
        return out;
    }

    private static void flattenInto(Block b, List<Paragraph> out) {
        if (b instanceof Paragraph p) {
            out.add(p);
        } else if (b instanceof Block.ListBlock l) {
            l.items().forEach(item -> item.forEach(i -> flattenInto(i, out)));
        } else if (b instanceof Block.Quote q) {
            q.blocks().forEach(i -> flattenInto(i, out));
        } else if (b instanceof Block.Omitted o) {
            o.caption().ifPresent(c -> out.add(Paragraph.of(c)));
        } else if (b instanceof Block.Boxed x) {
            x.title().ifPresent(t -> out.add(Paragraph.of(t)));
            x.blocks().forEach(i -> flattenInto(i, out));
        } else if (b instanceof Block.Figure f) {
            f.caption().ifPresent(c -> out.add(Paragraph.of(c)));
        } else if (b instanceof Block.Table t) {
            t.caption().ifPresent(c -> out.add(Paragraph.of(c)));
        } else if (b instanceof Block.Formula f) {
            f.math().ifPresent(m -> out.add(Paragraph.of(new RichText(List.of(new Inline.Math(m))))));
            f.tex().ifPresent(x -> out.add(Paragraph.of(RichText.of(x))));
        } else if (b instanceof Block.Preformatted p) {
            out.add(Paragraph.of(RichText.of(p.text())));
        }
    }

    /** All the paragraphs of some blocks, for places that hold paragraphs only (abstracts, notes). */
    static List<Paragraph> paragraphs(List<Block> blocks) {
        List<Paragraph> out = new ArrayList<>();
        blocks.forEach(b -> flattenInto(b, out));
        return out;
    }

    // ---- white space ----------------------------------------------------------------------------------

    /** Collapses runs of XML white space across inline boundaries and trims both ends. */
    static RichText normalize(List<Inline> inlines) {
        boolean[] lastSpace = {true};
        List<Inline> out = collapse(inlines, lastSpace);
        trimEnd(out);
        return new RichText(out);
    }

    private static List<Inline> collapse(List<Inline> in, boolean[] lastSpace) {
        List<Inline> out = new ArrayList<>();
        for (Inline i : in) {
            if (i instanceof Inline.Text t) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < t.value().length(); k++) {
                    char c = t.value().charAt(k);
                    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                        if (!lastSpace[0]) {
                            sb.append(' ');
                            lastSpace[0] = true;
                        }
                    } else {
                        sb.append(c);
                        lastSpace[0] = false;
                    }
                }
                if (!sb.isEmpty()) {
                    if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text prev) {
                        out.set(out.size() - 1, new Inline.Text(prev.value() + sb));
                    } else {
                        out.add(new Inline.Text(sb.toString()));
                    }
                }
            } else if (i instanceof Inline.Styled s) {
                List<Inline> kids = collapse(s.children(), lastSpace);
                if (!kids.isEmpty()) {
                    out.add(new Inline.Styled(s.style(), kids));
                }
            } else if (i instanceof Inline.Math m) {
                out.add(m);
                lastSpace[0] = false;
            } else if (i instanceof Inline.Link l) {
                List<Inline> kids = collapse(l.children(), lastSpace);
                if (kids.isEmpty()) {
                    kids = List.of(new Inline.Text(l.href()));
                    lastSpace[0] = false;
                }
                out.add(new Inline.Link(l.href(), kids));
            }
        }
        return out;
    }

    private static void trimEnd(List<Inline> list) {
        while (!list.isEmpty()) {
            int last = list.size() - 1;
            Inline i = list.get(last);
            if (i instanceof Inline.Text t) {
                String s = t.value().stripTrailing();
                if (s.isEmpty()) {
                    list.remove(last);
                    continue;
                }
                list.set(last, new Inline.Text(s));
            } else if (i instanceof Inline.Styled st) {
                List<Inline> kids = new ArrayList<>(st.children());
                trimEnd(kids);
                if (kids.isEmpty()) {
                    list.remove(last);
                    continue;
                }
                list.set(last, new Inline.Styled(st.style(), kids));
            } else if (i instanceof Inline.Link l) {
                List<Inline> kids = new ArrayList<>(l.children());
                trimEnd(kids);
                list.set(last, new Inline.Link(l.href(), kids.isEmpty() ? List.of(new Inline.Text(l.href())) : kids));
            }
            return;
        }
    }

    /** Removes punctuation a text starts with (". Smith J…", as some converters leave it). */
    static RichText stripLeadingPunctuation(RichText r) {
        List<Inline> in = r.inlines();
        if (in.isEmpty() || !(in.get(0) instanceof Inline.Text t)) {
            return r;
        }
        String s = t.value().replaceFirst("^[\\s.,;:]+", "");
        List<Inline> out = new ArrayList<>(in);
        if (s.isEmpty()) {
            out.remove(0);
        } else {
            out.set(0, new Inline.Text(s));
        }
        return new RichText(out);
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
