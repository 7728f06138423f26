package org.separata.read;

import java.util.Locale;
import java.util.Optional;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.data.DataParser;
import org.separata.env.Limit;
import org.separata.env.Limits;

/** Picks the reader for an input by its name: YAML/JSON manifests, or JATS XML. */
public final class InputReader {

    private InputReader() {
    }

    public static ReadResult read(byte[] content, String fileName) {
        return read(content, fileName, Optional.empty());
    }

    /**
     * Reads an input with the journal profile found for it: the article's journal is completed
     * from the profile, its own values winning. A reader that builds a complete article (JATS)
     * goes through {@link JournalMerge#apply}.
     */
    public static ReadResult read(byte[] content, String fileName, Optional<JournalProfiles> profiles) {
        return read(content, fileName, profiles, Limits.DEFAULT);
    }

    /** Reads an input with the limits in force: the article must stay within them (see {@link ArticleLimits}). */
    public static ReadResult read(byte[] content, String fileName, Limits limits) {
        return read(content, fileName, Optional.empty(), limits);
    }

    /**
     * Reads an input with the journal profile found for it, within {@code limits}: a manifest must
     * not be larger than {@link Limit#MANIFEST_MB}, and the article read must stay within the
     * limits on references, authors and text ({@link ArticleLimits}).
     */
    public static ReadResult read(byte[] content, String fileName, Optional<JournalProfiles> profiles, Limits limits) {
        return ArticleLimits.check(dispatch(content, fileName, profiles, limits), limits);
    }

    private static ReadResult dispatch(byte[] content, String fileName, Optional<JournalProfiles> profiles,
                                       Limits limits) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
            DataParser.checkSize(content, fileName, limits);
            return ManifestReader.read(content, fileName, profiles);
        }
        if (lower.endsWith(".xml") || lower.endsWith(".jats")) {
            return JournalMerge.apply(JatsReader.read(content, fileName), profiles);
        }
        throw SeparataException.invalid(SourceLocation.of(fileName), "unknown kind of input",
                "give a manifest (.yaml, .yml, .json) or a JATS file (.xml)");
    }
}
