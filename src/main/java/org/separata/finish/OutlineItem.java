package org.separata.finish;

/**
 * One bookmark of the PDF's outline: its title, its depth (1 = top level) and where it points,
 * as found by the renderer: the page (0-based) and the top of the target in PDF points from the
 * page's bottom edge.
 */
public record OutlineItem(String title, int level, int pageIndex, float top) {
    public OutlineItem {
        java.util.Objects.requireNonNull(title);
        if (level < 1) {
            throw new IllegalArgumentException("outline levels start at 1, not " + level);
        }
        if (pageIndex < 0) {
            throw new IllegalArgumentException("page index " + pageIndex);
        }
    }
}
