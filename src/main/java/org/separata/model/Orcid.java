package org.separata.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** An ORCID iD, 16 characters in four groups, with its ISO 7064 MOD 11-2 check character verified. */
public record Orcid(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

    public Orcid {
        String v = value == null ? "" : value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"https://orcid.org/", "http://orcid.org/", "orcid.org/"}) {
            if (lower.startsWith(prefix)) {
                v = v.substring(prefix.length());
                break;
            }
        }
        v = v.toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(v).matches()) {
            throw new InvalidIdentifierException("'" + value + "' is not an ORCID iD",
                    "an ORCID iD is 16 characters in four groups of four, e.g. 0000-0002-1825-0097");
        }
        String digits = v.replace("-", "");
        char expected = checkCharacter(digits.substring(0, 15));
        if (digits.charAt(15) != expected) {
            throw new InvalidIdentifierException(
                    "ORCID iD '" + value + "' has a bad checksum: last character '" + digits.charAt(15)
                            + "', expected '" + expected + "'",
                    "copy the iD again from the author's orcid.org record; a digit is probably mistyped");
        }
        value = v;
    }

    static char checkCharacter(String fifteenDigits) {
        int total = 0;
        for (int i = 0; i < fifteenDigits.length(); i++) {
            total = (total + (fifteenDigits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }

    public String url() {
        return "https://orcid.org/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
