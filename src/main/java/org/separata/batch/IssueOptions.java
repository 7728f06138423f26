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
 * @param tags         tag the offprints and the issue PDF (PDF/UA-1)
 */
public record IssueOptions(Path outDir, int jobs, Optional<String> layout, Optional<Boolean> rectoStart,
                           boolean allowPartial, boolean failFast, Shard shard, boolean allowMissingGlyphs,
                           PdfStandard standard, boolean includeTranslations, boolean tags) {
    public IssueOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more");
        }
    }

    /** Tagged. */
    public IssueOptions(Path outDir, int jobs, Optional<String> layout, Optional<Boolean> rectoStart,
                        boolean allowPartial, boolean failFast, Shard shard, boolean allowMissingGlyphs,
                        PdfStandard standard, boolean includeTranslations) {
        this(outDir, jobs, layout, rectoStart, allowPartial, failFast, shard, allowMissingGlyphs, standard,
                includeTranslations, true);
    }
}
