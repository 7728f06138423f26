package org.separata.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything Separata knows about one article. Readers build it through {@link Builder}; it is
 * immutable afterwards. Lists keep the order of the input. {@code translations} are the whole
 * article in other languages (JATS translation sub-articles), which layouts print only on request.
 */
public record Article(Journal journal, Issue issue, Optional<Doi> doi, String language, Optional<PageRange> pages,
                      Optional<String> elocation, Optional<String> section, List<Title> titles,
                      List<Contributor> contributors, List<Affiliation> affiliations, List<RichText> authorNotes,
                      List<HistoryDate> history, List<Abstract> abstracts, List<KeywordGroup> keywords,
                      List<Section> body, List<Footnote> footnotes, List<Reference> references,
                      Optional<RichText> howToCite, Optional<License> license, List<Translation> translations) {

    public Article {
        java.util.Objects.requireNonNull(journal);
        java.util.Objects.requireNonNull(issue);
        java.util.Objects.requireNonNull(language);
        if (titles.isEmpty()) {
            throw new IllegalArgumentException("an article needs at least one title");
        }
        titles = List.copyOf(titles);
        contributors = List.copyOf(contributors);
        affiliations = List.copyOf(affiliations);
        authorNotes = List.copyOf(authorNotes);
        history = List.copyOf(history);
        abstracts = List.copyOf(abstracts);
        keywords = List.copyOf(keywords);
        body = List.copyOf(body);
        footnotes = List.copyOf(footnotes);
        references = List.copyOf(references);
        translations = List.copyOf(translations);
    }

    /** The title in the article's own language, else the first one given. */
    public Title mainTitle() {
        return title(language).orElse(titles.get(0));
    }

    public List<Contributor> authors() {
        return contributors.stream().filter(c -> c.role() == Contributor.Role.AUTHOR).toList();
    }

    /** The title in the given language, if there is one. */
    public Optional<Title> title(String lang) {
        return titles.stream().filter(t -> t.lang().equals(lang)).findFirst();
    }

    public Optional<Affiliation> affiliation(String id) {
        return affiliations.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The page the offprint's numbering starts at: the first page, or 1. */
    public int firstPageNumber() {
        return pages.map(PageRange::first).orElse(1);
    }

    /** The publication date: the "published" history date, else the issue date. */
    public Optional<LocalDate> publicationDate() {
        return history.stream().filter(h -> h.type().equals("published")).map(HistoryDate::date).findFirst()
                .or(issue::date);
    }

    /** The same article without its translations (what an offprint prints by default). */
    public Article withoutTranslations() {
        if (translations.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        b.translations.clear();
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.journal = journal;
        b.issue = issue;
        b.doi = doi;
        b.language = language;
        b.pages = pages;
        b.elocation = elocation;
        b.section = section;
        b.titles.addAll(titles);
        b.contributors.addAll(contributors);
        b.affiliations.addAll(affiliations);
        b.authorNotes.addAll(authorNotes);
        b.history.addAll(history);
        b.abstracts.addAll(abstracts);
        b.keywords.addAll(keywords);
        b.body.addAll(body);
        b.footnotes.addAll(footnotes);
        b.references.addAll(references);
        b.howToCite = howToCite;
        b.license = license;
        b.translations.addAll(translations);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A mutable builder for readers; {@link #build()} checks what the record requires. */
    public static final class Builder {
        public Journal journal;
        public Issue issue = Issue.NONE;
        public Optional<Doi> doi = Optional.empty();
        public String language = "en";
        public Optional<PageRange> pages = Optional.empty();
        public Optional<String> elocation = Optional.empty();
        public Optional<String> section = Optional.empty();
        public final List<Title> titles = new ArrayList<>();
        public final List<Contributor> contributors = new ArrayList<>();
        public final List<Affiliation> affiliations = new ArrayList<>();
        public final List<RichText> authorNotes = new ArrayList<>();
        public final List<HistoryDate> history = new ArrayList<>();
        public final List<Abstract> abstracts = new ArrayList<>();
        public final List<KeywordGroup> keywords = new ArrayList<>();
        public final List<Section> body = new ArrayList<>();
        public final List<Footnote> footnotes = new ArrayList<>();
        public final List<Reference> references = new ArrayList<>();
        public Optional<RichText> howToCite = Optional.empty();
        public Optional<License> license = Optional.empty();
        public final List<Translation> translations = new ArrayList<>();

        public Article build() {
            return new Article(journal, issue, doi, language, pages, elocation, section, titles, contributors,
                    affiliations, authorNotes, history, abstracts, keywords, body, footnotes, references, howToCite,
                    license, translations);
        }
    }
}
