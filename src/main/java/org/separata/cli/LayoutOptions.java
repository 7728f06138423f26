package org.separata.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by the commands that render: the layout pack and the glyph preflight. */
final class LayoutOptions {

    @Option(names = "--layout", paramLabel = "NAME|DIR",
            description = "a built-in layout pack or the folder of one (default: classic, or the issue's)")
    String layout;

    @Option(names = "--allow-missing-glyphs",
            description = "render even if the fonts lack some characters (they are left out, with a warning)")
    boolean allowMissingGlyphs;

    Optional<String> layout() {
        return Optional.ofNullable(layout);
    }
}
