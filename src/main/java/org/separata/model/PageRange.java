package org.separata.model;

/** The printed pages an article occupies, first to last inclusive. */
public record PageRange(int first, int last) {

    /**
     * The highest page number an input may give (six digits, as JATS files use): read values are
     * checked against it, so page arithmetic never comes near overflow.
     */
    public static final int MAX_PAGE_NUMBER = 999_999;

    public PageRange {
        if (first < 1) {
            throw new IllegalArgumentException("the first page must be 1 or more, not " + first);
        }
        if (last < first) {
            throw new IllegalArgumentException("the last page (" + last + ") comes before the first (" + first + ")");
        }
    }

    public int count() {
        return last - first + 1;
    }

    /** "84–100" with an en dash, or "84" for a one-page article. */
    public String display() {
        return first == last ? Integer.toString(first) : first + "\u2013" + last;
    }

    /** "84-100" with a hyphen-minus, the form citation styles use. */
    public String ascii() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
