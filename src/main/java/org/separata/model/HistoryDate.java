package org.separata.model;

import java.time.LocalDate;

/** A date in the article's history. {@code type} is received, revised, accepted or published. */
public record HistoryDate(String type, LocalDate date) {
    public HistoryDate {
        java.util.Objects.requireNonNull(type);
        java.util.Objects.requireNonNull(date);
    }
}
