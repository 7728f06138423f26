package org.separata.render;

import java.io.OutputStream;
import java.util.List;
import org.separata.diag.Diagnostic;
import org.separata.fonts.FontFamily;
import org.separata.layout.XhtmlDocument;
import org.separata.tags.Tag;
import java.util.Optional;

/**
 * Several documents written into one PDF by one Flying Saucer renderer, one after another: the
 * font subsets are shared by all of them (an issue PDF is much smaller than merged offprints), and
 * only the current document's layout is held in memory. Pages stream to {@code out}.
 */
public final class PdfBook implements AutoCloseable {

    private final OutputStream out;
    private final PdfRenderer.Session session;
    private boolean started;
    private int pages;

    /** {@code fonts}: every family any of the documents uses; the PDF is tagged. */
    public PdfBook(OutputStream out, List<FontFamily> fonts) {
        this(out, fonts, true);
    }

    /** {@code fonts}: every family any of the documents uses; {@code tagged}: whether to tag. */
    public PdfBook(OutputStream out, List<FontFamily> fonts, boolean tagged) {
        this.out = out;
        this.session = new PdfRenderer.Session(fonts, tagged);
    }

    /** Lays out and writes {@code doc} after the documents before it; returns its page count. */
    public int add(XhtmlDocument doc) {
        int count = session.layout(doc);
        if (!started) {
            session.guard(doc, () -> {
                try {
                    session.renderer.createPDF(out, false, doc.firstPageNumber());
                } catch (com.lowagie.text.DocumentException e) {
                    throw new IllegalStateException(e);
                }
            });
            started = true;
        } else {
            session.guard(doc, () -> session.renderer.writeNextDocument(doc.firstPageNumber()));
        }
        pages += count;
        return count;
    }

    /** Where the last document's elements with ids matching {@code idPattern} are (pages 0-based in it). */
    public List<RenderedPdf.Anchor> anchors(String idPattern) {
        return session.anchors(java.util.regex.Pattern.compile(idPattern));
    }

    /** Where the last document's outline targets are, in the order of its outline. */
    public List<RenderedPdf.Anchor> outlineAnchors(XhtmlDocument doc) {
        return session.outlineAnchors(doc);
    }

    /**
     * The structure of the last document added, when the book is tagged: its pages counted from
     * that document's first page.
     */
    public Optional<Tag> tags() {
        return session.tags();
    }

    /** Pages written so far. */
    public int pages() {
        return pages;
    }

    public List<Diagnostic> warnings() {
        return List.copyOf(session.agent.warnings());
    }

    /** Writes the shared fonts and closes the PDF (not {@code out}). */
    @Override
    public void close() {
        if (started) {
            session.renderer.finishPDF();
        }
    }
}
