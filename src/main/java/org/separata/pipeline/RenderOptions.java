package org.separata.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.separata.finish.PdfStandard;

/**
 * How to render one article: the layout pack (a built-in name or a folder; when not given, the
 * journal profile's, else {@value #DEFAULT_LAYOUT}), whether to go on when characters are missing
 * from the fonts (they are then left out, with a warning), the journal profile to use (when not
 * given, {@code journal.yaml} next to the article, if there is one), and the standard the PDF
 * claims ({@code --pdfa}: PDF/A-2b unless told otherwise).
 */
public record RenderOptions(Optional<String> layout, boolean allowMissingGlyphs, Optional<Path> journal,
                            PdfStandard standard) {

    public static final String DEFAULT_LAYOUT = "classic";

    public RenderOptions {
        layout = layout == null ? Optional.empty() : layout;
        journal = journal == null ? Optional.empty() : journal;
        java.util.Objects.requireNonNull(standard);
    }

    /** A named layout, the journal profile next to the article, PDF/A-2b. */
    public RenderOptions(String layout, boolean allowMissingGlyphs) {
        this(Optional.of(layout), allowMissingGlyphs, Optional.empty(), PdfStandard.DEFAULT);
    }

    /** A named layout, the journal profile next to the article, the given standard. */
    public RenderOptions(String layout, boolean allowMissingGlyphs, PdfStandard standard) {
        this(Optional.of(layout), allowMissingGlyphs, Optional.empty(), standard);
    }

    /** The given layout and profile, PDF/A-2b. */
    public RenderOptions(Optional<String> layout, boolean allowMissingGlyphs, Optional<Path> journal) {
        this(layout, allowMissingGlyphs, journal, PdfStandard.DEFAULT);
    }

    public static RenderOptions defaults() {
        return new RenderOptions(Optional.empty(), false, Optional.empty(), PdfStandard.DEFAULT);
    }

    public RenderOptions withStandard(PdfStandard s) {
        return new RenderOptions(layout, allowMissingGlyphs, journal, s);
    }
}
