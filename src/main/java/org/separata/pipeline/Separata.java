package org.separata.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.Limit;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.finish.OutlineItem;
import org.separata.finish.PdfFinisher;
import org.separata.finish.PdfMetadata;
import org.separata.fonts.FontCatalog;
import org.separata.layout.GlyphPreflight;
import org.separata.layout.Layouts;
import org.separata.layout.OutlineEntry;
import org.separata.layout.Presentation;
import org.separata.layout.XhtmlDocument;
import org.separata.layout.XhtmlLayout;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Doi;
import org.separata.model.Issn;
import org.separata.model.KeywordGroup;
import org.separata.model.RichText;
import org.separata.model.Title;
import org.separata.read.ArticleLimits;
import org.separata.read.InputReader;
import org.separata.read.JournalProfile;
import org.separata.read.JournalProfileReader;
import org.separata.read.JournalProfiles;
import org.separata.read.ReadResult;
import org.separata.render.PdfRenderer;
import org.separata.render.RenderedPdf;

/**
 * The pipeline, read → preflight → layout → render → finish, with everything that is loaded once
 * per process (fonts, layout packs, templates). One instance serves any number of renders, from
 * any number of threads.
 */
public final class Separata {

    private final World world;
    private final Layouts layouts;
    private final PdfFinisher finisher;

    public Separata(World world) {
        this.world = world;
        this.layouts = new Layouts(world, new FontCatalog(world));
        this.finisher = new PdfFinisher(world.resource(ResourceRoot.classpath("color"), "sRGB.icc")
                .orElseThrow(() -> new IllegalStateException("the built-in colour profile color/sRGB.icc is missing")));
    }

    public World world() {
        return world;
    }

    public Layouts layouts() {
        return layouts;
    }

    public PdfFinisher finisher() {
        return finisher;
    }

    /**
     * Loads everything a render with {@code layout} needs (pack, templates, fonts, the renderer's
     * and finisher's classes) ahead of time. A one-shot command runs this on a second thread
     * while it reads the input; errors are left for the real run to report.
     */
    public void warmUp(String layout) {
        try {
            XhtmlLayout l = layouts.get(layout);
            l.warmUp();
            PdfRenderer.warmUp(new ArrayList<>(new java.util.LinkedHashSet<>(l.pack().fonts().values())));
            finisher.warmUp();
        } catch (RuntimeException e) {
            // the real render reports whatever went wrong, with its context
        }
    }

    /** Reads a manifest or JATS file, with the journal profile next to it, if any. */
    public ReadResult read(Path input) {
        return read(input, Optional.empty());
    }

    /**
     * Reads a manifest or JATS file with its journal profile: {@code journal} if given, else
     * {@code journal.yaml} (or {@code journal.json}) next to the input, if there is one.
     */
    public ReadResult read(Path input, Optional<Path> journal) {
        Optional<JournalProfiles> profiles = journalProfile(input, journal)
                .map(p -> JournalProfileReader.read(world.readInput(p, Limit.MANIFEST_MB), p.toString()));
        return InputReader.read(world.readInput(input), input.toString(), profiles, world.limits());
    }

    /** The journal profile an input uses: the one given, else the one next to it, if any. */
    public Optional<Path> journalProfile(Path input, Optional<Path> given) {
        return given.or(() -> profileCandidates(input).stream().filter(world::exists).findFirst());
    }

    private static List<Path> profileCandidates(Path input) {
        return List.of(input.resolveSibling(JournalProfileReader.FILE_NAME), input.resolveSibling("journal.json"));
    }

    /** Reads and renders one file into a finished offprint (nothing is written). */
    public Offprint render(Path input, RenderOptions options) {
        return render(read(input, options.journal()), options);
    }

    /**
     * The files a render of {@code input} depends on: the input, its journal profile (or where one
     * would be found), the profile's logo, and the files of a layout pack kept in a folder. A
     * watch re-renders when one of them changes.
     */
    public List<Path> dependencies(Path input, RenderOptions options) {
        List<Path> out = new ArrayList<>();
        out.add(input);
        out.addAll(options.journal().map(List::of).orElseGet(() -> profileCandidates(input)));
        Optional<JournalProfile> profile = readProfile(input, options);
        profile.flatMap(JournalProfile::logoPath).ifPresent(out::add);
        Optional<String> layout = options.layout().or(() -> profile.flatMap(this::profileLayout));
        layout.flatMap(layouts::folder).ifPresent(dir -> out.addAll(world.filesUnder(dir)));
        return out;
    }

    private Optional<JournalProfile> readProfile(Path input, RenderOptions options) {
        try {
            return read(input, options.journal()).profile();
        } catch (SeparataException e) {
            return Optional.empty(); // a broken input or profile is reported by the render itself
        }
    }

    /**
     * The layout an article is set with: the one the options name, else its journal profile's,
     * else {@value RenderOptions#DEFAULT_LAYOUT}.
     */
    public XhtmlLayout layoutFor(ReadResult read, RenderOptions options) {
        Optional<JournalProfile> profile = read.profile();
        return options.layout().map(layouts::get)
                .or(() -> profile.flatMap(p -> profileLayout(p)
                        .map(name -> layouts.get(name, p.location("layout")))))
                .orElseGet(() -> layouts.get(RenderOptions.DEFAULT_LAYOUT));
    }

    /** What the journal profile adds to the page: its logo and its citation style. */
    private Presentation presentation(ReadResult read) {
        Optional<JournalProfile> profile = read.profile();
        return new Presentation(profile.flatMap(this::logo), profile.flatMap(JournalProfile::citation));
    }

    /**
     * The profile's layout: a built-in pack's name, or a path to a folder inside the profile's
     * folder (a bare name is never a folder, so no folder shadows a built-in pack).
     */
    private Optional<String> profileLayout(JournalProfile p) {
        return p.layout().map(name -> layouts.resolveIn(profileFolder(p), name, p.location("layout")));
    }

    private static ResourceRoot profileFolder(JournalProfile p) {
        return ResourceRoot.folderOf(ResourceRoot.Role.PROFILE, Path.of(p.file()));
    }

    /** The profile's logo, read; a logo that is not there is an error at the profile's line. */
    private Optional<Presentation.Logo> logo(JournalProfile p) {
        return p.logo().map(name -> {
            Path path = world.locate(profileFolder(p), name, p.location("logo"));
            if (!world.exists(path)) {
                throw SeparataException.invalid(p.location("logo"), "the logo '" + p.logo().orElseThrow()
                        + "' is not there (looked for " + path + ")",
                        "the path is relative to the journal profile's folder; correct it or add the image");
            }
            return new Presentation.Logo(world.read(profileFolder(p), name, Limit.IMAGE_MB, p.location("logo")),
                    name, p.location("logo"));
        });
    }

    /**
     * Checks every character of the article against the layout's fonts: throws (invalid input)
     * when some are missing, or returns them as warnings when that is allowed.
     */
    public List<Diagnostic> preflight(ReadResult read, RenderOptions options) {
        XhtmlLayout layout = layoutFor(read, options);
        List<Diagnostic> glyphs = GlyphPreflight.check(printed(read, options, new ArrayList<>()), layout.pack(),
                read.sources(),
                options.allowMissingGlyphs());
        if (!options.allowMissingGlyphs() && !glyphs.isEmpty()) {
            throw new SeparataException(ExitCode.INVALID_INPUT, glyphs);
        }
        return glyphs;
    }

    /** Renders an article that has been read. */
    public Offprint render(ReadResult read, RenderOptions options) {
        XhtmlLayout layout = layoutFor(read, options);
        Presentation presentation = presentation(read);
        List<Diagnostic> warnings = new ArrayList<>(read.warnings());
        if (layout.pack().rectoStart() && read.article().firstPageNumber() % 2 == 0) {
            warnings.add(Diagnostic.warning(read.sources().locate("article.pages"),
                    "the layout '" + layout.pack().name() + "' starts articles on a right-hand page, but this one "
                            + "starts on page " + read.article().firstPageNumber() + ", a left-hand page",
                    "check the page range, or use a layout without recto-start"));
        }
        Article article = printed(read, options, warnings);
        warnings.addAll(preflight(read, options));
        XhtmlDocument xhtml = layout.layout(article, presentation);
        RenderedPdf rendered = PdfRenderer.render(xhtml);
        ArticleLimits.checkPages(rendered.pageCount(), world.limits(), read.sources().locate(""));
        warnings.addAll(rendered.warnings());
        List<OutlineItem> outline = outline(xhtml, rendered, warnings);
        byte[] pdf = finisher.finish(rendered.bytes(), metadata(article, layout.howToCite(article, presentation),
                world.sourceDateEpoch()), outline, options.standard());
        return new Offprint(pdf, rendered.pageCount(), article, warnings);
    }

    /**
     * Checks a manifest or JATS file without rendering: everything the reader finds (identifiers,
     * missing fields, structure), and every character the layout's fonts lack, each with its
     * location. Only a missing file, a bad layout or a bug end it early (as an exception).
     */
    public Validation validate(Path input, RenderOptions options) {
        ReadResult read;
        try {
            read = read(input, options.journal());
        } catch (SeparataException e) {
            if (e.exitCode() != ExitCode.INVALID_INPUT) {
                throw e;
            }
            return new Validation(e.diagnostics());
        }
        XhtmlLayout layout = layoutFor(read, options);
        List<Diagnostic> found = new ArrayList<>(read.warnings());
        Article article = printed(read, options, found);
        found.addAll(GlyphPreflight.check(article, layout.pack(), read.sources(), false));
        return new Validation(found);
    }

    /** The article as the offprint prints it: its translations only when asked for. */
    private static Article printed(ReadResult read, RenderOptions options, List<Diagnostic> warnings) {
        Article a = read.article();
        if (options.includeTranslations() || a.translations().isEmpty()) {
            return a;
        }
        for (int i = 0; i < a.translations().size(); i++) {
            warnings.add(Diagnostic.warning(read.sources().locate("translations[" + i + "]"),
                    "the translation into '" + a.translations().get(i).lang() + "' is left out of the offprint",
                    "render with --include-translations to print it after the article"));
        }
        return a.withoutTranslations();
    }

    /** Lays the article out without writing a PDF and returns its page count (for pagination). */
    public int countPages(ReadResult read, RenderOptions options) {
        return ArticleLimits.checkPages(PdfRenderer.countPages(xhtml(read, options)), world.limits(),
                read.sources().locate(""));
    }

    /** The article's XHTML as the layout makes it (for assembling an issue). */
    public XhtmlDocument xhtml(ReadResult read, RenderOptions options) {
        return layoutFor(read, options).layout(printed(read, options, new ArrayList<>()), presentation(read));
    }

    /**
     * The outline: the layout's entries, placed where the renderer laid out their targets. An entry
     * whose target the template did not mark is left out, with a warning.
     */
    static List<OutlineItem> outline(XhtmlDocument xhtml, RenderedPdf rendered, List<Diagnostic> warnings) {
        return outline(xhtml, rendered.anchors(), warnings);
    }

    /** The outline of {@code xhtml}, placed at {@code anchors} (page indices within that document). */
    public static List<OutlineItem> outline(XhtmlDocument xhtml, List<RenderedPdf.Anchor> anchors,
                                            List<Diagnostic> warnings) {
        List<OutlineItem> items = new ArrayList<>();
        for (OutlineEntry e : xhtml.outline()) {
            Optional<RenderedPdf.Anchor> at = anchors.stream().filter(a -> a.id().equals(e.id())).findFirst();
            if (at.isPresent()) {
                items.add(new OutlineItem(e.title(), e.level(), at.get().pageIndex(), at.get().top()));
            } else {
                warnings.add(Diagnostic.warning(SourceLocation.of("layout " + xhtml.packName()),
                        "the outline leaves out '" + e.title() + "': no element has the id '" + e.id() + "'",
                        "put the entry's anchor on the element it points to, as layouts/classic/article.ftlx does"));
            }
        }
        return items;
    }

    /**
     * The finisher's metadata, from the article. {@code sourceDateEpoch}, if set, is the file's date;
     * else the publication date is; the clock never is.
     */
    static PdfMetadata metadata(Article a, RichText citation, Optional<Instant> sourceDateEpoch) {
        Title main = a.mainTitle();
        PdfMetadata.Builder m = PdfMetadata.builder(a.language(), main.full());
        a.titles().stream().filter(t -> t != main).forEach(t -> m.title(t.lang(), t.full()));
        m.creators(a.authors().stream().map(Contributor::displayName).toList());
        a.abstracts().stream().filter(ab -> ab.lang().equals(a.language()))
                .forEach(ab -> m.abstractText(ab.lang(), ab.plain()));
        a.abstracts().stream().filter(ab -> !ab.lang().equals(a.language()))
                .forEach(ab -> m.abstractText(ab.lang(), ab.plain()));
        m.keywords(a.keywords().stream().filter(k -> k.lang().equals(a.language()))
                .findFirst().or(() -> a.keywords().stream().findFirst())
                .map(KeywordGroup::keywords).orElse(List.of()).stream().map(RichText::plain).toList());
        m.citation(citation.plain());
        m.doi(a.doi().map(Doi::value));
        m.publisher(a.journal().publisher());
        m.journal(Optional.of(a.journal().title()));
        m.issn(a.journal().printIssn().map(Issn::value), a.journal().onlineIssn().map(Issn::value));
        m.issue(a.issue().volume(), a.issue().number(),
                a.issue().date().map(LocalDate::toString).or(() -> a.issue().year().map(String::valueOf)));
        m.pages(a.pages().map(p -> String.valueOf(p.first())), a.pages().map(p -> String.valueOf(p.last())));
        m.published(a.publicationDate());
        a.license().ifPresent(l -> {
            String statement = Stream.of(l.copyrightLine(), l.text().map(RichText::plain).or(l::name))
                    .flatMap(Optional::stream).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(" "));
            m.rights(statement.isEmpty() ? Optional.empty() : Optional.of(statement), l.url());
        });
        m.fileDate(sourceDateEpoch.or(() -> a.publicationDate().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())));
        // An article with an e-location and no pages is numbered from 1, each label prefixed with
        // the e-location: e2021043-1, e2021043-2, …
        m.pageLabels(a.firstPageNumber(), a.pages().isEmpty() ? a.elocation().map(e -> e + "-") : Optional.empty());
        return m.build();
    }

}
