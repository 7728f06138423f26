package org.separata.render;

import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfBorderArray;
import com.lowagie.text.pdf.PdfBorderDictionary;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.separata.tags.Annotation;
import org.separata.tags.Content;
import org.separata.tags.Tag;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Text;
import org.xhtmlrenderer.css.style.CalculatedStyle.Edge;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.extend.NamespaceHandler;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.MarkerData;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

/**
 * The output device that tags: it paints as {@link TypesetOutputDevice} does, and wraps what
 * Flying Saucer paints in marked content, each piece given to the structure element its DOM node
 * belongs to ({@link StructurePlan}):
 * <ul>
 * <li>text ({@link #drawText}): one marked-content sequence with an MCID per painted run of text,
 *     tagged with its element's type ({@code /P <</MCID 3>> BDC … EMC}); text in page furniture
 *     (running heads, folios, generated page-margin content) is an artifact, and so is a piece of
 *     text painted a second time (a running element on a later page, a line Flying Saucer paints
 *     twice at a page break), so that every piece belongs to one element once;</li>
 * <li>list markers Flying Saucer paints itself go into the item's {@code Lbl}, and so do numbers
 *     and bullets generated before an item's first paragraph (CSS counters, as base.css sets
 *     them);</li>
 * <li>images ({@link #paintReplacedElement}) are {@code Figure} content, or artifacts when the
 *     markup says they are decoration; a formula {@link MathElement} draws is its {@code Formula}'s
 *     content (its glyphs and rules, through {@link #paintDirect});</li>
 * <li>every other path or image (rules, borders, backgrounds, underlines, bullets) is a layout
 *     artifact;</li>
 * <li>links: Flying Saucer's own link annotations are left out, and each painted box of a link
 *     gets one made here, with its description ({@code /Contents}) and a name ({@code /NM}) that the
 *     structure tree refers to; links in artifacts get none.</li>
 * </ul>
 * Marked content is written lazily: a sequence is opened just before something is drawn, and
 * taken back when nothing was, so a line the typesetting decides not to draw leaves no trace.
 * After each document, {@link #tree()} holds its structure, with pages counted from its first.
 */
class TaggingOutputDevice extends TypesetOutputDevice {

    private static final PdfName NM = new PdfName("NM");
    /** The elements whose replaced element (an image, a formula drawn by {@link MathElement}) is their content. */
    private static final Set<String> REPLACED = Set.of("Figure", "Formula");

    /** What the marked content being written belongs to: an element (and where in it), or an artifact. */
    private record Target(StructurePlan.Element owner, long key, Object piece, String artifact) {
        static final Target LAYOUT = new Target(null, 0, null, "Layout");
        static final Target PAGINATION = new Target(null, 0, null, "Pagination");

        boolean isArtifact() {
            return owner == null;
        }
    }

    /** A piece of text, to know whether it is painted a second time. */
    private record Piece(Object node, int start, int end) {
    }

    private StructurePlan plan;
    private Optional<Tag> tree = Optional.empty();
    private Box root;
    /** The context of the last box painted (list markers are painted without one). */
    private RenderingContext context;
    private List<BlockBox> markerBoxes;
    private final Set<Piece> drawn = new HashSet<>();
    private final Set<String> linkAreas = new HashSet<>();
    private int page = -1;
    private float pageHeight;
    private int mcid;
    private int links;

    /** The target of the text or image being painted; null outside {@link #drawText} and images. */
    private Target pending;
    /** The open sequence: its target and where its operator began, or null. */
    private Target open;
    private int openedAt;
    private int contentFrom;

    TaggingOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    /** The structure of the last document written. */
    Optional<Tag> tree() {
        return tree;
    }

    @Override
    public void start(Document doc) {
        super.start(doc);
        plan = StructurePlan.of(doc);
        tree = Optional.empty();
        drawn.clear();
        markerBoxes = null;
        page = -1;
    }

    @Override
    public void setRoot(Box root) {
        super.setRoot(root);
        this.root = root;
    }

    @Override
    public void finish(RenderingContext c, Box box) {
        close();
        super.finish(c, box);
        tree = Optional.of(plan.toTag());
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        close();
        super.initializePage(currentPage, height);
        pageHeight = height;
        page++;
        mcid = 0;
        linkAreas.clear();
    }

    @Override
    public void finishPage() {
        close();
        super.finishPage();
    }

    // ---- text

    @Override
    public void drawText(RenderingContext c, InlineText inlineText) {
        context = c;
        Target outer = pending;
        pending = textTarget(inlineText);
        try {
            super.drawText(c, inlineText);
        } finally {
            close();
            pending = outer;
        }
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (open != null) {
            super.drawString(s, x, y, info);
            return;
        }
        boolean alone = pending == null;
        begin(alone ? markerTarget(s, x, y) : pending);
        try {
            super.drawString(s, x, y, info);
        } finally {
            settle(alone);
        }
    }

    private Target textTarget(InlineText text) {
        Text node = text.getTextNode();
        if (node != null) {
            Optional<StructurePlan.Element> owner = plan.ownerOfText(node);
            Piece piece = new Piece(node, text.getStart(), text.getEnd());
            if (owner.isEmpty() || drawn.contains(piece)) {
                return Target.PAGINATION;
            }
            return new Target(owner.get(), plan.textKey(node, text.getStart()), piece, null);
        }
        // generated content (::before, ::after, counters): it belongs to the element it is generated for
        String pseudo = null;
        Element element = null;
        for (Box b = text.getParent(); b != null; b = b.getParent()) {
            if (pseudo == null) {
                pseudo = b.getPseudoElementOrClass();
            }
            if (b.getElement() != null) {
                element = b.getElement();
                break;
            }
        }
        if (element == null || element == element.getOwnerDocument().getDocumentElement()) {
            return Target.PAGINATION; // page-margin content: folios and the like
        }
        if (!"after".equals(pseudo) && plan.ownerOfElement(element).isPresent()) {
            // a list item's number or bullet from a CSS counter, before its first paragraph
            Optional<StructurePlan.Element> label = plan.labelBefore(element);
            Piece piece = new Piece(text, 0, 0);
            if (label.isPresent() && !drawn.contains(piece)) {
                return new Target(label.get(), label.get().key, piece, null);
            }
        }
        Optional<StructurePlan.Element> owner = plan.ownerOfElement(element);
        if (owner.isEmpty() || drawn.contains(new Piece(text, 0, 0))) {
            return Target.PAGINATION;
        }
        return new Target(owner.get(), plan.generatedKey(element, "after".equals(pseudo)), new Piece(text, 0, 0),
                null);
    }

    /** A string drawn outside any text box: a list marker, for the label of its item. */
    private Target markerTarget(String s, float x, float y) {
        if (context == null) {
            return Target.LAYOUT;
        }
        if (markerBoxes == null) {
            markerBoxes = new ArrayList<>();
            if (root != null) {
                collectMarkers(root, markerBoxes);
            }
        }
        for (BlockBox b : markerBoxes) {
            MarkerData md = b.getMarkerData();
            MarkerData.TextMarker marker = md.getTextMarker();
            if (marker == null || !marker.getText().equals(s) || b.getElement() == null) {
                continue;
            }
            int refX = md.getReferenceLine() != null ? md.getReferenceLine().getAbsX()
                    : b.getAbsX() + (int) b.getMargin(context).left();
            int baseline = md.getReferenceLine() != null
                    ? md.getReferenceLine().getAbsY() + md.getStructMetrics().getBaseline()
                    : b.getAbsY() + b.getTy() + md.getStructMetrics().getBaseline();
            if ((int) x == refX - marker.getLayoutWidth() && (int) y == baseline) {
                Piece piece = new Piece(b, 0, 0);
                Optional<StructurePlan.Element> label = plan.label(b.getElement());
                if (label.isPresent() && !drawn.contains(piece)) {
                    return new Target(label.get(), label.get().key, piece, null);
                }
            }
        }
        return Target.LAYOUT;
    }

    private static void collectMarkers(Box box, List<BlockBox> out) {
        if (box instanceof BlockBox b && b.getMarkerData() != null) {
            out.add(b);
        }
        for (Box child : box.getChildren()) {
            collectMarkers(child, out);
        }
    }

    // ---- images and graphics

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        Target outer = pending;
        Element e = box.getElement();
        pending = e == null ? Target.LAYOUT : plan.elementOf(e).filter(el -> REPLACED.contains(el.type()))
                .map(el -> new Target(el, el.key, null, null)).orElse(Target.LAYOUT);
        try {
            super.paintReplacedElement(c, box);
        } finally {
            close();
            pending = outer;
        }
        // an image inside a link (a badge) is where the link is: Flying Saucer's own link box is empty
        for (org.w3c.dom.Node n = e == null ? null : e.getParentNode(); n instanceof Element a; n = n.getParentNode()) {
            String uri = getSharedContext().getNamespaceHandler().getLinkUri(a);
            if (uri != null) {
                link(c, box, a, uri);
                break;
            }
        }
    }

    @Override
    void paintDirect(Runnable paint) {
        artifactUnlessOpen(paint);
    }

    @Override
    public void drawImage(FSImage image, int x, int y) {
        artifactUnlessOpen(() -> super.drawImage(image, x, y));
    }

    @Override
    public void fill(Shape s) {
        artifactUnlessOpen(() -> super.fill(s));
    }

    @Override
    public void draw(Shape s) {
        artifactUnlessOpen(() -> super.draw(s));
    }

    /** Paints inside the open sequence, else inside one of its own: the pending target's, or a layout artifact. */
    private void artifactUnlessOpen(Runnable paint) {
        if (open != null) {
            paint.run();
            return;
        }
        boolean alone = pending == null;
        begin(alone ? Target.LAYOUT : pending);
        try {
            paint.run();
        } finally {
            settle(alone);
        }
    }

    // ---- links

    @Override
    public void paintBackground(RenderingContext c, Box box) {
        context = c;
        Element e = box.getElement();
        SharedContext shared = getSharedContext();
        NamespaceHandler handler = shared == null ? null : shared.getNamespaceHandler();
        String uri = e == null || handler == null ? null : handler.getLinkUri(e);
        if (uri == null) {
            super.paintBackground(c, box);
            return;
        }
        // Flying Saucer makes link annotations while painting backgrounds; it finds none now
        shared.setNamespaceHandler(NoLinks.INSTANCE);
        try {
            super.paintBackground(c, box);
        } finally {
            shared.setNamespaceHandler(handler);
        }
        link(c, box, e, uri);
    }

    /** A link annotation over {@code box}, held by the link's structure element. */
    private void link(RenderingContext c, Box box, Element e, String uri) {
        Optional<StructurePlan.Element> link = plan.elementOf(e).filter(el -> el.type().equals("Link"));
        if (link.isEmpty()) {
            return; // an artifact's link (a running head's DOI) is not a link
        }
        com.lowagie.text.Rectangle area = area(c, box);
        if (area.getWidth() <= 0 || area.getHeight() <= 0
                || !linkAreas.add(area.getLeft() + ":" + area.getBottom() + ":" + area.getRight() + ":" + area.getTop())) {
            return;
        }
        PdfAction action;
        if (uri.length() > 1 && uri.charAt(0) == '#') {
            Optional<PdfDestination> dest = destination(c, uri.substring(1));
            if (dest.isEmpty()) {
                return;
            }
            action = new PdfAction();
            action.put(PdfName.S, PdfName.GOTO);
            action.put(PdfName.D, dest.get());
        } else {
            action = new PdfAction(uri);
        }
        PdfAnnotation annotation = new PdfAnnotation(getWriter(), area.getLeft(), area.getBottom(), area.getRight(),
                area.getTop(), action);
        annotation.put(PdfName.SUBTYPE, PdfName.LINK);
        annotation.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        annotation.setBorderStyle(new PdfBorderDictionary(0.0f, 0));
        annotation.setBorder(new PdfBorderArray(0.0f, 0.0f, 0));
        String name = "link-" + (++links);
        annotation.put(NM, new PdfString(name));
        annotation.put(PdfName.CONTENTS, new PdfString(description(e, uri), PdfObject.TEXT_UNICODE));
        getWriter().addAnnotation(annotation);
        plan.add(link.get(), plan.endKey(e), new Annotation(page, name));
    }

    /** The area a link's box covers, its content and what overflows it (an image in it), in PDF points. */
    private com.lowagie.text.Rectangle area(RenderingContext c, Box box) {
        java.awt.Rectangle bounds = box.getPaintingInfo() != null ? box.getPaintingInfo().getAggregateBounds()
                : box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        java.awt.geom.Point2D corner = getTransform().transform(
                new java.awt.geom.Point2D.Double(bounds.x, bounds.y + bounds.height), null);
        float left = (float) corner.getX();
        float bottom = pageHeight - (float) corner.getY();
        float dotsPerPoint = getDotsPerPoint();
        return new com.lowagie.text.Rectangle(left, bottom, left + bounds.width / dotsPerPoint,
                bottom + bounds.height / dotsPerPoint);
    }

    /** What a link says, for readers that announce it: its text, else its image's alternate text, else its target. */
    private static String description(Element e, String uri) {
        String text = StructurePlan.text(e);
        if (!text.isEmpty()) {
            return text;
        }
        org.w3c.dom.NodeList images = e.getElementsByTagNameNS("*", "img");
        for (int i = 0; i < images.getLength(); i++) {
            String alt = StructurePlan.clean(((Element) images.item(i)).getAttribute("alt"));
            if (!alt.isEmpty()) {
                return alt;
            }
        }
        return uri;
    }

    /** Where an internal link ({@code #id}) leads: the top of the element with that id. */
    private Optional<PdfDestination> destination(RenderingContext c, String id) {
        Box target = getSharedContext().getBoxById(id);
        if (target == null || root == null) {
            return Optional.empty();
        }
        PageBox p = root.getLayer().getPage(c, target.getAbsY());
        if (p == null) {
            return Optional.empty();
        }
        float dotsPerPoint = getDotsPerPoint();
        int fromTop = p.getMarginBorderPadding(c, Edge.TOP) + target.getAbsY() - p.getTop();
        PdfDestination dest = new PdfDestination(PdfDestination.XYZ, 0, (p.getHeight(c) - fromTop) / dotsPerPoint, 0);
        dest.addPage(getWriter().getPageReference(getStartPageNo() + p.getPageNo() + 1));
        return Optional.of(dest);
    }

    // ---- marked content

    /** Writes the operator that opens a sequence for {@code t}; {@link #settle} takes it back if nothing follows. */
    private void begin(Target t) {
        ByteBuffer buf = getCurrentPage().getInternalBuffer();
        openedAt = buf.size();
        if (t.isArtifact()) {
            buf.append("/Artifact <</Type /").append(t.artifact()).append(">> BDC\n");
        } else {
            buf.append('/').append(t.owner().type()).append(" <</MCID ").append(mcid).append(">> BDC\n");
        }
        contentFrom = buf.size();
        open = t;
    }

    /** After a drawing call: takes back a sequence nothing was drawn in, and closes one that stands alone. */
    private void settle(boolean alone) {
        if (open == null) {
            return;
        }
        ByteBuffer buf = getCurrentPage().getInternalBuffer();
        if (buf.size() == contentFrom) {
            buf.setSize(openedAt);
            open = null;
        } else if (alone) {
            close();
        }
    }

    /** Ends the open sequence and gives its content to its element. */
    private void close() {
        if (open == null) {
            return;
        }
        Target t = open;
        open = null;
        PdfContentByte cb = getCurrentPage();
        if (cb.getInternalBuffer().size() == contentFrom) {
            cb.getInternalBuffer().setSize(openedAt);
            return;
        }
        cb.getInternalBuffer().append("EMC\n");
        if (!t.isArtifact()) {
            plan.add(t.owner(), t.key(), new Content(page, mcid++));
            if (t.piece() != null) {
                drawn.add((Piece) t.piece());
            }
        }
    }

    /**
     * The XHTML namespace handler Flying Saucer uses, but with no links, so that it makes no link
     * annotations while this one is in place (only the link lookup is asked while painting a
     * background).
     */
    private static final class NoLinks extends XhtmlNamespaceHandler {
        static final NoLinks INSTANCE = new NoLinks();

        @Override
        public String getLinkUri(Element e) {
            return null;
        }
    }
}
