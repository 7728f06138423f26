package org.separata.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.env.World;
import org.separata.finish.PdfFinisher;
import org.separata.finish.PdfMetadata;
import org.separata.fonts.FontCatalog;
import org.separata.layout.GlyphPreflight;
import org.separata.layout.Layouts;
import org.separata.layout.Presentation;
import org.separata.layout.XhtmlDocument;
import org.separata.layout.XhtmlLayout;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.KeywordGroup;
import org.separata.model.RichText;
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

    public Separata(World world) {
        this.world = world;
        this.layouts = new Layouts(world, new FontCatalog(world));
    }

    public World world() {
        return world;
    }

    public Layouts layouts() {
        return layouts;
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
                .map(p -> JournalProfileReader.read(world.readInput(p), p.toString()));
        return InputReader.read(world.readInput(input), input.toString(), profiles);
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
        layout.map(Path::of).filter(p -> world.exists(p.resolve("layout.yaml")))
                .ifPresent(dir -> out.addAll(world.filesUnder(dir)));
        return out;
    }

    private Optional<JournalProfile> readProfile(Path input, RenderOptions options) {
        try {
            return read(input, options.journal()).profile();
        } catch (SeparataException e) {
            return Optional.empty(); // a broken input or profile is reported by the render itself
        }
    }

    /** Renders an article that has been read. */
    public Offprint render(ReadResult read, RenderOptions options) {
        Optional<JournalProfile> profile = read.profile();
        XhtmlLayout layout = options.layout().map(layouts::get)
                .or(() -> profile.flatMap(p -> profileLayout(p)
                        .map(name -> layouts.get(name, p.location("layout")))))
                .orElseGet(() -> layouts.get(RenderOptions.DEFAULT_LAYOUT));
        Presentation presentation = new Presentation(profile.flatMap(this::logo),
                profile.flatMap(JournalProfile::citation));
        List<Diagnostic> warnings = new ArrayList<>(read.warnings());
        if (layout.pack().rectoStart() && read.article().firstPageNumber() % 2 == 0) {
            warnings.add(Diagnostic.warning(read.sources().locate("article.pages"),
                    "the layout '" + layout.pack().name() + "' starts articles on a right-hand page, but this one "
                            + "starts on page " + read.article().firstPageNumber() + ", a left-hand page",
                    "check the page range, or use a layout without recto-start"));
        }
        List<Diagnostic> glyphs = GlyphPreflight.check(read.article(), layout.pack(), read.sources(),
                options.allowMissingGlyphs());
        if (!options.allowMissingGlyphs() && !glyphs.isEmpty()) {
            throw new SeparataException(ExitCode.INVALID_INPUT, glyphs);
        }
        warnings.addAll(glyphs);
        Article article = read.article();
        XhtmlDocument xhtml = layout.layout(article, presentation);
        RenderedPdf rendered = PdfRenderer.render(xhtml);
        warnings.addAll(rendered.warnings());
        byte[] pdf = PdfFinisher.finish(rendered.bytes(), metadata(article, layout.howToCite(article, presentation)));
        return new Offprint(pdf, rendered.pageCount(), article, warnings);
    }

    /** The profile's layout: a folder relative to the profile, if there is one, else a built-in name. */
    private Optional<String> profileLayout(JournalProfile p) {
        return p.layout().map(name -> {
            Path dir = Path.of(p.file()).resolveSibling(name);
            return world.exists(dir.resolve("layout.yaml")) ? dir.toString() : name;
        });
    }

    /** The profile's logo, read; a logo that is not there is an error at the profile's line. */
    private Optional<Presentation.Logo> logo(JournalProfile p) {
        return p.logoPath().map(path -> {
            if (!world.exists(path)) {
                throw SeparataException.invalid(p.location("logo"), "the logo '" + p.logo().orElseThrow()
                        + "' is not there (looked for " + path + ")",
                        "the path is relative to the journal profile's folder; correct it or add the image");
            }
            return new Presentation.Logo(world.readInput(path), p.logo().orElseThrow(), p.location("logo"));
        });
    }

    static PdfMetadata metadata(Article a, RichText citation) {
        List<String> keywords = a.keywords().stream().filter(k -> k.lang().equals(a.language()))
                .findFirst().or(() -> a.keywords().stream().findFirst())
                .map(KeywordGroup::keywords).orElse(List.of()).stream().map(RichText::plain).toList();
        return new PdfMetadata(a.mainTitle().title().plain(),
                a.authors().stream().map(Contributor::displayName).toList(), citation.plain(), keywords,
                a.language(), a.firstPageNumber(), java.util.Optional.empty());
    }
}
