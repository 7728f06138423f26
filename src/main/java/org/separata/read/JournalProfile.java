package org.separata.read;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.separata.diag.SourceLocation;
import org.separata.model.CitationStyle;
import org.separata.model.Issn;
import org.separata.model.Journal;
import org.separata.model.License;

/**
 * What every article of one journal shares, from a journal profile ({@code journal.yaml}): the
 * journal's identity, its logo, its default layout, its default licence and its how-to-cite style.
 * {@code locations} holds where each field was written (keyed "title", "issn-print", "logo", …),
 * so that a conflict or a missing logo can point at the line.
 */
public record JournalProfile(String file, Issn key, Journal journal, Optional<String> logo, Optional<String> layout,
                             Optional<License> license, Optional<CitationStyle> citation,
                             Map<String, SourceLocation> locations) {

    public JournalProfile {
        java.util.Objects.requireNonNull(file);
        java.util.Objects.requireNonNull(key);
        java.util.Objects.requireNonNull(journal);
        locations = Map.copyOf(locations);
    }

    /** Where {@code field} ("title", "logo", …) is written, or the entry itself. */
    public SourceLocation location(String field) {
        return locations.getOrDefault(field, locations.getOrDefault("", SourceLocation.of(file)));
    }

    /** The logo's file: its name in the profile, relative to the profile's folder. */
    public Optional<Path> logoPath() {
        return logo.map(l -> Path.of(file).resolveSibling(l));
    }
}
