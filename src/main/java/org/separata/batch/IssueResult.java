package org.separata.batch;

import java.nio.file.Path;
import java.util.Optional;
import org.separata.diag.ExitCode;

/** The outcome of an issue build: what to exit with, and where the outputs are. */
public record IssueResult(ExitCode exitCode, int articles, int failed, int pages, Optional<Path> issuePdf,
                          Path report) {
}
