package org.separata.cli;

import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;

/**
 * What a one-shot {@code render} can start before its command line is even parsed: loading the
 * layout pack, its templates and fonts, and the renderer's and finisher's classes, on a second
 * thread while the main thread parses the arguments and reads the input. The layout is the one
 * {@code --layout} names, else the default; the arguments are only glanced at here, and picocli
 * still parses and checks them. Other commands need no warm-up: {@code validate} and
 * {@code layouts} never load the renderer, and {@code issue} renders on every core anyway.
 */
final class StartUp {

    private StartUp() {
    }

    static void warmUp(Separata separata, String[] args) {
        if (args.length == 0 || !args[0].equals("render")) {
            return;
        }
        String layout = RenderOptions.DEFAULT_LAYOUT;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return;
            }
            if (a.equals("--layout") && i + 1 < args.length) {
                layout = args[++i];
            } else if (a.startsWith("--layout=")) {
                layout = a.substring("--layout=".length());
            }
        }
        String chosen = layout;
        Thread warm = new Thread(() -> separata.warmUp(chosen), "separata-warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
