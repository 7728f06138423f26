package org.separata.data;

import java.util.Locale;
import java.util.Optional;

/** The two data formats Separata reads; both map onto the same {@link Node} tree. */
public enum DataFormat {
    YAML, JSON;

    /** The format a file name's extension says, if it says one. */
    public static Optional<DataFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
