package org.separata.render;

import java.util.List;
import org.separata.diag.Diagnostic;

/** The renderer's output: the PDF bytes, the number of pages, and warnings (missing images, refused URLs). */
public record RenderedPdf(byte[] bytes, int pageCount, List<Diagnostic> warnings) {
    public RenderedPdf {
        java.util.Objects.requireNonNull(bytes);
        warnings = List.copyOf(warnings);
    }
}
