package org.separata.pipeline;

import org.separata.render.RenderedPdf;

/** An article after the third step, {@link Separata#render(Typeset)}: the renderer's PDF, not yet finished. */
public final class Rendered {

    final Typeset typeset;
    final RenderedPdf pdf;

    Rendered(Typeset typeset, RenderedPdf pdf) {
        this.typeset = typeset;
        this.pdf = pdf;
    }

    public Prepared prepared() {
        return typeset.prepared;
    }

    /** How many pages the article took. */
    public int pageCount() {
        return pdf.pageCount();
    }

    /** Why it was laid out more than once: one round per layout after the first. */
    public java.util.List<org.separata.render.LayoutRound> layoutRounds() {
        return pdf.rounds();
    }
}
