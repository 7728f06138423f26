package org.separata.finish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * Finishes an issue PDF: inserts the blank versos that recto starts need, numbers the front
 * matter in roman and the articles in arabic numerals from the first page (page labels), adds one
 * outline entry per article with its sections, turns the contents entries into links, and writes
 * the document information.
 */
public final class IssueFinisher {

    private IssueFinisher() {
    }

    public static byte[] finish(byte[] pdf, IssueLayout layout) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Blank versos: inserted from the back so earlier indices stay valid.
            List<Integer> starts = new ArrayList<>();
            int index = layout.frontPages();
            for (IssueLayout.ArticlePlace a : layout.articles()) {
                starts.add(index);
                index += a.pages();
            }
            for (int i = layout.articles().size() - 1; i >= 0; i--) {
                if (layout.articles().get(i).blankBefore()) {
                    PDPage neighbour = doc.getPage(starts.get(i));
                    PDPage blank = new PDPage(new PDRectangle(neighbour.getMediaBox().getWidth(),
                            neighbour.getMediaBox().getHeight()));
                    doc.getPages().insertBefore(blank, neighbour);
                }
            }
            int shift = 0;
            List<PDPage> firstPages = new ArrayList<>();
            for (int i = 0; i < layout.articles().size(); i++) {
                if (layout.articles().get(i).blankBefore()) {
                    shift++;
                }
                starts.set(i, starts.get(i) + shift);
                firstPages.add(doc.getPage(starts.get(i)));
            }

            // Page labels: taken from the front matter's length and the issue's first page;
            // written to /PageLabels (i, ii, … then first-page, first-page + 1, …).
            PDPageLabels labels = new PDPageLabels(doc);
            if (layout.frontPages() > 0) {
                PDPageLabelRange roman = new PDPageLabelRange();
                roman.setStyle(PDPageLabelRange.STYLE_ROMAN_LOWER);
                roman.setStart(1);
                labels.setLabelItem(0, roman);
            }
            PDPageLabelRange arabic = new PDPageLabelRange();
            arabic.setStyle(PDPageLabelRange.STYLE_DECIMAL);
            arabic.setStart(layout.firstPage());
            labels.setLabelItem(layout.frontPages(), arabic);
            doc.getDocumentCatalog().setPageLabels(labels);

            // Outline: taken from each article's title and its sections' positions; written to
            // /Outlines, one entry per article, its sections below it.
            PDDocumentOutline outline = new PDDocumentOutline();
            for (int i = 0; i < layout.articles().size(); i++) {
                IssueLayout.ArticlePlace a = layout.articles().get(i);
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(a.title());
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(firstPages.get(i));
                item.setDestination(dest);
                for (IssueLayout.Section s : a.sections()) {
                    PDOutlineItem child = new PDOutlineItem();
                    child.setTitle(s.title());
                    PDPageXYZDestination d = new PDPageXYZDestination();
                    d.setPage(doc.getPage(starts.get(i) + s.pageOffset()));
                    s.y().ifPresent(y -> d.setTop(Math.round(y)));
                    child.setDestination(d);
                    item.addLast(child);
                }
                outline.addLast(item);
            }
            doc.getDocumentCatalog().setDocumentOutline(outline);

            // Contents links: taken from the contents entries' positions; written as link
            // annotations to the article's first page.
            for (IssueLayout.ContentsLink link : layout.links()) {
                PDAnnotationLink annotation = new PDAnnotationLink();
                annotation.setRectangle(new PDRectangle(link.x(), link.y(), link.width(), link.height()));
                PDBorderStyleDictionary border = new PDBorderStyleDictionary();
                border.setWidth(0);
                annotation.setBorderStyle(border);
                annotation.setPrinted(true);
                PDActionGoTo go = new PDActionGoTo();
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(firstPages.get(link.article()));
                go.setDestination(dest);
                annotation.setAction(go);
                doc.getPage(link.frontPage()).getAnnotations().add(annotation);
            }

            PdfMetadata meta = layout.metadata();
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(meta.title());
            info.setSubject(meta.subject());
            info.setCreator("Separata");
            info.setProducer("Separata (Flying Saucer, OpenPDF, PDFBox)");
            doc.setDocumentInformation(info);
            doc.getDocumentCatalog().setLanguage(meta.language());
            PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            prefs.setDisplayDocTitle(true);
            doc.getDocumentCatalog().setViewerPreferences(prefs);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65536);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SeparataException(ExitCode.INTERNAL, List.of(Diagnostic.error(SourceLocation.of("issue PDF"),
                    "finishing the issue PDF failed: " + e.getMessage(), "this is a bug in Separata; please report it")),
                    e);
        }
    }
}
