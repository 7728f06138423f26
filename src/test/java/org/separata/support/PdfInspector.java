package org.separata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/**
 * Reads back what a reader of a rendered PDF sees: text per page, fonts, page labels, links,
 * outline and document information. Built on PDFBox, independently of how Separata writes.
 */
public final class PdfInspector implements AutoCloseable {

    private final PDDocument doc;

    public PdfInspector(byte[] pdf) {
        try {
            this.doc = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PDDocument document() {
        return doc;
    }

    public int pageCount() {
        return doc.getNumberOfPages();
    }

    /** The text of page {@code n} (1-based), in reading order. */
    public String pageText(int n) {
        try {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setStartPage(n);
            s.setEndPage(n);
            return s.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of page {@code n} (1-based) inside a rectangle given in points from the page's
     * top-left corner: where running heads and folios are, say.
     */
    public String textInArea(int n, float x, float y, float width, float height) {
        try {
            PDFTextStripperByArea s = new PDFTextStripperByArea();
            s.setSortByPosition(true);
            s.addRegion("r", new java.awt.geom.Rectangle2D.Float(x, y, width, height));
            s.extractRegions(doc.getPage(n - 1));
            return s.getTextForRegion("r");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All text, pages joined. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= pageCount(); i++) {
            sb.append(pageText(i)).append('\f');
        }
        return sb.toString();
    }

    /** All text with line breaks and runs of spaces turned into single spaces (for phrases that wrap). */
    public String flatText() {
        return text().replace('\u00AD', ' ').replaceAll("-\\s*\\n\\s*", "-").replaceAll("\\s+", " ");
    }

    /**
     * Text as a reader compares it with the input, typography aside: words broken across lines are
     * joined again (a line-end hyphen is dropped, as are all hyphens, since a line may also break
     * after a word's own hyphen; a URL broken after a slash or a dot is joined too), ligatures read
     * as their letters, no-break spaces as spaces, an en
     * dash between numbers as a hyphen, curly quotes and guillemets as straight quotes, and white
     * space is collapsed. Apply it to both sides of a comparison.
     */
    public static String reading(String s) {
        String joined = s;
        // a URL broken after / . - and the like (no hyphen is added there) is joined again
        for (String before = null; !joined.equals(before); ) {
            before = joined;
            joined = joined.replaceAll("(https?://\\S*[/.\\-_?&=])[ \\t]*\\n\\s*", "$1");
        }
        String t = java.text.Normalizer.normalize(joined, java.text.Normalizer.Form.NFKC)
                .replace("\u00AD", "").replace("\u200B", "")
                .replaceAll("[-\u2010]\\s*\\n\\s*", "").replace("-", "").replace("\u2010", "")
                .replaceAll("(?<=\\d)\u2013(?=\\d)", "")
                .replaceAll("[\u2018\u2019\u201A]", "'").replaceAll("[\u201C\u201D\u201E\u00AB\u00BB]", "\"");
        return flat(t);
    }

    /**
     * Whether {@code text} holds {@code passage} word for word, in order, once both are read as
     * {@link #reading(String)} does, allowing up to {@code interruptions} other words in between
     * (a page break puts the running heads and a folio into the middle of a paragraph).
     */
    public static boolean readsInOrder(String text, String passage, int interruptions) {
        String[] hay = reading(text).split(" ");
        String[] words = reading(passage).split(" ");
        for (int start = 0; start < hay.length; start++) {
            if (!hay[start].equals(words[0])) {
                continue;
            }
            int h = start;
            int skipped = 0;
            int w = 0;
            while (w < words.length && h < hay.length && skipped <= interruptions) {
                if (hay[h].equals(words[w])) {
                    w++;
                } else {
                    skipped++;
                }
                h++;
            }
            if (w == words.length && skipped <= interruptions) {
                return true;
            }
        }
        return false;
    }

    /** How many times {@code what} occurs in {@code s} (overlapping occurrences too). */
    public static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** White space collapsed, no-break spaces (which typography puts in) read as spaces. */
    public static String flat(String s) {
        return s.replace('\u00AD', ' ').replaceAll("[\\s\u00A0\u202F\u2009]+", " ").strip();
    }

    /** The page labels, e.g. ["84", "85"]; empty when the PDF has none. */
    public List<String> pageLabels() {
        try {
            PDPageLabels labels = doc.getDocumentCatalog().getPageLabels();
            if (labels == null) {
                return List.of();
            }
            String[] byIndex = labels.getLabelsByPageIndices();
            return List.of(byIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every URI link annotation, per page (1-based page → URIs in order). */
    public Map<Integer, List<String>> links() {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        try {
            for (int i = 0; i < pageCount(); i++) {
                List<String> uris = new ArrayList<>();
                for (PDAnnotation a : doc.getPage(i).getAnnotations()) {
                    if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
                out.put(i + 1, uris);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public List<String> allLinks() {
        return links().values().stream().flatMap(List::stream).toList();
    }

    /** One font as used in the document. */
    public record FontInfo(String name, String subtype, boolean embedded, boolean subset, boolean toUnicode) {
    }

    /** Every font used on any page (also inside form XObjects), by name. */
    public Map<String, FontInfo> fonts() {
        Map<String, FontInfo> out = new LinkedHashMap<>();
        try {
            for (PDPage p : doc.getPages()) {
                collectFonts(p.getResources(), out, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void collectFonts(PDResources res, Map<String, FontInfo> out, int depth) throws IOException {
        if (res == null || depth > 8) {
            return;
        }
        for (COSName n : res.getFontNames()) {
            PDFont f = res.getFont(n);
            String name = f.getName();
            boolean embedded = f.isEmbedded();
            if (f instanceof PDType0Font t0) {
                embedded = t0.getDescendantFont().isEmbedded();
            }
            boolean subset = name != null && name.matches("[A-Z]{6}\\+.*");
            boolean toUnicode = f.getCOSObject().containsKey(COSName.TO_UNICODE);
            out.put(name, new FontInfo(name, f.getSubType(), embedded, subset, toUnicode));
        }
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out, depth + 1);
            }
        }
    }

    /** The outline's titles, depth-first, indented by two spaces per level. */
    public List<String> outline() {
        return outlineTargets().stream().map(t -> "  ".repeat(t.depth()) + t.title()).toList();
    }

    /**
     * One outline entry and where it points: a page (0-based) and the top, in points from the bottom;
     * -1 and NaN when it points elsewhere than to a place on a page.
     */
    public record OutlineTarget(String title, int depth, int pageIndex, float top) {
    }

    /** The outline's entries with their destinations, depth-first (depth 0 = top level). */
    public List<OutlineTarget> outlineTargets() {
        List<OutlineTarget> out = new ArrayList<>();
        var o = doc.getDocumentCatalog().getDocumentOutline();
        if (o != null) {
            for (PDOutlineItem item : o.children()) {
                walkTargets(item, 0, out);
            }
        }
        return out;
    }

    private void walkTargets(PDOutlineItem item, int depth, List<OutlineTarget> out) {
        try {
            if (item.getDestination() instanceof PDPageXYZDestination d) {
                out.add(new OutlineTarget(item.getTitle(), depth, doc.getPages().indexOf(d.getPage()), d.getTop()));
            } else {
                out.add(new OutlineTarget(item.getTitle(), depth, -1, Float.NaN));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (PDOutlineItem c : item.children()) {
            walkTargets(c, depth + 1, out);
        }
    }

    /**
     * The text of page {@code n} (1-based) inside a band of the page: from {@code top} (points
     * from the bottom) down by {@code height} points, the whole width.
     */
    public String textBelow(int n, float top, float height) {
        try {
            PDPage page = doc.getPage(n - 1);
            float pageHeight = page.getMediaBox().getHeight();
            PDFTextStripperByArea s = new PDFTextStripperByArea();
            s.setSortByPosition(true);
            s.addRegion("band", new java.awt.geom.Rectangle2D.Float(0, pageHeight - top,
                    page.getMediaBox().getWidth(), height));
            s.extractRegions(page);
            return s.getTextForRegion("band");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XMP packet of the catalog, as text; empty when there is none. */
    public String xmp() {
        try {
            PDMetadata m = doc.getDocumentCatalog().getMetadata();
            return m == null ? "" : new String(m.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String infoTitle() {
        return doc.getDocumentInformation().getTitle();
    }

    public String infoAuthor() {
        return doc.getDocumentInformation().getAuthor();
    }

    public String infoSubject() {
        return doc.getDocumentInformation().getSubject();
    }

    public String infoKeywords() {
        return doc.getDocumentInformation().getKeywords();
    }

    /** The page size of page {@code n} (1-based) in points: [width, height]. */
    public float[] pageSize(int n) {
        var box = doc.getPage(n - 1).getMediaBox();
        return new float[] {box.getWidth(), box.getHeight()};
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
