package org.separata.pipeline;

import java.util.List;
import org.separata.diag.Diagnostic;
import org.separata.model.Article;

/** A finished offprint: the PDF bytes, its page count, the article it shows and every warning. */
public record Offprint(byte[] pdf, int pageCount, Article article, List<Diagnostic> warnings) {
    public Offprint {
        warnings = List.copyOf(warnings);
    }
}
