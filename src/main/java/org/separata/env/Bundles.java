package org.separata.env;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * Article bundles sent over the network ({@code separata serve}), each given a private folder of
 * its own for as long as one request takes, inside one private folder of the process
 * ({@code separata-serve-…} in the temporary folder, readable by its owner only). A bundle's folder
 * is the root the file gate keeps the article, its journal profile, its images and a layout pack
 * it brings inside; nothing is written outside it, and it is removed when the request ends.
 */
public final class Bundles implements AutoCloseable {

    /** What a request's body is. */
    public enum Kind {
        YAML("article.yaml"), JSON("article.json"), XML("article.xml"), ZIP("");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }
    }

    /** The kinds of file that can be a bundle's article. */
    private static final List<String> ARTICLE_EXTENSIONS = List.of(".yaml", ".yml", ".json", ".xml");
    /** Files beside an article that are not articles. */
    private static final List<String> NOT_ARTICLES = List.of("journal.yaml", "journal.yml", "journal.json");

    private final Path space;
    private final Limits limits;
    private final AtomicLong serial = new AtomicLong();

    private Bundles(Path space, Limits limits) {
        this.space = space;
        this.limits = limits;
    }

    /** Makes the process's private folder in {@code parent} (the temporary folder, by default). */
    static Bundles create(Path parent, Limits limits) {
        try {
            Files.createDirectories(parent);
            return new Bundles(Files.createTempDirectory(parent, "separata-serve-").toRealPath(), limits);
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(parent.toString()), "cannot make a private folder for "
                    + "bundles: " + Outputs.plain(e), Outputs.hint(e));
        }
    }

    /** The process's folder of bundles. */
    public Path folder() {
        return space;
    }

    /** One request's bundle: its private folder and its article file; {@link #close} removes the folder. */
    public final class Bundle implements AutoCloseable {
        private final Path root;
        private final Path article;

        private Bundle(Path root, Path article) {
            this.root = root;
            this.article = article;
        }

        /** The bundle's private folder. */
        public Path root() {
            return root;
        }

        /** The article file inside it. */
        public Path article() {
            return article;
        }

        /** {@code text} with the bundle's folder taken out of every path in it, so that names are relative to the bundle. */
        public String relative(String text) {
            return text.replace(root + "/", "").replace(root.toString(), ".");
        }

        @Override
        public void close() {
            removeTree(root);
        }
    }

    /**
     * A bundle made from a request's body: a manifest or JATS file as {@code article.yaml},
     * {@code article.json} or {@code article.xml} alone in its folder; or a zip unpacked there
     * through {@link ZipEntries}' checks, its article found at its top (or inside its one top
     * folder): the one {@code .yaml}, {@code .json} or {@code .xml} file there that is not a journal
     * profile, or the one {@code article} names.
     *
     * @throws SeparataException (usage) when the zip is refused or its article cannot be told;
     *                           (output) when the folder cannot be written
     */
    public Bundle open(byte[] body, Kind kind, Optional<String> article) {
        Path root;
        try {
            root = Files.createDirectory(space.resolve("b" + serial.incrementAndGet()));
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(space.toString()), "cannot make a bundle's folder: "
                    + Outputs.plain(e), Outputs.hint(e));
        }
        try {
            if (kind != Kind.ZIP) {
                if (article.isPresent()) {
                    throw SeparataException.usage(SourceLocation.of("article"), "only a zip bundle has files to choose from",
                            "leave out the article parameter, or send a zip");
                }
                Path file = root.resolve(kind.fileName);
                write(file, out -> out.write(body));
                return new Bundle(root, file);
            }
            ZipEntries zip = ZipEntries.read(body, limits);
            for (ZipEntries.Entry e : zip.entries()) {
                Path target = root.resolve(e.name()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw ZipEntries.refuse("'" + e.name() + "' would be written outside the bundle", null);
                }
                if (e.folder()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    write(target, out -> zip.inflate(e, out));
                }
            }
            return new Bundle(root, findArticle(root, zip.entries(), article));
        } catch (IOException e) {
            removeTree(root);
            throw SeparataException.output(SourceLocation.of("the zip bundle"), "cannot be unpacked: " + Outputs.plain(e),
                    Outputs.hint(e));
        } catch (RuntimeException e) {
            removeTree(root);
            throw e;
        }
    }

    /** A new regular file, never through a link or over another file. */
    private static void write(Path file, World.Writer content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            content.write(out);
        }
    }

    private static Path findArticle(Path root, List<ZipEntries.Entry> entries, Optional<String> named) {
        String top = topFolder(entries).map(t -> t + "/").orElse("");
        if (named.isPresent()) {
            String name = ZipEntries.checkName(named.get());
            boolean there = entries.stream().anyMatch(e -> !e.folder() && (e.name().equals(name)
                    || e.name().equals(top + name)));
            if (!there) {
                throw SeparataException.usage(SourceLocation.of("article"), "the zip bundle has no file '" + name + "'",
                        "name the article by its path inside the zip");
            }
            return root.resolve(entries.stream().anyMatch(e -> e.name().equals(name)) ? name : top + name);
        }
        List<String> candidates = new ArrayList<>();
        for (ZipEntries.Entry e : entries) {
            String rest = e.name().startsWith(top) ? e.name().substring(top.length()) : "";
            String lower = rest.toLowerCase(Locale.ROOT);
            if (!e.folder() && !rest.isEmpty() && !rest.contains("/") && !NOT_ARTICLES.contains(lower)
                    && ARTICLE_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
                candidates.add(e.name());
            }
        }
        if (candidates.size() != 1) {
            throw SeparataException.usage(SourceLocation.of("the zip bundle"), candidates.isEmpty()
                            ? "the zip bundle has no article (a .yaml, .json or .xml file) at its top"
                            : "the zip bundle has several articles at its top: " + String.join(", ", candidates),
                    candidates.isEmpty() ? "put the manifest or JATS file at the top of the zip, its images beside it"
                            : "name the one to render with ?article=NAME");
        }
        return root.resolve(candidates.get(0));
    }

    /** The one folder every entry lies in, when the zip was made from a folder rather than from its files. */
    private static Optional<String> topFolder(List<ZipEntries.Entry> entries) {
        String top = null;
        for (ZipEntries.Entry e : entries) {
            int slash = e.name().indexOf('/');
            String first = slash < 0 ? (e.folder() ? e.name() : "") : e.name().substring(0, slash);
            if (first.isEmpty() || (top != null && !top.equals(first))) {
                return Optional.empty();
            }
            top = first;
        }
        return Optional.ofNullable(top);
    }

    /** Removes a folder and everything in it, never following a link out of it. */
    static void removeTree(Path dir) {
        try {
            Outputs.deleteTree(dir);
        } catch (IOException e) {
            // what could not be removed stays in the process's private folder, removed at close
        }
    }

    /** Removes the process's folder of bundles, with anything left in it. */
    @Override
    public void close() {
        removeTree(space);
    }
}
