package org.separata.render;

import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

/**
 * Keeps an inline-block (the layouts' {@code .glue}, which holds a word and its note mark or a
 * symbol and its number together, and any other {@code display: inline-block}) from making its
 * line taller than the others.
 *
 * <p>Flying Saucer lays an inline-block out before it knows which line it goes on, at the top of
 * its paragraph ({@code InlineBoxing.layoutInlineBlockContent} gets the paragraph's first offset),
 * and checks the inline-block's own line against the page ends there. When a paragraph begins in
 * the last sliver of a page, less than a line high, its first line moves to the next page but the
 * paragraph's top stays in the sliver: an inline-block laid out at that top finds its line crossing
 * the page's end, moves the line to the next page, and so grows by the sliver. Later it is set on
 * its real line, which grows by as much: a gap of up to a line inside the paragraph, wherever the
 * inline-block lands.
 *
 * <p>Where an inline-block is laid out matters only for those checks, since its line gives it its
 * place afterwards. Flying Saucer asks the replaced-element factory about every block box before it
 * lays out the box's content, after giving it that first place; this factory moves an inline-block
 * to the top of its page there (below a repeated table head), where its lines fit as they would on
 * any line, then hands the question on.
 */
final class InlineBlocks implements ReplacedElementFactory {

    private final ReplacedElementFactory next;

    InlineBlocks(ReplacedElementFactory next) {
        this.next = next;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                 int cssWidth, int cssHeight) {
        if (c.isPrint() && box.getStyle().isInlineBlock()) {
            startAtPageTop(c, box);
        }
        return next.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    /**
     * Moves {@code box} to the top of the page its first place falls on: one dot below it, since
     * Flying Saucer drops the top margin of a box that begins exactly at a page's top.
     */
    static void startAtPageTop(LayoutContext c, BlockBox box) {
        PageBox page = c.getRootLayer().getFirstPage(c, box);
        if (page == null) {
            return;
        }
        int delta = page.getTop() + c.getExtraSpaceTop() + 1 - box.getAbsY();
        if (delta != 0) {
            box.setY(box.getY() + delta);
            box.calcCanvasLocation();
        }
    }

    @Override
    public void reset() {
        next.reset();
    }

    @Override
    public void remove(Element e) {
        next.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        next.setFormSubmissionListener(listener);
    }
}
