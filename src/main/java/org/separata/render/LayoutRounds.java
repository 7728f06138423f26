package org.separata.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.separata.diag.Diagnostic;
import org.w3c.dom.Element;
import org.separata.render.LayoutRound.Reason;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;

/**
 * Decides, after each layout of a document, whether it is laid out again and what changes first.
 * One loop serves every reason, in this order, with at most {@link #MAX} layouts in all:
 * <ol>
 * <li>{@link Reason#PAGE_REFERENCE}: a page number the document prints for one of its parts
 * ({@link PageReferences}) was not yet, or no longer, the page that part begins on.</li>
 * <li>{@link Reason#LEADER_ALONE}: a contents entry's leader stood alone on a line under its
 * title; the title breaks before its last word ({@link Leaders}).</li>
 * <li>{@link Reason#PAGE_FOOT_NOTES}: the notes set at the foot of the first page
 * ({@link PageFootNotes}) were not yet there, or text ran under them.</li>
 * <li>{@link Reason#WIDE_TABLE}: a table came out wider than its text block; its wrapper is
 * marked for a landscape page ({@link WideTables}).</li>
 * <li>{@link Reason#FLOAT}: a figure or short table starts a page while the page before ends
 * with more than {@link FloatPlacement#BLANK_LINES} body lines blank; it moves after the text that
 * follows it ({@link FloatPlacement}), at most {@link #FLOAT_MOVES} times, and
 * {@link Reason#FLOAT_BACK} takes a move back that filled nothing, cost a page or carried the
 * float more than a page on.</li>
 * <li>{@link Reason#PAGE_END_HYPHEN}: a page (not the last) ends with a hyphen; the word is kept
 * whole in the next layout ({@link PageEnds}), at most {@link #HYPHEN_ROUNDS} times in a row, as
 * a change may move others.</li>
 * <li>{@link Reason#TIGHTEN}: the last page holds nothing but the back matter ({@code div.back}:
 * the how-to-cite line and the licence); the root element gets the class {@code tighten}, which
 * the stylesheet sets closer, and page ends are checked afresh.</li>
 * <li>{@link Reason#UNTIGHTEN}: the tightened layout did not save the page; the class comes off
 * and the layout before tightening is made again (the same input gives the same layout), which
 * is the last one.</li>
 * </ol>
 * A layout is tightened only when the budget leaves room to take it back.
 */
final class LayoutRounds {

    /** Layouts of one document at most, the first included. */
    static final int MAX = 12;
    /** Page-end rounds in a row at most (before tightening, and again after). */
    static final int HYPHEN_ROUNDS = 4;
    /** Floats moved at most, per document. */
    static final int FLOAT_MOVES = 3;
    /** The class of the block that should not stand alone on a last page (layouts/README.md). */
    static final String BACK = "back";
    /** The class the root element gets to set the article tighter. */
    static final String TIGHTEN = "tighten";

    private enum Phase { NORMAL, TIGHTENED, FINAL }

    private final Element root;
    private final List<LayoutRound> rounds = new ArrayList<>();
    private Phase phase = Phase.NORMAL;
    private Set<String> forbidden = Set.of();
    private int hyphenRounds;
    // the layout before tightening: its pages, the words it kept whole, the root's class
    private int pagesBefore;
    private Set<String> forbiddenBefore = Set.of();
    private String classBefore = "";

    private final PageFootNotes footNotes;
    private final FloatPlacement floats = new FloatPlacement();
    private int floatMoves;

    LayoutRounds(Element root, float dotsPerPoint) {
        this.root = root;
        this.footNotes = new PageFootNotes(root, dotsPerPoint);
    }

    /** The words the next layout keeps whole (see {@link BreakOpportunities}). */
    Set<String> forbidden() {
        return forbidden;
    }

    /** Each layout after the first, why it was made, in order. */
    List<LayoutRound> rounds() {
        return List.copyOf(rounds);
    }

    /**
     * Looks at the layout just made (its root box, and its boxes by id) and prepares the next
     * one; false when the layout just made is the last. Wide-table warnings go to {@code warnings}.
     */
    boolean next(BlockBox box, Function<String, Box> byId, List<Diagnostic> warnings) {
        int layouts = rounds.size() + 1;
        int pages = box.getLayer().getPages().size();
        if (layouts >= MAX) {
            return false;
        }
        // the page numbers printed must be those of the layout that is kept, the last one too
        if (PageReferences.fill(root, box.getLayer().getPages(), byId)) {
            return again(Reason.PAGE_REFERENCE, pages);
        }
        // a leader alone on a line under its title: the title's last word comes down to it
        if (Leaders.keepWithLastWord(box)) {
            return again(Reason.LEADER_ALONE, pages);
        }
        // so must the first page's notes: every layout may move the text they make room for
        if (footNotes.place(box, byId)) {
            return again(Reason.PAGE_FOOT_NOTES, pages);
        }
        if (phase == Phase.FINAL) {
            return false;
        }
        if (WideTables.mark(box, warnings)) {
            return again(Reason.WIDE_TABLE, pages);
        }
        if (phase == Phase.NORMAL && floats.pending() && floats.judge(box)) {
            return again(Reason.FLOAT_BACK, pages);
        }
        // a move may need a layout to take it back, and tightening two
        if (phase == Phase.NORMAL && floatMoves < FLOAT_MOVES && layouts + 4 <= MAX && floats.move(box)) {
            floatMoves++;
            return again(Reason.FLOAT, pages);
        }
        // after tightening, one layout must stay in the budget to take it back
        boolean room = phase == Phase.NORMAL || layouts + 1 < MAX;
        if (room && hyphenRounds < HYPHEN_ROUNDS) {
            Set<String> more = new HashSet<>(forbidden);
            if (more.addAll(PageEnds.hyphenated(box))) {
                forbidden = Set.copyOf(more);
                hyphenRounds++;
                return again(Reason.PAGE_END_HYPHEN, pages);
            }
        }
        if (phase == Phase.NORMAL) {
            if (pages > 1 && layouts + 2 <= MAX && PageEnds.onlyBlockOnLastPage(box, BACK)) {
                pagesBefore = pages;
                forbiddenBefore = forbidden;
                classBefore = root.getAttribute("class");
                root.setAttribute("class", (classBefore + " " + TIGHTEN).strip());
                forbidden = Set.of();
                hyphenRounds = 0;
                phase = Phase.TIGHTENED;
                return again(Reason.TIGHTEN, pages);
            }
            return false;
        }
        if (pages < pagesBefore) {
            return false; // tightened, and a page saved
        }
        if (classBefore.isEmpty()) {
            root.removeAttribute("class");
        } else {
            root.setAttribute("class", classBefore);
        }
        forbidden = forbiddenBefore;
        phase = Phase.FINAL;
        return again(Reason.UNTIGHTEN, pages);
    }

    private boolean again(Reason r, int pages) {
        rounds.add(new LayoutRound(r, pages));
        return true;
    }
}
