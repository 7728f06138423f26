package org.separata.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.separata.finish.PdfMetadata;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Doi;
import org.separata.model.Issn;
import org.separata.model.IssueManifest;
import org.separata.model.KeywordGroup;
import org.separata.model.PageRange;
import org.separata.model.RichText;
import org.separata.model.Title;

/**
 * The one place where a PDF's metadata is decided, for an offprint and for an issue: taken from
 * the article (or the issue manifest and its articles), written by the finisher into the Info
 * dictionary and the XMP. The file's date is {@code SOURCE_DATE_EPOCH} if set, else the
 * publication (or cover) date; the clock never is. A PDF whose page numbers come from an
 * incomplete issue says so in its title: {@value #PROVISIONAL}…
 */
final class Metadata {

    /** What the title of a PDF with provisional page numbers starts with. */
    static final String PROVISIONAL = "[Provisional pages] ";

    private Metadata() {
    }

    /** An offprint's metadata, from the article as printed and its how-to-cite line. */
    static PdfMetadata article(Article a, RichText citation, boolean provisional, Optional<Instant> sourceDateEpoch) {
        Title main = a.mainTitle();
        PdfMetadata.Builder m = PdfMetadata.builder(a.language(), (provisional ? PROVISIONAL : "") + main.full());
        a.titles().stream().filter(t -> t != main).forEach(t -> m.title(t.lang(), t.full()));
        m.creators(a.authors().stream().map(Contributor::displayName).toList());
        a.abstracts().stream().filter(ab -> ab.lang().equals(a.language()))
                .forEach(ab -> m.abstractText(ab.lang(), ab.plain()));
        a.abstracts().stream().filter(ab -> !ab.lang().equals(a.language()))
                .forEach(ab -> m.abstractText(ab.lang(), ab.plain()));
        m.keywords(a.keywords().stream().filter(k -> k.lang().equals(a.language()))
                .findFirst().or(() -> a.keywords().stream().findFirst())
                .map(KeywordGroup::keywords).orElse(List.of()).stream().map(RichText::plain).toList());
        m.citation(citation.plain());
        m.doi(a.doi().map(Doi::value));
        m.publisher(a.journal().publisher());
        m.journal(Optional.of(a.journal().title()));
        m.issn(a.journal().printIssn().map(Issn::value), a.journal().onlineIssn().map(Issn::value));
        m.issue(a.issue().volume(), a.issue().number(),
                a.issue().date().map(LocalDate::toString).or(() -> a.issue().year().map(String::valueOf)));
        m.pages(a.pages().map(p -> String.valueOf(p.first())), a.pages().map(p -> String.valueOf(p.last())));
        m.published(a.publicationDate());
        a.license().ifPresent(l -> {
            String statement = Stream.of(l.copyrightLine(), l.text().map(RichText::plain).or(l::name))
                    .flatMap(Optional::stream).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(" "));
            m.rights(statement.isEmpty() ? Optional.empty() : Optional.of(statement), l.url());
        });
        m.fileDate(sourceDateEpoch.or(() -> a.publicationDate().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())));
        // An article with an e-location and no pages is numbered from 1, each label prefixed with
        // the e-location: e2021043-1, e2021043-2, …
        m.pageLabels(a.firstPageNumber(), a.pages().isEmpty() ? a.elocation().map(e -> e + "-") : Optional.empty());
        return m.build();
    }

    /**
     * An issue PDF's metadata: taken from the issue manifest (journal, volume, number, date) and
     * its articles (their page ranges and titles as the contents, the authors in order).
     */
    static PdfMetadata issue(IssueManifest m, List<Article> articles, boolean provisional,
                             Optional<Instant> sourceDateEpoch) {
        String title = m.journal().title() + issueLabel(m) + m.title().map(t -> ". " + t).orElse("");
        PdfMetadata.Builder b = PdfMetadata.builder("en", (provisional ? PROVISIONAL : "") + title);
        LinkedHashSet<String> authors = new LinkedHashSet<>();
        articles.forEach(a -> a.authors().forEach(c -> authors.add(c.displayName())));
        b.creators(new ArrayList<>(authors));
        b.abstractText("en", articles.stream()
                .map(a -> a.pages().map(PageRange::display).orElse("") + "  " + a.mainTitle().title().plain())
                .collect(Collectors.joining("\n")));
        b.publisher(m.journal().publisher());
        b.journal(Optional.of(m.journal().title()));
        b.issn(m.journal().printIssn().map(Issn::value), m.journal().onlineIssn().map(Issn::value));
        b.issue(m.issue().volume(), m.issue().number(),
                m.issue().date().map(Object::toString).or(() -> m.issue().year().map(String::valueOf)));
        int last = articles.stream().flatMap(a -> a.pages().stream()).mapToInt(PageRange::last).max()
                .orElse(m.firstPage());
        b.pages(Optional.of(String.valueOf(m.firstPage())), Optional.of(String.valueOf(last)));
        b.published(m.issue().date());
        b.fileDate(sourceDateEpoch.or(() -> m.issue().date().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())));
        b.pageLabels(m.firstPage(), Optional.empty());
        return b.build();
    }

    /** ". 2021;9(4)" */
    static String issueLabel(IssueManifest m) {
        StringBuilder sb = new StringBuilder();
        m.issue().year().ifPresent(y -> sb.append(". ").append(y));
        m.issue().volume().ifPresent(v -> sb.append(sb.isEmpty() ? ". " : ";").append(v));
        m.issue().number().ifPresent(n -> sb.append('(').append(n).append(')'));
        return sb.toString();
    }
}
