package org.separata.batch;

import java.nio.file.Path;
import java.util.Optional;
import org.separata.pipeline.RenderOptions;

/**
 * How to build an issue.
 *
 * @param outDir       the output folder; replaced as a whole when the build succeeds (with
 *                     {@code shard}, the shard's folder inside it is)
 * @param jobs         articles rendered at once
 * @param render       how each article is rendered, as for {@code render}: layout (over the issue
 *                     manifest's), journal profile, glyphs, PDF/A level, translations, tags
 * @param rectoStart   over the issue manifest's {@code recto-start}
 * @param allowPartial put the build in {@code outDir} even when some articles failed; its pages are
 *                     then provisional, and its files and report say so
 * @param failFast     stop at the first failed article
 * @param shard        render only this slice of the offprints (then no issue PDF is made)
 * @param root         the folder every file the issue manifest names must lie in (articles, cover, a
 *                     layout folder); default: the issue file's folder
 */
public record IssueOptions(Path outDir, int jobs, RenderOptions render, Optional<Boolean> rectoStart,
                           boolean allowPartial, boolean failFast, Shard shard, Optional<Path> root) {
    public IssueOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more");
        }
        java.util.Objects.requireNonNull(outDir);
        java.util.Objects.requireNonNull(render);
        rectoStart = rectoStart == null ? Optional.empty() : rectoStart;
        java.util.Objects.requireNonNull(shard);
        root = root == null ? Optional.empty() : root;
    }

    /** Options whose files all lie in the issue file's folder. */
    public IssueOptions(Path outDir, int jobs, RenderOptions render, Optional<Boolean> rectoStart,
                        boolean allowPartial, boolean failFast, Shard shard) {
        this(outDir, jobs, render, rectoStart, allowPartial, failFast, shard, Optional.empty());
    }

    /** These options with another root. */
    public IssueOptions withRoot(Path folder) {
        return new IssueOptions(outDir, jobs, render, rectoStart, allowPartial, failFast, shard, Optional.of(folder));
    }
}
