package org.separata.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How a journal styles the generated how-to-cite line: a style and the language it is written in
 * (the title and the labels are taken in that language when the article has them).
 */
public record CitationStyle(Style style, Optional<String> language) {

    /** The styles Separata can generate. */
    public enum Style {
        /** Adins S. Title. Journal. 2021;9(4):84-100. (In Esp.) https://doi.org/… */
        VANCOUVER,
        /** Adins, S. (2021). Title. <i>Journal</i>, <i>9</i>(4), 84–100. https://doi.org/… */
        APA,
        /** ADINS, S. Title. <b>Journal</b>, v. 9, n. 4, p. 84-100, 2021. DOI: … (ABNT NBR 6023) */
        ABNT,
        /** Adins S. Title // Journal. 2021. Vol. 9, no. 4. P. 84–100. DOI: … (GOST R 7.0.5) */
        GOST;

        /** The style named {@code name} as written in a profile ("vancouver", "apa", …). */
        public static Optional<Style> byName(String name) {
            for (Style s : values()) {
                if (s.name().equalsIgnoreCase(name.strip())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CitationStyle {
        java.util.Objects.requireNonNull(style);
        language = language == null ? Optional.empty() : language;
    }

    /** The house default: Vancouver, in the layout's citation language. */
    public static CitationStyle vancouver() {
        return new CitationStyle(Style.VANCOUVER, Optional.empty());
    }
}
