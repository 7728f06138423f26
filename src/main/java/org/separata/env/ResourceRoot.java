package org.separata.env;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a set of resources (a layout pack, the fonts) lives: a folder on disk or a prefix on the
 * classpath. Only {@link World} reads through it.
 */
public record ResourceRoot(Optional<Path> directory, String classpathPrefix) {

    public static ResourceRoot directory(Path dir) {
        return new ResourceRoot(Optional.of(dir), "");
    }

    public static ResourceRoot classpath(String prefix) {
        return new ResourceRoot(Optional.empty(), prefix);
    }

    /** A short name for messages: the folder, or {@code builtin:layouts/classic}. */
    public String describe() {
        return directory.map(Path::toString).orElse("builtin:" + classpathPrefix);
    }

    /** Where a file of this root is, for messages. */
    public String describe(String relative) {
        return directory.map(d -> d.resolve(relative).toString()).orElse(classpathPrefix + "/" + relative);
    }

    @Override
    public String toString() {
        return describe();
    }
}
