package org.separata.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several commands in one JVM, as {@code separata} would run each, for the build to train
 * the class-data archive (AppCDS, or the JDK 25 AOT cache) on every command at once
 * ({@code src/main/sh/build-launcher.sh}). The commands are separated by {@value #NEXT}; their
 * output is dropped, their errors are shown. Exits 1 if a command does not exit 0.
 */
public final class Training {

    static final String NEXT = "--next";

    private Training() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(OutputStream.nullOutputStream(), true);
        PrintWriter err = new PrintWriter(System.err, true);
        int failed = 0;
        List<String> command = new ArrayList<>();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add(NEXT);
        for (String a : all) {
            if (!a.equals(NEXT)) {
                command.add(a);
            } else if (!command.isEmpty()) {
                int code = Main.start(command.toArray(String[]::new), out, err);
                if (code != 0) {
                    err.println("training: separata " + String.join(" ", command) + " exited " + code);
                    failed++;
                }
                command.clear();
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
