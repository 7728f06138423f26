package org.separata.tags;

/**
 * A link annotation on page {@code page}, known by its annotation name ({@code /NM}), which the
 * structure element holding it points to with an object reference (PDF/UA: every link is in a
 * {@code Link} element).
 */
public record Annotation(int page, String name) implements Kid {
    public Annotation {
        java.util.Objects.requireNonNull(name);
        if (page < 0) {
            throw new IllegalArgumentException("pages start at 0: " + page);
        }
    }

    @Override
    public Annotation movePages(java.util.function.IntUnaryOperator pages) {
        return new Annotation(pages.applyAsInt(page), name);
    }
}
