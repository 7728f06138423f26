package org.separata.diag;

/** Counts in messages: "1 page", "2 pages", "0 errors". */
public final class Words {

    private Words() {
    }

    /** {@code n} and the noun, in the plural unless {@code n} is 1 ("1 page", "3 pages"); English nouns taking -s. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
