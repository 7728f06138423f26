package org.separata.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks on the tagging of any PDF Separata writes, read back with {@link TaggedPdf} (PDFBox's
 * structure-tree API) and poppler:
 * <ul>
 * <li>{@link #assertEachPieceOnce}: every marked-content sequence and every annotation belongs
 *     to exactly one structure element, and the tree's text together with the artifacts' is the
 *     text pdftotext reads off the pages, letter for letter (so nothing is tagged twice, and
 *     nothing is left out);</li>
 * <li>{@link #assertHeadingsInOutline}: every heading of the tree has its outline entry, in the
 *     same order and with the same words.</li>
 * </ul>
 */
public final class Tagging {

    private Tagging() {
    }

    public static void assertEachPieceOnce(byte[] pdf) {
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            assertEquals(List.of(), t.problems(), "every piece of content belongs to one element");
            Map<Integer, Integer> tagged = TaggedPdf.letters(t.treeText());
            TaggedPdf.letters(t.artifactText()).forEach((c, n) -> tagged.merge(c, n, Integer::sum));
            Map<Integer, Integer> page = TaggedPdf.letters(Poppler.run("pdftotext", pdf, "-enc", "UTF-8"));
            assertEquals(difference(page, tagged), difference(tagged, page),
                    "the letters pdftotext reads and the letters of the tree and the artifacts differ "
                            + "(left: only on the page; right: only in the tags)");
        }
    }

    /** The letters {@code a} has more of than {@code b}, with how many more. */
    private static Map<String, Integer> difference(Map<Integer, Integer> a, Map<Integer, Integer> b) {
        Map<String, Integer> out = new HashMap<>();
        a.forEach((c, n) -> {
            int d = n - b.getOrDefault(c, 0);
            if (d > 0) {
                out.put(Character.toString(c), d);
            }
        });
        return out;
    }

    /**
     * Every heading ({@code H1}–{@code H6}) has an outline entry with its words, in the same
     * order; the outline's other entries are only those in {@code allowedExtra} (the licence,
     * which has no heading).
     */
    public static void assertHeadingsInOutline(byte[] pdf, Set<String> allowedExtra) {
        List<String> headings = new ArrayList<>();
        try (TaggedPdf t = new TaggedPdf(pdf)) {
            t.elements().stream().filter(e -> e.type().matches("H[1-6]")).forEach(e -> headings.add(words(e.text())));
        }
        List<String> outline;
        try (PdfInspector p = new PdfInspector(pdf)) {
            outline = p.outline().stream().map(Tagging::words).toList();
        }
        assertTrue(!headings.isEmpty(), "a tagged offprint has headings");
        int at = 0;
        List<String> extra = new ArrayList<>();
        for (String h : headings) {
            while (at < outline.size() && !outline.get(at).equals(h)) {
                extra.add(outline.get(at++));
            }
            assertTrue(at < outline.size(), "heading '" + h + "' has no outline entry after the ones before it: "
                    + outline + " vs headings " + headings);
            at++;
        }
        extra.addAll(outline.subList(at, outline.size()));
        List<String> allowed = allowedExtra.stream().map(Tagging::words).toList();
        assertTrue(allowed.containsAll(extra), "outline entries without a heading: " + extra);
    }

    /** Letters and digits in order, lower case, words joined by single spaces. */
    static String words(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[\\u00AD\\u200B]", "").replaceAll("-\\s+", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
