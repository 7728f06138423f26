package org.separata.finish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.tags.Annotation;
import org.separata.tags.Kid;
import org.separata.tags.Tag;
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
 * each article's outline under an entry for the article, turns the contents entries into links to
 * the articles' first pages, and, when the issue is tagged, joins the front matter's and the
 * articles' structure into one tree.
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
        return finisher.finish(pdf, meta, outline, standard, structure(layout, placed), doc -> {
            for (int i = layout.articles().size() - 1; i >= 0; i--) {
                if (layout.articles().get(i).blankBefore()) {
                    PDPage neighbour = doc.getPage(written.get(i));
                    PDPage blank = new PDPage(new PDRectangle(neighbour.getMediaBox().getWidth(),
                            neighbour.getMediaBox().getHeight()));
                    doc.getPages().insertBefore(blank, neighbour);
                }
            }
            pageLabels(doc, layout);
            for (int i = 0; i < layout.links().size(); i++) {
                IssueLayout.ContentsLink link = layout.links().get(i);
                PDAnnotationLink annotation = link(doc.getPage(placed.get(link.article())), link);
                annotation.setAnnotationName(contentsLinkName(i));
                annotation.setContents(contentsLinkText(layout, link));
                doc.getPage(link.frontPage()).getAnnotations().add(annotation);
            }
        });
    }

    /**
     * The issue's structure, when it is tagged: a {@code Document} holding the front matter as a
     * {@code Part} and each article as an {@code Art} (each in its own language), their pages
     * moved to where they stand in the issue; each contents entry ({@code TOCI}) becomes the
     * {@code Link} to its article.
     */
    private static Optional<Tag> structure(IssueLayout layout, List<Integer> placed) {
        if (layout.frontTags().isEmpty() || layout.articles().stream().anyMatch(a -> a.tags().isEmpty())) {
            return Optional.empty();
        }
        Tag front = layout.frontTags().get().withType("Part");
        for (int i = 0; i < layout.links().size(); i++) {
            IssueLayout.ContentsLink link = layout.links().get(i);
            front = linkEntry(front, "toc-" + link.article(), new Annotation(link.frontPage(), contentsLinkName(i)));
        }
        List<Kid> kids = new ArrayList<>();
        kids.add(front);
        for (int i = 0; i < layout.articles().size(); i++) {
            int start = placed.get(i);
            kids.add(layout.articles().get(i).tags().get().withType("Art").movePages(p -> start + p));
        }
        return Optional.of(Tag.of("Document", kids));
    }

    /** The element with {@code id}, its content put in a {@code Link} that holds {@code annotation}. */
    private static Tag linkEntry(Tag t, String id, Annotation annotation) {
        if (t.id().equals(Optional.of(id))) {
            List<Kid> content = new ArrayList<>();
            for (Kid k : t.kids()) {
                if (k instanceof Tag p && p.type().equals("P") && p.lang().isEmpty()) {
                    content.addAll(p.kids());
                } else {
                    content.add(k);
                }
            }
            content.add(annotation);
            return t.withKids(List.of(Tag.of("Link", content)));
        }
        List<Kid> kids = new ArrayList<>(t.kids().size());
        for (Kid k : t.kids()) {
            kids.add(k instanceof Tag child ? linkEntry(child, id, annotation) : k);
        }
        return t.withKids(kids);
    }

    private static String contentsLinkName(int i) {
        return "contents-" + (i + 1);
    }

    /** A contents entry's description: the article's title and its first page. */
    private static String contentsLinkText(IssueLayout layout, IssueLayout.ContentsLink link) {
        return layout.articles().get(link.article()).title() + ", p. "
                + (layout.firstPage() + firstPageOffset(layout, link.article()));
    }

    private static int firstPageOffset(IssueLayout layout, int article) {
        int offset = 0;
        for (int i = 0; i <= article; i++) {
            IssueLayout.ArticlePlace a = layout.articles().get(i);
            offset += a.blankBefore() ? 1 : 0;
            if (i < article) {
                offset += a.pages();
            }
        }
        return offset;
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
