package org.separata.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.separata.diag.SourceIndex;
import org.separata.diag.SourceLocation;
import org.separata.env.ResourceRoot;
import org.separata.model.IssueManifest;

/**
 * An issue about to be built, from {@link Issues#plan}: its manifest, its article files (paths
 * relative to the issue file, resolved), how its articles are rendered, whether they start on
 * right-hand pages, and its layout, once decided (by {@code --layout}, the manifest's
 * {@code layout:}, or, after the articles are prepared, by their journal profiles:
 * {@link Issues#settle}).
 */
public final class IssuePlan {

    final Path file;
    final IssueManifest manifest;
    final RenderOptions options;
    final boolean rectoStart;
    final List<Path> articles;
    /** The folder every file the manifest names must lie in ({@code --root}, else the issue file's). */
    final ResourceRoot root;
    final Optional<Path> cover;
    /** The cover image, read and checked by the image gate. */
    final Optional<byte[]> coverImage;
    final Optional<LayoutChoice> layout;
    final String digest;
    /** Where each field of the issue manifest is in its file. */
    final SourceIndex sources;

    IssuePlan(Path file, IssueManifest manifest, RenderOptions options, boolean rectoStart, List<Path> articles,
              ResourceRoot root, Optional<Path> cover, Optional<byte[]> coverImage, Optional<LayoutChoice> layout,
              String digest, SourceIndex sources) {
        this.file = file;
        this.manifest = manifest;
        this.options = options;
        this.rectoStart = rectoStart;
        this.articles = List.copyOf(articles);
        this.root = root;
        this.cover = cover;
        this.coverImage = coverImage;
        this.layout = layout;
        this.digest = digest;
        this.sources = sources;
    }

    /** The issue manifest. */
    public Path file() {
        return file;
    }

    public IssueManifest manifest() {
        return manifest;
    }

    /** The article files in issue order, as paths to open (relative to the issue file's folder). */
    public List<Path> articles() {
        return articles;
    }

    /** Whether every article starts on a right-hand page (a blank verso before it if needed). */
    public boolean rectoStart() {
        return rectoStart;
    }

    /** The page the first article starts on. */
    public int firstPage() {
        return manifest.firstPage();
    }

    /** How the articles are rendered (PDF/A level, glyphs, translations, profile). */
    public RenderOptions options() {
        return options;
    }

    /** The issue's layout, once it is decided. */
    public Optional<LayoutChoice> layout() {
        return layout;
    }

    /** A digest of the issue manifest's bytes and of what decides how its articles are rendered. */
    public String digest() {
        return digest;
    }

    /** Where article {@code index} is listed in the issue manifest (its file, line and column). */
    public SourceLocation articleLocation(int index) {
        return sources.locate("articles[" + index + "]");
    }

    IssuePlan withLayout(LayoutChoice choice) {
        return new IssuePlan(file, manifest, options, rectoStart, articles, root, cover, coverImage, Optional.of(choice),
                digest, sources);
    }
}
