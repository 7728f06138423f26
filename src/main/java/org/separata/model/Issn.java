package org.separata.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** An ISSN, NNNN-NNNC, with its mod-11 check digit verified (ISO 3297). */
public record Issn(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-?\\d{3}[\\dXx]");

    public Issn {
        String v = value == null ? "" : value.strip();
        if (!SHAPE.matcher(v).matches()) {
            throw new InvalidIdentifierException("'" + value + "' is not an ISSN",
                    "write it as four digits, a hyphen and four more, the last of which may be X: 2409-3416");
        }
        String digits = v.replace("-", "").toUpperCase(Locale.ROOT);
        char expected = checkDigit(digits.substring(0, 7));
        if (digits.charAt(7) != expected) {
            throw new InvalidIdentifierException(
                    "ISSN '" + value + "' has a wrong check digit: '" + digits.charAt(7) + "', expected '" + expected + "'",
                    "copy the ISSN again from the ISSN portal or the journal's cover; a digit is probably mistyped");
        }
        value = digits.substring(0, 4) + "-" + digits.substring(4);
    }

    static char checkDigit(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (sevenDigits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    @Override
    public String toString() {
        return value;
    }
}
