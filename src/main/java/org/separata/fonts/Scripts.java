package org.separata.fonts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Which writing systems a font covers, from the characters it maps: each Unicode script with how
 * many of its characters the font has. A script counts when the font has at least
 * {@value #MIN_CHARACTERS} of its characters (a few Greek letters in a math font do not make it a
 * Greek font, a whole alphabet does).
 */
public final class Scripts {

    /** Fewer characters of a script than this are not counted as covering it. */
    public static final int MIN_CHARACTERS = 20;

    /** The last code point looked at: the Basic and Supplementary Multilingual and Ideographic planes. */
    private static final int LAST = 0x3FFFF;

    private Scripts() {
    }

    /** A script a font covers, and how many of its characters it has. */
    public record Coverage(String script, int characters) {
    }

    /**
     * The scripts {@code covers} has, most characters first; punctuation, digits and symbols shared
     * by every script are counted as "Common".
     */
    public static List<Coverage> of(IntPredicate covers) {
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        for (int cp = 0x20; cp <= LAST; cp++) {
            if (covers.test(cp)) {
                Character.UnicodeScript s = Character.UnicodeScript.of(cp);
                if (s != Character.UnicodeScript.UNKNOWN && s != Character.UnicodeScript.INHERITED) {
                    counts.merge(s, 1, Integer::sum);
                }
            }
        }
        List<Coverage> out = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= MIN_CHARACTERS)
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> out.add(new Coverage(name(e.getKey()), e.getValue())));
        return out;
    }

    /** "Latin", "Cyrillic", "Han", "Common". */
    static String name(Character.UnicodeScript s) {
        String n = s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
