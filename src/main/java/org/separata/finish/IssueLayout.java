package org.separata.finish;

import java.util.List;
import java.util.Optional;
import org.separata.tags.Tag;

/**
 * How an issue PDF is put together, for {@link IssueFinisher}: the front matter's page count, each
 * article's place and outline, and the contents entries' link areas.
 *
 * @param frontPages pages of cover, contents and front matter (numbered in roman numerals)
 * @param firstPage  the printed number of the first article's first page
 * @param articles   the articles in order, as written by the renderer (without blank pages)
 * @param links      areas on the front pages that link to an article's first page
 * @param frontTags  the front matter's structure, when the issue is tagged (its contents entries
 *                   carry the ids {@code toc-0}, {@code toc-1}…)
 */
public record IssueLayout(int frontPages, int firstPage, List<ArticlePlace> articles, List<ContentsLink> links,
                          Optional<Tag> frontTags) {

    public IssueLayout {
        articles = List.copyOf(articles);
        links = List.copyOf(links);
        java.util.Objects.requireNonNull(frontTags);
    }

    /** An untagged issue. */
    public IssueLayout(int frontPages, int firstPage, List<ArticlePlace> articles, List<ContentsLink> links) {
        this(frontPages, firstPage, articles, links, Optional.empty());
    }

    /**
     * @param title       the article's outline entry
     * @param pages       how many pages the renderer wrote for it
     * @param blankBefore whether a blank verso goes before it so that it starts on a recto
     * @param outline     the article's own outline (title, abstracts, sections…), page indices
     *                    counted from the article's first page; it goes under the article's entry
     * @param tags        the article's structure, when tagged, pages counted from its first page
     */
    public record ArticlePlace(String title, int pages, boolean blankBefore, List<OutlineItem> outline,
                               Optional<Tag> tags) {
        public ArticlePlace {
            outline = List.copyOf(outline);
            java.util.Objects.requireNonNull(tags);
        }

        /** An untagged article. */
        public ArticlePlace(String title, int pages, boolean blankBefore, List<OutlineItem> outline) {
            this(title, pages, blankBefore, outline, Optional.empty());
        }
    }

    /** A clickable area on front page {@code frontPage} (0-based) leading to article {@code article}. */
    public record ContentsLink(int frontPage, float x, float y, float width, float height, int article) {
    }
}
