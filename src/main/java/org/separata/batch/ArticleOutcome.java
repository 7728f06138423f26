package org.separata.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.model.PageRange;
import org.separata.read.ReadResult;

/** What happened to one article of an issue; filled in as the batch goes, reported at the end. */
final class ArticleOutcome {

    final int index;
    final String file;
    final String name;
    Optional<ReadResult> read = Optional.empty();
    int pages;
    Optional<PageRange> range = Optional.empty();
    boolean blankBefore;
    boolean offprintWritten;
    final List<Diagnostic> warnings = new ArrayList<>();
    final List<Diagnostic> errors = new ArrayList<>();
    double seconds;

    ArticleOutcome(int index, String file, String name) {
        this.index = index;
        this.file = file;
        this.name = name;
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
