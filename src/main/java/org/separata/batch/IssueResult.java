package org.separata.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;

/**
 * The outcome of an issue build: what to exit with, what became of the build, and where its files are.
 *
 * @param folder   where the build's files are: the output folder (complete or provisional), the
 *                 folder kept beside it (failed), or the output folder left as it was (interrupted)
 * @param issuePdf the issue PDF inside {@code folder}, if one was made
 * @param report   the report inside {@code folder}, if one was written
 * @param warnings the warnings of this run's articles, in issue order
 */
public record IssueResult(ExitCode exitCode, Status status, int articles, int failed, int pages, Path folder,
                          Optional<Path> issuePdf, Optional<Path> report, List<Diagnostic> warnings) {

    public IssueResult {
        warnings = List.copyOf(warnings);
    }

    /** A result without warnings. */
    public IssueResult(ExitCode exitCode, Status status, int articles, int failed, int pages, Path folder,
                       Optional<Path> issuePdf, Optional<Path> report) {
        this(exitCode, status, articles, failed, pages, folder, issuePdf, report, List.of());
    }

    public enum Status {
        /** Every article succeeded; the output folder holds the new build, its pages final. */
        COMPLETE,
        /** Some articles failed and {@code --allow-partial} put the build in place: its pages are provisional. */
        PROVISIONAL,
        /** Some articles failed: the output folder is as it was; the build is kept beside it. */
        FAILED,
        /** Interrupted: the output folder is as it was; the unfinished build was removed. */
        INTERRUPTED
    }
}
