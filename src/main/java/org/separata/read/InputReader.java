package org.separata.read;

import java.util.Locale;
import java.util.Optional;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

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
        return attempt(content, fileName, profiles).orThrow();
    }

    /**
     * Reads an input as far as its errors allow (see {@link ManifestReader#attempt}), so that the
     * checks after reading can still run and every problem is reported at once. A JATS file is
     * read whole or not at all.
     *
     * @throws SeparataException (invalid input) when the input cannot be parsed at all
     */
    public static ReadAttempt attempt(byte[] content, String fileName, Optional<JournalProfiles> profiles) {
        Optional<Kind> kind = kind(content, fileName);
        // a PDF, an image or a file that is not UTF-8 is named as such, whatever its name says
        InputText.check(content, fileName, kind.filter(k -> k == Kind.JATS).isPresent());
        return switch (kind.orElseThrow(() -> SeparataException.invalid(SourceLocation.of(fileName),
                "unknown kind of input", "give a manifest (.yaml, .yml, .json) or a JATS file (.xml)"))) {
            case MANIFEST -> ManifestReader.attempt(content, fileName, profiles);
            case JATS -> ReadAttempt.of(JournalMerge.apply(JatsReader.read(content, fileName), profiles));
        };
    }

    /** The two kinds of article file. */
    enum Kind { MANIFEST, JATS }

    /**
     * The kind of an input: by its name, and for standard input, whose name does not tell, by its
     * first character ({@code <}: XML).
     */
    static Optional<Kind> kind(byte[] content, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
            return Optional.of(Kind.MANIFEST);
        }
        if (lower.endsWith(".xml") || lower.endsWith(".jats")) {
            return Optional.of(Kind.JATS);
        }
        if (!fileName.equals(STDIN)) {
            return Optional.empty();
        }
        String head = new String(content, 0, Math.min(content.length, 64), java.nio.charset.StandardCharsets.UTF_8);
        return Optional.of(head.replace("\ufeff", "").strip().startsWith("<") ? Kind.JATS : Kind.MANIFEST);
    }

    /** The name standard input goes by in messages (the command line's {@code -}). */
    public static final String STDIN = "<stdin>";
}
