package org.separata.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.env.World;
import org.separata.finish.PdfFinisher;
import org.separata.finish.PdfMetadata;
import org.separata.fonts.FontCatalog;
import org.separata.layout.GlyphPreflight;
import org.separata.layout.Layouts;
import org.separata.layout.XhtmlDocument;
import org.separata.layout.XhtmlLayout;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.KeywordGroup;
import org.separata.model.RichText;
import org.separata.read.InputReader;
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

    /** Reads a manifest or JATS file. */
    public ReadResult read(Path input) {
        return InputReader.read(world.readInput(input), input.toString());
    }

    /** Reads and renders one file into a finished offprint (nothing is written). */
    public Offprint render(Path input, RenderOptions options) {
        return render(read(input), options);
    }

    /** Renders an article that has been read. */
    public Offprint render(ReadResult read, RenderOptions options) {
        XhtmlLayout layout = layouts.get(options.layout());
        List<Diagnostic> warnings = new ArrayList<>(read.warnings());
        Article article = printed(read, options, warnings);
        List<Diagnostic> glyphs = GlyphPreflight.check(article, layout.pack(), read.sources(),
                options.allowMissingGlyphs());
        if (!options.allowMissingGlyphs() && !glyphs.isEmpty()) {
            throw new SeparataException(ExitCode.INVALID_INPUT, glyphs);
        }
        warnings.addAll(glyphs);
        XhtmlDocument xhtml = layout.layout(article);
        RenderedPdf rendered = PdfRenderer.render(xhtml);
        warnings.addAll(rendered.warnings());
        byte[] pdf = PdfFinisher.finish(rendered.bytes(), metadata(article, layout.howToCite(article)));
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
            read = read(input);
        } catch (SeparataException e) {
            if (e.exitCode() != ExitCode.INVALID_INPUT) {
                throw e;
            }
            return new Validation(e.diagnostics());
        }
        XhtmlLayout layout = layouts.get(options.layout());
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

    static PdfMetadata metadata(Article a, RichText citation) {
        List<String> keywords = a.keywords().stream().filter(k -> k.lang().equals(a.language()))
                .findFirst().or(() -> a.keywords().stream().findFirst())
                .map(KeywordGroup::keywords).orElse(List.of()).stream().map(RichText::plain).toList();
        return new PdfMetadata(a.mainTitle().title().plain(),
                a.authors().stream().map(Contributor::displayName).toList(), citation.plain(), keywords,
                a.language(), a.firstPageNumber(), java.util.Optional.empty());
    }
}
