package org.separata.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.separata.env.World;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.read.InputReader;

/** One pipeline for the whole test run, so fonts and layouts load once, as in a real process. */
public final class Rendering {

    private static final Separata SEPARATA = new Separata(World.system());

    private Rendering() {
    }

    public static Separata separata() {
        return SEPARATA;
    }

    public static Offprint render(Path input) {
        return SEPARATA.render(input, RenderOptions.defaults());
    }

    public static Offprint render(Path input, String layout) {
        return SEPARATA.render(input, new RenderOptions(layout, false));
    }

    /** Renders a manifest given as text; {@code name} decides the format (.yaml or .json). */
    public static Offprint renderText(String manifest, String name) {
        return SEPARATA.render(InputReader.read(manifest.getBytes(StandardCharsets.UTF_8), name),
                RenderOptions.defaults());
    }

    /** Renders a manifest given as text in the built-in pack {@code layout}. */
    public static Offprint renderText(String manifest, String name, String layout) {
        return SEPARATA.render(InputReader.read(manifest.getBytes(StandardCharsets.UTF_8), name),
                new RenderOptions(layout, false));
    }
}
