package org.separata.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.model.PageRange;
import org.separata.pipeline.Prepared;

/** What happened to one article of an issue; filled in as the build goes, reported at the end. */
final class ArticleOutcome {

    final int index;
    /** The article file as the issue manifest lists it. */
    final String file;
    /** The offprint's file name, without {@code .pdf}. */
    final String name;
    /** Whether this run writes its offprint (its shard is this run's). */
    final boolean inShard;
    Optional<Prepared> prepared = Optional.empty();
    int pages;
    /** Where {@link #pages} comes from: a layout, or a guess that its render confirms or corrects. */
    Count counted = Count.MEASURED;
    /** How often its page count changed after it was rendered at its pages. */
    int recounts;
    Optional<PageRange> range = Optional.empty();
    boolean blankBefore;
    /** The offprint written (its path inside the output folder), the pages it shows, and whether they are provisional. */
    Optional<String> offprint = Optional.empty();
    Optional<PageRange> renderedAt = Optional.empty();
    boolean renderedProvisional;
    List<Diagnostic> warnings = new ArrayList<>();
    final List<Diagnostic> errors = new ArrayList<>();
    double seconds;

    /** Where an article's page count comes from. */
    enum Count {
        /** Laid out: a count pass, or a render. */
        MEASURED,
        /** The last build's report in the output folder (not yet laid out in this build). */
        REPORTED
    }

    ArticleOutcome(int index, String file, String name, boolean inShard) {
        this.index = index;
        this.file = file;
        this.name = name;
        this.inShard = inShard;
    }

    /** Read, checked and counted, and nothing failed since: it has a place in the issue. */
    boolean ok() {
        return errors.isEmpty() && prepared.isPresent() && pages > 0;
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    /**
     * {@code ok} (its offprint is written), {@code failed}, {@code other-shard} (read and
     * paginated, its offprint is another shard's) or {@code stopped} (the build stopped first).
     */
    String status() {
        if (failed()) {
            return "failed";
        }
        if (ok() && !inShard) {
            return "other-shard";
        }
        return offprint.isPresent() && renderedAt.equals(range) ? "ok" : "stopped";
    }
}
