package org.separata.read;

import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;

/**
 * What reading an input found when it reports every problem at once: the article, when reading
 * could go on past the errors (a key the schema does not know, an identifier with a wrong check
 * digit, a reversed page range), and every error. With errors, the article is only good for
 * further checks (the glyph preflight), never for a PDF.
 *
 * @param read   the article as far as it could be read
 * @param errors every error found, schema errors first
 */
public record ReadAttempt(Optional<ReadResult> read, List<Diagnostic> errors) {

    public ReadAttempt {
        read = read == null ? Optional.empty() : read;
        errors = List.copyOf(errors);
    }

    /** A read that found nothing wrong. */
    public static ReadAttempt of(ReadResult read) {
        return new ReadAttempt(Optional.of(read), List.of());
    }

    /** A read that could not go on: only errors. */
    public static ReadAttempt failed(List<Diagnostic> errors) {
        return new ReadAttempt(Optional.empty(), errors);
    }

    /**
     * The article, when nothing was wrong.
     *
     * @throws SeparataException (invalid input) listing every error
     */
    public ReadResult orThrow() {
        if (!errors.isEmpty() || read.isEmpty()) {
            throw SeparataException.invalid(errors);
        }
        return read.get();
    }
}
