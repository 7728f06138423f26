package org.separata.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.separata.model.Abstract;
import org.separata.model.Affiliation;
import org.separata.model.Article;
import org.separata.model.Block;
import org.separata.model.CitationStyle;
import org.separata.model.Contributor;
import org.separata.model.Footnote;
import org.separata.model.HistoryDate;
import org.separata.model.Inline;
import org.separata.model.KeywordGroup;
import org.separata.model.Paragraph;
import org.separata.model.Reference;
import org.separata.model.RichText;
import org.separata.model.Section;
import org.separata.model.Title;
import org.separata.model.Translation;

/**
 * Turns an {@link Article} into the data a template receives: plain maps, lists and strings, with
 * rich text as lists of inline nodes. The keys are documented in {@code layouts/README.md}; what is
 * absent in the input is absent here (test it with {@code ??} in FreeMarker).
 *
 * <p>It also names the targets of the PDF outline: the main title, each abstract, each titled body
 * section, the notes, the references and the licence get an {@code anchor} (an element id such as
 * {@code outline-references}) that the template puts on the element, and {@link #outline()} lists
 * the entries that point to them.
 */
final class ArticleView {

    /** A URL in text; it ends at white space, a no-break space or an invisible break mark. */
    private static final Pattern URL = Pattern.compile(
            "https?://[^\\s\u00A0\u202F\u00AD\u200B<>\"]+[^\\s\u00A0\u202F\u00AD\u200B<>\".,;:!?)\\]]"
            // a bare DOI ("10.1590/S0034-89102014048004911"), which becomes a link to doi.org
            + "|(?<![\\w./])10\\.\\d{4,9}/[^\\s\u00A0\u202F\u00AD\u200B<>\"]+[^\\s\u00A0\u202F\u00AD\u200B<>\".,;:!?)\\]]");

    private final Article article;
    private final LayoutPack pack;
    private final CitationStyle citation;
    private final String citationLanguage;
    private final Optional<String> logo;
    private final FontCoverage coverage;
    private final Prose prose;
    private final boolean hyphenate;
    private final FigureImages images;

    /** Without typography: for {@link #inlines(RichText)} alone (issue front matter). */
    ArticleView(Article article, LayoutPack pack, CitationStyle citation, Optional<String> logo,
                FontCoverage coverage) {
        this(article, pack, citation, logo, coverage, null, FigureImages.NONE);
    }

    /**
     * @param citation the style of a generated how-to-cite line, with its language
     * @param logo     the name of the logo to show (the journal's or the pack's), if any
     * @param coverage which characters the text fonts have, so others go to the symbols font
     * @param prose    the typographic rules and hyphenation of running text, by language
     */
    ArticleView(Article article, LayoutPack pack, CitationStyle citation, Optional<String> logo,
                FontCoverage coverage, Prose prose) {
        this(article, pack, citation, logo, coverage, prose, FigureImages.NONE);
    }

    /** @param images the figures' images, found beside the article and placed at print size */
    ArticleView(Article article, LayoutPack pack, CitationStyle citation, Optional<String> logo,
                FontCoverage coverage, Prose prose, FigureImages images) {
        this.images = images;
        this.article = article;
        this.pack = pack;
        this.citation = citation;
        this.citationLanguage = citation.language().orElse(pack.citationLanguage());
        this.logo = logo;
        this.coverage = coverage;
        this.prose = prose;
        // a layout may turn hyphenation off in layout.yaml: options: {hyphenate: false}
        this.hyphenate = !"false".equals(String.valueOf(pack.options().get("hyphenate")));
        // article may be null when only inlines() is used (issue front matter)
    }

    /** Running text in a language: its typographic rules applied, and hyphenation points where wanted. */
    private List<Object> text(RichText t, String lang, boolean hyphenated) {
        return inlines(prose == null ? t : prose.apply(t, lang, hyphenated && hyphenate));
    }

    /** A reference or how-to-cite line: the language's rules, number ranges read as page ranges, no hyphenation. */
    private List<Object> citation(RichText t, String lang) {
        return inlines(prose == null ? t : prose.apply(t, lang, false, true));
    }

    Map<String, Object> build() {
        Map<String, Object> root = new LinkedHashMap<>();
        String lang = article.language();
        root.put("lang", lang);
        root.put("labels", pack.labels().forLanguage(lang));
        root.put("journal", journal());
        root.put("issue", issue());
        root.put("article", articleMap());
        root.put("settings", settings());
        return root;
    }

    /** The data of the stylesheet template: page geometry, font names, colours, recto/verso. */
    Map<String, Object> styleData() {
        return settings();
    }

    /** Ids the template puts on the outline's targets (besides the per-item {@code anchor}s). */
    static final String TITLE_ANCHOR = "outline-title";
    static final String NOTES_ANCHOR = "outline-notes";
    static final String REFERENCES_ANCHOR = "outline-references";
    static final String LICENSE_ANCHOR = "outline-license";

    /**
     * The outline, in reading order: the main title, each abstract (headed in its own language),
     * the titled body sections (nested by level), the notes, the references and the licence.
     */
    List<OutlineEntry> outline() {
        List<OutlineEntry> out = new ArrayList<>();
        Title main = article.mainTitle();
        out.add(new OutlineEntry(TITLE_ANCHOR, main.full(), 1));
        for (String lang : languages(article.abstracts(), article.keywords(), article.language())) {
            article.abstracts().stream().filter(ab -> ab.lang().equals(lang) && !ab.paragraphs().isEmpty())
                    .findFirst().ifPresent(ab -> out.add(new OutlineEntry(abstractAnchor(lang),
                            ab.title().orElseGet(() -> label(lang, "abstract")), 1)));
        }
        for (int i = 0; i < article.body().size(); i++) {
            sectionOutline(article.body().get(i), String.valueOf(i + 1), 1, out);
        }
        String lang = article.language();
        if (!article.footnotes().isEmpty()) {
            out.add(new OutlineEntry(NOTES_ANCHOR, label(lang, "notes"), 1));
        }
        if (!article.references().isEmpty()) {
            out.add(new OutlineEntry(REFERENCES_ANCHOR, label(lang, "references"), 1));
        }
        if (article.license().isPresent()) {
            out.add(new OutlineEntry(LICENSE_ANCHOR, label(lang, "license"), 1));
        }
        for (Translation t : article.translations()) {
            translationOutline(t, out);
        }
        return out;
    }

    /**
     * A printed translation in the outline, as its headings are in the tagged PDF: its title, and
     * below it its abstracts, sections, notes and references, each headed in its language.
     */
    private void translationOutline(Translation t, List<OutlineEntry> out) {
        String base = translationAnchor(t.lang());
        out.add(new OutlineEntry(base, t.title().full(), 1));
        for (String lang : languages(t.abstracts(), t.keywords(), t.lang())) {
            t.abstracts().stream().filter(ab -> ab.lang().equals(lang) && !ab.paragraphs().isEmpty()).findFirst()
                    .ifPresent(ab -> out.add(new OutlineEntry(base + "-abstract-" + lang,
                            ab.title().orElseGet(() -> label(lang, "abstract")), 2)));
        }
        for (int i = 0; i < t.body().size(); i++) {
            sectionOutline(t.body().get(i), "tr-" + t.lang() + "-" + (i + 1), 2, out);
        }
        if (!t.footnotes().isEmpty()) {
            out.add(new OutlineEntry(base + "-notes", label(t.lang(), "notes"), 2));
        }
        if (!t.references().isEmpty()) {
            out.add(new OutlineEntry(base + "-references", label(t.lang(), "references"), 2));
        }
    }

    private static String translationAnchor(String lang) {
        return "outline-translation-" + lang;
    }

    /** A titled section is an entry at its level; an untitled one lends its level to its children. */
    private void sectionOutline(Section s, String path, int level, List<OutlineEntry> out) {
        int childLevel = level;
        if (s.title().isPresent() && !s.title().get().isBlank()) {
            out.add(new OutlineEntry(sectionAnchor(path), s.title().get().plain().strip(), level));
            childLevel = level + 1;
        }
        for (int i = 0; i < s.sections().size(); i++) {
            sectionOutline(s.sections().get(i), path + "-" + (i + 1), childLevel, out);
        }
    }


    private String label(String lang, String key) {
        return pack.labels().forLanguage(lang).getOrDefault(key, key);
    }

    private static String abstractAnchor(String lang) {
        return "outline-abstract-" + lang;
    }

    private static String sectionAnchor(String path) {
        return "outline-section-" + path;
    }

    /** The stylesheet's data for any article whose first page number is odd or even. */
    static Map<String, Object> styleData(LayoutPack pack, boolean oddStart, Optional<String> logo) {
        return settings(pack, oddStart ? 1 : 2, logo);
    }

    private Map<String, Object> settings() {
        return settings(pack, article.firstPageNumber(), logo);
    }

    private static Map<String, Object> settings(LayoutPack pack, int firstPage, Optional<String> logo) {
        Map<String, Object> s = new LinkedHashMap<>();
        PageGeometry g = pack.page();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("width", mm(g.width()));
        page.put("height", mm(g.height()));
        page.put("top", mm(g.top()));
        page.put("bottom", mm(g.bottom()));
        page.put("inner", mm(g.inner()));
        page.put("outer", mm(g.outer()));
        // the text width of a landscape page (a table too wide for the text block is set on one)
        page.put("landscapeWidth", mm(g.height() - g.inner() - g.outer()));
        s.put("page", page);
        Map<String, Object> fonts = new LinkedHashMap<>();
        pack.fonts().forEach((role, family) -> fonts.put(role, family.name()));
        fonts.putIfAbsent("sans", pack.font("text").name());
        fonts.putIfAbsent("mono", pack.font("sans").name());
        s.put("fonts", fonts);
        s.put("colors", pack.colors());
        logo.ifPresent(l -> s.put("logo", l));
        s.put("options", pack.options());
        Map<String, Object> show = new LinkedHashMap<>();
        pack.masthead().forEach(f -> show.put(f, true));
        if (logo.isEmpty()) {
            show.remove("logo");
        }
        s.put("show", show);
        s.put("rectoStart", pack.rectoStart());
        // Flying Saucer picks :left/:right by physical position (the first page is :right), so
        // the recto/verso selectors depend on whether the first page number is odd.
        boolean oddStart = firstPage % 2 == 1;
        s.put("recto", oddStart ? "right" : "left");
        s.put("verso", oddStart ? "left" : "right");
        s.put("firstPageIsRecto", oddStart);
        return s;
    }

    private static String mm(double v) {
        String s = v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
        return s + "mm";
    }

    private Map<String, Object> journal() {
        return journal(article.journal());
    }

    private Map<String, Object> issue() {
        return issue(article.issue());
    }

    /** The journal as templates see it: title, abbrev, publisher, issnPrint, issnOnline, url. */
    static Map<String, Object> journal(org.separata.model.Journal journal) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("title", journal.title());
        journal.abbreviation().ifPresent(v -> j.put("abbrev", v));
        journal.publisher().ifPresent(v -> j.put("publisher", v));
        journal.printIssn().ifPresent(v -> j.put("issnPrint", v.value()));
        journal.onlineIssn().ifPresent(v -> j.put("issnOnline", v.value()));
        journal.url().ifPresent(v -> j.put("url", v));
        return j;
    }

    /** The issue as templates see it: volume, number, year, date. */
    static Map<String, Object> issue(org.separata.model.Issue issue) {
        Map<String, Object> i = new LinkedHashMap<>();
        issue.volume().ifPresent(v -> i.put("volume", v));
        issue.number().ifPresent(v -> i.put("number", v));
        issue.year().ifPresent(v -> i.put("year", String.valueOf(v)));
        issue.date().ifPresent(v -> i.put("date", v.toString()));
        return i;
    }

    private Map<String, Object> articleMap() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("lang", article.language());
        article.doi().ifPresent(d -> {
            a.put("doi", d.value());
            a.put("doiUrl", d.url());
        });
        article.pages().ifPresent(p -> {
            a.put("pages", p.display());
            a.put("firstPage", String.valueOf(p.first()));
            a.put("lastPage", String.valueOf(p.last()));
        });
        a.put("firstPageNumber", String.valueOf(article.firstPageNumber()));
        article.elocation().ifPresent(e -> a.put("elocation", e));
        article.section().ifPresent(s -> a.put("section", s));

        Title main = article.mainTitle();
        a.put("title", title(main, true));
        List<Object> titles = new ArrayList<>();
        Map<String, Object> mainTitle = title(main, true);
        mainTitle.put("anchor", TITLE_ANCHOR);
        titles.add(mainTitle);
        for (Title t : article.titles()) {
            if (t != main) {
                titles.add(title(t, false));
            }
        }
        a.put("titles", titles);

        List<Object> affs = new ArrayList<>();
        Map<String, String> marks = new LinkedHashMap<>();
        for (Affiliation aff : article.affiliations()) {
            String mark = aff.label().orElse(String.valueOf(marks.size() + 1));
            marks.put(aff.id(), mark);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", aff.id());
            m.put("mark", mark);
            m.put("text", aff.display());
            m.put("alternatives", alternatives(aff));
            m.put("used", article.authors().stream().anyMatch(c -> c.affiliationIds().contains(aff.id())));
            affs.add(m);
        }
        a.put("affiliations", affs);
        a.put("showAffiliationMarks", article.affiliations().size() > 1);

        List<Object> authors = new ArrayList<>();
        for (Contributor c : article.authors()) {
            authors.add(contributor(c, marks));
        }
        a.put("authors", authors);
        a.put("authorNames", String.join(", ", article.authors().stream().map(Contributor::bylineName).toList()));
        // Many authors are set as one byline with a numbered list of affiliations.
        // Journals set the names as one byline with the affiliations once, numbered; a pack may
        // keep a block per author for fewer than compact-authors-from authors.
        Object compactFrom = pack.options().getOrDefault("compact-authors-from", 1);
        a.put("compactAuthors", article.authors().size() >= Integer.parseInt(String.valueOf(compactFrom)));
        a.put("runAuthors", article.authors().size() > 3
                ? article.authors().get(0).bylineName() + " " + pack.labels().get(article.language(), "et-al")
                .orElse("et al.") : a.get("authorNames"));
        a.put("credits", credits());
        List<RichText> marked = new ArrayList<>();
        article.authors().forEach(c -> c.notes().stream().filter(n -> mark(n).isPresent() && !marked.contains(n))
                .forEach(marked::add));
        a.put("markedNotes", marked.stream().map(this::inlines).toList());
        // the correspondence is printed once: when a note gives it (JATS corresp, "* Для
        // корреспонденции: …"), the corresponding author's e-mail is not labelled again
        List<String> emails = article.authors().stream().filter(Contributor::corresponding)
                .flatMap(c -> c.email().stream()).toList();
        a.put("correspondenceNoted", java.util.stream.Stream.concat(marked.stream(), article.authorNotes().stream())
                .map(RichText::plain).anyMatch(n -> emails.stream().anyMatch(n::contains)));
        a.put("authorNotes", article.authorNotes().stream().map(n -> text(n, article.language(), false)).toList());

        List<Object> history = new ArrayList<>();
        for (HistoryDate h : article.history()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", h.type());
            m.put("label", pack.labels().get(article.language(), h.type()).orElse(h.type()));
            m.put("date", h.date().toString());
            m.put("day", String.format(java.util.Locale.ROOT, "%02d", h.date().getDayOfMonth()));
            m.put("month", String.format(java.util.Locale.ROOT, "%02d", h.date().getMonthValue()));
            m.put("year", String.valueOf(h.date().getYear()));
            history.add(m);
        }
        a.put("history", history);

        a.put("abstracts", abstracts(article.abstracts(), article.keywords(), article.language(), true,
                "outline-abstract-"));
        List<Object> body = new ArrayList<>();
        for (int i = 0; i < article.body().size(); i++) {
            body.add(section(article.body().get(i), 1, String.valueOf(i + 1), article.language()));
        }
        a.put("body", body);
        a.put("anchors", Map.of("notes", NOTES_ANCHOR, "references", REFERENCES_ANCHOR, "license", LICENSE_ANCHOR));
        a.put("notes", article.footnotes().stream().map(f -> note(f, article.language())).toList());
        a.put("references", references(article.references(), article.language()));
        a.put("authorDate", authorDate());
        RichText cite = CitationFormatter.line(article, pack.labels(), citation);
        a.put("howToCite", citation(cite, citationLanguage));
        a.put("howToCiteGenerated", article.howToCite().isEmpty());
        a.put("citationLang", citationLanguage);
        a.put("translations", article.translations().stream().map(this::translation).toList());
        a.put("citationLabels", pack.labels().forLanguage(citationLanguage));
        article.license().ifPresent(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            l.name().ifPresent(v -> m.put("name", v));
            l.url().ifPresent(v -> m.put("url", v));
            l.text().ifPresent(v -> m.put("text", text(v, article.language(), false)));
            l.copyrightLine().ifPresent(v -> m.put("copyright", v));
            l.creativeCommonsCode().ifPresent(v -> m.put("cc", v));
            a.put("license", m);
        });
        return a;
    }

    private Map<String, Object> title(Title t, boolean main) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", t.lang());
        m.put("text", text(t.title(), t.lang(), false));
        m.put("plain", t.title().plain());
        t.subtitle().ifPresent(s -> m.put("subtitle", text(s, t.lang(), false)));
        m.put("main", main);
        return m;
    }

    private Map<String, Object> contributor(Contributor c, Map<String, String> marks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.displayName());
        m.put("byline", c.bylineName());
        m.put("citationName", c.citationName());
        c.name().ifPresent(n -> {
            m.put("surname", n.surname());
            n.givenNames().ifPresent(g -> m.put("givenNames", g));
        });
        c.groupName().ifPresent(g -> m.put("group", g));
        m.put("alternativeNames", c.alternativeNames().stream().map(n -> n.display()).toList());
        if (!c.degrees().isEmpty()) {
            m.put("degrees", String.join(", ", c.degrees()));
        }
        List<Object> affs = new ArrayList<>();
        List<String> affMarks = new ArrayList<>();
        for (String id : c.affiliationIds()) {
            article.affiliation(id).ifPresent(a -> {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("mark", marks.get(id));
                am.put("text", a.display());
                am.put("alternatives", alternatives(a));
                affs.add(am);
                affMarks.add(marks.get(id));
            });
        }
        m.put("affiliations", affs);
        m.put("marks", affMarks);
        c.address().ifPresent(v -> m.put("address", v));
        c.country().ifPresent(v -> m.put("country", v));
        c.email().ifPresent(v -> m.put("email", v));
        c.orcid().ifPresent(o -> {
            m.put("orcid", o.value());
            m.put("orcidUrl", o.url());
        });
        c.bio().ifPresent(b -> m.put("bio", text(b, article.language(), false)));
        m.put("corresponding", c.corresponding());
        m.put("notes", c.notes().stream().map(this::inlines).toList());
        // Notes that start with a mark ("† These authors contributed equally") can be printed once,
        // with the mark after each name they belong to; the others stay with the contributor.
        m.put("noteMarks", c.notes().stream().map(ArticleView::mark).flatMap(java.util.Optional::stream).toList());
        m.put("unmarkedNotes", c.notes().stream().filter(n -> mark(n).isEmpty()).map(this::inlines).toList());
        return m;
    }

    /** The languages of the abstracts and keyword groups, in input order, {@code mainLang} first. */
    private static List<String> languages(List<Abstract> abstracts, List<KeywordGroup> keywords, String mainLang) {
        List<String> langs = new ArrayList<>();
        for (Abstract ab : abstracts) {
            if (!langs.contains(ab.lang())) {
                langs.add(ab.lang());
            }
        }
        for (KeywordGroup k : keywords) {
            if (!langs.contains(k.lang())) {
                langs.add(k.lang());
            }
        }
        if (langs.remove(mainLang)) {
            langs.add(0, mainLang);
        }
        return langs;
    }

    /**
     * Abstracts and keywords paired by language, {@code mainLang} first, each abstract with the
     * anchor of its outline entry ({@code anchorPrefix} and its language). {@code main}: these are
     * the article's own, so each carries its title.
     */
    private List<Object> abstracts(List<Abstract> abstracts, List<KeywordGroup> keywords, String mainLang,
                                   boolean main, String anchorPrefix) {
        List<Object> out = new ArrayList<>();
        for (String lang : languages(abstracts, keywords, mainLang)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lang", lang);
            m.put("labels", pack.labels().forLanguage(lang));
            if (main) {
                article.title(lang).ifPresent(t -> m.put("title", title(t, t == article.mainTitle())));
            }
            abstracts.stream().filter(ab -> ab.lang().equals(lang)).findFirst().ifPresent(ab -> {
                ab.title().ifPresent(t -> m.put("heading", t));
                m.put("paragraphs", ab.paragraphs().stream().map(p -> paragraph(p, lang)).toList());
                if (!ab.paragraphs().isEmpty()) {
                    m.put("anchor", anchorPrefix + lang);
                }
            });
            List<Object> terms = new ArrayList<>();
            keywords.stream().filter(k -> k.lang().equals(lang))
                    .forEach(k -> k.keywords().forEach(t -> terms.add(text(t, lang, false))));
            if (!terms.isEmpty()) {
                m.put("keywords", terms);
            }
            out.add(m);
        }
        return out;
    }

    /** The article in another language: printed after it, on request. */
    private Map<String, Object> translation(Translation t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", t.lang());
        m.put("labels", pack.labels().forLanguage(t.lang()));
        m.put("title", title(t.title(), true));
        t.doi().ifPresent(d -> {
            m.put("doi", d.value());
            m.put("doiUrl", d.url());
        });
        String base = translationAnchor(t.lang());
        m.put("anchor", base);
        m.put("anchors", Map.of("notes", base + "-notes", "references", base + "-references"));
        m.put("abstracts", abstracts(t.abstracts(), t.keywords(), t.lang(), false, base + "-abstract-"));
        List<Object> body = new ArrayList<>();
        for (int i = 0; i < t.body().size(); i++) {
            body.add(section(t.body().get(i), 1, "tr-" + t.lang() + "-" + (i + 1), t.lang()));
        }
        m.put("body", body);
        m.put("notes", t.footnotes().stream().map(f -> note(f, t.lang())).toList());
        m.put("references", references(t.references(), t.lang()));
        return m;
    }

    /** The same affiliation in other languages, as printed lines. */
    private static List<String> alternatives(Affiliation a) {
        return a.alternatives().stream().map(Affiliation::display).filter(d -> !d.isBlank()).toList();
    }

    /**
     * Who else is credited, by role: editors, translators, and the members of group authors
     * listed outside the byline ({label, names}), in the article's language.
     */
    private List<Object> credits() {
        List<Object> out = new ArrayList<>();
        String lang = article.language();
        for (Contributor.Role role : List.of(Contributor.Role.EDITOR, Contributor.Role.TRANSLATOR)) {
            List<String> names = article.contributors().stream().filter(c -> c.role() == role)
                    .map(Contributor::displayName).toList();
            if (!names.isEmpty()) {
                String key = role.name().toLowerCase(java.util.Locale.ROOT) + (names.size() > 1 ? "s" : "");
                out.add(Map.of("label", pack.labels().get(lang, key).orElse(key), "names", String.join(", ", names)));
            }
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Contributor c : article.contributors()) {
            if (c.role() == Contributor.Role.MEMBER && c.name().isPresent()) {
                members.computeIfAbsent(c.groupName().orElse(""), g -> new ArrayList<>())
                        .add(c.name().get().display());
            }
        }
        members.forEach((group, names) -> {
            String label = pack.labels().get(lang, "group-members").orElse("Group members");
            out.add(Map.of("label", group.isEmpty() ? label : label + " (" + group + ")",
                    "names", String.join(", ", names)));
        });
        return out;
    }

    private static final Pattern NUMERIC_CITATION = Pattern.compile("\\[\\d{1,3}(?:\\s*[,;\u2013-]\\s*\\d{1,3})*\\]");
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)[a-z]?\\b");

    /**
     * Whether the reference list is cited by author and year ("(Rabinovich 2013)"), so that it is
     * printed unnumbered, in the source's order: no reference has a label of its own, the text has
     * no numeric citation ("[3]", a raised number), and some reference's first author is cited with
     * its year.
     */
    private boolean authorDate() {
        List<Reference> refs = article.references();
        if (refs.isEmpty() || refs.stream().anyMatch(r -> r.label().isPresent())) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        boolean[] raised = {false};
        article.abstracts().forEach(ab -> ab.paragraphs().forEach(p -> text.append(p.text().plain()).append('\n')));
        article.body().forEach(sec -> collectText(sec, text, raised));
        String all = text.toString();
        if (raised[0] || NUMERIC_CITATION.matcher(all).find()) {
            return false;
        }
        for (Reference r : refs) {
            String plain = r.text().plain().strip();
            Matcher first = Pattern.compile("^[\\p{L}'’-]{2,}").matcher(plain);
            Matcher year = YEAR.matcher(plain);
            if (first.find() && year.find()
                    && Pattern.compile(Pattern.quote(first.group()) + "[^()\\n]{0,60}?" + year.group(1)).matcher(all).find()) {
                return true;
            }
        }
        return false;
    }

    /** The plain text of a section's paragraphs; {@code raised[0]} becomes true at a numeric superscript (a citation mark). */
    private static void collectText(Section s, StringBuilder out, boolean[] raised) {
        for (Block b : s.blocks()) {
            collectText(b, out, raised);
        }
        s.sections().forEach(sub -> collectText(sub, out, raised));
    }

    private static void collectText(Block b, StringBuilder out, boolean[] raised) {
        if (b instanceof Paragraph p) {
            out.append(p.text().plain()).append('\n');
            raised[0] |= hasNumericSuperscript(p.text().inlines());
        } else if (b instanceof Block.ListBlock l) {
            l.items().forEach(item -> item.forEach(x -> collectText(x, out, raised)));
        } else if (b instanceof Block.Quote q) {
            q.blocks().forEach(x -> collectText(x, out, raised));
        } else if (b instanceof Block.Boxed x) {
            x.blocks().forEach(y -> collectText(y, out, raised));
        } else if (b instanceof Block.Table t) {
            for (List<Block.Row> part : List.of(t.head(), t.body(), t.foot())) {
                part.forEach(r -> r.cells().forEach(c -> c.lines().forEach(l -> collectText(Paragraph.of(l), out, raised))));
            }
            t.notes().forEach(n -> collectText(n, out, raised));
        } else if (b instanceof Block.Figure f) {
            f.caption().ifPresent(c -> collectText(Paragraph.of(c), out, raised));
        }
    }

    private static boolean hasNumericSuperscript(List<Inline> inlines) {
        for (Inline i : inlines) {
            if (i instanceof Inline.Styled st && st.style() == Inline.Style.SUPERSCRIPT
                    && st.plain().strip().matches("\\d[\\d,\u2013-]*")) {
                return true;
            }
            if (i instanceof Inline.Styled st && hasNumericSuperscript(st.children())
                    || i instanceof Inline.Link l && hasNumericSuperscript(l.children())) {
                return true;
            }
        }
        return false;
    }

    private List<Object> references(List<Reference> refs, String lang) {
        List<Object> out = new ArrayList<>();
        int n = 1;
        for (Reference r : refs) {
            out.add(reference(r, n++, lang));
        }
        return out;
    }

    /** A paragraph of running text in {@code lang}: hyphenated, with the language's rules. */
    private Map<String, Object> paragraph(Paragraph p, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "p");
        p.runIn().ifPresent(r -> m.put("runIn", text(runIn(r), lang, false)));
        m.put("text", text(p.text(), lang, true));
        return m;
    }

    /** The mark a note starts with, when it starts with a short superscript ("†", "a", "*"). */
    private static java.util.Optional<String> mark(RichText note) {
        if (!note.inlines().isEmpty() && note.inlines().get(0) instanceof Inline.Styled s
                && s.style() == Inline.Style.SUPERSCRIPT && s.plain().strip().length() <= 3
                && !s.plain().isBlank()) {
            return java.util.Optional.of(s.plain().strip());
        }
        return java.util.Optional.empty();
    }

    /** A run-in heading ends with a stop, unless it has its own punctuation ("Methods:"). */
    private static RichText runIn(RichText r) {
        String plain = r.plain().strip();
        if (plain.isEmpty() || ".:;!?—".indexOf(plain.charAt(plain.length() - 1)) >= 0) {
            return r;
        }
        List<Inline> out = new ArrayList<>(r.inlines());
        out.add(new Inline.Text("."));
        return new RichText(out);
    }

    private Map<String, Object> section(Section s, int level, String path, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", level);
        s.title().ifPresent(t -> m.put("title", text(t, lang, false)));
        m.put("anchor", sectionAnchor(path));
        m.put("blocks", s.blocks().stream().map(b -> block(b, lang)).toList());
        List<Object> subs = new ArrayList<>();
        for (int i = 0; i < s.sections().size(); i++) {
            subs.add(section(s.sections().get(i), level + 1, path + "-" + (i + 1), lang));
        }
        m.put("sections", subs);
        return m;
    }

    private Map<String, Object> block(Block b, String lang) {
        if (b instanceof Paragraph p) {
            return paragraph(p, lang);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (b instanceof Block.ListBlock l) {
            m.put("kind", "list");
            m.put("ordered", l.ordered());
            m.put("labelled", !l.labels().isEmpty());
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                List<Map<String, Object>> item = new ArrayList<>(l.items().get(i).stream().map(x -> block(x, lang)).toList());
                if (!l.labels().isEmpty()) {
                    // an item's own label hangs beside its first line: it goes into its first paragraph
                    if (item.isEmpty() || !"p".equals(item.get(0).get("kind"))) {
                        Map<String, Object> empty = new LinkedHashMap<>();
                        empty.put("kind", "p");
                        empty.put("text", List.of());
                        item.add(0, empty);
                    }
                    item.get(0).put("itemLabel", l.labels().get(i));
                }
                items.add(item);
            }
            m.put("items", items);
        } else if (b instanceof Block.Quote q) {
            m.put("kind", "quote");
            m.put("blocks", q.blocks().stream().map(x -> block(x, lang)).toList());
            q.attribution().ifPresent(a -> m.put("attribution", text(a, lang, false)));
        } else if (b instanceof Block.Omitted o) {
            m.put("kind", "omitted");
            m.put("what", o.kind());
            o.label().ifPresent(l -> m.put("label", l));
            o.caption().ifPresent(c -> m.put("caption", text(c, lang, false)));
            m.put("reason", o.reason());
        } else if (b instanceof Block.Table t) {
            table(t, lang, m);
        } else if (b instanceof Block.Figure f) {
            figure(f, lang, m);
        } else if (b instanceof Block.Formula f) {
            m.put("kind", "formula");
            f.id().ifPresent(i -> m.put("id", i));
            f.label().ifPresent(l -> m.put("label", l));
            m.put("linear", f.linear());
            f.math().ifPresent(x -> m.put("math", mathml(x, true)));
            f.tex().ifPresent(x -> m.put("tex", x));
        } else if (b instanceof Block.Boxed x) {
            m.put("kind", "box");
            m.put("what", x.kind());
            x.title().ifPresent(t -> m.put("title", text(t, lang, false)));
            m.put("blocks", x.blocks().stream().map(y -> block(y, lang)).toList());
        } else if (b instanceof Block.Preformatted p) {
            m.put("kind", "pre");
            m.put("text", p.text());
        }
        return m;
    }

    /**
     * A table as templates see it: label, caption, notes, and its head, body and foot as rows of
     * cells ({header, scope, colspan, rowspan, align, valign, lines}), made a grid
     * ({@link TableGrid}); {@code columns} counts them.
     */
    private void table(Block.Table t, String lang, Map<String, Object> m) {
        m.put("kind", "table");
        t.id().ifPresent(i -> m.put("id", i));
        t.label().ifPresent(l -> m.put("label", l));
        t.caption().ifPresent(c -> m.put("caption", text(c, lang, false)));
        TableGrid.Grid grid = TableGrid.of(t);
        m.put("columns", grid.columns());
        m.put("head", rows(grid.head(), lang));
        m.put("body", rows(grid.body(), lang));
        m.put("foot", rows(grid.foot(), lang));
        m.put("notes", t.notes().stream().map(n -> text(n.text(), lang, false)).toList());
        // a short table is kept on one page (templates: div.table-wrap.short, page-break-inside:
        // avoid): moved whole to the next page, it leaves at most its own height blank
        int rows = grid.head().size() + grid.body().size() + grid.foot().size();
        m.put("short", rows <= keepTableRows());
    }

    /** Tables of at most this many rows are kept on one page: the pack's {@code keep-table-rows}, else 12. */
    private int keepTableRows() {
        Object v = pack.options().getOrDefault("keep-table-rows", KEEP_TABLE_ROWS);
        try {
            return Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            return KEEP_TABLE_ROWS;
        }
    }

    private static final int KEEP_TABLE_ROWS = 12;

    /** Rows of a table's grid; a row short of cells ends with an empty cell spanning the columns it lacks. */
    private List<Object> rows(List<TableGrid.Row> rows, String lang) {
        List<Object> out = new ArrayList<>();
        for (TableGrid.Row r : rows) {
            List<Object> cells = new ArrayList<>();
            for (TableGrid.Placed p : r.cells()) {
                Block.Cell c = p.cell();
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("header", c.header());
                c.scope().ifPresent(s -> cm.put("scope", s));
                cm.put("colspan", c.colspan());
                cm.put("rowspan", p.rowspan());
                p.align().ifPresent(a -> cm.put("align", a));
                c.valign().ifPresent(a -> cm.put("valign", a));
                // cells are narrow: their text is neither hyphenated nor given the prose rules' spaces
                cm.put("lines", c.lines().stream().map(l -> inlines(l)).toList());
                cells.add(cm);
            }
            if (r.pad() > 0) {
                cells.add(Map.of("header", false, "colspan", r.pad(), "rowspan", 1, "lines", List.of()));
            }
            out.add(Map.of("cells", cells));
        }
        return out;
    }

    /**
     * A figure as templates see it: label, caption, alt text, and its images ({src, width, height}
     * in mm); {@code missing} lists the files that were not found, which the template shows as a
     * placeholder.
     */
    private void figure(Block.Figure f, String lang, Map<String, Object> m) {
        m.put("kind", "figure");
        m.put("what", f.kind());
        f.id().ifPresent(i -> m.put("id", i));
        f.label().ifPresent(l -> m.put("label", l));
        f.caption().ifPresent(c -> m.put("caption", text(c, lang, false)));
        m.put("alt", f.altText().or(() -> f.caption().map(RichText::plain)).or(() -> f.label()).orElse(""));
        List<Object> placed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String file : f.files()) {
            Optional<FigureImages.Placed> p = images.get(file);
            if (p.isPresent()) {
                placed.add(Map.of("src", p.get().resource(), "width", mm(p.get().widthMm()),
                        "height", mm(p.get().heightMm())));
            } else {
                missing.add(file);
            }
        }
        m.put("images", placed);
        m.put("missing", missing);
    }

    /**
     * MathML as template nodes: {name, attrs: [{name, value}], text, children}. The root,
     * {@code math}, carries {@code display} and the formula's linear form as {@code alttext}.
     */
    static Map<String, Object> mathml(org.separata.model.MathNode n, boolean display) {
        Map<String, Object> root = mathNode(n.name().equals("math") ? n
                : org.separata.model.MathNode.of("math", List.of(n)));
        List<Object> attrs = new ArrayList<>(((List<?>) root.get("attrs")).stream()
                .filter(a -> !"display".equals(((Map<?, ?>) a).get("name"))).toList());
        attrs.add(Map.of("name", "display", "value", display ? "block" : "inline"));
        attrs.add(Map.of("name", "alttext", "value", n.linear()));
        root.put("attrs", attrs);
        return root;
    }

    private static Map<String, Object> mathNode(org.separata.model.MathNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        List<Object> attrs = new ArrayList<>();
        n.attributes().forEach((k, v) -> attrs.add(Map.of("name", k, "value", v)));
        m.put("attrs", attrs);
        m.put("text", n.text());
        m.put("children", n.children().stream().map(ArticleView::mathNode).toList());
        return m;
    }

    private Map<String, Object> note(Footnote f, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        f.label().ifPresent(l -> m.put("label", l));
        f.id().ifPresent(i -> m.put("id", i));
        m.put("paragraphs", f.paragraphs().stream().map(p -> paragraph(p, lang)).toList());
        return m;
    }

    /** A reference: the language's rules (quotes, dashes, spaces) but no hyphenation, as references are set ragged. */
    private Map<String, Object> reference(Reference r, int position, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", r.label().orElse(String.valueOf(position)));
        r.id().ifPresent(i -> m.put("id", i));
        m.put("text", citation(r.text(), lang));
        r.translation().ifPresent(t -> m.put("translation", citation(t, lang)));
        String plain = r.text().plain() + r.translation().map(RichText::plain).orElse("");
        List<String> linked = r.text().links();
        List<Object> extra = new ArrayList<>();
        r.doi().ifPresent(d -> {
            m.put("doi", d.value());
            m.put("doiUrl", d.url());
            if (!plain.contains(d.value())) {
                extra.add(Map.of("href", d.url(), "text", Prose.breakableUrl(d.url())));
            }
        });
        r.url().ifPresent(u -> {
            m.put("url", u);
            if (!plain.contains(u) && !linked.contains(u)) {
                extra.add(Map.of("href", u, "text", Prose.breakableUrl(u)));
            }
        });
        m.put("links", extra);
        return m;
    }

    /** Rich text as template nodes: {kind: text|style|link, text, tag, href, children}. */
    List<Object> inlines(RichText t) {
        return Glue.apply(inlines(t.inlines(), false));
    }

    private List<Object> inlines(List<Inline> list, boolean inLink) {
        List<Object> out = new ArrayList<>();
        for (Inline i : gluePunctuation(list)) {
            if (i instanceof Inline.Text t) {
                if (inLink) {
                    addText(looksLikeUrl(t.value()) ? Prose.breakableUrl(t.value()) : t.value(), out);
                } else {
                    autolink(t.value(), out);
                }
            } else if (i instanceof Inline.Styled s) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", "style");
                m.put("tag", s.style().tag());
                m.put("children", inlines(s.children(), inLink));
                out.add(m);
            } else if (i instanceof Inline.Link l) {
                out.add(linkNode(l.href(), inlines(l.children(), true)));
            } else if (i instanceof Inline.Math x) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", "math");
                m.put("math", mathml(x.math(), false));
                m.put("linear", x.math().linear());
                out.add(m);
            }
        }
        return out;
    }

    private static final Pattern CLOSING_PUNCTUATION = Pattern.compile("^[.,;:]+");

    /**
     * Moves the full stop or comma that follows an italic run into it ("<i>Velasco</i>." becomes
     * "<i>Velasco.</i>"). Flying Saucer fits each text node on its own and can break a line between
     * two nodes even where there is no space, so a line could otherwise start with the full stop.
     */
    private static List<Inline> gluePunctuation(List<Inline> list) {
        List<Inline> out = new ArrayList<>(list);
        for (int k = 0; k + 1 < out.size(); k++) {
            if (out.get(k) instanceof Inline.Styled st && st.style() == Inline.Style.ITALIC
                    && out.get(k + 1) instanceof Inline.Text t) {
                Matcher m = CLOSING_PUNCTUATION.matcher(t.value());
                if (m.find()) {
                    List<Inline> children = new ArrayList<>(st.children());
                    children.add(new Inline.Text(m.group()));
                    out.set(k, new Inline.Styled(st.style(), children));
                    String rest = t.value().substring(m.end());
                    if (rest.isEmpty()) {
                        out.remove(k + 1);
                    } else {
                        out.set(k + 1, new Inline.Text(rest));
                    }
                }
            }
        }
        return out;
    }

    /** Plain URLs in text become links, so DOIs and URLs in references are clickable. */
    private void autolink(String text, List<Object> out) {
        Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                addText(text.substring(last, m.start()), out);
            }
            String href = m.group().startsWith("10.") ? "https://doi.org/" + m.group() : m.group();
            out.add(linkNode(href, List.of(textNode(Prose.breakableUrl(m.group())))));
            last = m.end();
        }
        if (last < text.length()) {
            addText(text.substring(last), out);
        }
    }

    /**
     * Text as nodes: runs the text faces can draw are {@code text}; runs of characters only the
     * pack's symbols family has (≤, −, ∞…) are {@code symbol}, set in that family.
     */
    private void addText(String s, List<Object> out) {
        int start = 0;
        boolean inSymbols = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean sym = coverage.needsSymbols(cp);
            if (sym != inSymbols && i > start) {
                out.add(node(inSymbols ? "symbol" : "text", s.substring(start, i)));
                start = i;
            }
            inSymbols = sym;
            i += Character.charCount(cp);
        }
        if (start < s.length()) {
            out.add(node(inSymbols ? "symbol" : "text", s.substring(start)));
        }
    }

    /** Link text that is a URL or DOI, which may break after its slashes and dots. */
    private static boolean looksLikeUrl(String s) {
        return !s.isBlank() && s.strip().indexOf(' ') < 0 && (s.contains("://") || s.startsWith("www.")
                || s.matches("(?i)(doi:\\s*)?10\\.\\d{4,9}/.*"));
    }

    private static Map<String, Object> textNode(String s) {
        return node("text", s);
    }

    private static Map<String, Object> node(String kind, String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("text", s);
        return m;
    }

    private static Map<String, Object> linkNode(String href, List<Object> children) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "link");
        m.put("href", href);
        m.put("children", children);
        return m;
    }

}
