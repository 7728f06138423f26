package org.separata.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DOI in its bare form ({@code 10.46272/2409-3416-2021-9-4-84-100}). Resolver prefixes
 * ({@code https://doi.org/}, {@code doi:}) are accepted and removed.
 */
public record Doi(String value) {

    private static final Pattern SHAPE = Pattern.compile("10\\.\\d{4,9}(\\.\\d+)*/\\S+");

    public Doi {
        String v = value == null ? "" : value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                "http://dx.doi.org/", "doi.org/", "doi:"}) {
            if (lower.startsWith(prefix)) {
                v = v.substring(prefix.length()).strip();
                break;
            }
        }
        if (!SHAPE.matcher(v).matches()) {
            throw new InvalidIdentifierException("'" + value + "' is not a DOI",
                    "a DOI starts with '10.', a registrant code of 4 to 9 digits, a slash and a suffix without spaces, "
                            + "e.g. 10.46272/2409-3416-2021-9-4-84-100");
        }
        value = v;
    }

    /** The resolvable form, {@code https://doi.org/…}. */
    public String url() {
        return "https://doi.org/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
