package org.separata.layout;

import java.util.List;
import java.util.Optional;
import org.separata.model.IssueManifest;
import org.separata.model.RichText;

/**
 * The front matter of an issue PDF: cover, contents and editorial pages. {@code contents} lists
 * the articles in order with their computed first pages; {@code coverImage} is the cover's image
 * file, read by the caller.
 */
public record IssueFront(IssueManifest issue, List<Entry> contents, Optional<byte[]> coverImage) {

    public IssueFront {
        contents = List.copyOf(contents);
        coverImage = coverImage == null ? Optional.empty() : coverImage;
    }

    /**
     * One line of the contents; {@code anchor} is the id the contents entry gets, for its link;
     * {@code lang} is the language of its title and section (empty: the issue's).
     */
    public record Entry(RichText title, String authors, int firstPage, int lastPage, String section, String anchor,
                       String lang) {
        public Entry(RichText title, String authors, int firstPage, int lastPage, String section, String anchor) {
            this(title, authors, firstPage, lastPage, section, anchor, "");
        }
    }

    /** The name under which the template refers to the cover image. */
    public static final String COVER_IMAGE = "issue-cover-image";
}
