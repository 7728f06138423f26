package org.separata.env;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a set of files belongs: a folder on disk or a prefix on the classpath, and what the
 * folder is ({@link Role}). Every file Separata reads is named relative to a root and must lie
 * inside it once symbolic links are followed; only {@link World} reads through it.
 */
public record ResourceRoot(Optional<Path> directory, String classpathPrefix, Role role) {

    /** What a root is: it decides the messages and the bound on each file's size. */
    public enum Role {
        /** The folder of an article file: its journal profile (when found beside it) and its images. */
        ARTICLE("the article's folder", Limit.IMAGE_MB),
        /** The folder of a journal profile: its logo and a layout pack it names by path. */
        PROFILE("the journal profile's folder", Limit.IMAGE_MB),
        /** The folder of an issue manifest: its articles, its cover and a layout pack it names by path. */
        ISSUE("the issue's folder", Limit.INPUT_MB),
        /** A layout pack kept in a folder. */
        PACK("the layout pack", Limit.RESOURCE_MB),
        /** A folder of font families. */
        FONTS("the font folder", Limit.RESOURCE_MB),
        /** Separata's own files, inside its jar. */
        BUILT_IN("Separata's built-in files", Limit.RESOURCE_MB),
        /** Any other folder. */
        FOLDER("its folder", Limit.RESOURCE_MB);

        private final String noun;
        private final Limit size;

        Role(String noun, Limit size) {
            this.noun = noun;
            this.size = size;
        }

        /** "the layout pack", for messages. */
        public String noun() {
            return noun;
        }

        /** The limit that bounds the size of a file read from a root of this role. */
        public Limit sizeLimit() {
            return size;
        }
    }

    public ResourceRoot {
        java.util.Objects.requireNonNull(directory);
        java.util.Objects.requireNonNull(classpathPrefix);
        java.util.Objects.requireNonNull(role);
    }

    /** A folder on disk, of the given role. The folder's real path is taken when a file is read. */
    public static ResourceRoot folder(Role role, Path dir) {
        return new ResourceRoot(Optional.of(dir == null ? Path.of("") : dir.normalize()), "", role);
    }

    /** The folder a file lies in, as a root of {@code role} ({@code article.yaml} → the current folder). */
    public static ResourceRoot folderOf(Role role, Path file) {
        return folder(role, file.getParent());
    }

    /** A folder of font families ({@code --font-path}, a layout pack's {@code fonts/}). */
    public static ResourceRoot fonts(Path dir) {
        return folder(Role.FONTS, dir);
    }

    /** A folder on disk with no particular role. */
    public static ResourceRoot directory(Path dir) {
        return folder(Role.FOLDER, dir);
    }

    /** Built-in files under a classpath prefix such as {@code layouts/classic}. */
    public static ResourceRoot classpath(String prefix) {
        return new ResourceRoot(Optional.empty(), prefix, Role.BUILT_IN);
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
