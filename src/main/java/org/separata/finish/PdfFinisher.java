package org.separata.finish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * The only code that touches PDFBox. It takes the renderer's bytes and writes what a reader's
 * viewer and an indexer look at: the document information dictionary, the document language,
 * page labels that show the printed page numbers, and the preference to show the title.
 */
public final class PdfFinisher {

    private PdfFinisher() {
    }

    /** Loads PDFBox's classes by finishing an empty page; see {@code PdfRenderer.warmUp}. */
    public static void warmUp() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            finish(out.toByteArray(), new PdfMetadata("warm-up", List.of(), "", List.of(), "en", 1,
                    java.util.Optional.empty()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static byte[] finish(byte[] pdf, PdfMetadata meta) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Info dictionary. Taken from the article's title in its own language, its authors in
            // byline order, its how-to-cite line and its keywords; written to /Title, /Author,
            // /Subject, /Keywords.
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(meta.title());
            info.setAuthor(String.join(", ", meta.authors()));
            info.setSubject(meta.subject());
            if (!meta.keywords().isEmpty()) {
                info.setKeywords(String.join("; ", meta.keywords()));
            }
            info.setCreator("Separata");
            info.setProducer("Separata (Flying Saucer, OpenPDF, PDFBox)");
            doc.setDocumentInformation(info);

            // Taken from the article's language; written to the catalog's /Lang.
            doc.getDocumentCatalog().setLanguage(meta.language());

            // Taken from the first page number (the article's first page); written to /PageLabels
            // so that viewers show 84, 85, ... instead of 1, 2, ...
            PDPageLabels labels = new PDPageLabels(doc);
            PDPageLabelRange range = new PDPageLabelRange();
            range.setStyle(PDPageLabelRange.STYLE_DECIMAL);
            range.setStart(meta.firstPageNumber());
            meta.pageLabelPrefix().ifPresent(range::setPrefix);
            labels.setLabelItem(0, range);
            doc.getDocumentCatalog().setPageLabels(labels);

            PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            prefs.setDisplayDocTitle(true);
            doc.getDocumentCatalog().setViewerPreferences(prefs);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 8192);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SeparataException(ExitCode.INTERNAL, List.of(Diagnostic.error(SourceLocation.of("PDF"),
                    "finishing the PDF failed: " + e.getMessage(), "this is a bug in Separata; please report it")),
                    e);
        }
    }
}
