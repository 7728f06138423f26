package org.separata.read;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.Node;
import org.separata.data.Node.ListNode;
import org.separata.data.Node.MapNode;
import org.separata.data.Node.ScalarNode;
import org.separata.data.SchemaChecker;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceIndex;
import org.separata.diag.SourceLocation;
import org.separata.model.Abstract;
import org.separata.model.Affiliation;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Doi;
import org.separata.model.Footnote;
import org.separata.model.HistoryDate;
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

/**
 * Reads an article manifest (YAML or JSON, one schema: {@code schema/article.schema.json}) into
 * the model. The structure is checked against the schema first, then values (identifiers, dates,
 * pages, cross references, inline markup). All errors are reported together, each with file,
 * line, field and a hint.
 */
public final class ManifestReader {

    /** The schema, parsed once per process. */
    private static final class Schema {
        static final SchemaChecker CHECKER = SchemaChecker.builtIn("article.schema.json");
    }

    private static final Pattern PAGES = Pattern.compile("\\s*(\\d+)\\s*(?:[-\u2013\u2014]\\s*(\\d+))?\\s*");

    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Optional<JournalProfiles> profiles;
    private Optional<JournalProfile> profile = Optional.empty();

    private ManifestReader(Optional<JournalProfiles> profiles) {
        this.profiles = profiles;
    }

    /** A binder for the manifest's vocabulary (journal, licence), for the journal profile reader. */
    static ManifestReader binder() {
        return new ManifestReader(Optional.empty());
    }

    List<Diagnostic> errors() {
        return errors;
    }

    /**
     * Reads a manifest.
     *
     * @param content  the file's bytes
     * @param fileName the name to show in diagnostics
     * @throws SeparataException (invalid input) listing every problem found
     */
    public static ReadResult read(byte[] content, String fileName) {
        return read(content, fileName, Optional.empty());
    }

    /**
     * Reads a manifest whose journal may come, in whole or in part, from a journal profile. The
     * manifest's own values win; a conflict is a warning naming both places.
     */
    public static ReadResult read(byte[] content, String fileName, Optional<JournalProfiles> profiles) {
        return attempt(content, fileName, profiles).orThrow();
    }

    /**
     * Reads a manifest as far as its errors allow, so that every problem is found in one run: a
     * schema error the reading can step over (a key the schema does not know, an optional value of
     * the wrong form) leaves the rest to be read and checked (identifiers, dates, pages, cross
     * references), and the article read can still go through the glyph preflight.
     *
     * @throws SeparataException (invalid input) when the file cannot be parsed at all
     */
    public static ReadAttempt attempt(byte[] content, String fileName, Optional<JournalProfiles> profiles) {
        DataFormat format = DataFormat.ofFileName(fileName).orElse(DataFormat.YAML);
        Node root = DataParser.parse(content, fileName, format);
        return attemptTree(root, fileName, profiles);
    }

    /** Reads an already parsed manifest tree. */
    public static ReadResult readTree(Node root, String fileName) {
        return readTree(root, fileName, Optional.empty());
    }

    /** Reads an already parsed manifest tree, with the journal profiles found for it. */
    public static ReadResult readTree(Node root, String fileName, Optional<JournalProfiles> profiles) {
        return attemptTree(root, fileName, profiles).orThrow();
    }

    private static ReadAttempt attemptTree(Node root, String fileName, Optional<JournalProfiles> profiles) {
        SchemaChecker.Result structural = Schema.CHECKER.checkAll(root);
        if (structural.usable().isEmpty()) {
            return ReadAttempt.failed(structural.problems());
        }
        ManifestReader r = new ManifestReader(profiles);
        Article article;
        try {
            article = r.bind((MapNode) structural.usable().get());
        } catch (RuntimeException e) {
            if (structural.problems().isEmpty()) {
                throw e; // the schema passed it: a bug in the reader, reported as one
            }
            // what the schema refused left nothing the reader could go on with
            return ReadAttempt.failed(structural.problems());
        }
        List<Diagnostic> errors = new ArrayList<>(structural.problems());
        errors.addAll(r.errors);
        Map<String, SourceLocation> index = new java.util.HashMap<>();
        indexNodes(root, index);
        return new ReadAttempt(Optional.of(new ReadResult(article, r.warnings, new SourceIndex(fileName, index),
                r.profile)), errors);
    }

    static void indexNodes(Node n, Map<String, SourceLocation> index) {
        index.put(n.path(), n.location());
        if (n instanceof MapNode m) {
            m.entries().values().forEach(c -> indexNodes(c, index));
        } else if (n instanceof ListNode l) {
            l.items().forEach(c -> indexNodes(c, index));
        }
    }

    /** The schema that manifests follow, as a parsed tree (for tools and tests). */
    public static SchemaChecker schema() {
        return Schema.CHECKER;
    }

    private Article bind(MapNode root) {
        Article.Builder b = Article.builder();
        b.journal = journal(root);

        map(root, "issue").ifPresent(issue -> b.issue = new Issue(string(issue, "volume"), string(issue, "number"),
                integer(issue, "year"), date(issue, "date")));

        Optional<MapNode> article = map(root, "article");
        article.ifPresent(a -> {
            b.doi = identifier(a, "doi", Doi::new);
            b.pages = pages(a);
            b.elocation = string(a, "elocation-id");
            b.section = string(a, "section");
            map(a, "dates").ifPresent(d -> {
                for (String type : List.of("received", "revised", "accepted", "published")) {
                    date(d, type).ifPresent(date -> b.history.add(new HistoryDate(type, date)));
                }
            });
        });

        List<Title> titles = new ArrayList<>();
        for (MapNode t : maps(root, "titles")) {
            titles.add(new Title(string(t, "lang").orElseThrow(), rich(t, "text").orElseThrow(), rich(t, "subtitle")));
        }
        String language = article.flatMap(a -> string(a, "language")).orElse(titles.get(0).lang());
        b.language = language;
        if (indexOfLang(titles, language) < 0) {
            warnings.add(Diagnostic.warning(root.get("titles").orElseThrow().location(),
                    "no title is in the article's language '" + language + "'",
                    "add the title in '" + language + "', or correct article.language"));
        }
        b.titles.addAll(titles);

        Set<String> affIds = new TreeSet<>();
        for (MapNode a : maps(root, "affiliations")) {
            String id = string(a, "id").orElseThrow();
            if (!affIds.add(id)) {
                errors.add(Diagnostic.error(a.get("id").orElseThrow().location(),
                        "the affiliation id '" + id + "' is used twice", "give each affiliation its own id"));
            }
            b.affiliations.add(new Affiliation(id, Optional.empty(), stringOrList(a, "institution"),
                    string(a, "address"), string(a, "city"), string(a, "country"), string(a, "country-code"),
                    Optional.empty(), string(a, "lang")));
        }
        Set<String> usedAffs = new TreeSet<>();
        for (MapNode a : maps(root, "authors")) {
            contributor(a, affIds, usedAffs).ifPresent(b.contributors::add);
        }
        for (MapNode a : maps(root, "affiliations")) {
            String id = string(a, "id").orElseThrow();
            if (!usedAffs.contains(id)) {
                warnings.add(Diagnostic.warning(a.location(), "no author points at the affiliation '" + id + "'",
                        "list it in an author's 'affiliations', or remove it"));
            }
        }
        for (Node n : list(root, "author-notes")) {
            b.authorNotes.add(rich((ScalarNode) n));
        }

        for (MapNode a : maps(root, "abstracts")) {
            List<Paragraph> paragraphs = new ArrayList<>();
            ScalarNode text = (ScalarNode) a.get("text").orElseThrow();
            for (String p : InlineMarkup.paragraphs(text.text())) {
                paragraphs.add(Paragraph.of(markup(p, text.location())));
            }
            b.abstracts.add(new Abstract(string(a, "lang").orElseThrow(), string(a, "title"), paragraphs));
        }
        for (MapNode k : maps(root, "keywords")) {
            List<RichText> terms = new ArrayList<>();
            for (Node t : list(k, "terms")) {
                terms.add(rich((ScalarNode) t));
            }
            b.keywords.add(new KeywordGroup(string(k, "lang").orElseThrow(), terms));
        }
        for (MapNode s : maps(root, "body")) {
            b.body.add(section(s));
        }
        for (MapNode n : maps(root, "notes")) {
            ScalarNode text = (ScalarNode) n.get("text").orElseThrow();
            List<Paragraph> paragraphs = new ArrayList<>();
            for (String p : InlineMarkup.paragraphs(text.text())) {
                paragraphs.add(Paragraph.of(markup(p, text.location())));
            }
            b.footnotes.add(new Footnote(Optional.empty(), string(n, "label"), paragraphs));
        }
        for (MapNode r : maps(root, "references")) {
            b.references.add(new Reference(Optional.empty(), string(r, "label"), rich(r, "text").orElseThrow(),
                    identifier(r, "doi", Doi::new), string(r, "url"), rich(r, "translation")));
        }
        b.howToCite = rich(root, "how-to-cite");
        b.license = map(root, "license").map(this::license).or(() -> profile.flatMap(JournalProfile::license));
        if (b.pages.isPresent() && b.elocation.isPresent()) {
            warnings.add(Diagnostic.warning(article.get().location(),
                    "both 'pages' and 'elocation-id' are given; the page numbers are used",
                    "keep only one of them"));
        }
        return b.build();
    }

    /**
     * The article's journal: the manifest's {@code journal} fields, with a journal profile's filling
     * the gaps. Without a title from either, an error.
     */
    private Journal journal(MapNode root) {
        Optional<MapNode> node = map(root, "journal");
        JournalParts own = node.map(this::journalParts).orElse(JournalParts.NONE);
        SourceLocation where = node.map(MapNode::location).orElse(root.location().withPath("journal"));
        profile = profiles.flatMap(p -> p.select(own, where, errors));
        JournalParts merged = profile.map(p -> JournalMerge.merge(own,
                field -> node.flatMap(j -> j.get(field)).map(Node::location).orElse(where), p, warnings))
                .orElse(own);
        return merged.complete().orElseGet(() -> {
            if (profiles.isEmpty()) {
                errors.add(Diagnostic.error(where, node.isPresent() ? "the journal has no title"
                                : "the article does not name its journal",
                        "add journal: with title: and the ISSNs, or put a journal profile (journal.yaml) next to "
                                + "the article, or give one with --journal FILE"));
            }
            return new Journal("?", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        });
    }

    /** The fields of a {@code journal:} map, in a manifest or a journal profile. */
    JournalParts journalParts(MapNode j) {
        return new JournalParts(string(j, "title"), string(j, "abbrev-title"), string(j, "publisher"),
                issn(j, "issn-print"), issn(j, "issn-online"), string(j, "url"));
    }

    /** A {@code license:} map, in a manifest or a journal profile. */
    License license(MapNode l) {
        return new License(string(l, "name"), string(l, "url"), string(l, "holder"), integer(l, "year"),
                rich(l, "text"));
    }

    private Optional<Contributor> contributor(MapNode a, Set<String> affIds, Set<String> usedAffs) {
        Optional<String> surname = string(a, "surname");
        Optional<String> group = string(a, "group");
        if (surname.isEmpty() == group.isEmpty()) {
            errors.add(Diagnostic.error(a.location(),
                    surname.isEmpty() ? "an author needs a 'surname' or a 'group'"
                            : "an author has both 'surname' and 'group'",
                    "give 'surname' (and 'given-names') for a person, or 'group' for a group author"));
            return Optional.empty();
        }
        Optional<PersonName> name = surname.map(s -> new PersonName(s, string(a, "given-names"),
                string(a, "prefix"), string(a, "suffix"), Optional.empty()));
        List<PersonName> alternatives = new ArrayList<>();
        for (MapNode n : maps(a, "names")) {
            alternatives.add(new PersonName(string(n, "surname").orElseThrow(), string(n, "given-names"),
                    Optional.empty(), Optional.empty(), string(n, "lang")));
        }
        List<String> affs = new ArrayList<>();
        for (Node n : list(a, "affiliations")) {
            String id = ((ScalarNode) n).text();
            if (!affIds.contains(id)) {
                errors.add(Diagnostic.error(n.location(), "no affiliation has the id '" + id + "'",
                        affIds.isEmpty() ? "add an 'affiliations' list with an entry whose id is '" + id + "'"
                                : "use one of: " + String.join(", ", affIds)));
            }
            usedAffs.add(id);
            affs.add(id);
        }
        return Optional.of(new Contributor(Contributor.Role.AUTHOR, name, group, alternatives,
                stringOrList(a, "degrees"), affs, string(a, "address"), string(a, "country"), string(a, "email"),
                identifier(a, "orcid", Orcid::new), rich(a, "bio"),
                a.get("corresponding").map(n -> ((ScalarNode) n).text().equals("true")).orElse(false), List.of()));
    }

    private Section section(MapNode s) {
        List<org.separata.model.Block> blocks = new ArrayList<>();
        s.get("text").map(ScalarNode.class::cast).ifPresent(text -> {
            for (String p : InlineMarkup.paragraphs(text.text())) {
                blocks.add(Paragraph.of(markup(p, text.location())));
            }
        });
        List<Section> subs = new ArrayList<>();
        for (MapNode sub : maps(s, "sections")) {
            subs.add(section(sub));
        }
        return new Section(rich(s, "title"), blocks, subs);
    }

    private Optional<PageRange> pages(MapNode a) {
        return a.get("pages").map(ScalarNode.class::cast).flatMap(n -> {
            Matcher m = PAGES.matcher(n.text());
            if (!m.matches()) {
                errors.add(Diagnostic.error(n.location(), "'" + n.text() + "' is not a page range",
                        "write the first and last page with a hyphen, e.g. 84-100, or one page number"));
                return Optional.empty();
            }
            if (m.group(1).length() > 6 || (m.group(2) != null && m.group(2).length() > 6)) {
                errors.add(Diagnostic.error(n.location(), "'" + n.text().strip() + "': page numbers go up to "
                        + PageRange.MAX_PAGE_NUMBER, "write the first and last page with a hyphen, e.g. 84-100"));
                return Optional.empty();
            }
            try {
                int first = Integer.parseInt(m.group(1));
                int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
                return Optional.of(new PageRange(first, last));
            } catch (IllegalArgumentException e) {
                boolean reversed = m.group(2) != null && new java.math.BigInteger(m.group(2))
                        .compareTo(new java.math.BigInteger(m.group(1))) < 0;
                errors.add(Diagnostic.error(n.location(), "'" + n.text() + "': " + e.getMessage(),
                        reversed ? "write the first page first: " + m.group(2) + "-" + m.group(1)
                                : "write the first and last page with a hyphen, e.g. 84-100"));
                return Optional.empty();
            }
        });
    }

    private <T> Optional<T> identifier(MapNode m, String key, Function<String, T> parse) {
        return identifier(m, key, parse, errors);
    }

    /** An identifier at {@code key}, parsed; a bad one is added to {@code errors} with its location. */
    static <T> Optional<T> identifier(MapNode m, String key, Function<String, T> parse, List<Diagnostic> errors) {
        return m.get(key).map(ScalarNode.class::cast).flatMap(n -> {
            try {
                return Optional.of(parse.apply(n.text()));
            } catch (InvalidIdentifierException e) {
                errors.add(Diagnostic.error(n.location(), e.getMessage(), e.hint()));
                return Optional.empty();
            }
        });
    }

    Optional<Issn> issn(MapNode m, String key) {
        return identifier(m, key, Issn::new);
    }

    private Optional<LocalDate> date(MapNode m, String key) {
        return m.get(key).map(ScalarNode.class::cast).flatMap(n -> {
            try {
                return Optional.of(LocalDate.parse(n.text()));
            } catch (DateTimeParseException e) {
                errors.add(Diagnostic.error(n.location(), "'" + n.text() + "' is not a valid date",
                        "write it as YYYY-MM-DD with a real month and day, e.g. 2021-12-30"));
                return Optional.empty();
            }
        });
    }

    private Optional<RichText> rich(MapNode m, String key) {
        return m.get(key).map(ScalarNode.class::cast).map(this::rich);
    }

    private RichText rich(ScalarNode n) {
        return markup(n.text(), n.location());
    }

    private RichText markup(String text, SourceLocation where) {
        try {
            return InlineMarkup.parse(text, where);
        } catch (SeparataException e) {
            errors.addAll(e.diagnostics());
            return RichText.of(InlineMarkup.normalizeSpace(text));
        }
    }

    private static int indexOfLang(List<Title> titles, String lang) {
        for (int i = 0; i < titles.size(); i++) {
            if (titles.get(i).lang().equals(lang)) {
                return i;
            }
        }
        return -1;
    }

    static Optional<String> string(MapNode m, String key) {
        return m.get(key).filter(n -> n instanceof ScalarNode s && !s.isNull())
                .map(n -> ((ScalarNode) n).text().strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<Integer> integer(MapNode m, String key) {
        return string(m, key).map(Integer::parseInt);
    }

    static Optional<MapNode> map(MapNode m, String key) {
        return m.get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    static List<Node> list(MapNode m, String key) {
        return m.get(key).filter(ListNode.class::isInstance).map(n -> ((ListNode) n).items()).orElse(List.of());
    }

    private static List<MapNode> maps(MapNode m, String key) {
        return list(m, key).stream().map(MapNode.class::cast).toList();
    }

    private static List<String> stringOrList(MapNode m, String key) {
        Optional<Node> n = m.get(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get() instanceof ListNode l) {
            return l.items().stream().map(i -> ((ScalarNode) i).text().strip()).filter(s -> !s.isEmpty()).toList();
        }
        return string(m, key).map(List::of).orElse(List.of());
    }

}
