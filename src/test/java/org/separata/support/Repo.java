package org.separata.support;

import java.nio.file.Files;
import java.nio.file.Path;

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
     * Every article under examples/ (manifests and JATS files), sorted: the files ending in .yaml,
     * .yml, .json or .xml that are not issue manifests ({@code issue.*}) or journal profiles
     * ({@code journal.*}).
     */
    public static java.util.List<Path> exampleArticles() {
        try (java.util.stream.Stream<Path> s = Files.walk(file("examples"))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json|xml)"))
                    .filter(p -> !p.getFileName().toString().matches("(issue|journal)\\..*"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The seed example. */
    public static Path seed() {
        return file("examples/adins-2021/article.yaml");
    }
}
