package org.separata.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line in a JVM of its own, with the test run's classpath, as a user runs it. */
public final class Forked {

    private Forked() {
    }

    /** {@code separata ARGS…}, not yet started, in the working folder {@code dir}. */
    public static ProcessBuilder separata(Path dir, String... args) {
        return separata(dir, List.of(), args);
    }

    /** {@code java JVM… separata ARGS…} (JVM: options such as {@code -Xmx48m}), not yet started, in {@code dir}. */
    public static ProcessBuilder separata(Path dir, List<String> jvm, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.separata.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }
}
