package org.separata.model;

import java.util.List;
import java.util.Optional;

/**
 * A journal issue to assemble: its metadata, the ordered article files (paths as written,
 * relative to the issue file), the page the first article starts on, its front matter, and the
 * language of its cover, contents and front matter (a BCP 47 tag; empty: the layout's choice).
 */
public record IssueManifest(Journal journal, Issue issue, Optional<String> title, int firstPage, boolean rectoStart,
                            Optional<String> layout, Optional<String> coverImage, List<FrontMatter> frontMatter,
                            List<String> articles, Optional<String> language) {

    public IssueManifest {
        java.util.Objects.requireNonNull(journal);
        java.util.Objects.requireNonNull(issue);
        title = title == null ? Optional.empty() : title;
        layout = layout == null ? Optional.empty() : layout;
        coverImage = coverImage == null ? Optional.empty() : coverImage;
        language = language == null ? Optional.empty() : language;
        frontMatter = List.copyOf(frontMatter);
        articles = List.copyOf(articles);
        if (firstPage < 1) {
            throw new IllegalArgumentException("first-page must be 1 or more");
        }
    }

    /** An editorial page before the articles ("From the editors"). */
    public record FrontMatter(RichText title, List<Paragraph> paragraphs, Optional<String> signature) {
        public FrontMatter {
            java.util.Objects.requireNonNull(title);
            paragraphs = List.copyOf(paragraphs);
            signature = signature == null ? Optional.empty() : signature;
        }
    }
}
