package org.separata.cli;

import org.separata.pipeline.RenderOptions;
import picocli.CommandLine.Option;

/** The options that say how an article is set, shared by {@code render} and {@code validate}. */
final class ArticleOptions {

    @Option(names = "--layout", paramLabel = "NAME", defaultValue = RenderOptions.DEFAULT_LAYOUT,
            description = "a built-in layout pack or the folder of one (default: ${DEFAULT-VALUE})")
    String layout;

    @Option(names = "--include-translations",
            description = "print the article's translations (JATS translation sub-articles) after it; "
                    + "by default they are left out, with a warning")
    boolean includeTranslations;

    RenderOptions toRenderOptions(boolean allowMissingGlyphs) {
        return new RenderOptions(layout, allowMissingGlyphs, includeTranslations);
    }
}
