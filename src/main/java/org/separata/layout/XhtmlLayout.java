package org.separata.layout;

import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.World;
import org.separata.fonts.FontFamily;
import org.separata.model.Article;
import org.separata.model.CitationStyle;
import org.separata.model.RichText;

/**
 * Lays out an article with a layout pack: fills the pack's FreeMarker templates (the XHTML one
 * auto-escapes, so input text can never become markup) and returns an {@link XhtmlDocument}. One
 * instance per pack; templates are parsed once and reused. Template names starting with
 * {@code lib/} (written {@code /lib/…} in an import) are the shared library in {@code layouts/lib},
 * and so are resource names starting with {@code lib/} (the CC badges, say).
 */
public final class XhtmlLayout {

    /** The reserved prefix of the shared library's templates and files. */
    static final String LIBRARY = "lib/";
    /** The name under which a journal profile's logo is served to the template. */
    static final String JOURNAL_LOGO = "journal-logo.";

    private final LayoutPack pack;
    private final World world;
    private final Configuration config;
    private final FontCoverage coverage;
    private final Prose prose;

    /**
     * Prepares the pack's templates. The XHTML template is parsed and the stylesheet filled now,
     * so that a syntax error or a value the stylesheet lacks fails when the pack loads.
     *
     * @throws SeparataException (invalid input) naming the template file and line
     */
    public XhtmlLayout(LayoutPack pack, World world) {
        this(pack, world, Hyphenation.builtIn(world));
    }

    public XhtmlLayout(LayoutPack pack, World world, Hyphenation hyphenation) {
        this.pack = pack;
        this.world = world;
        this.coverage = FontCoverage.of(pack);
        this.config = configure(pack, world);
        // typography puts in only characters that every text face draws
        this.prose = new Prose(hyphenation, c -> coverage.lacking(c).isEmpty());
        parse(pack.template());
        for (boolean oddStart : new boolean[] {true, false}) {
            fill(pack.stylesheet(), ArticleView.styleData(pack, oddStart, pack.logo()));
        }
    }

    public LayoutPack pack() {
        return pack;
    }

    /**
     * Fills the templates for {@code article}.
     *
     * @throws SeparataException (invalid input) when a template fails, naming its file and line
     */
    public XhtmlDocument layout(Article article) {
        return layout(article, Presentation.NONE);
    }

    /**
     * Fills the templates for {@code article}, with a journal profile's logo and citation style.
     *
     * @throws SeparataException (invalid input) when a template fails, naming its file and line, or
     *                           when the journal's logo is not an image
     */
    public XhtmlDocument layout(Article article, Presentation journal) {
        return layout(article, journal, FigureImages.NONE);
    }

    /**
     * Fills the templates for {@code article}, with a journal profile's logo and citation style,
     * and the images of its figures.
     */
    public XhtmlDocument layout(Article article, Presentation journal, FigureImages images) {
        return layout(article, journal, images, List.of());
    }

    /**
     * Fills the templates for {@code article}, with a journal profile's logo and citation style,
     * the images of its figures, and the fallback fonts its characters need ({@link FontFallbacks}).
     */
    public XhtmlDocument layout(Article article, Presentation journal, FigureImages images,
                                List<FontFamily> fallbacks) {
        Optional<String> logoName = journal.logo().map(l -> JOURNAL_LOGO + ImageKind.check(l.bytes(), l.name(),
                l.where(), ImageKind.LOGO, world.limits()).format().name().toLowerCase(java.util.Locale.ROOT));
        ArticleView view = new ArticleView(article, pack, citationStyle(journal),
                logoName.isPresent() ? logoName : pack.logo(), coverage, prose, images);
        String xhtml = fill(pack.template(), view.build());
        Function<String, Optional<byte[]>> files = resources(view.styleData(), logoName.orElse(""),
                journal.logo().map(Presentation.Logo::bytes));
        List<FontFamily> fonts = new ArrayList<>(fonts());
        fallbacks.stream().filter(f -> fonts.stream().noneMatch(x -> x.id().equals(f.id()))).forEach(fonts::add);
        return new XhtmlDocument(xhtml, name -> name.startsWith(FigureImages.PREFIX) ? images.resource(name)
                : files.apply(name), fonts, article.firstPageNumber(), pack.name(), view.outline(), fallbacks);
    }

    /**
     * The files a document may refer to: the stylesheet, filled with {@code styleData}; one file of
     * its own ({@code ownName}, e.g. the journal's logo or the issue's cover); and the pack's files.
     */
    private Function<String, Optional<byte[]>> resources(Map<String, Object> styleData, String ownName,
                                                         Optional<byte[]> own) {
        byte[] css = fill(pack.stylesheet(), styleData).getBytes(StandardCharsets.UTF_8);
        String stylesheet = pack.stylesheet();
        return name -> {
            if (name.equals(stylesheet)) {
                return Optional.of(css);
            }
            if (!ownName.isEmpty() && name.equals(ownName)) {
                return own; // checked where it was read (the journal's logo, the issue's cover)
            }
            return packResource(name).map(b -> gated(name, b));
        };
    }

    /**
     * Every image a document shows passes the image gate before the renderer decodes it
     * ({@link ImageKind#check}); other files (the stylesheet, fonts) are served as they are.
     *
     * @throws SeparataException (invalid input) naming the file
     */
    private byte[] gated(String name, byte[] bytes) {
        if (ImageKind.format(bytes).isPresent()) {
            String shown = describe(name);
            ImageKind.check(bytes, shown, SourceLocation.of(shown), ImageKind.LAYOUT, world.limits());
        }
        return bytes;
    }

    private List<FontFamily> fonts() {
        return new ArrayList<>(new LinkedHashSet<>(pack.fonts().values()));
    }

    /** A file of the pack, or of the shared library when its name starts with /lib/. */
    private Optional<byte[]> packResource(String name) {
        return name.startsWith(LIBRARY) ? world.resource(world.layoutLibrary(), name.substring(LIBRARY.length()))
                : world.resource(pack.root(), name);
    }

    /**
     * Fills the pack's issue template: cover, contents and front matter of an issue PDF, as one
     * document numbered in lower-case roman numerals by its stylesheet.
     *
     * @throws SeparataException (invalid input) when the pack has no issue template
     */
    public XhtmlDocument layoutIssue(IssueFront front) {
        String template = pack.issueTemplate().orElseThrow(() -> SeparataException.invalid(
                SourceLocation.of(pack.root().describe("layout.yaml")),
                "the layout pack '" + pack.name() + "' has no issue template",
                "add issue-template: issue.ftlx to layout.yaml, or use a pack that has one, e.g. classic"));
        front.coverImage().ifPresent(b -> ImageKind.check(b, "the cover image", SourceLocation.of("cover.image"),
                ImageKind.LOGO, world.limits()));
        IssueView view = new IssueView(front, pack, prose);
        String xhtml = fill(template, view.build());
        return new XhtmlDocument(xhtml, resources(view.styleData(), IssueFront.COVER_IMAGE, front.coverImage()),
                fonts(), 1, pack.name());
    }

    /** Parses the pack's templates now rather than at the first layout. */
    public void warmUp() {
        try {
            config.getTemplate(pack.template());
            config.getTemplate(pack.stylesheet());
        } catch (IOException e) {
            // reported properly by the first real layout
        }
    }

    /** The how-to-cite line: the article's own, or one generated in the pack's style. */
    public RichText howToCite(Article article) {
        return howToCite(article, Presentation.NONE);
    }

    /** The how-to-cite line: the article's own, or one generated in the journal's or the pack's style. */
    public RichText howToCite(Article article, Presentation journal) {
        return CitationFormatter.line(article, pack.labels(), citationStyle(journal));
    }

    /** The journal's citation style, in its language or else the pack's citation language. */
    private CitationStyle citationStyle(Presentation journal) {
        CitationStyle style = journal.citation().orElse(CitationStyle.vancouver());
        return new CitationStyle(style.style(), Optional.of(style.language().orElse(pack.citationLanguage())));
    }

    private void parse(String templateName) {
        try {
            config.getTemplate(templateName);
        } catch (ParseException e) {
            throw syntaxError(templateName, e);
        } catch (IOException e) {
            throw SeparataException.invalid(SourceLocation.of(describe(templateName)),
                    "cannot be read: " + e.getMessage(), null);
        }
    }

    private SeparataException syntaxError(String templateName, ParseException e) {
        String where = e.getTemplateName() == null ? templateName : e.getTemplateName();
        return SeparataException.invalid(
                new SourceLocation(describe(where), e.getLineNumber(), e.getColumnNumber(), ""),
                "template syntax error: " + e.getEditorMessage(), "see https://freemarker.apache.org/docs/ "
                        + "(read it offline in your editor's FreeMarker plug-in)");
    }

    /** Where a template is, for messages: the pack's file, or the shared library's. */
    private String describe(String name) {
        return name.startsWith(LIBRARY) ? world.layoutLibrary().describe(name.substring(LIBRARY.length()))
                : pack.root().describe(name);
    }

    private String fill(String templateName, Map<String, Object> data) {
        try {
            Template t = config.getTemplate(templateName);
            StringWriter out = new StringWriter(16_384);
            t.process(data, out);
            return out.toString();
        } catch (ParseException e) {
            throw syntaxError(templateName, e);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? templateName : e.getTemplateSourceName();
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int col = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
            String blamed = e.getBlamedExpressionString();
            String message = firstLine(e.getMessageWithoutStackTop()).replaceFirst(":$", "");
            throw SeparataException.invalid(new SourceLocation(describe(where), line, col, ""),
                    "template error: " + message + (blamed == null ? "" : ": " + blamed),
                    templateName.equals(pack.stylesheet())
                            ? "the stylesheet receives only what layout.yaml gives (page, fonts, colors, options); "
                            + "add the value there, or test it with ?? (see layouts/README.md)"
                            : "a value the template uses may be absent for this article; test optional values "
                            + "with ?? (see layouts/README.md for what each template receives)");
        } catch (IOException e) {
            throw SeparataException.invalid(SourceLocation.of(describe(templateName)),
                    "cannot be read: " + e.getMessage(), "check the name in the #import or #include");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Configuration configure(LayoutPack pack, World world) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setRecognizeStandardFileExtensions(true);
        c.setDefaultEncoding("UTF-8");
        c.setLocalizedLookup(false);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setNumberFormat("computer");
        c.setLocale(java.util.Locale.ROOT);
        c.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        c.setTemplateLoader(new PackLoader(pack, world));
        return c;
    }

    /** Serves templates from the pack and the shared library only, through {@link World}. */
    private record PackLoader(LayoutPack pack, World world) implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) {
            return (name.startsWith(LIBRARY) ? world.resource(world.layoutLibrary(), name.substring(LIBRARY.length()))
                    : world.resource(pack.root(), name)).orElse(null);
        }

        @Override
        public long getLastModified(Object source) {
            return -1;
        }

        @Override
        public Reader getReader(Object source, String encoding) {
            return new StringReader(new String((byte[]) source, StandardCharsets.UTF_8));
        }

        @Override
        public void closeTemplateSource(Object source) {
            // nothing to close: the bytes are in memory
        }
    }
}
