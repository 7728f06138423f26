package org.separata.model;

import java.util.List;
import java.util.Optional;

/** An abstract in one language. {@code title} is the heading the input gives, if it gives one. */
public record Abstract(String lang, Optional<String> title, List<Paragraph> paragraphs) {
    public Abstract {
        java.util.Objects.requireNonNull(lang);
        title = title == null ? Optional.empty() : title;
        paragraphs = List.copyOf(paragraphs);
    }

    public String plain() {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            p.runIn().ifPresent(r -> sb.append(r.plain()).append(' '));
            sb.append(p.text().plain());
        }
        return sb.toString();
    }
}
