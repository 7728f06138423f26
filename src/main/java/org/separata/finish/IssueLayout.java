package org.separata.finish;

import java.util.List;

/**
 * How an issue PDF is put together, for {@link IssueFinisher}: the front matter's page count, each
 * article's place and outline, and the contents entries' link areas.
 *
 * @param frontPages pages of cover, contents and front matter (numbered in roman numerals)
 * @param firstPage  the printed number of the first article's first page
 * @param articles   the articles in order, as written by the renderer (without blank pages)
 * @param links      areas on the front pages that link to an article's first page
 */
public record IssueLayout(int frontPages, int firstPage, List<ArticlePlace> articles, List<ContentsLink> links) {

    public IssueLayout {
        articles = List.copyOf(articles);
        links = List.copyOf(links);
    }

    /**
     * @param title       the article's outline entry
     * @param pages       how many pages the renderer wrote for it
     * @param blankBefore whether a blank verso goes before it so that it starts on a recto
     * @param outline     the article's own outline (title, abstracts, sections…), page indices
     *                    counted from the article's first page; it goes under the article's entry
     */
    public record ArticlePlace(String title, int pages, boolean blankBefore, List<OutlineItem> outline) {
        public ArticlePlace {
            outline = List.copyOf(outline);
        }
    }

    /** A clickable area on front page {@code frontPage} (0-based) leading to article {@code article}. */
    public record ContentsLink(int frontPage, float x, float y, float width, float height, int article) {
    }
}
