package org.separata.read;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceIndex;
import org.separata.model.Abstract;
import org.separata.model.Affiliation;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Doi;
import org.separata.model.Footnote;
import org.separata.model.HistoryDate;
import org.separata.model.Inline;
import org.separata.model.InvalidIdentifierException;
import org.separata.model.Issn;
import org.separata.model.Issue;
import org.separata.model.Journal;
import org.separata.model.KeywordGroup;
import org.separata.model.License;
import org.separata.model.Orcid;
import org.separata.model.PageRange;
import org.separata.model.Paragraph;
import org.separata.model.PersonName;
import org.separata.model.Reference;
import org.separata.model.RichText;
import org.separata.model.Section;
import org.separata.model.Title;
import org.separata.model.Translation;
import org.separata.read.XmlNode.Element;

/**
 * Reads a JATS XML article (NISO Z39.96 1.1–1.4, Archiving and Publishing tag sets) into the same
 * model the manifest reader produces. The XML is read by {@link SafeXml}: no DTD, no external
 * anything, bounded. Field paths in diagnostics and in the {@link SourceIndex} use the manifest's
 * vocabulary ({@code authors[2].surname}), with the XML line and column.
 *
 * <p>Translations ({@code sub-article article-type="translation"}) are read into
 * {@link Article#translations()}; peer-review reports and other sub-articles are left out, with a
 * warning each. Figures and tables become placeholders; images are never read.
 */
public final class JatsReader {

    /** Sub-article types that are parts of the peer review, never printed in an offprint. */
    private static final Set<String> PEER_REVIEW = Set.of("reviewer-report", "referee-report", "editor-report",
            "author-comment", "aggregated-review-documents", "decision-letter", "reply", "community-comment",
            "review-report");

    /** Abstract headings that only say "abstract": the layout prints its own label instead. */
    private static final Set<String> GENERIC_ABSTRACT_TITLES = Set.of("abstract", "abstracts", "summary", "resumo",
            "resumen", "résumé", "resume", "аннотация", "резюме", "анотація", "апстракт", "сажетак", "apstrakt",
            "sažetak", "zusammenfassung", "riassunto", "streszczenie", "özet", "abstrakt", "абстракт");

    private final JatsContext ctx;
    private String language = "en";

    private JatsReader(String file) {
        this.ctx = new JatsContext(file);
    }

    /**
     * Reads a JATS file.
     *
     * @param content  the file's bytes
     * @param fileName the name to show in diagnostics
     * @throws SeparataException (invalid input) listing every problem found
     */
    public static ReadResult read(byte[] content, String fileName) {
        SafeXml.Result xml = SafeXml.parse(content, fileName);
        JatsReader r = new JatsReader(fileName);
        r.ctx.warnings.addAll(xml.warnings());
        Optional<Article> article = r.article(xml.root());
        if (!r.ctx.errors.isEmpty() || article.isEmpty()) {
            throw SeparataException.invalid(r.ctx.errors);
        }
        return new ReadResult(article.get(), r.ctx.warnings, new SourceIndex(fileName, r.ctx.index));
    }

    // ---- the article ------------------------------------------------------------------------------

    private Optional<Article> article(Element root) {
        if (!root.is("article")) {
            ctx.error(root, "", "the root element is <" + root.name() + ">, not <article>",
                    "give a JATS article: <article xml:lang=\"…\"><front>…</front>…</article>");
            return Optional.empty();
        }
        Optional<String> lang = root.attr("xml:lang").map(JatsReader::normalizeLanguage);
        if (lang.isEmpty()) {
            ctx.warn(root, "article.language", "<article> has no xml:lang; English is assumed",
                    "add xml:lang=\"…\" with the article's language, e.g. xml:lang=\"es\"");
        }
        language = lang.orElse("en");
        Optional<Element> meta = root.path("front", "article-meta");
        if (meta.isEmpty()) {
            ctx.error(root, "", "there is no <front><article-meta>", "JATS keeps the article's metadata there");
            return Optional.empty();
        }
        Element am = meta.get();
        Article.Builder b = Article.builder();
        b.language = language;
        Optional<Journal> journal = journal(root.path("front", "journal-meta"), root);
        issue(am, b);
        b.doi = articleDoi(am, "article.doi");
        b.section = am.path("article-categories").flatMap(JatsReader::heading);
        am.path("article-categories").flatMap(c -> c.descendants("subject").stream().findFirst())
                .ifPresent(s -> ctx.index("article.section", s));

        JatsText text = new JatsText(ctx);
        titles(am, language, b.titles, "titles", text);
        Authors authors = new Authors(ctx, text, language);
        authors.read(am);
        b.contributors.addAll(authors.contributors());
        b.affiliations.addAll(authors.affiliations());
        b.authorNotes.addAll(authors.notes());
        funding(am, text).ifPresent(b.authorNotes::add);
        b.abstracts.addAll(abstracts(am, language, "abstracts", text));
        b.keywords.addAll(keywords(am, language, "keywords", text));
        b.license = am.first("permissions").flatMap(p -> license(p, text));

        root.first("body").ifPresent(body -> text.sections(body, "body", b.body));
        List<Footnote> backNotes = new ArrayList<>();
        root.first("back").ifPresent(back -> {
            back(back, text, b.body, backNotes, "body");
            b.references.addAll(new JatsReferences(ctx, text, language).read(back, "references"));
        });
        b.footnotes.addAll(notes(text.notes(), backNotes, b.authorNotes, "notes"));
        subArticles(root, b);
        for (Element response : root.all("response")) {
            ctx.warn(response, "", "a <response> is left out of the offprint", "it is published on its own");
        }
        if (b.titles.isEmpty() || journal.isEmpty() || !ctx.errors.isEmpty()) {
            return Optional.empty();
        }
        b.journal = journal.get();
        if (b.titles.stream().noneMatch(t -> t.lang().equals(language))) {
            ctx.warn(root, "titles", "no title is in the article's language '" + language + "'",
                    "give <article-title> an xml:lang, or correct the article's xml:lang");
        }
        return Optional.of(b.build());
    }

    private Optional<Journal> journal(Optional<Element> meta, Element root) {
        if (meta.isEmpty()) {
            ctx.error(root, "journal.title", "there is no <journal-meta>",
                    "add <journal-meta> with <journal-title-group><journal-title>");
            return Optional.empty();
        }
        Element jm = meta.get();
        Optional<Element> group = jm.first("journal-title-group");
        List<Element> titles = new ArrayList<>(jm.all("journal-title"));
        group.ifPresent(g -> titles.addAll(g.all("journal-title")));
        Optional<Element> title = titles.stream().filter(t -> t.cleanText().isPresent()).findFirst();
        if (title.isEmpty()) {
            // OJS and other platforms may export only journal-ids: the journal is named by one of them
            title = journalId(jm);
            if (title.isEmpty()) {
                ctx.error(jm, "journal.title", "the journal has no <journal-title> and no <journal-id>",
                        "add <journal-title-group><journal-title>…</journal-title></journal-title-group>");
                return Optional.empty();
            }
            ctx.warn(title.get(), "journal.title", "the journal has no <journal-title>; it is named by its <journal-id"
                    + title.get().attr("journal-id-type").map(t -> " journal-id-type=\"" + t + "\"").orElse("")
                    + ">, '" + title.get().cleanText().orElseThrow() + "'",
                    "add <journal-title-group><journal-title>…</journal-title></journal-title-group>, or give the "
                            + "journal's title in a journal profile (journal.yaml)");
        }
        ctx.index("journal.title", title.get());
        List<Element> abbrevs = new ArrayList<>(jm.all("abbrev-journal-title"));
        group.ifPresent(g -> abbrevs.addAll(g.all("abbrev-journal-title")));
        Optional<String> abbrev = abbrevs.stream().filter(a -> a.attr("abbrev-type").map("publisher"::equals)
                .orElse(false)).findFirst().or(() -> abbrevs.stream().findFirst()).flatMap(a -> {
                    ctx.index("journal.abbrev-title", a);
                    return a.cleanText();
                });
        Optional<Issn> print = Optional.empty();
        Optional<Issn> online = Optional.empty();
        List<Element> untyped = new ArrayList<>();
        for (Element issn : jm.all("issn")) {
            String type = issn.attr("pub-type").or(() -> issn.attr("publication-format")).orElse("")
                    .toLowerCase(Locale.ROOT);
            if (type.equals("ppub") || type.equals("print")) {
                print = print.or(() -> issn(issn, "journal.issn-print"));
            } else if (type.equals("epub") || type.equals("electronic") || type.equals("online")) {
                online = online.or(() -> issn(issn, "journal.issn-online"));
            } else {
                untyped.add(issn);
            }
        }
        for (Element issn : untyped) {
            if (print.isEmpty()) {
                print = issn(issn, "journal.issn-print");
            } else if (online.isEmpty()) {
                online = issn(issn, "journal.issn-online");
            }
        }
        Optional<Element> publisher = jm.path("publisher", "publisher-name");
        publisher.ifPresent(p -> ctx.index("journal.publisher", p));
        return Optional.of(new Journal(title.get().cleanText().orElseThrow(), abbrev,
                publisher.flatMap(Element::cleanText), print, online, Optional.empty()));
    }

    /** The journal-id that best names the journal: publisher-id, then nlm-ta, iso-abbrev, any other. */
    private static Optional<Element> journalId(Element jm) {
        List<Element> ids = jm.all("journal-id").stream().filter(i -> i.cleanText().isPresent()).toList();
        for (String type : List.of("publisher-id", "nlm-ta", "iso-abbrev", "nlm-journal-id")) {
            for (Element id : ids) {
                if (id.attr("journal-id-type").map(type::equalsIgnoreCase).orElse(false)) {
                    return Optional.of(id);
                }
            }
        }
        return ids.stream().findFirst();
    }

    private Optional<Issn> issn(Element e, String path) {
        ctx.index(path, e);
        return identifier(e, e.text(), path, Issn::new);
    }

    private <T> Optional<T> identifier(Element e, String value, String path, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(value.strip()));
        } catch (InvalidIdentifierException x) {
            ctx.error(e, path, x.getMessage(), x.hint());
            return Optional.empty();
        }
    }

    private Optional<Doi> articleDoi(Element meta, String path) {
        for (Element id : meta.all("article-id")) {
            if (id.attr("pub-id-type").map("doi"::equalsIgnoreCase).orElse(false)) {
                ctx.index(path, id);
                return identifier(id, id.text(), path, Doi::new);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> heading(Element categories) {
        List<Element> groups = categories.descendants("subj-group");
        return groups.stream().filter(g -> g.attr("subj-group-type").map("heading"::equals).orElse(false))
                .findFirst().or(() -> groups.stream().findFirst())
                .flatMap(g -> g.first("subject")).flatMap(Element::cleanText);
    }

    // ---- issue, pages and dates ---------------------------------------------------------------------

    private void issue(Element am, Article.Builder b) {
        Optional<Element> volume = am.first("volume");
        Optional<Element> number = am.first("issue");
        volume.ifPresent(v -> ctx.index("issue.volume", v));
        number.ifPresent(v -> ctx.index("issue.number", v));
        List<Element> pubDates = am.all("pub-date");
        Optional<Element> issueDate = pubDates.stream().filter(d -> type(d).matches("collection|ppub|epub-ppub"))
                .findFirst().or(() -> pubDates.stream().findFirst());
        Optional<Integer> year = issueDate.flatMap(d -> d.first("year")).flatMap(Element::cleanText)
                .filter(y -> y.matches("\\d{4}")).map(Integer::parseInt);
        b.issue = new Issue(volume.flatMap(Element::cleanText), number.flatMap(Element::cleanText), year,
                Optional.empty());

        Map<String, LocalDate> history = new LinkedHashMap<>();
        pubDates.stream().filter(d -> type(d).matches("pub|epub|epub-ppub|ppub"))
                .sorted((x, y) -> Boolean.compare(!type(x).matches("pub|epub"), !type(y).matches("pub|epub")))
                .map(d -> date(d, "published", false)).flatMap(Optional::stream).findFirst()
                .ifPresent(d -> history.put("published", d));
        am.first("history").ifPresent(h -> {
            for (Element d : h.all("date")) {
                String type = switch (type(d)) {
                    case "received" -> "received";
                    case "rev-recd", "revised", "rev-request" -> "revised";
                    case "accepted" -> "accepted";
                    case "pub", "published", "epub" -> "published";
                    default -> "";
                };
                if (type.isEmpty()) {
                    ctx.warn(d, "article.dates", "the history date '" + type(d) + "' is not printed",
                            "the offprint prints received, revised, accepted and published dates");
                } else if (!history.containsKey(type)) {
                    date(d, type, true).ifPresent(v -> history.put(type, v));
                }
            }
        });
        for (String type : List.of("received", "revised", "accepted", "published")) {
            Optional.ofNullable(history.get(type)).ifPresent(d -> b.history.add(new HistoryDate(type, d)));
        }
        pages(am, b);
    }

    private static String type(Element date) {
        return date.attr("date-type").or(() -> date.attr("pub-type")).orElse("").toLowerCase(Locale.ROOT);
    }

    private Optional<LocalDate> date(Element d, String what, boolean warnIfPartial) {
        Optional<String> y = d.first("year").flatMap(Element::cleanText);
        Optional<String> m = d.first("month").flatMap(Element::cleanText);
        Optional<String> day = d.first("day").flatMap(Element::cleanText);
        if (y.isEmpty() || m.isEmpty() || day.isEmpty()) {
            Optional<String> iso = d.attr("iso-8601-date").filter(s -> s.matches("\\d{4}-\\d{2}-\\d{2}"));
            if (iso.isPresent()) {
                try {
                    return Optional.of(LocalDate.parse(iso.get()));
                } catch (DateTimeException e) {
                    // fall through: reported below
                }
            }
            if (warnIfPartial) {
                ctx.warn(d, "article.dates", "the " + what + " date is not complete (year, month and day) "
                        + "and is not printed", "add <day> and <month>");
            }
            return Optional.empty();
        }
        try {
            if (!y.get().matches("[12]\\d{3}")) {
                // a PDF date holds four digits; year 10000 would be written as year 1000
                throw new DateTimeException("the year must have four digits");
            }
            return Optional.of(LocalDate.of(Integer.parseInt(y.get()), Integer.parseInt(m.get()),
                    Integer.parseInt(day.get())));
        } catch (NumberFormatException | DateTimeException e) {
            ctx.warn(d, "article.dates", "the " + what + " date " + y.get() + "-" + m.get() + "-" + day.get()
                    + " is not a valid date and is not printed", "write numbers: <day>9</day><month>7</month>");
            return Optional.empty();
        }
    }

    private void pages(Element am, Article.Builder b) {
        Optional<Element> fpage = am.first("fpage");
        Optional<String> first = fpage.flatMap(Element::cleanText);
        Optional<String> last = am.first("lpage").flatMap(Element::cleanText);
        am.first("elocation-id").ifPresent(e -> {
            ctx.index("article.elocation-id", e);
            b.elocation = e.cleanText();
        });
        if (first.isEmpty()) {
            return;
        }
        ctx.index("article.pages", fpage.get());
        if (first.get().matches("\\d{1,6}") && last.map(l -> l.matches("\\d{1,6}")).orElse(true)) {
            int f = Integer.parseInt(first.get());
            int l = last.map(Integer::parseInt).orElse(f);
            if (f < 1) {
                ctx.warn(fpage.get(), "article.pages", "the first page is " + f + "; pages start at 1", null);
                return;
            }
            if (l < f) {
                ctx.warn(fpage.get(), "article.pages", "the last page (" + l + ") comes before the first ("
                        + f + "); only the first is used", "check <fpage> and <lpage>");
                l = f;
            }
            b.pages = Optional.of(new PageRange(f, l));
        } else {
            String shown = first.get() + last.map(l -> "\u2013" + l).orElse("");
            ctx.warn(fpage.get(), "article.pages", "the pages '" + shown + "' are not numbers; they are printed "
                    + "as given and the offprint's pages are numbered from 1", null);
            if (b.elocation.isEmpty()) {
                b.elocation = Optional.of(shown);
            }
        }
    }

    // ---- titles, abstracts, keywords ----------------------------------------------------------------

    private void titles(Element meta, String lang, List<Title> out, String prefix, JatsText text) {
        Optional<Element> group = meta.first("title-group");
        if (group.isEmpty() || group.get().first("article-title").isEmpty()) {
            ctx.error(meta, prefix, "the article has no <title-group><article-title>",
                    "add <title-group><article-title>…</article-title></title-group>");
            return;
        }
        Element g = group.get();
        Element main = g.first("article-title").get();
        addTitle(main, g.first("subtitle"), main.attr("xml:lang").map(JatsReader::normalizeLanguage).orElse(lang),
                out, prefix, text);
        for (Element tg : g.all("trans-title-group")) {
            Optional<Element> t = tg.first("trans-title");
            Optional<String> tl = tg.attr("xml:lang").or(() -> t.flatMap(x -> x.attr("xml:lang")));
            if (t.isEmpty() || tl.isEmpty()) {
                ctx.warn(tg, prefix, "a <trans-title-group> without xml:lang or <trans-title> is left out",
                        "give it xml:lang=\"…\" and a <trans-title>");
                continue;
            }
            addTitle(t.get(), tg.first("trans-subtitle"), normalizeLanguage(tl.get()), out, prefix, text);
        }
        for (Element t : g.all("trans-title")) {
            Optional<String> tl = t.attr("xml:lang");
            if (tl.isPresent()) {
                addTitle(t, Optional.empty(), normalizeLanguage(tl.get()), out, prefix, text);
            }
        }
    }

    private void addTitle(Element title, Optional<Element> subtitle, String lang, List<Title> out, String prefix,
                          JatsText text) {
        RichText t = text.rich(title);
        if (t.isBlank()) {
            ctx.warn(title, prefix, "an empty title is left out", null);
            return;
        }
        if (out.stream().anyMatch(x -> x.lang().equals(lang))) {
            ctx.warn(title, prefix, "a second title in '" + lang + "' is left out", "give one title per language");
            return;
        }
        String path = prefix + "[" + out.size() + "]";
        ctx.index(path, title);
        ctx.index(path + ".text", title);
        subtitle.ifPresent(s -> ctx.index(path + ".subtitle", s));
        out.add(new Title(lang, t, text.optionalRich(subtitle)));
    }

    private List<Abstract> abstracts(Element meta, String lang, String prefix, JatsText text) {
        List<Abstract> out = new ArrayList<>();
        for (Element ab : meta.all("abstract", "trans-abstract")) {
            String type = ab.attr("abstract-type").orElse("").toLowerCase(Locale.ROOT);
            if (type.equals("graphical") || type.equals("toc")) {
                ctx.warn(ab, prefix, "a " + type + " abstract is left out", "offprints print text abstracts");
                continue;
            }
            String l = ab.attr("xml:lang").map(JatsReader::normalizeLanguage).orElse(lang);
            if (ab.is("trans-abstract") && ab.attr("xml:lang").isEmpty()) {
                ctx.warn(ab, prefix, "a <trans-abstract> without xml:lang is taken to be in '" + lang + "'",
                        "give it xml:lang=\"…\"");
            }
            List<Paragraph> paragraphs = new ArrayList<>();
            for (XmlNode n : ab.children()) {
                if (n instanceof Element e && e.is("sec")) {
                    Optional<RichText> runIn = text.optionalRich(e.first("title"))
                            .or(() -> text.optionalRich(e.first("label")));
                    List<Paragraph> ps = JatsText.paragraphs(text.blocks(e));
                    for (int i = 0; i < ps.size(); i++) {
                        paragraphs.add(i == 0 ? new Paragraph(runIn, ps.get(i).text()) : ps.get(i));
                    }
                } else if (n instanceof Element e && !e.is("title") && !e.is("label") && !e.is("object-id")) {
                    paragraphs.addAll(JatsText.paragraphs(text.blocks(wrap(e))));
                } else if (n instanceof XmlNode.Text t && !t.value().isBlank()) {
                    paragraphs.add(Paragraph.of(JatsText.normalize(List.of(new Inline.Text(t.value())))));
                }
            }
            if (paragraphs.isEmpty()) {
                continue;
            }
            Optional<String> title = ab.first("title").flatMap(Element::cleanText)
                    .filter(t -> !GENERIC_ABSTRACT_TITLES.contains(t.replaceAll("[.:]+$", "").strip()
                            .toLowerCase(Locale.ROOT)));
            Optional<Abstract> same = out.stream().filter(a -> a.lang().equals(l)).findFirst();
            if (same.isPresent()) {
                // A second abstract in one language (a short one, key points): printed after the first.
                List<Paragraph> merged = new ArrayList<>(same.get().paragraphs());
                for (int i = 0; i < paragraphs.size(); i++) {
                    Paragraph p = paragraphs.get(i);
                    merged.add(i == 0 && title.isPresent() && p.runIn().isEmpty()
                            ? new Paragraph(Optional.of(RichText.of(title.get())), p.text()) : p);
                }
                out.set(out.indexOf(same.get()), new Abstract(l, same.get().title(), merged));
                continue;
            }
            String path = prefix + "[" + out.size() + "]";
            ctx.index(path, ab);
            ctx.index(path + ".text", ab);
            ab.first("title").ifPresent(t -> {
                ctx.index(path + ".title", t);
                ctx.index(prefix + "[" + l + "].title", t);
            });
            out.add(new Abstract(l, title, paragraphs));
        }
        return out;
    }

    private static Element wrap(Element e) {
        return new Element("#", Map.of(), List.of(e), e.line(), e.column());
    }

    private List<KeywordGroup> keywords(Element meta, String lang, String prefix, JatsText text) {
        Map<String, List<RichText>> byLang = new LinkedHashMap<>();
        Map<String, Element> firstGroup = new HashMap<>();
        Map<String, List<Element>> elements = new HashMap<>();
        for (Element g : meta.all("kwd-group")) {
            String l = g.attr("xml:lang").map(JatsReader::normalizeLanguage).orElse(lang);
            firstGroup.putIfAbsent(l, g);
            for (Element k : g.all("kwd", "compound-kwd")) {
                RichText t = k.is("kwd") ? text.rich(k) : compound(k, text);
                if (!t.isBlank()) {
                    byLang.computeIfAbsent(l, x -> new ArrayList<>()).add(t);
                    elements.computeIfAbsent(l, x -> new ArrayList<>()).add(k);
                }
            }
        }
        List<KeywordGroup> out = new ArrayList<>();
        byLang.forEach((l, terms) -> {
            String path = prefix + "[" + out.size() + "]";
            ctx.index(path, firstGroup.get(l));
            List<Element> els = elements.get(l);
            for (int i = 0; i < els.size(); i++) {
                ctx.index(path + ".terms[" + i + "]", els.get(i));
            }
            out.add(new KeywordGroup(l, terms));
        });
        return out;
    }

    private static RichText compound(Element k, JatsText text) {
        List<Inline> out = new ArrayList<>();
        for (Element part : k.all("compound-kwd-part")) {
            if (!out.isEmpty()) {
                out.add(new Inline.Text(" \u2014 "));
            }
            out.addAll(text.rich(part).inlines());
        }
        return new RichText(out);
    }

    // ---- permissions, funding, back matter ----------------------------------------------------------

    private Optional<License> license(Element permissions, JatsText text) {
        List<Element> licenses = permissions.all("license");
        Optional<Element> license = licenses.stream().filter(l -> l.attr("xml:lang")
                .map(x -> sameLanguage(x, language)).orElse(false)).findFirst()
                .or(() -> licenses.stream().findFirst());
        Optional<String> url = license.flatMap(l -> l.attr("xlink:href")
                .or(() -> l.first("ali:license_ref").flatMap(Element::cleanText))
                .or(() -> permissions.first("ali:license_ref").flatMap(Element::cleanText)))
                .flatMap(u -> JatsText.href(u, "uri"));
        Optional<RichText> body = license.flatMap(l -> {
            List<Inline> out = new ArrayList<>();
            for (Element p : l.all("license-p", "p")) {
                RichText t = text.rich(p);
                if (!t.isBlank()) {
                    if (!out.isEmpty()) {
                        out.add(new Inline.Text(" "));
                    }
                    out.addAll(t.inlines());
                }
            }
            ctx.index("license.text", l);
            return out.isEmpty() ? Optional.empty() : Optional.of(new RichText(out));
        });
        List<Element> statements = permissions.all("copyright-statement");
        Optional<Element> statement = statements.stream().filter(s -> s.attr("xml:lang")
                .map(x -> sameLanguage(x, language)).orElse(false)).findFirst()
                .or(() -> statements.stream().findFirst());
        statement.ifPresent(s -> ctx.index("license.statement", s));
        permissions.first("copyright-holder").ifPresent(h -> ctx.index("license.holder", h));
        Optional<String> holder = permissions.first("copyright-holder").flatMap(Element::cleanText);
        Optional<Integer> year = permissions.first("copyright-year").flatMap(Element::cleanText)
                .filter(y -> y.matches("\\d{4}")).map(Integer::parseInt);
        if (url.isEmpty() && body.isEmpty() && statement.isEmpty() && holder.isEmpty() && year.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new License(Optional.empty(), url, holder, year, body,
                statement.flatMap(Element::cleanText)));
    }

    /** The funding statement (or its sources and awards), printed with the author notes. */
    private Optional<RichText> funding(Element am, JatsText text) {
        List<Inline> out = new ArrayList<>();
        for (Element group : am.all("funding-group")) {
            List<Element> statements = group.all("funding-statement");
            if (!statements.isEmpty()) {
                statements.forEach(s -> append(out, text.rich(s)));
                continue;
            }
            for (Element award : group.all("award-group")) {
                String source = award.all("funding-source").stream().map(Element::cleanText).flatMap(Optional::stream)
                        .reduce((x, y) -> x + ", " + y).orElse("");
                String ids = award.all("award-id").stream().map(Element::cleanText).flatMap(Optional::stream)
                        .reduce((x, y) -> x + ", " + y).orElse("");
                String line = source + (ids.isEmpty() ? "" : (source.isEmpty() ? "" : " ") + "(" + ids + ")");
                append(out, RichText.of(line + (line.isEmpty() || line.endsWith(".") ? "" : ".")));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new RichText(out));
    }

    private static void append(List<Inline> out, RichText t) {
        if (t.isBlank()) {
            return;
        }
        if (!out.isEmpty()) {
            out.add(new Inline.Text(" "));
        }
        out.addAll(t.inlines());
    }

    /** Acknowledgements, appendices and other back sections follow the body; notes become endnotes. */
    private void back(Element back, JatsText text, List<Section> body, List<Footnote> notes, String prefix) {
        for (Element e : back.elements()) {
            switch (e.name()) {
                case "ack", "sec", "notes", "glossary", "bio" -> {
                    Section s = text.section(e, prefix + "[" + body.size() + "]");
                    if (!s.blocks().isEmpty() || !s.sections().isEmpty()) {
                        body.add(s);
                    }
                }
                case "app-group" -> {
                    List<Element> apps = e.all("app");
                    if (apps.isEmpty()) {
                        body.add(text.section(e, prefix + "[" + body.size() + "]"));
                    }
                    for (Element app : apps) {
                        body.add(text.section(app, prefix + "[" + body.size() + "]"));
                    }
                }
                case "fn-group" -> {
                    for (Element fn : e.all("fn")) {
                        notes.add(text.note(fn, fn.first("label").flatMap(Element::cleanText)));
                        ctx.index("notes[#" + fn.attr("id").orElse("") + "]", fn);
                    }
                }
                case "ref-list", "label", "title" -> {
                    // references are read on their own; a back title is not printed
                }
                default -> ctx.warn(e, prefix, "<" + e.name() + "> in <back> is left out",
                        "move its text into a <sec> to print it");
            }
        }
    }

    /** Endnotes: those from the text, then those of the back, without repeating an author note. */
    private List<Footnote> notes(List<Footnote> inText, List<Footnote> back, List<RichText> authorNotes,
                                 String prefix) {
        Set<String> seen = new LinkedHashSet<>();
        authorNotes.forEach(n -> seen.add(n.plain().strip()));
        List<Footnote> out = new ArrayList<>();
        List<Footnote> all = new ArrayList<>(inText);
        all.addAll(back);
        for (Footnote f : all) {
            String plain = f.paragraphs().stream().map(p -> p.text().plain()).reduce("", String::concat).strip();
            if (plain.isEmpty() || !seen.add(plain)) {
                continue;
            }
            f.id().map(id -> ctx.index.get("notes[#" + id + "]")).ifPresent(l -> ctx.index.putIfAbsent(
                    prefix + "[" + out.size() + "]", l));
            out.add(f);
        }
        ctx.index.keySet().removeIf(k -> k.startsWith("notes[#"));
        return out;
    }

    // ---- sub-articles -------------------------------------------------------------------------------

    private void subArticles(Element root, Article.Builder b) {
        for (Element sub : root.all("sub-article")) {
            String type = sub.attr("article-type").orElse("").toLowerCase(Locale.ROOT);
            String what = "sub-article" + sub.attr("id").map(i -> " '" + i + "'").orElse("") + " ("
                    + (type.isEmpty() ? "no article-type" : type) + sub.attr("xml:lang").map(l -> ", " + l).orElse("")
                    + ")";
            if (type.equals("translation")) {
                translation(sub, b, what);
            } else if (PEER_REVIEW.contains(type)) {
                ctx.warn(sub, "", "the peer-review " + what + " is left out of the offprint",
                        "peer-review reports are published with their own DOIs; Separata prints the article");
            } else {
                ctx.warn(sub, "", "the " + what + " is left out of the offprint",
                        "Separata prints the article and, on request, its translations");
            }
        }
    }

    private void translation(Element sub, Article.Builder b, String what) {
        Optional<String> lang = sub.attr("xml:lang").map(JatsReader::normalizeLanguage);
        Element meta = sub.first("front-stub").or(() -> sub.path("front", "article-meta")).orElse(sub);
        String prefix = "translations[" + b.translations.size() + "]";
        if (lang.isEmpty()) {
            ctx.warn(sub, prefix, "the translation " + what + " has no xml:lang and is left out",
                    "give the sub-article xml:lang=\"…\"");
            return;
        }
        JatsText text = new JatsText(ctx);
        List<Title> titles = new ArrayList<>();
        int errorsBefore = ctx.errors.size();
        titles(meta, lang.get(), titles, prefix + ".title", text);
        if (titles.isEmpty()) {
            // A translation without a title is still printed, under the article's title.
            ctx.errors.subList(errorsBefore, ctx.errors.size()).clear();
            ctx.warn(sub, prefix, "the translation " + what + " has no title; the article's is used", null);
            titles.add(b.titles.isEmpty() ? new Title(lang.get(), RichText.of(""), Optional.empty()) : b.titles.get(0));
        }
        ctx.index(prefix, sub);
        Optional<Element> doiHolder = Optional.of(meta);
        Optional<Doi> doi = doiHolder.flatMap(m -> articleDoi(m, prefix + ".doi"));
        List<Abstract> abstracts = abstracts(meta, lang.get(), prefix + ".abstracts", text);
        List<KeywordGroup> keywords = keywords(meta, lang.get(), prefix + ".keywords", text);
        List<Section> body = new ArrayList<>();
        sub.first("body").ifPresent(x -> text.sections(x, prefix + ".body", body));
        List<Footnote> backNotes = new ArrayList<>();
        List<Reference> refs = new ArrayList<>();
        sub.first("back").ifPresent(back -> {
            back(back, text, body, backNotes, prefix + ".body");
            refs.addAll(new JatsReferences(ctx, text, lang.get()).read(back, prefix + ".references"));
        });
        List<Footnote> notes = notes(text.notes(), backNotes, List.of(), prefix + ".notes");
        Title title = titles.get(0);
        b.translations.add(new Translation(lang.get(), doi, new Title(lang.get(), title.title(), title.subtitle()),
                abstracts, keywords, body, notes, refs));
        for (Element nested : sub.all("sub-article")) {
            String type = nested.attr("article-type").orElse("");
            ctx.warn(nested, "", "the " + (PEER_REVIEW.contains(type) ? "peer-review " : "") + "sub-article"
                    + nested.attr("id").map(i -> " '" + i + "'").orElse("") + " (" + type + ") inside the "
                    + "translation is left out of the offprint", null);
        }
    }

    // ---- languages ----------------------------------------------------------------------------------

    /** A language tag in its BCP 47 form: "PT" → "pt", "sr_latn" → "sr-Latn", "en-gb" → "en-GB". */
    static String normalizeLanguage(String lang) {
        String raw = lang.strip().replace('_', '-');
        String tag = Locale.forLanguageTag(raw).toLanguageTag();
        return tag.equals("und") ? raw.toLowerCase(Locale.ROOT) : tag;
    }

    /** Whether two language tags name the same language ("en" and "en-GB" do). */
    static boolean sameLanguage(String a, String b) {
        String x = base(normalizeLanguage(a));
        String y = base(normalizeLanguage(b));
        return x.equals(y);
    }

    private static String base(String lang) {
        int dash = lang.indexOf('-');
        return (dash > 0 ? lang.substring(0, dash) : lang).toLowerCase(Locale.ROOT);
    }

    // ---- shared with Authors ------------------------------------------------------------------------

    static Optional<Orcid> orcid(JatsContext ctx, Element e, String path) {
        try {
            return Optional.of(new Orcid(e.text().strip()));
        } catch (InvalidIdentifierException x) {
            ctx.error(e, path, x.getMessage(), x.hint());
            return Optional.empty();
        }
    }

    static Optional<PersonName> personName(Element n, Optional<String> lang) {
        Optional<String> surname = n.first("surname").flatMap(Element::cleanText);
        if (surname.isEmpty()) {
            Optional<String> given = n.first("given-names").flatMap(Element::cleanText);
            if (n.is("string-name") && given.isEmpty()) {
                return n.cleanText().map(s -> new PersonName(s, Optional.empty(), Optional.empty(),
                        Optional.empty(), lang));
            }
            // Only given names (as for some mononymous authors): they serve as the surname.
            return given.map(g -> new PersonName(g, Optional.empty(), Optional.empty(), Optional.empty(), lang));
        }
        return Optional.of(new PersonName(surname.get(), n.first("given-names").flatMap(Element::cleanText),
                n.first("prefix").flatMap(Element::cleanText), n.first("suffix").flatMap(Element::cleanText),
                lang.or(() -> n.attr("xml:lang").map(JatsReader::normalizeLanguage))));
    }

    /** Paragraphs joined into one run of text, for notes printed as one line. */
    static RichText joined(List<Paragraph> paragraphs) {
        List<Inline> out = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            if (!out.isEmpty()) {
                String before = new RichText(out).plain().strip();
                out.add(new Inline.Text(before.matches(".*[.:;!?]$") ? " " : ". "));
            }
            p.runIn().ifPresent(r -> {
                out.addAll(r.inlines());
                out.add(new Inline.Text(" "));
            });
            out.addAll(p.text().inlines());
        }
        return new RichText(out);
    }
}
