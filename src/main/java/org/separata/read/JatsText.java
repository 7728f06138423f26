package org.separata.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.separata.model.Block;
import org.separata.model.Footnote;
import org.separata.model.Inline;
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
        for (XmlNode n : nodes) {
            if (n instanceof XmlNode.Text t) {
                out.add(new Inline.Text(t.value()));
            } else if (n instanceof Element e && !skip.contains(e.name())) {
                inline(e, inSup, out);
            }
        }
    }

    private List<Inline> children(Element e, boolean inSup) {
        List<Inline> out = new ArrayList<>();
        inlines(e.children(), Set.of(), inSup, out);
        return out;
    }

    private void inline(Element e, boolean inSup, List<Inline> out) {
        switch (e.name()) {
            case "italic", "em" -> out.add(new Inline.Styled(Inline.Style.ITALIC, children(e, inSup)));
            case "bold", "strong" -> out.add(new Inline.Styled(Inline.Style.BOLD, children(e, inSup)));
            case "sup" -> out.add(new Inline.Styled(Inline.Style.SUPERSCRIPT, children(e, true)));
            case "sub" -> out.add(new Inline.Styled(Inline.Style.SUBSCRIPT, children(e, inSup)));
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
            case "mml:math" -> math(e, out);
            case "tex-math" -> out.add(new Inline.Text(e.text()));
            case "inline-graphic", "graphic", "inline-media", "media" -> ctx.warn(e, "",
                    "an inline image (" + e.attr("xlink:href").orElse("no file named") + ") is left out",
                    "Separata never reads images a JATS file names; describe it in the text if it matters");
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
        Optional<Element> math = e.descendants("mml:math").stream().findFirst();
        if (math.isPresent()) {
            math(math.get(), out);
            return;
        }
        Optional<Element> tex = e.descendants("tex-math").stream().findFirst();
        if (tex.isPresent()) {
            out.add(new Inline.Text(tex.get().text()));
            return;
        }
        inlines(e.children(), Set.of("label", "graphic", "inline-graphic", "media"), inSup, out);
    }

    /** MathML as its text, with scripts raised or lowered. White space between elements is layout. */
    private void math(Element e, List<Inline> out) {
        switch (e.name()) {
            case "mml:mi", "mml:mn", "mml:mtext", "mml:ms" -> out.add(new Inline.Text(e.text().strip()));
            case "mml:mo" -> {
                String op = e.text().strip();
                // relations and binary operators get spaces around them, as a typesetter sets them
                out.add(new Inline.Text(op.length() == 1 && "=<>≤≥≈≠≡+−×±∈"
                        .indexOf(op.charAt(0)) >= 0 ? " " + op + " " : op));
            }
            case "mml:annotation", "mml:annotation-xml", "mml:none", "mml:mprescripts" -> {
                // alternative encodings and empty scripts: not printed
            }
            case "mml:semantics" -> e.elements().stream().findFirst().ifPresent(c -> math(c, out));
            case "mml:msup", "mml:msub", "mml:msubsup", "mml:munder", "mml:mover", "mml:munderover" -> {
                List<Element> parts = e.elements();
                if (!parts.isEmpty()) {
                    math(parts.get(0), out);
                }
                boolean sub = e.name().endsWith("sub") || e.name().contains("subsup") || e.name().contains("under");
                for (int i = 1; i < parts.size(); i++) {
                    List<Inline> script = new ArrayList<>();
                    math(parts.get(i), script);
                    boolean lower = sub && i == 1 && !e.name().equals("mml:msup") && !e.name().equals("mml:mover");
                    out.add(new Inline.Styled(lower ? Inline.Style.SUBSCRIPT : Inline.Style.SUPERSCRIPT, script));
                }
            }
            case "mml:mfrac" -> {
                List<Element> parts = e.elements();
                for (int i = 0; i < parts.size(); i++) {
                    if (i > 0) {
                        out.add(new Inline.Text("/"));
                    }
                    math(parts.get(i), out);
                }
            }
            case "mml:msqrt" -> {
                out.add(new Inline.Text("\u221A("));
                e.elements().forEach(c -> math(c, out));
                out.add(new Inline.Text(")"));
            }
            default -> e.elements().forEach(c -> math(c, out));
        }
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
            case "def-list" -> definitions(e).ifPresent(out::add);
            case "disp-quote" -> {
                Optional<RichText> attribution = optionalRich(e.first("attrib"));
                out.add(new Block.Quote(blocks(e), attribution));
            }
            case "boxed-text", "speech", "statement", "question-wrap", "answer", "glossary" -> {
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
            case "fig", "graphic", "chem-struct-wrap" -> out.add(figure(e));
            case "table-wrap", "array" -> out.add(omitted(e, "table",
                    "the table is not typeset in this offprint"));
            case "media", "supplementary-material" -> {
                ctx.warn(e, "", "a media file or supplementary material ("
                        + e.attr("xlink:href").orElse("no file named") + ") is left out; a placeholder is printed",
                        "Separata prints text only and never reads files a JATS file names");
                out.add(omitted(e, "media", "the media file is not part of this offprint"));
            }
            case "disp-formula" -> formula(e, out);
            case "preformat", "code" -> {
                RichText t = new RichText(List.of(new Inline.Styled(Inline.Style.MONOSPACE,
                        List.of(new Inline.Text(e.text().strip())))));
                if (!t.isBlank()) {
                    out.add(Paragraph.of(t));
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
        // Items that carry their own labels ("a)", "iv.") keep them, in a list the layout does not number;
        // a label that is only a bullet ("–", "•") gives way to the layout's bullet.
        boolean labelled = !all.isEmpty() && all.stream().allMatch(i -> i.first("label").flatMap(Element::cleanText)
                .filter(l -> !l.matches("[\\-–—•·*▪◦]")).isPresent());
        boolean ordered = !labelled && (type.startsWith("order") || type.startsWith("alpha")
                || type.startsWith("roman"));
        List<List<Block>> items = new ArrayList<>();
        for (Element item : all) {
            List<Block> blocks = new ArrayList<>();
            item.first("label").flatMap(Element::cleanText).filter(l -> labelled)
                    .ifPresent(l -> blocks.add(Paragraph.of(RichText.of(l))));
            blocks.addAll(blocks(item));
            items.add(mergeLabel(blocks));
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(new Block.ListBlock(ordered, items));
    }

    /** A list item's own label ("a)", "–") goes in front of its first paragraph. */
    private static List<Block> mergeLabel(List<Block> blocks) {
        if (blocks.size() >= 2 && blocks.get(0) instanceof Paragraph label && blocks.get(1) instanceof Paragraph p
                && label.text().plain().length() <= 6) {
            List<Inline> joined = new ArrayList<>(label.text().inlines());
            joined.add(new Inline.Text(" "));
            joined.addAll(p.text().inlines());
            List<Block> out = new ArrayList<>();
            out.add(new Paragraph(p.runIn(), new RichText(joined)));
            out.addAll(blocks.subList(2, blocks.size()));
            return out;
        }
        return blocks;
    }

    private Optional<Block> definitions(Element e) {
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
        return items.isEmpty() ? Optional.empty() : Optional.of(new Block.ListBlock(false, items));
    }

    private Block figure(Element e) {
        List<String> files = new ArrayList<>();
        e.attr("xlink:href").ifPresent(files::add);
        e.descendants("graphic").forEach(g -> g.attr("xlink:href").ifPresent(files::add));
        String what = e.first("label").flatMap(Element::cleanText).or(() -> e.attr("id")).orElse("a figure");
        ctx.warn(e, "", "the image of " + what + " is not included (" + (files.isEmpty() ? "no file named"
                : String.join(", ", files)) + "); a placeholder with its caption is printed",
                "Separata never reads or fetches the images a JATS file names");
        return omitted(e, "figure", "the image is not part of this offprint");
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

    private void formula(Element e, List<Block> out) {
        List<Inline> inl = new ArrayList<>();
        alternatives(e, false, inl);
        RichText t = normalize(inl);
        if (t.isBlank()) {
            out.add(omitted(e, "formula", "the formula is not typeset in this offprint"));
            return;
        }
        Optional<String> label = e.first("label").flatMap(Element::cleanText);
        if (label.isPresent()) {
            List<Inline> withLabel = new ArrayList<>(t.inlines());
            withLabel.add(new Inline.Text("\u2003" + label.get()));
            t = new RichText(withLabel);
        }
        out.add(Paragraph.of(t));
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
