package org.separata.finish;

import java.util.List;
import java.util.Optional;

/**
 * What the finisher writes into a PDF besides the pages: document information, language and the
 * printed number of the first page. Built by the pipeline from the article.
 */
public record PdfMetadata(String title, List<String> authors, String subject, List<String> keywords, String language,
                          int firstPageNumber, Optional<String> pageLabelPrefix) {
    public PdfMetadata {
        java.util.Objects.requireNonNull(title);
        authors = List.copyOf(authors);
        java.util.Objects.requireNonNull(subject);
        keywords = List.copyOf(keywords);
        java.util.Objects.requireNonNull(language);
        pageLabelPrefix = pageLabelPrefix == null ? Optional.empty() : pageLabelPrefix;
    }
}
