package org.separata.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.separata.diag.ExitCode;
import org.separata.layout.LayoutPack;
import org.separata.layout.PageGeometry;
import org.separata.pipeline.Separata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code separata layouts}: the built-in layout packs, one line each. */
@Command(name = "layouts", mixinStandardHelpOptions = true,
        description = "Lists the built-in layout packs: name, page size, description.")
final class LayoutsCommand implements Callable<Integer> {

    private final Separata separata;

    @Spec
    CommandSpec spec;

    LayoutsCommand(Separata separata) {
        this.separata = separata;
    }

    @Override
    public Integer call() {
        List<LayoutPack> packs = separata.layouts().builtIn();
        int width = packs.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        int sizeWidth = packs.stream().mapToInt(p -> size(p.page()).length()).max().orElse(0);
        PrintWriter out = spec.commandLine().getOut();
        for (LayoutPack p : packs) {
            out.printf(Locale.ROOT, "%-" + width + "s  %-" + sizeWidth + "s  %s%n", p.name(), size(p.page()),
                    p.description());
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** "210 × 297 mm". */
    static String size(PageGeometry g) {
        return number(g.width()) + " \u00d7 " + number(g.height()) + " mm";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
