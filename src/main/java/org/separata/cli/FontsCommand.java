package org.separata.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.separata.diag.ExitCode;
import org.separata.diag.Words;
import org.separata.fonts.Scripts;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code separata fonts}: the font families a layout can set text in, and the scripts each covers. */
@Command(name = "fonts", mixinStandardHelpOptions = true,
        description = {"Lists the font families a layout can set text in, in the order they are tried: the "
                + "layout's own (by role), the built-in fallback chain, then fonts in the pack's fonts/ folder and "
                + "in --font-path folders (and with --system, the system's font folders). For each: its faces and "
                + "the scripts it covers, with how many of their characters it has.",
                "Exit codes: 0 listed; 2 a wrong command line; 3 the layout pack cannot be loaded."})
final class FontsCommand implements Callable<Integer> {

    private final Separata separata;

    @Spec
    CommandSpec spec;

    @Option(names = "--layout", paramLabel = "NAME|DIR",
            description = "a built-in layout pack or the folder of one (default: " + RenderOptions.DEFAULT_LAYOUT + ")")
    String layout;

    @Mixin
    FontOptions fonts = new FontOptions();

    @Option(names = "--system", description = "also list the fonts in the system's font folders (this reads every font file there)")
    boolean system;

    FontsCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() {
        ArticleOptions named = new ArticleOptions();
        named.layout = layout;
        named.checkLayout(separata);
        String pack = layout != null ? layout : RenderOptions.DEFAULT_LAYOUT;
        List<Separata.AvailableFont> found = separata.fonts(pack, fonts.fontPath, system);
        PrintWriter out = spec.commandLine().getOut();
        int width = found.stream().mapToInt(f -> f.family().length()).max().orElse(0);
        out.println("fonts the layout '" + pack + "' can use, in the order they are tried:");
        for (Separata.AvailableFont f : found) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%s%n", f.family(), f.use(),
                    f.faces().isEmpty() ? "" : "; " + String.join(", ", f.faces()));
            out.printf(Locale.ROOT, "  %-" + width + "s    %s%n", "", scripts(f.scripts()));
        }
        if (!system) {
            out.println("then the system's font folders; 'separata fonts --system' lists their fonts");
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** "Latin 840, Cyrillic 290, Greek 210". */
    private static String scripts(List<Scripts.Coverage> scripts) {
        if (scripts.isEmpty()) {
            return "(no script with " + Words.count(Scripts.MIN_CHARACTERS, "character") + " or more)";
        }
        return scripts.stream().map(s -> s.script() + " " + s.characters()).collect(Collectors.joining(", "));
    }
}
