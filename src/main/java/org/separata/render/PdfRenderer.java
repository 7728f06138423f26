package org.separata.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
    }

    private PdfRenderer() {
    }

    /**
     * Lays out and writes {@code doc} as PDF. Page numbers (CSS {@code counter(page)}) start at
     * {@link XhtmlDocument#firstPageNumber()}.
     */
    public static RenderedPdf render(XhtmlDocument doc) {
        Document dom = parse(doc.xhtml());
        ITextOutputDevice device = new ITextOutputDevice(DOTS_PER_POINT);
        SandboxUserAgent agent = new SandboxUserAgent(device, DOTS_PER_PIXEL, doc.resources());
        List<FontFamily> fonts = doc.fonts();
        FontFamily serif = fonts.get(0);
        FontFamily sans = fonts.stream().filter(f -> f.name().toLowerCase(java.util.Locale.ROOT).contains("sans")).findFirst()
                .orElse(serif);
        FontFamily mono = fonts.stream().filter(f -> f.name().toLowerCase(java.util.Locale.ROOT).contains("mono")).findFirst()
                .orElse(sans);
        ITextRenderer renderer = new ITextRenderer(DOTS_PER_POINT, DOTS_PER_PIXEL, device, agent,
                PdfFonts.resolver(fonts, serif, sans, mono));
        renderer.setDocument(dom, SandboxUserAgent.SCHEME);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            renderer.layout();
            renderer.createPDF(out, true, doc.firstPageNumber());
        } catch (RuntimeException e) {
            throw new SeparataException(ExitCode.INTERNAL, List.of(Diagnostic.error(
                    SourceLocation.of("layout " + doc.packName()), "rendering failed: " + e,
                    "this is a bug in Separata or in the layout pack; please report it with the input")), e);
        }
        int pages = renderer.getRootBox().getLayer().getPages().size();
        return new RenderedPdf(out.toByteArray(), pages, new ArrayList<>(agent.warnings()), anchors(renderer, doc));
    }

    /**
     * Where the outline's targets were laid out, in the order of the outline. Flying Saucer reports
     * the page an element ends on and its bottom edge; the top is the bottom plus the height.
     */
    private static List<RenderedPdf.Anchor> anchors(ITextRenderer renderer, XhtmlDocument doc) {
        if (doc.outline().isEmpty()) {
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        doc.outline().forEach(e -> ids.add(e.id()));
        Pattern exact = Pattern.compile(ids.stream().map(Pattern::quote).sorted()
                .collect(java.util.stream.Collectors.joining("|", "^(?:", ")$")));
        Map<String, PagePosition> found = new HashMap<>();
        for (PagePosition p : renderer.findPagePositionsByID(exact)) {
            found.put(p.getId(), p);
        }
        List<RenderedPdf.Anchor> out = new ArrayList<>();
        for (OutlineEntry e : doc.outline()) {
            PagePosition p = found.get(e.id());
            if (p != null) {
                out.add(new RenderedPdf.Anchor(e.id(), p.getPageNo(), p.getX(), p.getY() + p.getHeight()));
            }
        }
        return out;
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
