package org.separata.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.model.Article;
import org.separata.model.Contributor;
import org.separata.model.Inline;
import org.separata.model.RichText;
import org.separata.model.Title;

/**
 * Generates the how-to-cite line when the input gives none, in the style of the seed article's
 * journal (a Vancouver variant):
 *
 * <pre>
 * Adins S. Bilateral relations … perspective. Cuadernos Iberoamericanos. 2021;9(4):84-100.
 * (In Esp.) https://doi.org/10.46272/2409-3416-2021-9-4-84-100
 * </pre>
 *
 * The title is taken in the citation language (English by default) when the article has one, and
 * then a note in that language says which language the article is in ("(In Esp.)"), from the
 * pack's labels ({@code in-language-XX}).
 */
final class CitationFormatter {

    private static final int MAX_AUTHORS = 6;

    private CitationFormatter() {
    }

    static RichText howToCite(Article a, Labels labels, String citationLanguage) {
        List<Inline> out = new ArrayList<>();
        List<Contributor> authors = a.authors();
        StringBuilder sb = new StringBuilder();
        List<Contributor> shown = authors.size() > MAX_AUTHORS ? authors.subList(0, 3) : authors;
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(citationName(shown.get(i), citationLanguage));
        }
        if (shown.size() < authors.size()) {
            sb.append(", et al");
        }
        if (!sb.isEmpty()) {
            sb.append(endWithPeriod(sb.toString()) ? " " : ". ");
        }
        Optional<Title> inCitationLanguage = a.title(citationLanguage);
        Title title = inCitationLanguage.orElse(a.mainTitle());
        out.add(new Inline.Text(sb.toString()));
        out.addAll(title.title().inlines());
        String titleText = title.title().plain();
        title.subtitle().ifPresent(s -> {
            out.add(new Inline.Text(titleText.endsWith(":") ? " " : ": "));
            out.addAll(s.inlines());
        });
        String lastTitle = title.subtitle().map(RichText::plain).orElse(titleText);
        out.add(new Inline.Text(endWithPeriod(lastTitle) ? " " : ". "));
        out.add(new Inline.Styled(Inline.Style.ITALIC, List.of(new Inline.Text(a.journal().title()))));
        StringBuilder tail = new StringBuilder(". ");
        a.issue().year().ifPresent(tail::append);
        a.issue().volume().ifPresent(v -> tail.append(';').append(v));
        a.issue().number().ifPresent(n -> tail.append('(').append(n).append(')'));
        if (a.pages().isPresent()) {
            tail.append(':').append(a.pages().get().ascii());
        } else {
            a.elocation().ifPresent(e -> tail.append(':').append(e));
        }
        tail.append('.');
        if (inCitationLanguage.isPresent() && !a.language().equalsIgnoreCase(citationLanguage)) {
            labels.get(citationLanguage, "in-language-" + baseLanguage(a.language()))
                    .ifPresent(note -> tail.append(' ').append(note));
        }
        out.add(new Inline.Text(tail.toString()));
        a.doi().ifPresent(doi -> {
            out.add(new Inline.Text(" "));
            out.add(new Inline.Link(doi.url(), List.of(new Inline.Text(doi.url()))));
        });
        return new RichText(out);
    }

    /** "Sokolova AV": the author's name in the citation's language when the input gives one. */
    private static String citationName(Contributor c, String citationLanguage) {
        return c.alternativeNames().stream()
                .filter(n -> n.lang().map(l -> baseLanguage(l).equals(baseLanguage(citationLanguage))).orElse(false))
                .findFirst().map(org.separata.model.PersonName::surnameThenInitials)
                .orElseGet(c::citationName);
    }

    private static String baseLanguage(String lang) {
        int dash = lang.indexOf('-');
        return (dash > 0 ? lang.substring(0, dash) : lang).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean endWithPeriod(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!");
    }
}
