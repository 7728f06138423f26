package org.separata.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.separata.model.Article;
import org.separata.model.CitationStyle;
import org.separata.model.Contributor;
import org.separata.model.Inline;
import org.separata.model.PersonName;
import org.separata.model.RichText;
import org.separata.model.Title;

/**
 * Generates the how-to-cite line when the input gives none, in the style a journal profile names
 * (Vancouver by default, the style of the seed article's journal):
 *
 * <pre>
 * vancouver  Adins S. Bilateral relations … perspective. Cuadernos Iberoamericanos. 2021;9(4):84-100.
 *            (In Esp.) https://doi.org/10.46272/2409-3416-2021-9-4-84-100
 * apa        Adins, S. (2021). Relaciones bilaterales … [Bilateral relations …]. <i>Cuadernos
 *            Iberoamericanos</i>, <i>9</i>(4), 84–100. https://doi.org/…
 * abnt       ADINS, S. Relaciones bilaterales … <b>Cuadernos Iberoamericanos</b>, v. 9, n. 4,
 *            p. 84-100, 2021. DOI: https://doi.org/…
 * gost       Adins S. Bilateral relations … // Cuadernos Iberoamericanos. 2021. Vol. 9, No. 4.
 *            P. 84–100. (In Esp.) https://doi.org/…
 * </pre>
 *
 * Vancouver and GOST cite the title in the citation language when the article has one, and then
 * add a note in that language saying which language the article is in ("(In Esp.)", from the
 * labels {@code in-language-XX}). APA keeps the original title and adds the translated one in
 * brackets; ABNT keeps the original title.
 */
final class CitationFormatter {

    private static final int MAX_AUTHORS = 6;

    private CitationFormatter() {
    }

    /**
     * The how-to-cite line an offprint prints and its metadata carries: the article's own, else
     * one made in {@code style}. The one place this is decided.
     */
    static RichText line(Article a, Labels labels, CitationStyle style) {
        return a.howToCite().orElseGet(() -> howToCite(a, labels, style));
    }

    /** The line for {@code a}; {@code style.language()} must be set (the layout fills it in). */
    static RichText howToCite(Article a, Labels labels, CitationStyle style) {
        String lang = style.language().orElse("en");
        return switch (style.style()) {
            case VANCOUVER -> vancouver(a, labels, lang);
            case APA -> apa(a, lang);
            case ABNT -> abnt(a);
            case GOST -> gost(a, labels, lang);
        };
    }

    private static RichText vancouver(Article a, Labels labels, String lang) {
        Line out = new Line();
        out.authors(a.authors(), c -> name(c, lang, n -> n.surname() + (initials(n).isEmpty() ? ""
                : " " + initials(n).replace(".", "").replace(" ", ""))), ", ", MAX_AUTHORS, 3, ", et al");
        Optional<Title> translated = a.title(lang);
        out.title(translated.orElse(a.mainTitle()));
        out.styled(Inline.Style.ITALIC, a.journal().title());
        StringBuilder where = new StringBuilder();
        a.issue().year().ifPresent(where::append);
        a.issue().volume().ifPresent(v -> where.append(';').append(v));
        a.issue().number().ifPresent(n -> where.append('(').append(n).append(')'));
        a.pages().ifPresentOrElse(p -> where.append(':').append(p.ascii()),
                () -> a.elocation().ifPresent(e -> where.append(':').append(e)));
        // "Journal. 2021;9(4):84-100." or, with nothing to say where, just "Journal."
        StringBuilder tail = new StringBuilder(where.isEmpty() ? "." : ". " + where + ".");
        languageNote(a, labels, lang, translated).ifPresent(note -> tail.append(' ').append(note));
        out.text(tail.toString());
        out.doi(a, " ");
        return out.build();
    }

    private static RichText apa(Article a, String lang) {
        Line out = new Line();
        List<Contributor> authors = a.authors();
        StringBuilder names = new StringBuilder();
        int shown = Math.min(authors.size(), 20);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                names.append(i == authors.size() - 1 ? ", & " : ", ");
            }
            names.append(name(authors.get(i), lang, CitationFormatter::apaName));
        }
        if (shown < authors.size()) {
            names.append(", … ").append(name(authors.get(authors.size() - 1), CitationFormatter::apaName));
        }
        if (!names.isEmpty()) {
            out.text(names + " ");
        }
        out.text("(" + a.issue().year().map(String::valueOf).orElse("n.d.") + "). ");
        Title original = a.mainTitle();
        out.inlines(original.title());
        original.subtitle().ifPresent(s -> {
            out.text(": ");
            out.inlines(s);
        });
        a.title(lang).filter(t -> t != original).ifPresent(t -> {
            out.text(" [");
            out.inlines(t.title());
            out.text("]");
        });
        out.text(". ");
        out.styled(Inline.Style.ITALIC, a.journal().title());
        a.issue().volume().ifPresent(v -> {
            out.text(", ");
            out.styled(Inline.Style.ITALIC, v);
        });
        StringBuilder tail = new StringBuilder();
        a.issue().number().ifPresent(n -> tail.append('(').append(n).append(')'));
        a.pages().ifPresentOrElse(p -> tail.append(", ").append(p.display()),
                () -> a.elocation().ifPresent(e -> tail.append(", Article ").append(e)));
        tail.append('.');
        out.text(tail.toString());
        out.doi(a, " ");
        return out.build();
    }

    private static RichText abnt(Article a) {
        Line out = new Line();
        out.authors(a.authors(), c -> name(c, n -> n.surname().toUpperCase(Locale.ROOT)
                + (initials(n).isEmpty() ? "" : ", " + initials(n)) + particles(n).map(p -> " " + p).orElse("")),
                "; ", 3, 1, " et al");
        out.title(a.mainTitle());
        out.styled(Inline.Style.BOLD, a.journal().title());
        StringBuilder tail = new StringBuilder();
        a.issue().volume().ifPresent(v -> tail.append(", v. ").append(v));
        a.issue().number().ifPresent(n -> tail.append(", n. ").append(n));
        a.pages().ifPresentOrElse(p -> tail.append(", p. ").append(p.ascii()),
                () -> a.elocation().ifPresent(e -> tail.append(", ").append(e)));
        a.issue().year().ifPresent(y -> tail.append(", ").append(y));
        tail.append('.');
        out.text(tail.toString());
        out.doi(a, " DOI: ");
        return out.build();
    }

    private static RichText gost(Article a, Labels labels, String lang) {
        Line out = new Line();
        out.authors(a.authors(), c -> name(c, n -> n.surname() + (initials(n).isEmpty() ? "" : " " + initials(n))),
                ", ", 3, 3, " [et al.]");
        Optional<Title> translated = a.title(lang);
        Title title = translated.orElse(a.mainTitle());
        out.inlines(title.title());
        title.subtitle().ifPresent(s -> {
            out.text(" : ");
            out.inlines(s);
        });
        out.text(" // " + a.journal().title() + ".");
        StringBuilder tail = new StringBuilder();
        a.issue().year().ifPresent(y -> tail.append(' ').append(y).append('.'));
        List<String> parts = new ArrayList<>();
        a.issue().volume().ifPresent(v -> parts.add(labels.get(lang, "volume").orElse("Vol.") + " " + v));
        a.issue().number().ifPresent(n -> parts.add(labels.get(lang, "number").orElse("No.") + " " + n));
        if (!parts.isEmpty()) {
            tail.append(' ').append(String.join(", ", parts)).append('.');
        }
        a.pages().ifPresentOrElse(p -> tail.append(' ').append(labels.get(lang, "pages").orElse("P.")).append(' ')
                .append(p.display()).append('.'), () -> a.elocation().ifPresent(e -> tail.append(' ').append(e)
                .append('.')));
        languageNote(a, labels, lang, translated).ifPresent(note -> tail.append(' ').append(note));
        out.text(tail.toString());
        out.doi(a, " ");
        return out.build();
    }

    /**
     * "(In Esp.)" when the title is cited in a language other than the article's, if the labels of
     * the citation language have such a note (English ones do; a Russian citation has none).
     */
    private static Optional<String> languageNote(Article a, Labels labels, String lang, Optional<Title> translated) {
        if (translated.isPresent() && !a.language().equalsIgnoreCase(lang)) {
            return labels.own(lang, "in-language-" + baseLanguage(a.language()));
        }
        return Optional.empty();
    }

    private static String apaName(PersonName n) {
        return n.surname() + (initials(n).isEmpty() ? "" : ", " + initials(n));
    }

    /**
     * The initials of the given names, leaving out the particles written in lower case ("João
     * Carlos de" → "J. C."), which citation styles do not abbreviate.
     */
    static String initials(PersonName n) {
        String given = n.givenNames().orElse("").strip();
        String kept = String.join(" ", java.util.Arrays.stream(given.split("\\s+"))
                .filter(w -> !w.isEmpty() && !Character.isLowerCase(w.codePointAt(0))).toList());
        return PersonName.of(kept.isEmpty() ? null : kept, n.surname()).initials();
    }

    /** The lower-case particles of the given names ("de", "van der"), which ABNT writes after the initials. */
    private static Optional<String> particles(PersonName n) {
        String p = String.join(" ", java.util.Arrays.stream(n.givenNames().orElse("").strip().split("\\s+"))
                .filter(w -> !w.isEmpty() && Character.isLowerCase(w.codePointAt(0))).toList());
        return p.isEmpty() ? Optional.empty() : Optional.of(p);
    }

    private static String name(Contributor c, Function<PersonName, String> form) {
        return c.name().map(form).orElseGet(() -> c.groupName().orElseThrow());
    }

    /** The author's name in {@code lang} when the input gives that form (a Latin one for an English citation). */
    private static String name(Contributor c, String lang, Function<PersonName, String> form) {
        return c.alternativeNames().stream()
                .filter(n -> n.lang().map(l -> baseLanguage(l).equals(baseLanguage(lang))).orElse(false))
                .findFirst().map(form).orElseGet(() -> name(c, form));
    }

    /** The author's name in the citation's language when the input gives that form, else as given. */
    private static String nameIn(Contributor c, String lang) {
        return c.alternativeNames().stream()
                .filter(n -> n.lang().map(l -> baseLanguage(l).equals(baseLanguage(lang))).orElse(false))
                .findFirst().map(org.separata.model.PersonName::surnameThenInitials).orElseGet(c::citationName);
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
        return (dash > 0 ? lang.substring(0, dash) : lang).toLowerCase(Locale.ROOT);
    }

    private static boolean endsWithPeriod(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!");
    }

    /** A citation being written: inline pieces, with the punctuation rules the styles share. */
    private static final class Line {
        private final List<Inline> out = new ArrayList<>();

        void text(String s) {
            out.add(new Inline.Text(s));
        }

        void inlines(RichText t) {
            out.addAll(t.inlines());
        }

        void styled(Inline.Style style, String s) {
            out.add(new Inline.Styled(style, List.of(new Inline.Text(s))));
        }

        /**
         * The authors joined by {@code sep}, ending in ". ": all of them, or when there are more than
         * {@code max}, the first {@code keep} and then {@code etAl}.
         */
        void authors(List<Contributor> authors, Function<Contributor, String> form, String sep, int max, int keep,
                     String etAl) {
            List<Contributor> shown = authors.size() > max ? authors.subList(0, keep) : authors;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < shown.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(form.apply(shown.get(i)));
            }
            if (shown.size() < authors.size()) {
                sb.append(etAl);
            }
            if (!sb.isEmpty()) {
                sb.append(endsWithPeriod(sb.toString()) ? " " : ". ");
            }
            text(sb.toString());
        }

        /** The title and subtitle, ending in ". " (or in the title's own ? or !). */
        void title(Title title) {
            inlines(title.title());
            String titleText = title.title().plain();
            title.subtitle().ifPresent(s -> {
                text(titleText.endsWith(":") ? " " : ": ");
                inlines(s);
            });
            String last = title.subtitle().map(RichText::plain).orElse(titleText);
            text(endsWithPeriod(last) ? " " : ". ");
        }

        void doi(Article a, String before) {
            a.doi().ifPresent(doi -> {
                text(before);
                out.add(new Inline.Link(doi.url(), List.of(new Inline.Text(doi.url()))));
            });
        }

        RichText build() {
            return new RichText(out);
        }
    }
}
