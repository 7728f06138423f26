package org.separata.finish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.tags.Tag;

/**
 * The only code that touches PDFBox. It takes the renderer's bytes and makes them an archival
 * file: it repairs what the renderer wrote ({@link Repairs}), then writes what a reader's viewer,
 * an indexer and an archive look at, all from one {@link PdfMetadata}: the Info dictionary, the
 * XMP packet ({@link XmpPacket}), the document language, the outline, page labels that show the
 * printed page numbers, the preference to show the title, and for PDF/A the sRGB output intent.
 * The claim (PDF/A-2a, -2b, -3a, -3b or none) is a row of {@link PdfStandard}; a tagged PDF gets
 * its structure tree ({@link StructureWriter}) and claims PDF/UA-1 as well.
 *
 * <p>The output is reproducible: nothing comes from the clock or from chance. The dates are the
 * metadata's file date, the font subset tags and the document ID are derived from the content.
 * One instance serves any number of threads.
 */
public final class PdfFinisher {

    /** The output condition of the sRGB profile, as registered with the ICC. */
    private static final String SRGB = "sRGB IEC61966-2.1";

    private final byte[] srgbProfile;

    /** @param srgbProfile an sRGB ICC profile, embedded as the output intent of PDF/A files */
    public PdfFinisher(byte[] srgbProfile) {
        this.srgbProfile = srgbProfile.clone();
    }

    /** Loads PDFBox's classes by finishing an empty page; see {@code PdfRenderer.warmUp}. */
    public void warmUp() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            finish(out.toByteArray(), PdfMetadata.builder("en", "warm-up").build(), List.of(), PdfStandard.DEFAULT,
                    Optional.of(Tag.of("Document", List.of())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Finishes an untagged {@code pdf}: repairs, metadata, outline, page labels, and the claim of
     * {@code standard} (a level B or none). Returns the new bytes; the input is not changed.
     */
    public byte[] finish(byte[] pdf, PdfMetadata meta, List<OutlineItem> outline, PdfStandard standard) {
        return finish(pdf, meta, outline, standard, Optional.empty());
    }

    /**
     * Finishes {@code pdf}: repairs, metadata, outline, page labels, the structure tree when the
     * renderer gives {@code tags} (see {@link StructureWriter}), and the claim of {@code standard},
     * with PDF/UA-1 when tagged. Returns the new bytes; the input is not changed.
     */
    public byte[] finish(byte[] pdf, PdfMetadata meta, List<OutlineItem> outline, PdfStandard standard,
                         Optional<Tag> tags) {
        return finish(pdf, meta, outline, standard, tags, doc -> pageLabels(doc, meta));
    }

    /** A step that arranges the pages (inserts, labels, links) before the outline is written. */
    @FunctionalInterface
    interface PageStep {
        void apply(PDDocument doc) throws IOException;
    }

    /**
     * As {@link #finish(byte[], PdfMetadata, List, PdfStandard, Optional)}, with {@code pages}
     * arranging the pages and writing the page labels; the outline's and the structure's page
     * indices refer to the arranged pages.
     */
    byte[] finish(byte[] pdf, PdfMetadata meta, List<OutlineItem> outline, PdfStandard standard, Optional<Tag> tags,
                  PageStep pages) {
        if (standard.requiresTags() && tags.isEmpty()) {
            throw new IllegalArgumentException(standard.displayName() + " needs a tagged PDF");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Repairs.apply(doc);
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            byte[] xmp = XmpPacket.build(meta, standard, tags.isPresent());

            info(doc, meta);
            // The XMP packet, uncompressed so that any tool can find it.
            catalog.setMetadata(new PDMetadata(doc, new ByteArrayInputStream(xmp)));
            if (standard.outputIntent()) {
                catalog.addOutputIntent(outputIntent(doc));
            }

            // Taken from the article's language; written to the catalog's /Lang.
            catalog.setLanguage(meta.language());
            pages.apply(doc);
            if (tags.isPresent()) {
                StructureWriter.write(doc, tags.get(), meta.language());
            }
            outline(doc, outline);

            PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
            prefs.setDisplayDocTitle(true);
            catalog.setViewerPreferences(prefs);
            if (!outline.isEmpty()) {
                catalog.setPageMode(PageMode.USE_OUTLINES);
            }

            doc.getDocument().setVersion(Float.parseFloat(standard.pdfVersion()));
            catalog.getCOSObject().removeItem(COSName.VERSION);
            documentId(doc, xmp);
            Repairs.sortTrailer(doc);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + xmp.length + srgbProfile.length + 8192);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SeparataException(ExitCode.INTERNAL, List.of(Diagnostic.error(SourceLocation.of("PDF"),
                    "finishing the PDF failed: " + e, "this is a bug in Separata; please report it")), e);
        }
    }

    /**
     * The sRGB output intent. The profile is embedded byte for byte: PDFBox's own constructor
     * passes it through the JDK's colour management, which rewrites it differently in each Java
     * version.
     */
    private PDOutputIntent outputIntent(PDDocument doc) throws IOException {
        PDStream profile = new PDStream(doc, new ByteArrayInputStream(srgbProfile), COSName.FLATE_DECODE);
        profile.getCOSObject().setInt(COSName.N, 3);
        COSDictionary dict = new COSDictionary();
        dict.setItem(COSName.TYPE, COSName.OUTPUT_INTENT);
        dict.setItem(COSName.S, COSName.GTS_PDFA1);
        dict.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        PDOutputIntent intent = new PDOutputIntent(dict);
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        return intent;
    }

    /**
     * The Info dictionary, replacing the renderer's (and with it OpenPDF's producer and dates). Every
     * entry has its twin in the XMP packet, written from the same value.
     */
    private static void info(PDDocument doc, PdfMetadata meta) {
        PDDocumentInformation info = new PDDocumentInformation();
        // Taken from the main title; written to /Title (= dc:title x-default).
        info.setTitle(meta.title());
        // Taken from the authors in byline order; written to /Author, joined by ", " (= dc:creator).
        if (!meta.creators().isEmpty()) {
            info.setAuthor(String.join(", ", meta.creators()));
        }
        // Taken from the abstract in the article's language, else the how-to-cite line; written to
        // /Subject (= dc:description x-default).
        info.setSubject(meta.description());
        // Taken from the keywords; written to /Keywords, joined by "; " (= pdf:Keywords).
        if (!meta.keywords().isEmpty()) {
            info.setKeywords(XmpPacket.keywords(meta));
        }
        // Written to /Creator (= xmp:CreatorTool) and /Producer (= pdf:Producer).
        info.setCreator(XmpPacket.CREATOR_TOOL);
        info.setProducer(XmpPacket.PRODUCER);
        // Taken from the file date (SOURCE_DATE_EPOCH, else the publication date); written to
        // /CreationDate and /ModDate (= xmp:CreateDate, xmp:ModifyDate).
        XmpPacket.calendar(meta.fileDate()).ifPresent(c -> {
            info.setCreationDate(c);
            info.setModificationDate(c);
        });
        doc.setDocumentInformation(info);
    }

    /**
     * Taken from the first page number (the article's first page) and the e-location; written to
     * /PageLabels so that viewers show 84, 85, … (or e2021043-1, e2021043-2, …) instead of 1, 2, ….
     */
    private static void pageLabels(PDDocument doc, PdfMetadata meta) {
        PDPageLabels labels = new PDPageLabels(doc);
        PDPageLabelRange range = new PDPageLabelRange();
        range.setStyle(PDPageLabelRange.STYLE_DECIMAL);
        range.setStart(meta.firstPageNumber());
        meta.pageLabelPrefix().ifPresent(range::setPrefix);
        labels.setLabelItem(0, range);
        doc.getDocumentCatalog().setPageLabels(labels);
    }

    /**
     * Taken from the layout's outline entries placed by the renderer; written to /Outlines. Levels
     * nest: an entry goes under the last one with a lower level. Top-level entries are open.
     */
    private static void outline(PDDocument doc, List<OutlineItem> items) {
        if (items.isEmpty()) {
            return;
        }
        PDDocumentOutline root = new PDDocumentOutline();
        record Open(int level, PDOutlineNode node) {
        }
        Deque<Open> stack = new ArrayDeque<>();
        stack.push(new Open(0, root));
        for (OutlineItem item : items) {
            while (stack.peek().level() >= item.level()) {
                stack.pop();
            }
            PDOutlineItem node = new PDOutlineItem();
            node.setTitle(item.title());
            PDPage page = doc.getPage(Math.min(item.pageIndex(), doc.getNumberOfPages() - 1));
            PDPageXYZDestination dest = new PDPageXYZDestination();
            dest.setPage(page);
            dest.setLeft(-1);
            dest.setTop(Math.round(Math.min(item.top(), page.getMediaBox().getHeight())));
            dest.setZoom(-1);
            node.setDestination(dest);
            stack.peek().node().addLast(node);
            stack.push(new Open(item.level(), node));
        }
        for (PDOutlineItem top : root.children()) {
            if (top.hasChildren()) {
                top.openNode();
            }
        }
        root.openNode();
        doc.getDocumentCatalog().setDocumentOutline(root);
    }

    /**
     * The trailer's /ID, derived from the content rather than from the time: a hash of the XMP
     * packet (all the metadata) and of every page's content streams (the text and its placement,
     * which also decide the font subsets).
     */
    private static void documentId(PDDocument doc, byte[] xmp) throws IOException {
        MessageDigest sha = Repairs.sha256();
        sha.update(xmp);
        for (PDPage page : doc.getPages()) {
            COSDictionary p = page.getCOSObject();
            if (p.getDictionaryObject(COSName.CONTENTS) instanceof COSArray contents) {
                for (int i = 0; i < contents.size(); i++) {
                    Repairs.hash(sha, contents.get(i));
                }
            } else {
                Repairs.hash(sha, p.getDictionaryObject(COSName.CONTENTS));
            }
        }
        byte[] id = Arrays.copyOf(sha.digest(), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
