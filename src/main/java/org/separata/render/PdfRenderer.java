package org.separata.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.fonts.FontFamily;
import org.separata.layout.OutlineEntry;
import org.separata.layout.XhtmlDocument;
import org.separata.tags.Tag;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PagePosition;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The only code that drives Flying Saucer and OpenPDF. {@link #render(XhtmlDocument)} hides the
 * library's required call order (fonts, user agent, document, layout, output with the initial page
 * number) behind one call. Safe to call from several threads at once; each call builds its own
 * renderer, while parsed fonts are shared.
 */
public final class PdfRenderer {

    /** Flying Saucer's own defaults: 20 dots per pixel, and 4/3 × 20 dots per point. */
    private static final float DOTS_PER_POINT = 20f * 4f / 3f;
    private static final int DOTS_PER_PIXEL = 20;

    static {
        // Flying Saucer reads an override file from the user's home unless xr.conf names one;
        // point it at an empty one so that no machine-specific configuration changes the output.
        if (System.getProperty("xr.conf") == null) {
            System.setProperty("xr.conf", "/dev/null");
        }
        // OpenPDF reads PNG images with ImageIO, which by default copies each one into a file in the
        // temporary folder first (and registers a shutdown hook, refused once the JVM is stopping):
        // read them in memory, so that a render writes nothing but its PDF
        javax.imageio.ImageIO.setUseCache(false);
    }

    private PdfRenderer() {
    }

    /**
     * Lays out and writes {@code doc} as a tagged PDF. Page numbers (CSS {@code counter(page)})
     * start at {@link XhtmlDocument#firstPageNumber()}.
     */
    public static RenderedPdf render(XhtmlDocument doc) {
        return render(doc, true);
    }

    /**
     * Lays out and writes {@code doc} as PDF; with {@code tagged}, its content is marked and
     * {@link RenderedPdf#tags()} holds its structure (see {@link TaggingOutputDevice}).
     */
    public static RenderedPdf render(XhtmlDocument doc, boolean tagged) {
        return renderIf(doc, tagged, -1, true).pdf().orElseThrow();
    }

    /**
     * Lays {@code doc} out and, when it takes {@code pages} pages, writes it as
     * {@link #render(XhtmlDocument, boolean)} does (the same bytes); otherwise writes nothing.
     * Either way, how many pages it takes: a page count and a render in one layout, when the count
     * was guessed right.
     */
    public static Attempt renderIf(XhtmlDocument doc, boolean tagged, int pages) {
        return renderIf(doc, tagged, pages, false);
    }

    private static Attempt renderIf(XhtmlDocument doc, boolean tagged, int pages, boolean always) {
        Session session = new Session(doc.fonts(), tagged);
        int count = session.layout(doc);
        if (!always && count != pages) {
            return new Attempt(count, Optional.empty());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        session.guard(doc, () -> session.renderer.createPDF(out, true, doc.firstPageNumber()));
        return new Attempt(count, Optional.of(new RenderedPdf(out.toByteArray(), count,
                new ArrayList<>(session.agent.warnings()), session.outlineAnchors(doc), session.tags(),
                session.rounds())));
    }

    /** What {@link #renderIf} did: the pages the document takes, and the PDF when that was the count expected. */
    public record Attempt(int pageCount, Optional<RenderedPdf> pdf) {
    }

    /** Lays {@code doc} out without writing a PDF, and returns how many pages it takes. */
    public static int countPages(XhtmlDocument doc) {
        return new Session(doc.fonts(), false).layout(doc);
    }

    /** One Flying Saucer renderer with our fonts and sandboxed user agent; documents go through it in turn. */
    static final class Session {
        final ITextOutputDevice device;
        final SandboxUserAgent agent;
        final ITextRenderer renderer;

        Session(List<FontFamily> fonts, boolean tagged) {
            device = tagged ? new TaggingOutputDevice(DOTS_PER_POINT) : new TypesetOutputDevice(DOTS_PER_POINT);
            agent = new SandboxUserAgent(device, DOTS_PER_PIXEL, name -> Optional.empty());
            FontFamily serif = fonts.get(0);
            FontFamily sans = fonts.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).contains("sans")
                    && !f.name().toLowerCase(Locale.ROOT).contains("mono")).findFirst().orElse(serif);
            FontFamily mono = fonts.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).contains("mono"))
                    .findFirst().orElse(sans);
            renderer = new ITextRenderer(DOTS_PER_POINT, DOTS_PER_PIXEL, device, agent,
                    PdfFonts.resolver(fonts, serif, sans, mono), new InlineBlocks(new MathElement.Factory(device, fonts)),
                    new ShapedWidths());
        }

        /** The structure of the last document written, when the session tags. */
        Optional<Tag> tags() {
            return device instanceof TaggingOutputDevice t ? t.tree() : Optional.empty();
        }

        /**
         * Sets and lays out {@code doc}; returns its page count. The document is laid out again,
         * in one loop of at most {@link LayoutRounds#MAX} layouts, for each thing a layout shows
         * that the next can mend ({@link LayoutRounds}): a table wider than the text block gets a
         * landscape page ({@link WideTables}); a word broken at the end of a page is kept whole
         * ({@link PageEnds}); a last page holding only the back matter is pulled back by setting
         * the article tighter, kept only if that saves the page. {@link #rounds()} says why each
         * layout after the first was made.
         */
        int layout(XhtmlDocument doc) {
            Document dom = parse(doc.xhtml());
            FontFallback.apply(dom, doc.fonts(), doc.fallbacks());
            DocumentEnd.mark(dom);
            agent.use(doc.resources());
            LayoutRounds rounds = new LayoutRounds(dom.getDocumentElement(), DOTS_PER_POINT);
            while (true) {
                // line breaking learns from each document's own lines (see BreakOpportunities)
                renderer.getSharedContext().setLineBreakingStrategy(new BreakOpportunities(rounds.forbidden()));
                renderer.setDocument(dom, SandboxUserAgent.SCHEME);
                Tracking.apply(renderer.getSharedContext(), dom);
                guard(doc, renderer::layout);
                if (!rounds.next(renderer.getRootBox(), renderer.getSharedContext()::getBoxById, agent.warnings())) {
                    break;
                }
            }
            lastRounds = rounds.rounds();
            return renderer.getRootBox().getLayer().getPages().size();
        }

        private List<LayoutRound> lastRounds = List.of();

        /** Why the last document was laid out again, one round per layout after the first. */
        List<LayoutRound> rounds() {
            return lastRounds;
        }

        /**
         * The places of the elements whose id matches {@code idPattern}, once the document is written,
         * by page and from the top. Flying Saucer reports the page an element ends on and its bottom
         * edge; the top is the bottom plus the height.
         */
        List<RenderedPdf.Anchor> anchors(Pattern idPattern) {
            List<RenderedPdf.Anchor> out = new ArrayList<>();
            for (PagePosition p : renderer.findPagePositionsByID(idPattern)) {
                out.add(new RenderedPdf.Anchor(p.getId(), p.getPageNo(), p.getX(), p.getY() + p.getHeight(),
                        p.getWidth(), p.getHeight()));
            }
            out.sort(Comparator.comparingInt(RenderedPdf.Anchor::pageIndex).thenComparing(a -> -a.top()));
            return out;
        }

        /** Where the outline's targets of {@code doc} were laid out, in the order of its outline. */
        List<RenderedPdf.Anchor> outlineAnchors(XhtmlDocument doc) {
            if (doc.outline().isEmpty()) {
                return List.of();
            }
            Set<String> ids = new HashSet<>();
            doc.outline().forEach(e -> ids.add(e.id()));
            Pattern exact = Pattern.compile(ids.stream().map(Pattern::quote).sorted()
                    .collect(Collectors.joining("|", "^(?:", ")$")));
            Map<String, RenderedPdf.Anchor> found = new HashMap<>();
            anchors(exact).forEach(a -> found.put(a.id(), a));
            List<RenderedPdf.Anchor> out = new ArrayList<>();
            for (OutlineEntry e : doc.outline()) {
                Optional.ofNullable(found.get(e.id())).ifPresent(out::add);
            }
            return out;
        }

        void guard(XhtmlDocument doc, Runnable step) {
            try {
                step.run();
            } catch (SeparataException e) {
                throw e; // an image or a file of the pack that was refused, with its own message
            } catch (RuntimeException e) {
                throw new SeparataException(ExitCode.INTERNAL, List.of(Diagnostic.error(
                        SourceLocation.of("layout " + doc.packName()), "rendering failed: " + e,
                        "this is a bug in Separata or in the layout pack; please report it with the input")), e);
            }
        }
    }

    /**
     * Prepares the renderer for {@code fonts}: parses the fonts and loads Flying Saucer's classes
     * by laying out a one-line page. Called on a second core while the input is being read, it
     * takes most of the renderer's start-up off the critical path of a one-shot command.
     */
    public static void warmUp(List<FontFamily> fonts) {
        fonts.forEach(PdfFonts::family);
        String tiny = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Separata</p></body></html>";
        render(new XhtmlDocument(tiny, name -> Optional.empty(), fonts, 1, "warm-up"));
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilder b = Parser.FACTORY.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new SeparataException(ExitCode.INVALID_INPUT, List.of(Diagnostic.error(
                    SourceLocation.of("template output"), "the layout produced XHTML that is not well-formed: "
                            + e.getMessage(),
                    "check the layout's template; the markup it writes around the article must be well-formed")),
                    e);
        }
    }

    private static final class Parser {
        static final DocumentBuilderFactory FACTORY = create();

        private static DocumentBuilderFactory create() {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setXIncludeAware(false);
                f.setExpandEntityReferences(false);
                return f;
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
