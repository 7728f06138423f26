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
            PdfFinisher.warmUp();
        } catch (RuntimeException e) {
            // the real render reports whatever went wrong, with its context
        }
    }

    /** Reads a manifest or JATS file. */
    public ReadResult read(Path input) {
        return InputReader.read(world.readInput(input), input.toString());
    }

    /** Reads and renders one file into a finished offprint (nothing is written). */
    public Offprint render(Path input, RenderOptions options) {
        return render(read(input), options);
    }

    /**
     * Checks every character of the article against the layout's fonts: throws (invalid input)
     * when some are missing, or returns them as warnings when that is allowed.
     */
    public List<Diagnostic> preflight(ReadResult read, RenderOptions options) {
        XhtmlLayout layout = layouts.get(options.layout());
        List<Diagnostic> glyphs = GlyphPreflight.check(read.article(), layout.pack(), read.sources(),
                options.allowMissingGlyphs());
        if (!options.allowMissingGlyphs() && !glyphs.isEmpty()) {
            throw new SeparataException(ExitCode.INVALID_INPUT, glyphs);
        }
        return glyphs;
    }

    /** Renders an article that has been read. */
    public Offprint render(ReadResult read, RenderOptions options) {
        XhtmlLayout layout = layouts.get(options.layout());
        List<Diagnostic> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(preflight(read, options));
        Article article = read.article();
        XhtmlDocument xhtml = layout.layout(article);
        RenderedPdf rendered = PdfRenderer.render(xhtml);
        warnings.addAll(rendered.warnings());
        byte[] pdf = PdfFinisher.finish(rendered.bytes(), metadata(article, layout.howToCite(article)));
        return new Offprint(pdf, rendered.pageCount(), article, warnings);
    }

    /** Lays the article out without writing a PDF and returns its page count (for pagination). */
    public int countPages(ReadResult read, RenderOptions options) {
        return PdfRenderer.countPages(layouts.get(options.layout()).layout(read.article()));
    }

    /** The article's XHTML as the layout makes it (for assembling an issue). */
    public XhtmlDocument xhtml(ReadResult read, RenderOptions options) {
        return layouts.get(options.layout()).layout(read.article());
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
