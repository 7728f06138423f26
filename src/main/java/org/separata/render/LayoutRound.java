package org.separata.render;

/**
 * One layout of a document after its first, and why it was made ({@link LayoutRounds}):
 * {@code pages} is the page count of the layout that prompted it.
 */
public record LayoutRound(Reason reason, int pages) {

    public enum Reason {
        /** A page number printed for a part of the document was not that part's page. */
        PAGE_REFERENCE,
        /** A contents entry's leader stood alone under its title: the title's last word comes down. */
        LEADER_ALONE,
        /** The first page's foot notes were moved to its foot, or room was made for them. */
        PAGE_FOOT_NOTES,
        /** A table came out wider than its text block: it gets a landscape page. */
        WIDE_TABLE,
        /** A float that left the foot of the page before blank is set after the text that follows it. */
        FLOAT,
        /** Moving the float did not fill the page, or cost a page: it goes back. */
        FLOAT_BACK,
        /** A page (not the last) ended with a hyphen: the word is kept whole. */
        PAGE_END_HYPHEN,
        /** The last page held only the back matter: the article is set tighter. */
        TIGHTEN,
        /** Setting it tighter saved no page: the layout before is made again. */
        UNTIGHTEN
    }

    public LayoutRound {
        java.util.Objects.requireNonNull(reason);
    }
}
