package org.separata.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.Limit;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.finish.IssueFinisher;
import org.separata.finish.IssueLayout;
import org.separata.finish.OutlineItem;
import org.separata.layout.ImageKind;
import org.separata.layout.IssueFront;
import org.separata.layout.XhtmlDocument;
import org.separata.layout.XhtmlLayout;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Issue;
import org.separata.model.IssueManifest;
import org.separata.model.PageRange;
import org.separata.read.IssueManifestReader;
import org.separata.render.PdfBook;
import org.separata.render.RenderedPdf;
import org.separata.tags.Tag;

/**
 * The steps of an issue, on top of an article's ({@link Separata}): plan the issue, prepare its
 * articles as {@code render} prepares one (the same journal profiles, checks and layout rule),
 * decide the issue's layout, place each article at its pages in the issue, and assemble the issue
 * PDF. The scheduling (what runs when, in parallel, and what is written where) is
 * {@code batch.IssueBuilder}'s.
 */
public final class Issues {

    private final Separata separata;

    Issues(Separata separata) {
        this.separata = separata;
    }

    /**
     * Reads the issue manifest and decides what can be decided before the articles are read: their
     * files, whether they start on right-hand pages ({@code rectoStart} over the manifest's), and
     * the layout when {@code --layout} or the manifest's {@code layout:} names it. Every file the
     * manifest names (articles, cover, a layout folder) is relative to the issue file and must lie
     * inside {@code root} ({@code --root}), else inside the issue file's folder. The cover is read
     * and passes the image gate here, so that a cover that is no usable image fails before any
     * article is set.
     *
     * @throws SeparataException (invalid input) when the issue manifest is not valid, crosses a
     *                           limit, or names a file outside the root, or the cover is refused
     */
    public IssuePlan plan(Path issueFile, RenderOptions options, Optional<Boolean> rectoStart, Optional<Path> root) {
        World world = separata.world();
        byte[] bytes = world.readInput(issueFile, Limit.MANIFEST_MB);
        IssueManifest m = IssueManifestReader.read(bytes, issueFile.toString(), world.limits());
        ResourceRoot issueRoot = root.map(r -> ResourceRoot.folder(ResourceRoot.Role.ISSUE, r))
                .orElseGet(() -> ResourceRoot.folderOf(ResourceRoot.Role.ISSUE, issueFile));
        Path folder = folderOf(issueFile);
        Optional<LayoutChoice> layout = options.layout().map(LayoutChoice::option)
                .or(() -> m.layout().map(name -> {
                    SourceLocation where = SourceLocation.of(issueFile.toString()).withPath("layout");
                    return new LayoutChoice(separata.layouts().resolveIn(issueRoot, folder, name, where),
                            "the issue manifest " + issueFile, where);
                }));
        boolean recto = rectoStart.orElse(m.rectoStart());
        List<Path> articles = m.articles().stream().map(issueFile::resolveSibling).toList();
        Optional<byte[]> cover = m.coverImage().map(c -> {
            SourceLocation where = SourceLocation.of(issueFile.toString()).withPath("cover.image");
            byte[] image = world.read(issueRoot, folder, c, Limit.IMAGE_MB, where);
            ImageKind.check(image, issueFile.resolveSibling(c).toString(), where, ImageKind.LOGO, world.limits());
            return image;
        });
        // what decides how the articles come out, in words that are the same in every process and
        // folder (a journal profile counts by its content, in each article's digest)
        String how = String.join("\n", "layout=" + layout.map(LayoutChoice::name).orElse(""),
                "pdfa=" + options.standard(), "tags=" + options.tags(),
                "glyphs=" + options.allowMissingGlyphs(), "translations=" + options.includeTranslations(),
                "recto-start=" + recto);
        return new IssuePlan(issueFile, m, options, recto, articles, issueRoot,
                m.coverImage().map(issueFile::resolveSibling), cover, layout,
                Separata.digest(bytes, how.getBytes(StandardCharsets.UTF_8)));
    }

    /** The folder the issue file's names are relative to. */
    private static Path folderOf(Path issueFile) {
        return issueFile.toAbsolutePath().getParent();
    }

    /**
     * The files the build of an issue reads that are known before its articles are read: the
     * issue manifest, the article files, their journal profiles (or where they would be found),
     * the cover, and the files of a layout pack kept in a folder. An output may be none of them.
     */
    public List<Path> inputs(IssuePlan plan) {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        out.add(plan.file);
        for (Path a : plan.articles) {
            out.add(a);
            out.addAll(plan.options.journal().map(List::of).orElseGet(() -> List.of(
                    a.resolveSibling("journal.yaml"), a.resolveSibling("journal.json"))));
        }
        plan.cover.ifPresent(out::add);
        plan.layout.ifPresent(l -> out.addAll(separata.layoutFiles(l.name())));
        return List.copyOf(out);
    }

    /**
     * A digest of everything a build of the issue read: the issue manifest, how its articles are
     * rendered, and each article with its journal profile ({@code prepared}, in issue order; an
     * article that could not be read counts as empty). Two builds (two shards, say) with the same
     * digest paginate alike.
     */
    public String digest(IssuePlan plan, List<Optional<Prepared>> prepared) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(plan.digest.getBytes(StandardCharsets.US_ASCII));
        prepared.forEach(p -> parts.add(p.map(Prepared::digest).orElse("").getBytes(StandardCharsets.US_ASCII)));
        return Separata.digest(parts.toArray(new byte[0][]));
    }

    /**
     * Step 1 for article {@code index} of the issue: as {@code render} prepares it, in the issue's
     * layout if decided. The article file is read inside the issue's root.
     */
    public Prepared prepare(IssuePlan plan, int index) {
        Path file = plan.articles.get(index);
        return separata.prepare(file, () -> separata.world().read(plan.root, folderOf(plan.file),
                plan.manifest.articles().get(index), Limit.INPUT_MB, SourceLocation.of(file.toString())),
                plan.options, plan.layout);
    }

    /**
     * Decides the issue's layout once its articles are prepared, when neither {@code --layout}
     * nor the manifest named it: the one their journal profiles name, else the default. An issue
     * is set in one layout, so articles whose profiles name different layouts are an error.
     *
     * @throws SeparataException (invalid input) when the articles' profiles disagree
     */
    public IssuePlan settle(IssuePlan plan, List<Prepared> prepared) {
        if (plan.layout.isPresent()) {
            return plan;
        }
        Map<String, List<Prepared>> byLayout = new LinkedHashMap<>();
        prepared.forEach(p -> byLayout.computeIfAbsent(p.layoutChoice.name(), k -> new ArrayList<>()).add(p));
        if (byLayout.size() > 1) {
            String which = byLayout.values().stream().map(ps -> ps.get(0).layoutChoice.describe() + " for "
                    + ps.stream().map(Prepared::file).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            throw SeparataException.invalid(SourceLocation.of(plan.file.toString()),
                    "the articles would be set in different layouts: " + which,
                    "an issue is set in one layout; name it with layout: in the issue manifest or with --layout");
        }
        return plan.withLayout(byLayout.isEmpty() ? separata.layoutFor(Optional.empty())
                : byLayout.values().iterator().next().get(0).layoutChoice);
    }

    /**
     * The article as it appears in the issue: the issue's volume, number, year and date (the
     * article's own where the issue gives none), and {@code pages}. Where the article file says
     * otherwise, a warning.
     */
    public Prepared place(IssuePlan plan, Prepared p, PageRange pages) {
        Article own = p.read.article();
        IssueManifest issue = plan.manifest;
        List<Diagnostic> warnings = new ArrayList<>();
        conflict(p, "issue.volume", own.issue().volume(), issue.issue().volume(), warnings);
        conflict(p, "issue.number", own.issue().number(), issue.issue().number(), warnings);
        conflict(p, "issue.year", own.issue().year(), issue.issue().year(), warnings);
        conflict(p, "journal.issn-print", own.journal().printIssn(), issue.journal().printIssn(), warnings);
        conflict(p, "journal.issn-online", own.journal().onlineIssn(), issue.journal().onlineIssn(), warnings);
        if (own.pages().isPresent() && !own.pages().get().equals(pages)) {
            warnings.add(Diagnostic.warning(p.read.sources().locate("article.pages"),
                    "the article gives its pages as " + own.pages().get().display() + ", but in this issue they are "
                            + pages.display(),
                    "the offprint and the issue use " + pages.display() + "; correct the article file"));
        }
        Article.Builder b = p.article.toBuilder();
        Issue theirs = issue.issue();
        Issue mine = p.article.issue();
        b.issue = new Issue(theirs.volume().or(mine::volume), theirs.number().or(mine::number),
                theirs.year().or(mine::year), theirs.date().or(mine::date));
        b.pages = Optional.of(pages);
        return p.placed(b.build(), warnings);
    }

    private static <T> void conflict(Prepared p, String field, Optional<T> own, Optional<T> issue,
                                     List<Diagnostic> warnings) {
        if (own.isPresent() && issue.isPresent() && !own.get().equals(issue.get())) {
            warnings.add(Diagnostic.warning(p.read.sources().locate(field),
                    "the article says " + own.get() + ", the issue says " + issue.get(),
                    "the issue's value is used; correct one of the files"));
        }
    }

    /**
     * The issue PDF: cover, contents and front matter, then the articles as placed, each laid out
     * by one renderer into one PDF (so they share font subsets), finished with page labels, an
     * outline and contents links. {@code done} hears of each part as it is written (name, detail).
     * {@code provisional}: its page numbers come from an incomplete issue, and its title says so.
     */
    public byte[] assemble(IssuePlan plan, List<IssueEntry> entries, boolean provisional,
                           BiConsumer<String, String> done) {
        LayoutChoice choice = plan.layout.orElseThrow(() -> new IllegalStateException("the issue's layout is not settled"));
        XhtmlLayout layout = separata.layouts().get(choice.name(), choice.where());
        List<IssueFront.Entry> contents = new ArrayList<>();
        for (IssueEntry e : entries) {
            Article a = e.placed().article;
            PageRange r = a.pages().orElseThrow();
            contents.add(new IssueFront.Entry(a.mainTitle().title(),
                    String.join(", ", a.authors().stream().map(Contributor::bylineName).toList()),
                    r.first(), r.last(), a.section().orElse(""), "toc-" + contents.size(), a.mainTitle().lang()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        List<IssueLayout.ArticlePlace> places = new ArrayList<>();
        List<IssueLayout.ContentsLink> links = new ArrayList<>();
        int frontPages;
        Optional<Tag> frontTags;
        try (PdfBook book = new PdfBook(out, new ArrayList<>(new LinkedHashSet<>(layout.pack().fonts().values())),
                plan.options.tags())) {
            frontPages = book.add(layout.layoutIssue(new IssueFront(plan.manifest, contents, plan.coverImage)));
            frontTags = book.tags();
            for (RenderedPdf.Anchor anchor : book.anchors("^toc-\\d+$")) {
                links.add(new IssueLayout.ContentsLink(anchor.pageIndex(), anchor.left(), anchor.bottom(),
                        anchor.width(), anchor.height(), Integer.parseInt(anchor.id().substring(4))));
            }
            done.accept("cover and contents", frontPages + " pages");
            for (IssueEntry e : entries) {
                XhtmlDocument xhtml = separata.typeset(e.placed()).xhtml;
                int pages = book.add(xhtml);
                List<OutlineItem> outline = Separata.outline(xhtml, book.outlineAnchors(xhtml), new ArrayList<>());
                places.add(new IssueLayout.ArticlePlace(e.placed().article.mainTitle().title().plain(), pages,
                        e.blankBefore(), outline, book.tags()));
                done.accept(e.placed().file, e.placed().article.pages().orElseThrow().display());
            }
        }
        return new IssueFinisher(separata.finisher()).finish(out.toByteArray(),
                Metadata.issue(plan.manifest, entries.stream().map(e -> e.placed().article).toList(), provisional,
                        separata.world().sourceDateEpoch()),
                new IssueLayout(frontPages, plan.manifest.firstPage(), places, links, frontTags),
                plan.options.standard());
    }
}
