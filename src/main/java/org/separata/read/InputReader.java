package org.separata.read;

import java.util.Locale;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/** Picks the reader for an input by its name: YAML/JSON manifests, or JATS XML. */
public final class InputReader {

    private InputReader() {
    }

    public static ReadResult read(byte[] content, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
            return ManifestReader.read(content, fileName);
        }
        if (lower.endsWith(".xml") || lower.endsWith(".jats")) {
            return JatsReader.read(content, fileName);
        }
        throw SeparataException.invalid(SourceLocation.of(fileName), "unknown kind of input",
                "give a manifest (.yaml, .yml, .json) or a JATS file (.xml)");
    }
}
