package org.separata.env;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * The {@link Limit}s in force: the defaults, with any raised or lowered by the environment
 * variable {@code SEPARATA_LIMITS} (a comma-separated list of {@code name=value}). A value must be
 * a whole number from 1 to 10^12.
 */
public final class Limits {

    /** The environment variable that changes limits. */
    public static final String VARIABLE = "SEPARATA_LIMITS";

    private static final long MAX_VALUE = 1_000_000_000_000L;

    /** Every limit at its default. */
    public static final Limits DEFAULT = new Limits(Map.of());

    private final Map<Limit, Long> values;

    private Limits(Map<Limit, Long> overrides) {
        EnumMap<Limit, Long> v = new EnumMap<>(Limit.class);
        for (Limit l : Limit.values()) {
            v.put(l, overrides.getOrDefault(l, l.defaultValue()));
        }
        this.values = v;
    }

    /** The default limits with {@code limit} set to {@code value} (for tests and callers that know better). */
    public Limits with(Limit limit, long value) {
        EnumMap<Limit, Long> v = new EnumMap<>(values);
        v.put(limit, value);
        return new Limits(v);
    }

    public long get(Limit limit) {
        return values.get(limit);
    }

    /** A limit counted in MiB, in bytes. */
    public long bytes(Limit limit) {
        return Math.multiplyExact(get(limit), 1024L * 1024);
    }

    /** A limit as an int, saturated (counts of references, characters, pages). */
    public int count(Limit limit) {
        return (int) Math.min(Integer.MAX_VALUE, get(limit));
    }

    /**
     * Parses {@code SEPARATA_LIMITS}: {@code references=20000,image-megapixels=120}. Blank means
     * the defaults.
     *
     * @throws SeparataException (invalid input) naming the variable, with the known names
     */
    public static Limits parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return DEFAULT;
        }
        Map<Limit, Long> overrides = new EnumMap<>(Limit.class);
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            Limit limit = Limit.byKey(key).orElseThrow(() -> SeparataException.invalid(SourceLocation.of(VARIABLE),
                    "'" + key + "' is not the name of a limit", "use one of: " + names()));
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 1 || v > MAX_VALUE) {
                throw SeparataException.invalid(SourceLocation.of(VARIABLE),
                        "the limit " + limit.key() + " must be a whole number from 1 to " + MAX_VALUE + ", not '"
                                + value + "'", "write it as " + limit.key() + "=" + limit.defaultValue() * 2);
            }
            overrides.put(limit, v);
        }
        return new Limits(overrides);
    }

    /** "input-mb, manifest-mb, …". */
    public static String names() {
        return java.util.Arrays.stream(Limit.values()).map(Limit::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
