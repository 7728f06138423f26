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
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.World;
import org.separata.fonts.FontFamily;
import org.separata.model.Article;
import org.separata.model.RichText;

/**
 * Lays out an article with a layout pack: fills the pack's FreeMarker templates (the XHTML one
 * auto-escapes, so input text can never become markup) and returns an {@link XhtmlDocument}. One
 * instance per pack; templates are parsed once and reused.
 */
public final class XhtmlLayout {

    private final LayoutPack pack;
    private final World world;
    private final Configuration config;
    private final FontCoverage coverage;

    public XhtmlLayout(LayoutPack pack, World world) {
        this.pack = pack;
        this.world = world;
        this.coverage = FontCoverage.of(pack);
        this.config = configure(pack, world);
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
        ArticleView view = new ArticleView(article, pack, coverage);
        String xhtml = fill(pack.template(), view.build());
        String css = fill(pack.stylesheet(), view.styleData());
        byte[] cssBytes = css.getBytes(StandardCharsets.UTF_8);
        String stylesheet = pack.stylesheet();
        List<FontFamily> fonts = new ArrayList<>(new LinkedHashSet<>(pack.fonts().values()));
        return new XhtmlDocument(xhtml,
                name -> name.equals(stylesheet) ? Optional.of(cssBytes) : world.resource(pack.root(), name),
                fonts, article.firstPageNumber(), pack.name());
    }

    /** The how-to-cite line: the article's own, or one generated in the pack's style. */
    public RichText howToCite(Article article) {
        return article.howToCite().orElseGet(() -> CitationFormatter.howToCite(article, pack.labels(),
                String.valueOf(pack.options().getOrDefault("citation-language", "en"))));
    }

    private String fill(String templateName, Map<String, Object> data) {
        try {
            Template t = config.getTemplate(templateName);
            StringWriter out = new StringWriter(16_384);
            t.process(data, out);
            return out.toString();
        } catch (ParseException e) {
            throw SeparataException.invalid(
                    new SourceLocation(pack.root().describe(templateName), e.getLineNumber(), e.getColumnNumber(), ""),
                    "template syntax error: " + e.getEditorMessage(), "see https://freemarker.apache.org/docs/ "
                            + "(read it offline in your editor's FreeMarker plug-in)");
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? templateName : e.getTemplateSourceName();
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int col = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
            throw SeparataException.invalid(new SourceLocation(pack.root().describe(where), line, col, ""),
                    "template error: " + firstLine(e.getMessageWithoutStackTop()),
                    "a value the template uses may be absent for this article; test optional values with ?? "
                            + "(see layouts/README.md for what each template receives)");
        } catch (IOException e) {
            throw SeparataException.invalid(SourceLocation.of(pack.root().describe(templateName)),
                    "cannot be read: " + e.getMessage(), null);
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

    /** Serves templates from the pack only, through {@link World}. */
    private record PackLoader(LayoutPack pack, World world) implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) {
            return world.resource(pack.root(), name).orElse(null);
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
