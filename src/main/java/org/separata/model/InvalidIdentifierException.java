package org.separata.model;

/** An identifier (ISSN, DOI, ORCID iD) that fails its syntax or checksum rules. */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private final String hint;

    public InvalidIdentifierException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
