package org.separata.finish;

import java.util.List;
import java.util.Optional;

/**
 * How an issue PDF is put together, for {@link IssueFinisher}: the front matter's page count, each
 * article's place, and the contents entries' link areas.
 *
 * @param frontPages pages of cover, contents and front matter (numbered in roman numerals)
 * @param firstPage  the printed number of the first article's first page
 * @param articles   the articles in order, as written by the renderer (without blank pages)
 * @param links      areas on the front pages that link to an article's first page
 */
public record IssueLayout(int frontPages, int firstPage, List<ArticlePlace> articles, List<ContentsLink> links,
                          PdfMetadata metadata) {

    public IssueLayout {
        articles = List.copyOf(articles);
        links = List.copyOf(links);
    }

    /**
     * @param title       the outline entry's title
     * @param pages       how many pages the renderer wrote for it
     * @param blankBefore whether a blank verso goes before it so that it starts on a recto
     * @param sections    outline entries inside the article (title, page offset in the article)
     */
    public record ArticlePlace(String title, int pages, boolean blankBefore, List<Section> sections) {
        public ArticlePlace {
            sections = List.copyOf(sections);
        }
    }

    public record Section(String title, int pageOffset, Optional<Float> y) {
    }

    /** A clickable area on front page {@code frontPage} (0-based) leading to article {@code article}. */
    public record ContentsLink(int frontPage, float x, float y, float width, float height, int article) {
    }
}
