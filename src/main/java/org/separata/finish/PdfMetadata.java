package org.separata.finish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the finisher writes into a PDF besides the pages, in plain values: the record the
 * Info dictionary, the XMP packet, {@code /Lang} and the page labels are all written from, so
 * they cannot disagree. The pipeline builds it from the article ({@code pipeline.Metadata}); where
 * each value goes is documented in {@link XmpPacket} and {@link PdfFinisher}.
 *
 * @param language      the article's language (BCP 47)
 * @param titles        the full title (with its subtitle) in each language; the first is the main one
 * @param creators      the authors' display names, in byline order
 * @param abstracts     the abstract in each language, as plain text; the article's own language first
 * @param keywords      the keywords in the article's language (else the first group given)
 * @param citation      the how-to-cite line, as plain text
 * @param doi           the article's DOI, bare ({@code 10.…})
 * @param publisher     the journal's publisher
 * @param journal       the journal's title
 * @param issn          the print ISSN
 * @param eIssn         the online ISSN
 * @param volume        the issue's volume
 * @param number        the issue's number
 * @param firstPage     the printed first page
 * @param lastPage      the printed last page
 * @param coverDate     the issue's cover date: {@code 2021-12-30}, or the year alone
 * @param published     the article's publication date
 * @param rights        the copyright line and licence statement, as plain text
 * @param licenseUrl    the licence's URL (a CC deed)
 * @param fileDate      the date of the file itself (CreationDate, ModDate): {@code SOURCE_DATE_EPOCH} or the
 *                      publication date; never the wall clock. Absent: the PDF carries no file date
 * @param firstPageNumber  the number of the first page, for the page labels
 * @param pageLabelPrefix  a prefix for every page label (an e-location), if any
 */
public record PdfMetadata(String language, List<LangText> titles, List<String> creators, List<LangText> abstracts,
                          List<String> keywords, String citation, Optional<String> doi, Optional<String> publisher,
                          Optional<String> journal, Optional<String> issn, Optional<String> eIssn,
                          Optional<String> volume, Optional<String> number, Optional<String> firstPage,
                          Optional<String> lastPage, Optional<String> coverDate, Optional<LocalDate> published,
                          Optional<String> rights, Optional<String> licenseUrl, Optional<Instant> fileDate,
                          int firstPageNumber, Optional<String> pageLabelPrefix) {

    /** A text in one language. */
    public record LangText(String lang, String text) {
        public LangText {
            Objects.requireNonNull(lang);
            Objects.requireNonNull(text);
        }
    }

    public PdfMetadata {
        Objects.requireNonNull(language);
        titles = List.copyOf(titles);
        if (titles.isEmpty()) {
            throw new IllegalArgumentException("a PDF needs a title");
        }
        creators = List.copyOf(creators);
        abstracts = List.copyOf(abstracts);
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(citation);
        Objects.requireNonNull(doi);
        Objects.requireNonNull(publisher);
        Objects.requireNonNull(journal);
        Objects.requireNonNull(issn);
        Objects.requireNonNull(eIssn);
        Objects.requireNonNull(volume);
        Objects.requireNonNull(number);
        Objects.requireNonNull(firstPage);
        Objects.requireNonNull(lastPage);
        Objects.requireNonNull(coverDate);
        Objects.requireNonNull(published);
        Objects.requireNonNull(rights);
        Objects.requireNonNull(licenseUrl);
        Objects.requireNonNull(fileDate);
        Objects.requireNonNull(pageLabelPrefix);
    }

    /** The main title, the one in the article's language. */
    public String title() {
        return titles.get(0).text();
    }

    /**
     * The document's description: the abstract in the article's language (else the first one),
     * or the how-to-cite line when there is no abstract. One value for Info {@code /Subject} and the
     * {@code x-default} of {@code dc:description}.
     */
    public String description() {
        return abstracts.stream().filter(a -> a.lang().equals(language)).findFirst()
                .or(() -> abstracts.stream().findFirst()).map(LangText::text).orElse(citation);
    }

    /** "84-100", "84", or empty without pages. */
    public Optional<String> pageRange() {
        return firstPage.map(f -> lastPage.filter(l -> !l.equals(f)).map(l -> f + "-" + l).orElse(f));
    }

    public static Builder builder(String language, String title) {
        return new Builder(language, title);
    }

    /** Builds a {@link PdfMetadata}; everything but the language and the main title is optional. */
    public static final class Builder {
        private final String language;
        private final List<LangText> titles = new ArrayList<>();
        private final List<String> creators = new ArrayList<>();
        private final List<LangText> abstracts = new ArrayList<>();
        private final List<String> keywords = new ArrayList<>();
        private String citation = "";
        private Optional<String> doi = Optional.empty();
        private Optional<String> publisher = Optional.empty();
        private Optional<String> journal = Optional.empty();
        private Optional<String> issn = Optional.empty();
        private Optional<String> eIssn = Optional.empty();
        private Optional<String> volume = Optional.empty();
        private Optional<String> number = Optional.empty();
        private Optional<String> firstPage = Optional.empty();
        private Optional<String> lastPage = Optional.empty();
        private Optional<String> coverDate = Optional.empty();
        private Optional<LocalDate> published = Optional.empty();
        private Optional<String> rights = Optional.empty();
        private Optional<String> licenseUrl = Optional.empty();
        private Optional<Instant> fileDate = Optional.empty();
        private int firstPageNumber = 1;
        private Optional<String> pageLabelPrefix = Optional.empty();

        private Builder(String language, String title) {
            this.language = language;
            titles.add(new LangText(language, title));
        }

        /** Adds the title in another language. */
        public Builder title(String lang, String text) {
            titles.add(new LangText(lang, text));
            return this;
        }

        public Builder creators(List<String> v) {
            creators.addAll(v);
            return this;
        }

        public Builder abstractText(String lang, String text) {
            abstracts.add(new LangText(lang, text));
            return this;
        }

        public Builder keywords(List<String> v) {
            keywords.addAll(v);
            return this;
        }

        public Builder citation(String v) {
            citation = v;
            return this;
        }

        public Builder doi(Optional<String> v) {
            doi = v;
            return this;
        }

        public Builder publisher(Optional<String> v) {
            publisher = v;
            return this;
        }

        public Builder journal(Optional<String> v) {
            journal = v;
            return this;
        }

        public Builder issn(Optional<String> print, Optional<String> online) {
            issn = print;
            eIssn = online;
            return this;
        }

        public Builder issue(Optional<String> vol, Optional<String> num, Optional<String> cover) {
            volume = vol;
            number = num;
            coverDate = cover;
            return this;
        }

        public Builder pages(Optional<String> first, Optional<String> last) {
            firstPage = first;
            lastPage = last;
            return this;
        }

        public Builder published(Optional<LocalDate> v) {
            published = v;
            return this;
        }

        public Builder rights(Optional<String> statement, Optional<String> url) {
            rights = statement;
            licenseUrl = url;
            return this;
        }

        public Builder fileDate(Optional<Instant> v) {
            fileDate = v;
            return this;
        }

        public Builder pageLabels(int first, Optional<String> prefix) {
            firstPageNumber = first;
            pageLabelPrefix = prefix;
            return this;
        }

        public PdfMetadata build() {
            return new PdfMetadata(language, titles, creators, abstracts, keywords, citation, doi, publisher,
                    journal, issn, eIssn, volume, number, firstPage, lastPage, coverDate, published, rights,
                    licenseUrl, fileDate, firstPageNumber, pageLabelPrefix);
        }
    }
}
