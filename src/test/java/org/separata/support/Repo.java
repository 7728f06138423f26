package org.separata.support;

import java.nio.file.Files;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths in the repository, for tests that use the examples and the shared reference files. */
public final class Repo {

    private Repo() {
    }

    /** The repository root (the folder with pom.xml); tests run with it as the working directory. */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return p;
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /**
     * Every example article under {@code examples/}: the manifests and JATS files, not the
     * journal profiles ({@code journal.*}) or issue files ({@code issue.*}) beside them.
     */
    public static List<Path> examples() {
        try (Stream<Path> s = Files.walk(file("examples"), 2)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(ya?ml|json|xml)"))
                    .filter(p -> !p.getFileName().toString().matches("(?i)(journal|issue)\\..*"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code file} that contains {@code text}. */
    public static int lineOf(Path file, String text) {
        try {
            java.util.List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(file + " has no line with: " + text);
    }

    /**
     * The shared folder of real JATS files ({@code shared/corpus} beside the repository, as CI
     * lays it out, or beside a folder above it), if there is one.
     */
    public static java.util.Optional<Path> sharedCorpus() {
        for (Path p = root().getParent(); p != null; p = p.getParent()) {
            Path corpus = p.resolve("shared/corpus");
            if (Files.isDirectory(corpus)) {
                return java.util.Optional.of(corpus);
            }
        }
        return java.util.Optional.empty();
    }

    /** The seed example. */
    public static Path seed() {
        return file("examples/adins-2021/article.yaml");
    }
}
