package org.separata.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        return new ProcessBuilder(command(jvm, args)).directory(dir.toFile());
    }

    /** The command that runs {@code separata ARGS…} in a JVM started with {@code jvmOptions}. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.separata.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** What a finished process wrote and how it ended. */
    public record Outcome(int code, byte[] out, byte[] err) {
        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        public String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs {@code builder} to its end (at most five minutes), with {@code stdin} on its standard
     * input and {@code env} added to its environment, and returns what it wrote.
     */
    public static Outcome run(ProcessBuilder builder, Map<String, String> env, byte[] stdin) {
        builder.environment().putAll(env);
        try {
            Process p = builder.start();
            CompletableFuture<byte[]> out = read(p.getInputStream());
            CompletableFuture<byte[]> err = read(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the process did not read it all: its output says why
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not end: " + builder.command());
            }
            return new Outcome(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<byte[]> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
