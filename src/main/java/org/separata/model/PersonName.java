package org.separata.model;

import java.util.Optional;

/**
 * A person's name in parts. {@code lang} is the language or script of this form of the name
 * (an author may have a Cyrillic and a Latin form).
 */
public record PersonName(String surname, Optional<String> givenNames, Optional<String> prefix,
                         Optional<String> suffix, Optional<String> lang) {
    public PersonName {
        java.util.Objects.requireNonNull(surname);
        givenNames = givenNames == null ? Optional.empty() : givenNames;
        prefix = prefix == null ? Optional.empty() : prefix;
        suffix = suffix == null ? Optional.empty() : suffix;
        lang = lang == null ? Optional.empty() : lang;
    }

    public static PersonName of(String givenNames, String surname) {
        return new PersonName(surname, Optional.ofNullable(givenNames), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** "Sebastien Adins". */
    public String display() {
        StringBuilder sb = new StringBuilder();
        prefix.ifPresent(p -> sb.append(p).append(' '));
        givenNames.ifPresent(g -> sb.append(g).append(' '));
        sb.append(surname);
        suffix.ifPresent(s -> sb.append(' ').append(s));
        return sb.toString();
    }

    /** The initials of the given names: "Juan Gabriel" → "J. G.", "Anna-Maria" → "A.-M.". */
    public String initials() {
        if (givenNames.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String word : givenNames.get().trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            String[] parts = word.split("-");
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) {
                    continue;
                }
                if (i > 0) {
                    sb.append('-');
                }
                if (parts[i].endsWith(".") && parts[i].length() <= 3) {
                    sb.append(parts[i]);
                } else {
                    sb.appendCodePoint(parts[i].codePointAt(0)).append('.');
                }
            }
        }
        return sb.toString();
    }

    /** "S. Adins", the form used in bylines of this style. */
    public String initialsThenSurname() {
        String i = initials();
        return i.isEmpty() ? surname : i + " " + surname;
    }

    /** "Adins S.", the Vancouver form used in citations. */
    public String surnameThenInitials() {
        String i = initials().replace(".", "").replace(" ", "");
        return i.isEmpty() ? surname : surname + " " + i;
    }
}
