package org.separata.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.Limit;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.finish.OutlineItem;
import org.separata.finish.PdfFinisher;
import org.separata.fonts.FontCatalog;
import org.separata.fonts.FontFamily;
import org.separata.fonts.FontFinder;
import org.separata.fonts.Scripts;
import org.separata.layout.FigureImages;
import org.separata.layout.FontFallbacks;
import org.separata.layout.GlyphPreflight;
import org.separata.layout.LayoutPack;
import org.separata.layout.Layouts;
import org.separata.layout.OutlineEntry;
import org.separata.layout.Presentation;
import org.separata.layout.XhtmlDocument;
import org.separata.layout.XhtmlLayout;
import org.separata.model.Article;
import org.separata.model.PageRange;
import org.separata.read.ArticleLimits;
import org.separata.read.InputKind;
import org.separata.read.InputReader;
import org.separata.read.ReadAttempt;
import org.separata.read.JournalProfile;
import org.separata.read.JournalProfileReader;
import org.separata.read.JournalProfiles;
import org.separata.read.ReadResult;
import org.separata.render.PdfRenderer;
import org.separata.render.RenderedPdf;

/**
 * The one way from an article to a PDF, in four explicit steps, with everything that is loaded
 * once per process (fonts, layout packs, templates). One instance serves any number of renders,
 * from any number of threads; {@code render}, {@code validate} and {@code issue} all go through it.
 *
 * <ol>
 *   <li>{@link #prepare}: read the input, find and apply its journal profile, decide the layout
 *       ({@link #layoutFor}), keep or leave out the translations, check every character against
 *       the layout's fonts → {@link Prepared}. {@link #at} and {@link Issues#place} place a
 *       prepared article at other pages.</li>
 *   <li>{@link #typeset}: fill the layout's templates → {@link Typeset} (XHTML);
 *       {@link #countPages} lays it out only to count its pages.</li>
 *   <li>{@link #render(Typeset)}: lay out and draw the PDF → {@link Rendered}.</li>
 *   <li>{@link #finish}: make it an archival file with its metadata ({@link Metadata}) and
 *       outline → {@link Offprint}.</li>
 * </ol>
 * An issue's steps (its plan, placing articles in it, assembling its PDF) are in {@link #issues()}.
 */
public final class Separata {

    /** How often a page count may change before pagination gives up (see {@link #render(Prepared)}). */
    static final int MAX_REPAGINATIONS = 3;

    private final World world;
    private final Layouts layouts;
    /** Made on first use, so that commands that write no PDF never load PDFBox. */
    private volatile PdfFinisher finisher;
    private final Issues issues;
    private final FontCatalog fonts;
    private final FontFinder fontFinder;

    public Separata(World world) {
        this.world = world;
        this.fonts = new FontCatalog(world);
        this.fontFinder = new FontFinder(world);
        this.layouts = new Layouts(world, fonts);
        this.issues = new Issues(this);
    }

    public World world() {
        return world;
    }

    public Layouts layouts() {
        return layouts;
    }

    PdfFinisher finisher() {
        PdfFinisher f = finisher;
        if (f == null) {
            synchronized (this) {
                f = finisher;
                if (f == null) {
                    f = new PdfFinisher(world.resource(ResourceRoot.classpath("color"), "sRGB.icc").orElseThrow(
                            () -> new IllegalStateException("the built-in colour profile color/sRGB.icc is missing")));
                    finisher = f;
                }
            }
        }
        return f;
    }

    /** The steps of an issue: its plan, placing an article in it, assembling its PDF. */
    public Issues issues() {
        return issues;
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
            PdfRenderer.warmUp(new ArrayList<>(new LinkedHashSet<>(l.pack().fonts().values())));
            finisher().warmUp();
        } catch (RuntimeException e) {
            // the real render reports whatever went wrong, with its context
        }
    }

    // ---- 1. prepare ---------------------------------------------------------------------------------

    /** Reads a manifest or JATS file, with the journal profile next to it, if any. */
    public ReadResult read(Path input) {
        return read(input, Optional.empty());
    }

    /**
     * Reads a manifest or JATS file with its journal profile: {@code journal} if given, else
     * {@code journal.yaml} (or {@code journal.json}) next to the input, if there is one.
     */
    public ReadResult read(Path input, Optional<Path> journal) {
        return readAll(input, journal).read();
    }

    /**
     * What one read took in: the article as far as it could be read with every error found, the
     * files read, and a digest of the bytes of the input and its profile.
     */
    private record Read(ReadAttempt attempt, List<Path> files, String digest) {
        /** The article, when nothing was wrong with it. */
        ReadResult read() {
            return attempt.orThrow();
        }
    }

    private Read readAll(Path input, Optional<Path> journal) {
        return readAll(input, journal, () -> world.readInput(input));
    }

    /** Like {@link #readAll(Path, Optional)}, the input's bytes read by {@code content} (an issue's, in its root). */
    private Read readAll(Path input, Optional<Path> journal, Supplier<byte[]> content) {
        Optional<Path> profilePath = journalProfile(input, journal);
        return readContent(content, input.toString(), Optional.of(input), profilePath);
    }

    /**
     * Reads an article's bytes, named {@code name} in messages, with the journal profile at
     * {@code profilePath} if there is one. {@code input}: the file the bytes come from, if any.
     */
    private Read readContent(Supplier<byte[]> content, String name, Optional<Path> input,
                             Optional<Path> profilePath) {
        byte[] profileBytes = profilePath.map(p -> world.readInput(p, Limit.MANIFEST_MB)).orElse(new byte[0]);
        Optional<JournalProfiles> profiles = profilePath.map(p -> JournalProfileReader.read(profileBytes, p.toString()));
        byte[] bytes = content.get();
        ReadAttempt attempt = InputReader.attempt(bytes, name, profiles, world.limits());
        List<Path> files = new ArrayList<>();
        input.ifPresent(files::add);
        profilePath.ifPresent(files::add);
        attempt.read().flatMap(ReadResult::profile).flatMap(JournalProfile::logoPath).ifPresent(files::add);
        return new Read(attempt, files, digest(bytes, profileBytes));
    }

    /** The journal profile an input uses: the one given, else the one next to it, if any. */
    public Optional<Path> journalProfile(Path input, Optional<Path> given) {
        return given.or(() -> profileCandidates(input).stream().filter(world::exists).findFirst());
    }

    private static List<Path> profileCandidates(Path input) {
        return List.of(input.resolveSibling(JournalProfileReader.FILE_NAME), input.resolveSibling("journal.json"));
    }

    /**
     * Step 1: reads {@code input} with its journal profile, decides its layout, and checks it.
     *
     * @throws SeparataException (invalid input) when it cannot be read, or characters are missing
     *                           from the fonts and that is not allowed
     */
    public Prepared prepare(Path input, RenderOptions options) {
        return prepare(input, () -> world.readInput(input), options, options.layout().map(LayoutChoice::option));
    }

    /** Step 1 for an input read elsewhere (a manifest given as text, say). */
    public Prepared prepare(ReadResult read, RenderOptions options) {
        return prepare(read.sources().file(), read, options, options.layout().map(LayoutChoice::option), List.of(),
                digest());
    }

    /**
     * Step 1 with the input's bytes read by {@code content} (an issue's article, inside the issue's
     * root) and the layout decided by the caller (an issue's), if it is.
     */
    Prepared prepare(Path input, Supplier<byte[]> content, RenderOptions options, Optional<LayoutChoice> layout) {
        Read r = readAll(input, options.journal(), content);
        return prepare(input.toString(), r.attempt(), options, layout, r.files(), r.digest());
    }

    /**
     * Step 1 for an article's bytes from elsewhere (standard input), named {@code name} in
     * messages: its journal profile is only the one {@code --journal} gives, and its figures are
     * looked for in no folder.
     */
    public Prepared prepare(byte[] content, String name, RenderOptions options) {
        Read r = readContent(() -> content, name, Optional.empty(), options.journal());
        return prepare(name, r.attempt(), options, options.layout().map(LayoutChoice::option), r.files(), r.digest());
    }

    private Prepared prepare(String file, ReadResult read, RenderOptions options, Optional<LayoutChoice> layout,
                             List<Path> inputs, String digest) {
        return prepare(file, ReadAttempt.of(read), options, layout, inputs, digest);
    }

    /**
     * Checks what was read and, when nothing is wrong, gives the prepared article. When reading
     * found errors, the checks still run on what could be read, so that every problem is reported
     * in one run (a key typo, an ISSN's check digit and a character no font has, together).
     */
    private Prepared prepare(String file, ReadAttempt attempt, RenderOptions options, Optional<LayoutChoice> layout,
                             List<Path> inputs, String digest) {
        if (!attempt.errors().isEmpty()) {
            List<Diagnostic> errors = new ArrayList<>(attempt.errors());
            checksOnPartial(attempt, options, layout, options.allowMissingGlyphs()).stream()
                    .filter(Diagnostic::isError).forEach(errors::add);
            throw SeparataException.invalid(Validation.inOrder(errors));
        }
        ReadResult read = attempt.orThrow();
        Checked c = check(read, options, layout, options.allowMissingGlyphs());
        if (c.found().stream().anyMatch(Diagnostic::isError)) {
            throw new SeparataException(ExitCode.INVALID_INPUT, c.found().stream().filter(Diagnostic::isError).toList());
        }
        return new Prepared(file, read, c.article(), layouts.withTemplates(c.pack()), c.choice(), presentation(read), c.images(),
                c.fallbacks(), options, c.found(), List.of(), inputs, digest, false);
    }

    /**
     * What the checks after reading find in an article read only in part (reading found errors):
     * every problem they can still tell. A check that cannot go on with what was read adds nothing;
     * the read's own errors say what is wrong.
     */
    private List<Diagnostic> checksOnPartial(ReadAttempt attempt, RenderOptions options, Optional<LayoutChoice> layout,
                                             boolean allowMissingGlyphs) {
        if (attempt.read().isEmpty()) {
            return List.of();
        }
        try {
            return check(attempt.read().get(), options, layout, allowMissingGlyphs).found();
        } catch (SeparataException e) {
            if (e.exitCode() != ExitCode.INVALID_INPUT) {
                throw e;
            }
            return e.diagnostics();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * An article as printed, the layout it is set in, its figures' images, the fonts its
     * characters fall back to, and what the checks found (the reader's warnings first).
     */
    private record Checked(Article article, LayoutChoice choice, LayoutPack pack, FigureImages images,
                           List<FontFamily> fallbacks, List<Diagnostic> found) {
    }

    /**
     * The checks every article goes through before it is typeset, for {@code render},
     * {@code issue} and {@code validate} alike: the layout decided and loaded, the translations
     * kept or left out, every character checked against the layout's fonts (missing ones are
     * errors unless {@code allowMissingGlyphs}).
     */
    private Checked check(ReadResult read, RenderOptions options, Optional<LayoutChoice> layout,
                          boolean allowMissingGlyphs) {
        LayoutChoice choice = layout.orElseGet(() -> layoutFor(read.profile()));
        LayoutPack pack = layouts.pack(choice.name(), choice.where(), options.fontPath());
        List<Diagnostic> found = new ArrayList<>(read.warnings());
        Article article = printed(read, options, found);
        List<FontFamily> fallbacks = fallbacks(article, pack, options);
        found.addAll(GlyphPreflight.check(article, pack, fallbacks, read.sources(), allowMissingGlyphs));
        FigureImages images = figureImages(read, article, pack);
        found.addAll(images.warnings());
        return new Checked(article, choice, pack, images, fallbacks, found);
    }

    /**
     * The fonts the article's characters fall back to: the built-in chain, then fonts in the
     * pack's own fonts/ folder, in --font-path folders and in the system's font folders.
     */
    private List<FontFamily> fallbacks(Article article, LayoutPack pack, RenderOptions options) {
        List<Path> folders = new ArrayList<>();
        LayoutPack.ownFonts(world, pack.root()).ifPresent(folders::add);
        folders.addAll(options.fontPath());
        folders.addAll(world.systemFontFolders());
        return FontFallbacks.forArticle(article, pack, fonts, fontFinder, folders);
    }

    /**
     * The images of the article's figures, read from the folder of the input (the article's
     * bundle) and nowhere else, checked and placed at print size.
     */
    private FigureImages figureImages(ReadResult read, Article article, LayoutPack pack) {
        Path input = Path.of(read.sources().file());
        Path bundle = input.toAbsolutePath().getParent();
        if (bundle == null || !world.exists(input)) {
            return FigureImages.resolve(article, pack.page(), read.sources(), (name, refused) -> Optional.empty(),
                    world.limits());
        }
        return FigureImages.resolve(article, pack.page(), read.sources(),
                (name, refused) -> world.readBundleFile(bundle, name, refused), world.limits());
    }

    /**
     * The layout an article is set in when no one else decides: its journal profile's, else
     * {@value RenderOptions#DEFAULT_LAYOUT}. ({@code --layout}, or an issue's layout, decides
     * before this.) The one place where this is decided.
     */
    LayoutChoice layoutFor(Optional<JournalProfile> profile) {
        return profile.flatMap(p -> profileLayout(p).map(name -> new LayoutChoice(name,
                        "the journal profile " + p.location("layout").position(), p.location("layout"))))
                .orElseGet(() -> new LayoutChoice(RenderOptions.DEFAULT_LAYOUT, "the default",
                        SourceLocation.of("--layout " + RenderOptions.DEFAULT_LAYOUT)));
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

    /** What the journal profile adds to the page: its logo and its citation style. */
    private Presentation presentation(ReadResult read) {
        Optional<JournalProfile> profile = read.profile();
        return new Presentation(profile.flatMap(this::logo), profile.flatMap(JournalProfile::citation));
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

    /** The prepared article at {@code pages} (as {@code --first-page} places it). */
    public Prepared at(Prepared p, PageRange pages) {
        Article.Builder b = p.article.toBuilder();
        b.pages = Optional.of(pages);
        return p.placed(b.build(), List.of());
    }

    // ---- 2. typeset ---------------------------------------------------------------------------------

    /** Step 2: fills the layout's templates for the article. */
    public Typeset typeset(Prepared p) {
        return new Typeset(p, p.layout.layout(p.article, p.presentation, p.images, p.fallbacks));
    }

    /**
     * Lays the article out without drawing a PDF, and returns how many pages it takes.
     *
     * @throws SeparataException (invalid input) when it takes more than the limit {@code pages}
     */
    public int countPages(Typeset t) {
        return checkPages(t, PdfRenderer.countPages(t.xhtml));
    }

    // ---- 3. render ----------------------------------------------------------------------------------

    /**
     * Step 3: lays the article out and draws the PDF.
     *
     * @throws SeparataException (invalid input) when it takes more than the limit {@code pages}
     */
    public Rendered render(Typeset t) {
        RenderedPdf pdf = PdfRenderer.render(t.xhtml, t.prepared.options.tags());
        checkPages(t, pdf.pageCount());
        return new Rendered(t, pdf);
    }

    /**
     * Step 3 when the page count is guessed: lays the article out and, when it takes {@code pages}
     * pages, draws it as {@link #render(Typeset)} does (the same bytes). When it takes another
     * number, nothing is drawn, and the attempt says how many it takes: the layout served as a
     * page count.
     *
     * @throws SeparataException (invalid input) when it takes more than the limit {@code pages}
     */
    public Attempt render(Typeset t, int pages) {
        PdfRenderer.Attempt a = PdfRenderer.renderIf(t.xhtml, t.prepared.options.tags(), pages);
        checkPages(t, a.pageCount());
        return new Attempt(a.pageCount(), a.pdf().map(pdf -> new Rendered(t, pdf)));
    }

    /** What {@link #render(Typeset, int)} did: the pages the article takes, and it rendered, when that many were expected. */
    public record Attempt(int pageCount, Optional<Rendered> rendered) {
    }

    private int checkPages(Typeset t, int pages) {
        return ArticleLimits.checkPages(pages, world.limits(), t.prepared.read.sources().locate(""));
    }

    // ---- 4. finish ----------------------------------------------------------------------------------

    /** Step 4: makes the rendered PDF an archival file, with its metadata, outline and page labels. */
    public Offprint finish(Rendered r) {
        Prepared p = r.typeset.prepared;
        List<Diagnostic> warnings = new ArrayList<>(p.warnings());
        warnings.addAll(r.pdf.warnings());
        List<OutlineItem> outline = outline(r.typeset.xhtml, r.pdf.anchors(), warnings);
        byte[] pdf = finisher().finish(r.pdf.bytes(), Metadata.article(p.article, p.citation(), p.provisional(),
                world.sourceDateEpoch()), outline, p.options.standard(), r.pdf.tags());
        return new Offprint(pdf, r.pdf.pageCount(), p.article, warnings);
    }

    // ---- the whole way ------------------------------------------------------------------------------

    /** Reads and renders one file into a finished offprint (nothing is written). */
    public Offprint render(Path input, RenderOptions options) {
        return render(prepare(input, options));
    }

    /** Renders an article that has been read. */
    public Offprint render(ReadResult read, RenderOptions options) {
        return render(prepare(read, options));
    }

    /**
     * Renders a prepared article through the remaining steps. With a first page in its options
     * ({@code --first-page}), it is numbered from there as an issue numbers it: its pages are
     * counted, it is rendered at that many pages, and rendered again if the count changed.
     */
    public Offprint render(Prepared p) {
        if (p.options.firstPage().isEmpty()) {
            return finish(render(typeset(p)));
        }
        int first = p.options.firstPage().get();
        if (first < 1) {
            throw SeparataException.usage(SourceLocation.of("--first-page"), "the first page must be 1 or more, not "
                    + first, "give the page the article starts on in its issue");
        }
        int count = countPages(typeset(at(p, new PageRange(first, first))));
        for (int round = 0; ; round++) {
            Rendered r = render(typeset(at(p, new PageRange(first, first + count - 1))));
            if (r.pageCount() == count || round == MAX_REPAGINATIONS) {
                return finish(r);
            }
            count = r.pageCount();
        }
    }

    // ---- validate -----------------------------------------------------------------------------------

    /**
     * Checks a manifest or JATS file without rendering: everything the reader finds (identifiers,
     * missing fields, structure), and every character the layout's fonts lack, each with its
     * location. Only a missing file, a bad layout or a bug end it early (as an exception).
     */
    public Validation validate(Path input, RenderOptions options) {
        return validate(() -> readAll(input, options.journal()), options, options.layout().map(LayoutChoice::option));
    }

    /**
     * Like {@link #validate(Path, RenderOptions)}, the input's bytes read by {@code content} (an
     * issue's article, inside the issue's root), in the layout decided for an issue, if it is.
     */
    Validation validate(Path input, Supplier<byte[]> content, RenderOptions options, Optional<LayoutChoice> layout) {
        return validate(() -> readAll(input, options.journal(), content), options, layout);
    }

    /**
     * Checks an article's bytes from elsewhere (standard input), named {@code name} in messages,
     * with only the journal profile {@code --journal} gives.
     */
    public Validation validate(byte[] content, String name, RenderOptions options) {
        return validate(() -> readContent(() -> content, name, Optional.empty(), options.journal()), options,
                options.layout().map(LayoutChoice::option));
    }

    private Validation validate(Supplier<Read> reading, RenderOptions options,
                                Optional<LayoutChoice> layout) {
        try {
            ReadAttempt attempt = reading.get().attempt();
            if (attempt.errors().isEmpty()) {
                return new Validation(check(attempt.orThrow(), options, layout, false).found());
            }
            List<Diagnostic> all = new ArrayList<>(attempt.errors());
            all.addAll(checksOnPartial(attempt, options, layout, false));
            return new Validation(all);
        } catch (SeparataException e) {
            if (e.exitCode() != ExitCode.INVALID_INPUT) {
                throw e;
            }
            return new Validation(e.diagnostics());
        }
    }

    /**
     * What the file {@code input} is (an article, an issue manifest, a journal profile), from its
     * name and its keys; {@link InputKind#UNKNOWN} when it cannot be read or told.
     */
    public InputKind kindOf(Path input) {
        try {
            return InputKind.of(world.readInput(input), input.toString());
        } catch (SeparataException e) {
            return InputKind.UNKNOWN;
        }
    }

    // ---- fonts --------------------------------------------------------------------------------------

    /**
     * A font family a layout can use: its name, what it is for ("text, headings" for the pack's
     * own roles; "fallback" and where it was found for the others), its faces, and the scripts its
     * regular face covers.
     */
    public record AvailableFont(String family, String use, List<String> faces, List<Scripts.Coverage> scripts) {
    }

    /**
     * The fonts {@code layout} can set text in, in the order they are tried: the pack's families
     * (by role), the built-in fallback chain, then fonts in the pack's own {@code fonts/} folder,
     * in {@code fontPath} folders and (when {@code system}) in the system's font folders.
     */
    public List<AvailableFont> fonts(String layout, List<Path> fontPath, boolean system) {
        LayoutPack pack = layouts.pack(layout, SourceLocation.of("--layout " + layout), fontPath);
        List<AvailableFont> out = new ArrayList<>();
        java.util.Map<String, List<String>> roles = new java.util.LinkedHashMap<>();
        java.util.Map<String, FontFamily> byId = new java.util.LinkedHashMap<>();
        pack.fonts().forEach((role, family) -> {
            roles.computeIfAbsent(family.id(), k -> new ArrayList<>()).add(role);
            byId.putIfAbsent(family.id(), family);
        });
        byId.forEach((id, f) -> out.add(available(f, "layout: " + String.join(", ", roles.get(id)))));
        for (String id : fonts.fallbackIds()) {
            fonts.family(id).filter(f -> !byId.containsKey(f.id()))
                    .ifPresent(f -> out.add(available(f, "fallback (built in)")));
        }
        List<Path> folders = new ArrayList<>();
        LayoutPack.ownFonts(world, pack.root()).ifPresent(folders::add);
        folders.addAll(fontPath);
        if (system) {
            folders.addAll(world.systemFontFolders());
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        out.forEach(f -> named.add(f.family()));
        for (Path folder : folders) {
            // a family is found in its regular file first, as FontFinder looks for one
            List<FontFinder.Found> found = new ArrayList<>(fontFinder.all(List.of(folder)));
            found.sort(java.util.Comparator.comparing((FontFinder.Found f) -> !f.file().getFileName().toString()
                    .toLowerCase(java.util.Locale.ROOT).contains("regular")));
            for (FontFinder.Found f : found) {
                if (named.add(f.family())) {
                    out.add(new AvailableFont(f.family(), "fallback (" + f.file() + ")", List.of(),
                            Scripts.of(f.covers())));
                }
            }
        }
        return out;
    }

    private static AvailableFont available(FontFamily f, String use) {
        List<String> faces = f.faces().stream().map(face -> face.weight() >= 600
                ? (face.italic() ? "bold italic" : "bold") : face.italic() ? "italic" : "regular").toList();
        return new AvailableFont(f.name(), use, faces, Scripts.of(f.regular()::covers));
    }

    // ---- the files a run reads ----------------------------------------------------------------------

    /**
     * The files a render of {@code input} depends on: the input, its journal profile (or where one
     * would be found), the profile's logos, and the files of a layout pack kept in a folder (the
     * one {@code --layout} names, or the profile's). A watch re-renders when one of them changes;
     * an output may be none of them. The article itself is not read for this.
     */
    public List<Path> dependencies(Path input, RenderOptions options) {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        out.add(input);
        out.addAll(options.journal().map(List::of).orElseGet(() -> profileCandidates(input)));
        List<JournalProfile> journals = readProfiles(input, options);
        journals.forEach(j -> j.logoPath().ifPresent(out::add));
        options.layout().ifPresentOrElse(l -> out.addAll(layoutFiles(l)),
                () -> journals.forEach(j -> profileLayoutFiles(j).forEach(out::add)));
        return List.copyOf(out);
    }

    /** The files of the layout pack a journal profile names in a folder; none when it names none, or a bad one. */
    private List<Path> profileLayoutFiles(JournalProfile j) {
        try {
            return profileLayout(j).map(this::layoutFiles).orElse(List.of());
        } catch (SeparataException e) {
            return List.of(); // a layout: that leads outside the profile's folder is reported by the render itself
        }
    }

    /** The files of a layout pack kept in a folder; none for a built-in pack. */
    List<Path> layoutFiles(String layout) {
        return layouts.folder(layout).map(world::filesUnder).orElse(List.of());
    }

    /** Every journal of the profile {@code input} uses; none when there is none, or it is broken. */
    private List<JournalProfile> readProfiles(Path input, RenderOptions options) {
        try {
            return journalProfile(input, options.journal())
                    .map(p -> JournalProfileReader.read(world.readInput(p, Limit.MANIFEST_MB), p.toString()).journals())
                    .orElse(List.of());
        } catch (SeparataException e) {
            return List.of(); // a broken profile is reported by the render itself
        }
    }

    // ---- shared with the issue steps ----------------------------------------------------------------

    /**
     * The outline: the layout's entries, placed where the renderer laid out their targets. An entry
     * whose target the template did not mark is left out, with a warning.
     */
    static List<OutlineItem> outline(XhtmlDocument xhtml, List<RenderedPdf.Anchor> anchors, List<Diagnostic> warnings) {
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

    /** A hex SHA-256 over the given byte arrays, each preceded by its length. */
    static String digest(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(String.valueOf(p.length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) 0);
                md.update(p);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
