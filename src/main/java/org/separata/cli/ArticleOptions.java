package org.separata.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.finish.PdfStandard;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import picocli.CommandLine.Option;

/**
 * The options that say how an article is set, shared by {@code render}, {@code validate} and
 * {@code issue}: the layout pack, the journal profile and the translations.
 */
final class ArticleOptions {

    @Option(names = "--layout", paramLabel = "NAME|DIR",
            description = "a built-in layout pack (see 'separata layouts') or the folder of one "
                    + "(default: the journal profile's or the issue's, else " + RenderOptions.DEFAULT_LAYOUT + ")")
    String layout;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "the journal profile (default: journal.yaml next to the article, if there is one)")
    Path journal;

    @Option(names = "--include-translations",
            description = "print the article's translations (JATS translation sub-articles) after it; "
                    + "by default they are left out, with a warning")
    boolean includeTranslations;

    Optional<String> layout() {
        return Optional.ofNullable(layout);
    }

    /**
     * Refuses a {@code --layout} that names no pack, before anything is read: a mistyped name is
     * a wrong command line (exit 2), with the nearest built-in name.
     */
    void checkLayout(Separata separata) {
        if (layout == null) {
            return;
        }
        separata.layouts().missing(layout, SourceLocation.of("--layout " + layout)).ifPresent(d -> {
            throw SeparataException.usage(d.location(), d.message(), d.hint().orElse(null));
        });
    }

    RenderOptions toRenderOptions(boolean allowMissingGlyphs, PdfStandard standard) {
        return new RenderOptions(layout(), allowMissingGlyphs, Optional.ofNullable(journal), standard,
                includeTranslations);
    }
}
