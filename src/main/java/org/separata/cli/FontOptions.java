package org.separata.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.separata.pipeline.RenderOptions;
import picocli.CommandLine.Option;

/** {@code --font-path}: folders of fonts for characters the layout's fonts lack (render, validate). */
final class FontOptions {

    @Option(names = "--font-path", paramLabel = "DIR",
            description = "a folder of fonts (.ttf, .otf, .ttc) to look in for characters the layout's fonts lack "
                    + "(Chinese, Japanese, Korean…), before the system's font folders; may be repeated")
    List<Path> fontPath = new ArrayList<>();

    RenderOptions apply(RenderOptions options) {
        return fontPath.isEmpty() ? options : options.withFontPath(fontPath);
    }
}
