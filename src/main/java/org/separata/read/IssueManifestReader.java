package org.separata.read;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.Node;
import org.separata.data.Node.MapNode;
import org.separata.data.Node.ScalarNode;
import org.separata.data.SchemaChecker;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceIndex;
import org.separata.diag.SourceLocation;
import org.separata.env.Limit;
import org.separata.env.Limits;
import org.separata.env.World;
import org.separata.model.Issn;
import org.separata.model.Issue;
import org.separata.model.IssueManifest;
import org.separata.model.Journal;
import org.separata.model.Paragraph;

/**
 * Reads an issue manifest ({@code issue.yaml} or {@code .json}), checked against
 * {@code schema/issue.schema.json}; all problems are reported at once with line and field.
 */
public final class IssueManifestReader {

    private static final class Schema {
        static final SchemaChecker CHECKER = SchemaChecker.builtIn("issue.schema.json");
    }

    private IssueManifestReader() {
    }

    public static IssueManifest read(byte[] content, String fileName) {
        return read(content, fileName, Limits.DEFAULT);
    }

    /** Reads an issue manifest within {@code limits}; see {@link #readLocated}. */
    public static IssueManifest read(byte[] content, String fileName, Limits limits) {
        return readLocated(content, fileName, limits).manifest();
    }

    /** An issue manifest as read, and where each of its fields is in its file ({@code articles[2]}). */
    public record Located(IssueManifest manifest, SourceIndex sources) {
    }

    /**
     * Reads an issue manifest within {@code limits} (at most {@link Limit#ISSUE_ARTICLES} articles),
     * keeping where each field is, so that a problem with an article names its line. Every file it
     * names (articles, cover, a layout folder) must be a path relative to the issue's folder.
     */
    public static Located readLocated(byte[] content, String fileName, Limits limits) {
        InputText.check(content, fileName, false);
        DataParser.checkSize(content, fileName, limits);
        Node root = DataParser.parse(content, fileName, DataFormat.ofFileName(fileName).orElse(DataFormat.YAML));
        List<Diagnostic> errors = new ArrayList<>(Schema.CHECKER.check(root));
        if (!errors.isEmpty()) {
            throw SeparataException.invalid(errors);
        }
        MapNode m = (MapNode) root;
        MapNode j = (MapNode) m.get("journal").orElseThrow();
        Journal journal = new Journal(text(j, "title").orElseThrow(), text(j, "abbrev-title"), text(j, "publisher"),
                ManifestReader.identifier(j, "issn-print", Issn::new, errors),
                ManifestReader.identifier(j, "issn-online", Issn::new, errors), text(j, "url"));
        Optional<LocalDate> date = text(m, "date").flatMap(d -> {
            try {
                return Optional.of(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
                errors.add(Diagnostic.error(m.get("date").orElseThrow().location(), "'" + d + "' is not a valid date",
                        "write it as YYYY-MM-DD, e.g. 2021-12-30"));
                return Optional.empty();
            }
        });
        Issue issue = new Issue(text(m, "volume"), text(m, "number"), text(m, "year").map(Integer::parseInt), date);
        List<IssueManifest.FrontMatter> front = new ArrayList<>();
        for (Node n : ManifestReader.list(m, "front-matter")) {
            MapNode f = (MapNode) n;
            ScalarNode body = (ScalarNode) f.get("text").orElseThrow();
            List<Paragraph> paragraphs = new ArrayList<>();
            try {
                for (String p : InlineMarkup.paragraphs(body.text())) {
                    paragraphs.add(Paragraph.of(InlineMarkup.parse(p, body.location())));
                }
                ScalarNode title = (ScalarNode) f.get("title").orElseThrow();
                front.add(new IssueManifest.FrontMatter(InlineMarkup.parse(title.text(), title.location()), paragraphs,
                        text(f, "signature")));
            } catch (SeparataException e) {
                errors.addAll(e.diagnostics());
            }
        }
        List<String> articles = new ArrayList<>();
        for (Node n : ManifestReader.list(m, "articles")) {
            String path = ((ScalarNode) n).text().strip();
            if (!World.isRelativeName(path)) {
                errors.add(Diagnostic.error(n.location(), "'" + path + "' is not a relative path",
                        "give article files relative to the issue file, with forward slashes"));
            } else if (articles.contains(path)) {
                errors.add(Diagnostic.error(n.location(), "'" + path + "' is listed twice",
                        "each article appears once in an issue"));
            }
            articles.add(path);
        }
        long maxArticles = limits.get(Limit.ISSUE_ARTICLES);
        if (articles.size() > maxArticles) {
            errors.add(Diagnostic.error(m.get("articles").orElseThrow().location(), "the issue lists " + articles.size()
                    + " articles, more than the limit of " + maxArticles + " (" + Limit.ISSUE_ARTICLES.key() + ")",
                    "split it into several issues, or " + Limit.ISSUE_ARTICLES.raiseHint(articles.size())));
        }
        m.get("cover").map(MapNode.class::cast).flatMap(c -> c.get("image")).map(ScalarNode.class::cast)
                .filter(n -> !World.isRelativeName(n.text().strip()))
                .ifPresent(n -> errors.add(Diagnostic.error(n.location(), "'" + n.text().strip()
                        + "' is not a relative path", "give the cover image relative to the issue file")));
        m.get("layout").map(ScalarNode.class::cast)
                .filter(n -> World.namesFolder(n.text().strip()) && !World.isRelativeName(n.text().strip()))
                .ifPresent(n -> errors.add(Diagnostic.error(n.location(), "'" + n.text().strip()
                        + "' is not a path relative to the issue's folder", "name a built-in pack (classic) or a "
                        + "folder inside the issue's folder (./mypack); --layout takes any folder")));
        if (!errors.isEmpty()) {
            throw SeparataException.invalid(errors);
        }
        Optional<String> cover = m.get("cover").map(MapNode.class::cast).flatMap(c -> text(c, "image"));
        boolean recto = m.get("recto-start").map(n -> ((ScalarNode) n).text().equals("true")).orElse(false);
        java.util.Map<String, SourceLocation> index = new java.util.HashMap<>();
        ManifestReader.indexNodes(root, index);
        return new Located(new IssueManifest(journal, issue, text(m, "title"),
                Integer.parseInt(text(m, "first-page").orElseThrow()), recto, text(m, "layout"), cover, front, articles,
                text(m, "language").map(String::strip)), new SourceIndex(fileName, index));
    }

    private static Optional<String> text(MapNode m, String key) {
        return ManifestReader.string(m, key);
    }
}
