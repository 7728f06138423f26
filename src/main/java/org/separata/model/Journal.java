package org.separata.model;

import java.util.Optional;

/** The journal an article appears in. */
public record Journal(String title, Optional<String> abbreviation, Optional<String> publisher,
                      Optional<Issn> printIssn, Optional<Issn> onlineIssn, Optional<String> url) {
    public Journal {
        java.util.Objects.requireNonNull(title);
        abbreviation = abbreviation == null ? Optional.empty() : abbreviation;
        publisher = publisher == null ? Optional.empty() : publisher;
        printIssn = printIssn == null ? Optional.empty() : printIssn;
        onlineIssn = onlineIssn == null ? Optional.empty() : onlineIssn;
        url = url == null ? Optional.empty() : url;
    }
}
