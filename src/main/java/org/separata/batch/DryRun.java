package org.separata.batch;

import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.diag.ExitCode;
import org.separata.model.PageRange;

/**
 * What {@code separata issue --dry-run} found: each article read, checked and counted, at the
 * pages it would take in the issue; nothing was rendered or written.
 *
 * @param articles    in issue order
 * @param interrupted the run was stopped (Ctrl-C) before it was done
 */
public record DryRun(List<Entry> articles, boolean interrupted) {

    public DryRun {
        articles = List.copyOf(articles);
    }

    /**
     * One article: its file as the issue lists it, the pages it would take (none when it failed),
     * whether a blank left-hand page would come before it, how many pages it has, its warnings and
     * errors, and {@code ok}, {@code failed} or {@code stopped} (not read: {@code --fail-fast}).
     */
    public record Entry(String file, Optional<PageRange> range, boolean blankBefore, int pages,
                        List<Diagnostic> warnings, List<Diagnostic> errors, String status) {
        public Entry {
            warnings = List.copyOf(warnings);
            errors = List.copyOf(errors);
        }
    }

    public int failed() {
        return (int) articles.stream().filter(a -> a.status().equals("failed")).count();
    }

    /** The pages the articles would take, blank versos included. */
    public int pages() {
        return articles.stream().mapToInt(a -> a.pages() + (a.blankBefore() ? 1 : 0)).sum();
    }

    /** 0 when every article was read, 4 when some failed or were not read, 130 when interrupted. */
    public ExitCode exitCode() {
        if (interrupted) {
            return ExitCode.INTERRUPTED;
        }
        return articles.stream().allMatch(a -> a.status().equals("ok")) ? ExitCode.OK : ExitCode.PARTIAL_FAILURE;
    }
}
