package org.separata.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An institution an author belongs to. {@code id} links it to contributors. When the input gives
 * only a single original string (as JATS often does), it is kept in {@code original}.
 * {@code alternatives} are the same affiliation in other languages (JATS {@code aff-alternatives}),
 * each with its {@code lang}.
 */
public record Affiliation(String id, Optional<String> label, List<String> institutions, Optional<String> address,
                          Optional<String> city, Optional<String> country, Optional<String> countryCode,
                          Optional<String> original, Optional<String> lang, List<Affiliation> alternatives) {

    public Affiliation(String id, Optional<String> label, List<String> institutions, Optional<String> address,
                       Optional<String> city, Optional<String> country, Optional<String> countryCode,
                       Optional<String> original, Optional<String> lang) {
        this(id, label, institutions, address, city, country, countryCode, original, lang, List.of());
    }

    public Affiliation {
        java.util.Objects.requireNonNull(id);
        label = label == null ? Optional.empty() : label;
        institutions = List.copyOf(institutions);
        address = address == null ? Optional.empty() : address;
        city = city == null ? Optional.empty() : city;
        country = country == null ? Optional.empty() : country;
        countryCode = countryCode == null ? Optional.empty() : countryCode;
        original = original == null ? Optional.empty() : original;
        lang = lang == null ? Optional.empty() : lang;
        alternatives = List.copyOf(alternatives);
    }

    /** One line for print: institutions, address, city, country; or the original string. */
    public String display() {
        List<String> parts = new ArrayList<>(institutions);
        address.ifPresent(parts::add);
        city.filter(c -> address.map(a -> !a.contains(c)).orElse(true)).ifPresent(parts::add);
        country.ifPresent(parts::add);
        if (parts.isEmpty()) {
            return original.orElse("");
        }
        return String.join(", ", parts);
    }
}
