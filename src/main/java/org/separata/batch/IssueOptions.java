package org.separata.batch;

import java.nio.file.Path;
import java.util.Optional;
import org.separata.finish.PdfStandard;

/**
 * How to build an issue. {@code layout} and {@code rectoStart} override the issue manifest.
 *
 * @param jobs         articles rendered at once
 * @param allowPartial write issue.pdf even when some articles failed (they are left out)
 * @param failFast     stop at the first failed article
 * @param shard        render only this slice of the offprints (then no issue.pdf is written)
 * @param standard     the PDF/A level of the offprints and the issue PDF
 * @param includeTranslations print the articles' translations after them
 * @param root         the folder every file the issue manifest names must lie in (articles, cover, a
 *                     layout folder); default: the issue file's folder
 */
public record IssueOptions(Path outDir, int jobs, Optional<String> layout, Optional<Boolean> rectoStart,
                           boolean allowPartial, boolean failFast, Shard shard, boolean allowMissingGlyphs,
                           PdfStandard standard, boolean includeTranslations, Optional<Path> root) {
    public IssueOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more");
        }
        root = root == null ? Optional.empty() : root;
    }

    /** Options whose files all lie in the issue file's folder. */
    public IssueOptions(Path outDir, int jobs, Optional<String> layout, Optional<Boolean> rectoStart,
                        boolean allowPartial, boolean failFast, Shard shard, boolean allowMissingGlyphs,
                        PdfStandard standard, boolean includeTranslations) {
        this(outDir, jobs, layout, rectoStart, allowPartial, failFast, shard, allowMissingGlyphs, standard,
                includeTranslations, Optional.empty());
    }

    /** These options with another root. */
    public IssueOptions withRoot(Path folder) {
        return new IssueOptions(outDir, jobs, layout, rectoStart, allowPartial, failFast, shard, allowMissingGlyphs,
                standard, includeTranslations, Optional.of(folder));
    }
}
