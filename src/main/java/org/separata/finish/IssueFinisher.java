package org.separata.finish;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;

/**
 * Finishes an issue PDF like an offprint (the same repairs, XMP, output intent and PDF/A claim,
 * through {@link PdfFinisher}), and also: inserts the blank versos that recto starts need,
 * numbers the front matter in roman and the articles in arabic numerals from the first page, nests
 * each article's outline under an entry for the article, and turns the contents entries into
 * links to the articles' first pages.
 */
public final class IssueFinisher {

    private final PdfFinisher finisher;

    public IssueFinisher(PdfFinisher finisher) {
        this.finisher = finisher;
    }

    public byte[] finish(byte[] pdf, PdfMetadata meta, IssueLayout layout, PdfStandard standard) {
        // Where each article starts, before and after the blank versos go in.
        List<Integer> written = new ArrayList<>();
        List<Integer> placed = new ArrayList<>();
        int index = layout.frontPages();
        int blanks = 0;
        for (IssueLayout.ArticlePlace a : layout.articles()) {
            if (a.blankBefore()) {
                blanks++;
            }
            written.add(index);
            placed.add(index + blanks);
            index += a.pages();
        }
        // The outline: one entry per article (level 1), its own entries below it, except its title,
        // which is where the article's entry already points.
        List<OutlineItem> outline = new ArrayList<>();
        for (int i = 0; i < layout.articles().size(); i++) {
            IssueLayout.ArticlePlace a = layout.articles().get(i);
            outline.add(new OutlineItem(a.title(), 1, placed.get(i), Float.MAX_VALUE));
            for (OutlineItem item : a.outline()) {
                if (item.pageIndex() == 0 && item.title().equals(a.title())) {
                    continue;
                }
                outline.add(new OutlineItem(item.title(), item.level() + 1, placed.get(i) + item.pageIndex(),
                        item.top()));
            }
        }
        return finisher.finish(pdf, meta, outline, standard, doc -> {
            for (int i = layout.articles().size() - 1; i >= 0; i--) {
                if (layout.articles().get(i).blankBefore()) {
                    PDPage neighbour = doc.getPage(written.get(i));
                    PDPage blank = new PDPage(new PDRectangle(neighbour.getMediaBox().getWidth(),
                            neighbour.getMediaBox().getHeight()));
                    doc.getPages().insertBefore(blank, neighbour);
                }
            }
            pageLabels(doc, layout);
            for (IssueLayout.ContentsLink link : layout.links()) {
                doc.getPage(link.frontPage()).getAnnotations().add(link(doc.getPage(placed.get(link.article())), link));
            }
        });
    }

    /**
     * Taken from the front matter's length and the issue's first page; written to /PageLabels:
     * i, ii, … then first-page, first-page + 1, …
     */
    private static void pageLabels(PDDocument doc, IssueLayout layout) {
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
    }

    /** Taken from a contents entry's position; written as a printable link annotation to {@code target}. */
    private static PDAnnotationLink link(PDPage target, IssueLayout.ContentsLink link) {
        PDAnnotationLink annotation = new PDAnnotationLink();
        annotation.setRectangle(new PDRectangle(link.x(), link.y(), link.width(), link.height()));
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        annotation.setBorderStyle(border);
        annotation.setPrinted(true);
        PDActionGoTo go = new PDActionGoTo();
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(target);
        go.setDestination(dest);
        annotation.setAction(go);
        return annotation;
    }
}
