package org.separata.pipeline;

import org.separata.layout.XhtmlDocument;

/**
 * An article after the second step, {@link Separata#typeset}: the layout's XHTML document, ready
 * for the renderer (to count its pages, to render it alone, or to add it to an issue's book).
 */
public final class Typeset {

    final Prepared prepared;
    final XhtmlDocument xhtml;

    Typeset(Prepared prepared, XhtmlDocument xhtml) {
        this.prepared = prepared;
        this.xhtml = xhtml;
    }

    public Prepared prepared() {
        return prepared;
    }
}
