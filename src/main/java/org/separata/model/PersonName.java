package org.separata.model;

import java.util.List;
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

    /**
     * The initials of the given names: "Juan Gabriel" → "J. G.", "Anna-Maria" → "A.-M.". Lower-case
     * particles at the end of the given names ("Silvana de") are not initials: see {@link #particles()}.
     */
    public String initials() {
        if (givenNames.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String word : givenWords()) {
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

    /**
     * Lower-case words that end the given names, such as "de" in "Silvana de" (Castro): they belong
     * with the surname when names are shortened ("S. de Castro", "de Castro S").
     */
    public String particles() {
        List<String> words = words();
        int cut = words.size();
        while (cut > 1 && isParticle(words.get(cut - 1))) {
            cut--;
        }
        return String.join(" ", words.subList(cut, words.size()));
    }

    private List<String> givenWords() {
        List<String> words = words();
        int cut = words.size();
        while (cut > 1 && isParticle(words.get(cut - 1))) {
            cut--;
        }
        return words.subList(0, cut);
    }

    private List<String> words() {
        return givenNames.map(g -> java.util.Arrays.stream(g.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList())
                .orElse(List.of());
    }

    private static boolean isParticle(String word) {
        return word.length() <= 4 && word.chars().allMatch(Character::isLowerCase);
    }

    /** "S. Adins" (or "S. de Castro"), the form used in bylines of this style. */
    public String initialsThenSurname() {
        String i = initials();
        String p = particles();
        String s = p.isEmpty() ? surname : p + " " + surname;
        return i.isEmpty() ? s : i + " " + s;
    }

    /** "Adins S." (or "de Castro S"), the Vancouver form used in citations. */
    public String surnameThenInitials() {
        String i = initials().replace(".", "").replace(" ", "");
        String p = particles();
        String s = p.isEmpty() ? surname : p + " " + surname;
        return i.isEmpty() ? s : s + " " + i;
    }
}
