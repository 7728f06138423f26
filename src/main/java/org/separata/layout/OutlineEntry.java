package org.separata.layout;

/**
 * One entry of the PDF outline the layout asks for: the id of the element it points to (the
 * template puts that id on the element), its title, and its depth (1 = top level).
 */
public record OutlineEntry(String id, String title, int level) {
    public OutlineEntry {
        java.util.Objects.requireNonNull(id);
        java.util.Objects.requireNonNull(title);
        if (level < 1) {
            throw new IllegalArgumentException("outline levels start at 1, not " + level);
        }
    }
}
