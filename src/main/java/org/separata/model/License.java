package org.separata.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The licence the article is published under, and its copyright line. {@code statement} is a
 * copyright line given whole (JATS {@code copyright-statement}); it wins over holder and year.
 */
public record License(Optional<String> name, Optional<String> url, Optional<String> holder, Optional<Integer> year,
                      Optional<RichText> text, Optional<String> statement) {

    public License(Optional<String> name, Optional<String> url, Optional<String> holder, Optional<Integer> year,
                   Optional<RichText> text) {
        this(name, url, holder, year, text, Optional.empty());
    }

    public License {
        name = name == null ? Optional.empty() : name;
        url = url == null ? Optional.empty() : url;
        holder = holder == null ? Optional.empty() : holder;
        year = year == null ? Optional.empty() : year;
        text = text == null ? Optional.empty() : text;
        statement = statement == null ? Optional.empty() : statement;
    }

    /**
     * The Creative Commons licence code ("by", "by-nc", …) when the URL is a CC deed, so a layout
     * can show the matching badge.
     */
    public Optional<String> creativeCommonsCode() {
        return url.map(u -> u.toLowerCase(Locale.ROOT))
                .filter(u -> u.contains("creativecommons.org/licenses/"))
                .map(u -> u.replaceFirst("^.*creativecommons\\.org/licenses/", ""))
                .map(u -> u.contains("/") ? u.substring(0, u.indexOf('/')) : u)
                .filter(u -> u.matches("by(-nc)?(-nd|-sa)?"));
    }

    /** The statement as given, else "© 2021 Adins S." when a holder or year is known. */
    public Optional<String> copyrightLine() {
        if (statement.isPresent()) {
            return statement;
        }
        if (holder.isEmpty() && year.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("©");
        year.ifPresent(y -> sb.append(' ').append(y));
        holder.ifPresent(h -> sb.append(' ').append(h));
        return Optional.of(sb.toString());
    }
}
