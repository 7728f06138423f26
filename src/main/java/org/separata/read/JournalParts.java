package org.separata.read;

import java.util.Optional;
import org.separata.model.Issn;
import org.separata.model.Journal;

/**
 * The journal fields one source gives, each optional: a manifest may name only an ISSN and leave
 * the rest to a journal profile. {@link #complete()} makes the model's {@link Journal}, which needs
 * a title.
 */
record JournalParts(Optional<String> title, Optional<String> abbreviation, Optional<String> publisher,
                    Optional<Issn> printIssn, Optional<Issn> onlineIssn, Optional<String> url) {

    static final JournalParts NONE = new JournalParts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    static JournalParts of(Journal j) {
        return new JournalParts(Optional.of(j.title()), j.abbreviation(), j.publisher(), j.printIssn(),
                j.onlineIssn(), j.url());
    }

    Optional<Journal> complete() {
        return title.map(t -> new Journal(t, abbreviation, publisher, printIssn, onlineIssn, url));
    }

    boolean hasIssn() {
        return printIssn.isPresent() || onlineIssn.isPresent();
    }

    /** Whether {@code issn} is one of this journal's ISSNs. */
    boolean hasIssn(Issn issn) {
        return printIssn.equals(Optional.of(issn)) || onlineIssn.equals(Optional.of(issn));
    }
}
