package org.separata.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.separata.finish.PdfStandard;

/**
 * How to render one article: the layout pack (a built-in name or a folder; when not given, the
 * journal profile's, else {@value #DEFAULT_LAYOUT}), whether to go on when characters are missing
 * from the fonts (they are then left out, with a warning), the journal profile to use (when not
 * given, {@code journal.yaml} next to the article, if there is one), the standard the PDF claims
 * ({@code --pdfa}: PDF/A-2a unless told otherwise), whether to print the article's
 * translations (JATS translation sub-articles) after it, the page to number it from
 * ({@code --first-page}: its pages are then that page and those after it, as many as it takes,
 * as in an issue; when not given, the pages the article gives), folders of fonts
 * ({@code --font-path}), searched before the system's for characters the layout lacks, and
 * whether the PDF is tagged (PDF/UA-1; {@code --no-tags} turns it off, and a level A standard
 * needs it).
 */
public record RenderOptions(Optional<String> layout, boolean allowMissingGlyphs, Optional<Path> journal,
                            PdfStandard standard, boolean includeTranslations, Optional<Integer> firstPage,
                            List<Path> fontPath, boolean tags) {

    public static final String DEFAULT_LAYOUT = "classic";

    public RenderOptions {
        layout = layout == null ? Optional.empty() : layout;
        journal = journal == null ? Optional.empty() : journal;
        Objects.requireNonNull(standard);
        firstPage = firstPage == null ? Optional.empty() : firstPage;
        fontPath = fontPath == null ? List.of() : List.copyOf(fontPath);
        if (!tags && standard.requiresTags()) {
            throw new IllegalArgumentException(standard.displayName() + " needs tags; without them use "
                    + standard.untagged().displayName());
        }
    }

    /** The given layout, profile, standard and translations, numbered as the article says, tagged. */
    public RenderOptions(Optional<String> layout, boolean allowMissingGlyphs, Optional<Path> journal,
                         PdfStandard standard, boolean includeTranslations) {
        this(layout, allowMissingGlyphs, journal, standard, includeTranslations, Optional.empty(), List.of(), true);
    }

    /** A named layout, the journal profile next to the article, PDF/A-2a, no translations, tagged. */
    public RenderOptions(String layout, boolean allowMissingGlyphs) {
        this(Optional.of(layout), allowMissingGlyphs, Optional.empty(), PdfStandard.DEFAULT, false);
    }

    /** A named layout, the journal profile next to the article, the given standard. */
    public RenderOptions(String layout, boolean allowMissingGlyphs, PdfStandard standard) {
        this(Optional.of(layout), allowMissingGlyphs, Optional.empty(), standard, false);
    }

    /** The given layout and profile, PDF/A-2a, no translations, tagged. */
    public RenderOptions(Optional<String> layout, boolean allowMissingGlyphs, Optional<Path> journal) {
        this(layout, allowMissingGlyphs, journal, PdfStandard.DEFAULT, false);
    }

    public static RenderOptions defaults() {
        return new RenderOptions(Optional.empty(), false, Optional.empty(), PdfStandard.DEFAULT, false);
    }

    public RenderOptions withStandard(PdfStandard s) {
        return new RenderOptions(layout, allowMissingGlyphs, journal, s, includeTranslations, firstPage, fontPath,
                tags);
    }

    public RenderOptions withTranslations(boolean include) {
        return new RenderOptions(layout, allowMissingGlyphs, journal, standard, include, firstPage, fontPath, tags);
    }

    public RenderOptions withLayout(Optional<String> name) {
        return new RenderOptions(name, allowMissingGlyphs, journal, standard, includeTranslations, firstPage, fontPath,
                tags);
    }

    /** Numbered from {@code page}: the article's pages become page, page + 1, … as many as it takes. */
    public RenderOptions withFirstPage(Optional<Integer> page) {
        return new RenderOptions(layout, allowMissingGlyphs, journal, standard, includeTranslations, page, fontPath,
                tags);
    }

    /** With the standard whose id is {@code id} ({@code 2b}, {@code 3b}, {@code none}; see {@link #standardIds()}), if there is one. */
    public Optional<RenderOptions> withStandard(String id) {
        return PdfStandard.parse(id).map(this::withStandard);
    }

    /** The ids of the standards a PDF may claim, for messages. */
    public static String standardIds() {
        return PdfStandard.ids();
    }

    /** With folders of fonts ({@code --font-path}), searched before the system's for characters the layout lacks. */
    public RenderOptions withFontPath(List<Path> folders) {
        return new RenderOptions(layout, allowMissingGlyphs, journal, standard, includeTranslations, firstPage, folders,
                tags);
    }

    /** With tags or without; without, a level A standard becomes its level B ({@code 2a} → {@code 2b}). */
    public RenderOptions withTags(boolean tagged) {
        return new RenderOptions(layout, allowMissingGlyphs, journal, tagged ? standard : standard.untagged(),
                includeTranslations, firstPage, fontPath, tagged);
    }
}
