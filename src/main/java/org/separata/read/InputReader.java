package org.separata.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
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
        return attempt(content, fileName, profiles, limits).orThrow();
    }

    /** {@link #attempt(byte[], String, Optional, Limits)} within the default limits. */
    public static ReadAttempt attempt(byte[] content, String fileName, Optional<JournalProfiles> profiles) {
        return attempt(content, fileName, profiles, Limits.DEFAULT);
    }

    /**
     * Reads an input as far as its errors allow (see {@link ManifestReader#attempt}), so that the
     * checks after reading can still run and every problem is reported at once. A JATS file is
     * read whole or not at all. An article past one of {@code limits} is not handed on: its errors
     * say which, and no further check spends time on it.
     *
     * @throws SeparataException (invalid input) when the input cannot be parsed at all
     */
    public static ReadAttempt attempt(byte[] content, String fileName, Optional<JournalProfiles> profiles,
                                      Limits limits) {
        Optional<Kind> kind = kind(content, fileName);
        // a PDF, an image or a file that is not UTF-8 is named as such, whatever its name says
        InputText.check(content, fileName, kind.filter(k -> k == Kind.JATS).isPresent());
        ReadAttempt attempt = switch (kind.orElseThrow(() -> SeparataException.invalid(SourceLocation.of(fileName),
                "unknown kind of input", "give a manifest (.yaml, .yml, .json) or a JATS file (.xml)"))) {
            case MANIFEST -> {
                DataParser.checkSize(content, fileName, limits);
                yield ManifestReader.attempt(content, fileName, profiles);
            }
            case JATS -> ReadAttempt.of(JournalMerge.apply(JatsReader.read(content, fileName), profiles));
        };
        return withinLimits(attempt, limits);
    }

    /** The attempt, or, when the article read crosses a limit, its errors with the limits' added and no article. */
    private static ReadAttempt withinLimits(ReadAttempt attempt, Limits limits) {
        if (attempt.read().isEmpty()) {
            return attempt;
        }
        try {
            ArticleLimits.check(attempt.read().get(), limits);
            return attempt;
        } catch (SeparataException e) {
            if (e.exitCode() != ExitCode.INVALID_INPUT) {
                throw e;
            }
            List<Diagnostic> errors = new ArrayList<>(attempt.errors());
            errors.addAll(e.diagnostics());
            return ReadAttempt.failed(errors);
        }
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
