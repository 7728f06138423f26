package org.separata.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.model.Doi;
import org.separata.model.Inline;
import org.separata.model.InvalidIdentifierException;
import org.separata.model.PersonName;
import org.separata.model.Reference;
import org.separata.model.RichText;
import org.separata.read.XmlNode.Element;

/**
 * Reads a JATS {@code ref-list}. A reference is printed once: its {@code mixed-citation} (the text
 * as published) when it has one, else its {@code element-citation} set in a Vancouver-like style.
 * {@code citation-alternatives} (or citations in several languages) give the text in the article's
 * language and a translation.
 */
final class JatsReferences {

    private final JatsContext ctx;
    private final JatsText text;
    private final String language;

    JatsReferences(JatsContext ctx, JatsText text, String language) {
        this.ctx = ctx;
        this.text = text;
        this.language = language;
    }

    /** The references of every {@code ref-list} in {@code back}, nested lists included, in order. */
    List<Reference> read(Element back, String prefix) {
        List<Reference> out = new ArrayList<>();
        for (Element list : back.all("ref-list")) {
            readList(list, prefix, out);
        }
        return out;
    }

    private void readList(Element list, String prefix, List<Reference> out) {
        for (Element e : list.elements()) {
            if (e.is("ref")) {
                String path = prefix + "[" + out.size() + "]";
                reference(e, path).ifPresent(r -> {
                    ctx.index(path, e);
                    ctx.index(path + ".text", e);
                    out.add(r);
                });
            } else if (e.is("ref-list")) {
                readList(e, prefix, out);
            }
        }
    }

    private Optional<Reference> reference(Element ref, String path) {
        List<Element> mixed = new ArrayList<>();
        List<Element> structured = new ArrayList<>();
        List<Element> holders = new ArrayList<>(List.of(ref));
        holders.addAll(ref.all("citation-alternatives"));
        for (Element h : holders) {
            mixed.addAll(h.all("mixed-citation", "citation", "nlm-citation"));
            structured.addAll(h.all("element-citation"));
        }
        Optional<RichText> main;
        Optional<RichText> translation = Optional.empty();
        if (!mixed.isEmpty()) {
            Element primary = inLanguage(mixed);
            main = Optional.of(clean(text.rich(primary)));
            translation = other(mixed, primary).map(e -> clean(text.rich(e)));
        } else if (!structured.isEmpty()) {
            Element primary = inLanguage(structured);
            main = Optional.of(structuredText(primary));
            translation = other(structured, primary).map(this::structuredText);
        } else {
            main = Optional.of(clean(text.rich(ref, java.util.Set.of("label"))));
        }
        if (main.get().isBlank()) {
            ctx.warn(ref, path, "a reference" + ref.attr("id").map(i -> " (" + i + ")").orElse("")
                    + " has no text and is left out", "give it a <mixed-citation> or an <element-citation>");
            return Optional.empty();
        }
        Optional<String> label = ref.first("label").flatMap(Element::cleanText).map(JatsText::stripLabel)
                .filter(s -> !s.isEmpty());
        label.ifPresent(l -> ctx.index(path + ".label", ref.first("label").get()));
        return Optional.of(new Reference(ref.attr("id"), label, main.get(), doi(ref, path), url(ref),
                translation.filter(t -> !t.isBlank())));
    }

    private Element inLanguage(List<Element> citations) {
        for (Element c : citations) {
            if (c.attr("xml:lang").map(l -> JatsReader.sameLanguage(l, language)).orElse(false)) {
                return c;
            }
        }
        for (Element c : citations) {
            if (c.attr("xml:lang").isEmpty()) {
                return c;
            }
        }
        return citations.get(0);
    }

    /** The same reference in another language, when the input gives one. */
    private static Optional<Element> other(List<Element> citations, Element primary) {
        String lang = primary.attr("xml:lang").orElse("");
        return citations.stream().filter(c -> c != primary)
                .filter(c -> c.attr("xml:lang").map(l -> !l.equalsIgnoreCase(lang)).orElse(false)).findFirst();
    }

    private static RichText clean(RichText r) {
        return JatsText.stripLeadingPunctuation(r);
    }

    private Optional<Doi> doi(Element ref, String path) {
        List<Element> candidates = new ArrayList<>(ref.descendants("pub-id"));
        candidates.addAll(ref.descendants("ext-link"));
        for (Element e : candidates) {
            boolean isDoi = e.is("pub-id") ? e.attr("pub-id-type").map("doi"::equalsIgnoreCase).orElse(false)
                    : e.attr("ext-link-type").map("doi"::equalsIgnoreCase).orElse(false);
            if (!isDoi) {
                continue;
            }
            String v = e.attr("xlink:href").orElse(e.text()).strip();
            try {
                Doi d = new Doi(v);
                ctx.index(path + ".doi", e);
                return Optional.of(d);
            } catch (InvalidIdentifierException x) {
                ctx.warn(e, path + ".doi", x.getMessage() + "; the reference is printed without a DOI link",
                        x.hint());
            }
        }
        return Optional.empty();
    }

    private Optional<String> url(Element ref) {
        List<Element> links = new ArrayList<>(ref.descendants("ext-link"));
        links.addAll(ref.descendants("uri"));
        for (Element e : links) {
            if (e.attr("ext-link-type").map(t -> !t.equalsIgnoreCase("uri") && !t.equalsIgnoreCase("url"))
                    .orElse(false)) {
                continue;
            }
            Optional<String> href = JatsText.href(e.attr("xlink:href").orElse(e.text()), "uri")
                    .filter(h -> h.startsWith("http"));
            if (href.isPresent()) {
                return href;
            }
        }
        return Optional.empty();
    }

    /** What an element-citation may be made of; one holding none of these holds its text as published. */
    private static final java.util.Set<String> STRUCTURE = java.util.Set.of("person-group", "name", "string-name",
            "collab", "article-title", "chapter-title", "source", "year", "volume", "issue", "fpage", "publisher-name",
            "data-title", "part-title", "trans-title", "trans-source", "date");

    /**
     * An element-citation: set in a Vancouver-like style from its parts; one whose text sits in
     * {@code styled-content} or another inline wrapper (Érudit) is printed as it stands.
     */
    private RichText structuredText(Element c) {
        boolean structured = c.elements().stream().anyMatch(e -> STRUCTURE.contains(e.name()));
        RichText formatted = structured ? format(c) : RichText.EMPTY;
        return formatted.isBlank() ? clean(text.rich(c)) : formatted;
    }

    // ---- element-citation → text ------------------------------------------------------------------

    /** A structured citation in a Vancouver-like style: Authors. Title. Source. Year;Vol(Issue):Pages. */
    private RichText format(Element c) {
        List<Inline> out = new ArrayList<>();
        List<Element> groups = c.all("person-group");
        List<Element> authors = groups.stream().filter(g -> g.attr("person-group-type").map("author"::equals)
                .orElse(true)).toList();
        List<Element> editors = groups.stream().filter(g -> g.attr("person-group-type").map("editor"::equals)
                .orElse(false)).toList();
        String names = names(authors.isEmpty() ? c.all("name", "string-name", "collab", "etal") : people(authors));
        sentence(out, names);
        Optional<RichText> chapter = text.optionalRich(c.first("chapter-title"));
        Optional<RichText> title = text.optionalRich(c.first("article-title")).or(() -> chapter);
        title.ifPresent(t -> sentence(out, t.inlines()));
        if (chapter.isPresent() && !editors.isEmpty()) {
            sentence(out, "In: " + names(people(editors)) + ", editors");
        }
        text.optionalRich(c.first("source")).ifPresent(s -> sentence(out,
                List.of(new Inline.Styled(Inline.Style.ITALIC, s.inlines()))));
        c.first("edition").flatMap(Element::cleanText).ifPresent(e -> sentence(out, e));
        Optional<String> place = c.first("publisher-loc").flatMap(Element::cleanText);
        Optional<String> publisher = c.first("publisher-name").flatMap(Element::cleanText);
        if (place.isPresent() || publisher.isPresent()) {
            out.add(new Inline.Text((out.isEmpty() ? "" : " ") + place.map(p -> p + (publisher.isPresent() ? ": " : ""))
                    .orElse("") + publisher.orElse("") + ";"));
        }
        StringBuilder tail = new StringBuilder();
        c.first("year").or(() -> c.path("date", "year")).flatMap(Element::cleanText).ifPresent(tail::append);
        c.first("volume").flatMap(Element::cleanText).ifPresent(v -> tail.append(';').append(v));
        c.first("issue").flatMap(Element::cleanText).ifPresent(i -> tail.append('(').append(i).append(')'));
        c.first("supplement").flatMap(Element::cleanText).ifPresent(s -> tail.append(" Suppl ").append(s));
        Optional<String> first = c.first("fpage").flatMap(Element::cleanText);
        Optional<String> last = c.first("lpage").flatMap(Element::cleanText);
        Optional<String> eloc = c.first("elocation-id").flatMap(Element::cleanText);
        first.ifPresent(f -> tail.append(':').append(f).append(last.map(l -> "-" + l).orElse("")));
        if (first.isEmpty()) {
            eloc.ifPresent(e -> tail.append(':').append(e));
        }
        c.first("size").flatMap(Element::cleanText).ifPresent(s -> tail.append(tail.isEmpty() ? "" : ". ")
                .append(s).append(" p"));
        if (!tail.isEmpty()) {
            sentence(out, tail.toString());
        }
        for (Element comment : c.all("comment")) {
            RichText t = text.rich(comment);
            if (!t.isBlank()) {
                sentence(out, t.inlines());
            }
        }
        for (Element link : c.all("ext-link", "uri")) {
            List<Inline> l = new ArrayList<>();
            l.addAll(text.rich(wrap(link)).inlines());
            out.add(new Inline.Text(" "));
            out.addAll(l);
        }
        c.first("date-in-citation").flatMap(Element::cleanText).ifPresent(d -> out.add(new Inline.Text(" [" + d + "]")));
        return JatsText.normalize(out);
    }

    private static Element wrap(Element e) {
        return new Element("#", java.util.Map.of(), List.of(e), e.line(), e.column());
    }

    private static List<Element> people(List<Element> groups) {
        List<Element> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.all("name", "string-name", "collab", "etal")));
        return out;
    }

    private static String names(List<Element> people) {
        List<String> out = new ArrayList<>();
        for (Element p : people) {
            switch (p.name()) {
                case "name" -> p.first("surname").flatMap(Element::cleanText).ifPresent(s -> out.add(
                        new PersonName(s, p.first("given-names").flatMap(Element::cleanText), Optional.empty(),
                                p.first("suffix").flatMap(Element::cleanText), Optional.empty()).surnameThenInitials()));
                case "etal" -> out.add(p.cleanText().orElse("et al."));
                default -> p.cleanText().ifPresent(out::add);
            }
        }
        return String.join(", ", out);
    }

    private static void sentence(List<Inline> out, String s) {
        if (!s.isBlank()) {
            sentence(out, List.of(new Inline.Text(s)));
        }
    }

    /** Appends a piece and a full stop, unless it already ends with one. */
    private static void sentence(List<Inline> out, List<Inline> piece) {
        if (piece.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.add(new Inline.Text(" "));
        }
        String plain = new RichText(piece).plain().strip();
        if (plain.endsWith(".") || plain.endsWith("?") || plain.endsWith("!")) {
            out.addAll(piece);
        } else if (piece.get(piece.size() - 1) instanceof Inline.Styled s) {
            // The stop goes inside a styled ending ("<i>Source.</i>"), so that no line starts with it.
            out.addAll(piece.subList(0, piece.size() - 1));
            List<Inline> kids = new ArrayList<>(s.children());
            kids.add(new Inline.Text("."));
            out.add(new Inline.Styled(s.style(), kids));
        } else {
            out.addAll(piece);
            out.add(new Inline.Text("."));
        }
    }
}
