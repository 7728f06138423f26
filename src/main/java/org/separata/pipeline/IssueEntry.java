package org.separata.pipeline;

/**
 * One article of an issue PDF: placed at its pages in the issue ({@link Issues#place}), and
 * whether a blank verso goes before it so that it starts on a right-hand page.
 */
public record IssueEntry(Prepared placed, boolean blankBefore) {
    public IssueEntry {
        java.util.Objects.requireNonNull(placed);
    }
}
