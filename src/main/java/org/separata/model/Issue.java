package org.separata.model;

import java.time.LocalDate;
import java.util.Optional;

/** The journal issue an article appears in: volume, number, year and cover date. */
public record Issue(Optional<String> volume, Optional<String> number, Optional<Integer> year,
                   Optional<LocalDate> date) {
    public Issue {
        volume = volume == null ? Optional.empty() : volume;
        number = number == null ? Optional.empty() : number;
        year = year == null ? Optional.empty() : year;
        date = date == null ? Optional.empty() : date;
        if (year.isEmpty() && date.isPresent()) {
            year = Optional.of(date.get().getYear());
        }
    }

    public static final Issue NONE = new Issue(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
