package org.separata.render;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.separata.fonts.FontFace;
import org.separata.fonts.FontFamily;
import org.separata.math.MathLayout;
import org.separata.model.MathNode;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * A MathML formula ({@code <math>} in the MathML namespace) as a Flying Saucer replaced element:
 * laid out by {@link MathLayout} with the faces of the text around it (italic for variables) and
 * the document's math font, and drawn as real text and rules, so it is vector, searchable and
 * embedded like the rest. Its baseline is the formula's, so inline formulas sit on the line. The
 * whole formula is one marked-content span whose {@code /ActualText} is its linear form
 * ({@code alttext}), which is what copying gives.
 */
final class MathElement implements ITextReplacedElement {

    static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    private static final PdfName ACTUAL_TEXT = new PdfName("ActualText");

    private final MathLayout.Result result;
    private final Map<MathLayout.Font, BaseFont> fonts;
    private final String linear;
    private final float dotsPerPoint;
    private Point location = new Point(0, 0);

    private MathElement(MathLayout.Result result, Map<MathLayout.Font, BaseFont> fonts, String linear,
                        float dotsPerPoint) {
        this.result = result;
        this.fonts = fonts;
        this.linear = linear;
        this.dotsPerPoint = dotsPerPoint;
    }

    /** The replaced element factory: formulas here, images and the rest as Flying Saucer makes them. */
    static final class Factory extends ITextReplacedElementFactory {
        private final List<FontFamily> families;
        private final float dotsPerPoint;

        Factory(ITextOutputDevice device, List<FontFamily> families) {
            super(device);
            this.families = List.copyOf(families);
            this.dotsPerPoint = device.getDotsPerPoint();
        }

        @Override
        public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                     int cssWidth, int cssHeight) {
            Element e = box.getElement();
            if (e != null && MATHML.equals(e.getNamespaceURI()) && "math".equals(localName(e))) {
                FSFont f = box.getStyle().getFSFont(c);
                if (f instanceof ITextFSFont font) {
                    return MathElement.of(e, font, families, dotsPerPoint);
                }
            }
            return super.createReplacedElement(c, box, uac, cssWidth, cssHeight);
        }
    }

    static MathElement of(Element math, ITextFSFont textFont, List<FontFamily> families, float dotsPerPoint) {
        BaseFont text = textFont.getFontDescription().getFont();
        Map<MathLayout.Font, BaseFont> fonts = new EnumMap<>(MathLayout.Font.class);
        Optional<FontFamily> family = PdfFonts.familyOf(text);
        fonts.put(MathLayout.Font.REGULAR, face(family, 400, false).orElse(text));
        fonts.put(MathLayout.Font.ITALIC, face(family, 400, true).orElse(fonts.get(MathLayout.Font.REGULAR)));
        fonts.put(MathLayout.Font.BOLD, face(family, 700, false).orElse(fonts.get(MathLayout.Font.REGULAR)));
        fonts.put(MathLayout.Font.BOLD_ITALIC, face(family, 700, true).orElse(fonts.get(MathLayout.Font.BOLD)));
        fonts.put(MathLayout.Font.MATH, mathFont(families).orElse(fonts.get(MathLayout.Font.REGULAR)));
        boolean display = "block".equals(math.getAttribute("display"));
        MathNode tree = node(math);
        float size = textFont.getSize2D() / dotsPerPoint;
        MathLayout.Result r = new MathLayout(new Metrics(fonts)).layout(tree, size, display);
        String alt = math.getAttribute("alttext");
        return new MathElement(r, fonts, alt.isEmpty() ? tree.linear() : alt, dotsPerPoint);
    }

    private static Optional<BaseFont> face(Optional<FontFamily> family, int weight, boolean italic) {
        return family.flatMap(f -> f.faces().stream().filter(x -> x.weight() == weight && x.italic() == italic)
                .findFirst()).flatMap(PdfFonts::baseFont);
    }

    /** The document's math font: a family whose regular face has ∑, √ and ∫ (Noto Sans Math). */
    private static Optional<BaseFont> mathFont(List<FontFamily> families) {
        for (FontFamily f : families) {
            FontFace face = f.regular();
            if (face.covers(0x2211) && face.covers(0x221A) && face.covers(0x222B) && face.covers(0x1D44E)) {
                PdfFonts.family(f);
                return PdfFonts.baseFont(face);
            }
        }
        return Optional.empty();
    }

    private static String localName(Node n) {
        String name = n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
        return name.substring(name.indexOf(':') + 1);
    }

    /** The DOM of a formula as a {@link MathNode}. */
    static MathNode node(Element e) {
        String name = localName(e);
        Map<String, String> attrs = new LinkedHashMap<>();
        NamedNodeMap a = e.getAttributes();
        for (int i = 0; i < a.getLength(); i++) {
            Node at = a.item(i);
            if (!at.getNodeName().startsWith("xmlns")) {
                attrs.put(localName(at), at.getNodeValue());
            }
        }
        if (MathNode.TOKENS.contains(name)) {
            return new MathNode(name, attrs, List.of(), e.getTextContent().replaceAll("\\s+", " ").strip());
        }
        List<MathNode> kids = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                kids.add(node(ce));
            }
        }
        return new MathNode(name, attrs, kids, "");
    }

    /** Metrics from OpenPDF's fonts: advances and glyph boxes in thousandths of an em. */
    private record Metrics(Map<MathLayout.Font, BaseFont> fonts) implements MathLayout.Metrics {
        @Override
        public boolean has(MathLayout.Font font, int cp) {
            return fonts.get(font).charExists(cp);
        }

        @Override
        public double[] box(MathLayout.Font font, int cp) {
            BaseFont f = fonts.get(font);
            double advance = f.getWidth(cp) / 1000.0;
            int[] bbox = f.getCharBBox(cp);
            if (bbox == null) {
                return new double[] {advance, 0.7, 0};
            }
            return new double[] {advance, Math.max(0, bbox[3] / 1000.0), Math.max(0, -bbox[1] / 1000.0)};
        }
    }

    // ---- Flying Saucer's side ----------------------------------------------------------------------

    @Override
    public int getIntrinsicWidth() {
        return (int) Math.ceil(result.width() * dotsPerPoint);
    }

    @Override
    public int getIntrinsicHeight() {
        return (int) Math.ceil((result.height() + result.depth()) * dotsPerPoint);
    }

    @Override
    public boolean hasBaseline() {
        return true;
    }

    @Override
    public int getBaseline() {
        return Math.round((float) result.height() * dotsPerPoint);
    }

    @Override
    public Point getLocation() {
        return location;
    }

    @Override
    public void setLocation(int x, int y) {
        location = new Point(x, y);
    }

    @Override
    public void detach(LayoutContext c) {
    }

    @Override
    public boolean isRequiresInteractivePaint() {
        return false;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice out, BlockBox box) {
        if (!(out instanceof TypesetOutputDevice device)) {
            return;
        }
        Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        if (device.clippedAway(content.y + getBaseline())) {
            return; // the copy of a line on the page it does not belong to, as for text
        }
        float[] m = device.textMatrixAt(content.x, content.y + getBaseline());
        device.paintDirect(() -> {
            // the colour of the text, through Flying Saucer's own bookkeeping
            out.setColor(box.getStyle().getColor());
            out.fill(new Path2D.Float());
            draw(out.getCurrentPage(), m);
        });
    }

    /** The formula's glyphs and rules, in a span whose {@code /ActualText} is its linear form. */
    private void draw(PdfContentByte cb, float[] m) {
        PdfDictionary span = new PdfDictionary();
        span.put(ACTUAL_TEXT, TypesetOutputDevice.utf16(linear));
        cb.beginMarkedContentSequence(PdfName.SPAN, span, true);
        for (MathLayout.Item item : result.items()) {
            if (item instanceof MathLayout.Glyphs g) {
                cb.beginText();
                cb.setFontAndSize(fonts.get(g.font()), (float) g.size());
                cb.setTextMatrix(m[0] * (float) g.scaleX(), m[1] * (float) g.scaleX(), m[2] * (float) g.scaleY(),
                        m[3] * (float) g.scaleY(), (float) (m[0] * g.x() + m[2] * g.y() + m[4]),
                        (float) (m[1] * g.x() + m[3] * g.y() + m[5]));
                cb.showText(g.text());
                cb.endText();
            } else if (item instanceof MathLayout.Rule r) {
                float x0 = (float) (m[0] * r.x() + m[2] * r.y() + m[4]);
                float y0 = (float) (m[1] * r.x() + m[3] * r.y() + m[5]);
                cb.rectangle(x0, y0, (float) (m[0] * r.width()), (float) (m[3] * r.height()));
                cb.fill();
            }
        }
        cb.endMarkedContentSequence();
    }
}
