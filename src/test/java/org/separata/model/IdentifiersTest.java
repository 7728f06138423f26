package org.separata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void issnCheckDigits() {
        assertEquals("2409-3416", new Issn("2409-3416").value());
        assertEquals("2658-5219", new Issn("26585219").value());
        assertEquals("0317-8471", new Issn("0317-8471").value());
        assertEquals("2434-561X", new Issn("2434-561x").value());
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> new Issn("2409-3417"));
        assertTrue(e.getMessage().contains("expected '6'"), e.getMessage());
        assertThrows(InvalidIdentifierException.class, () -> new Issn("2409-341"));
        assertThrows(InvalidIdentifierException.class, () -> new Issn("ISSN 2409-3416"));
    }

    @Test
    void orcidChecksums() {
        assertEquals("0000-0002-1825-0097", new Orcid("0000-0002-1825-0097").value());
        assertEquals("0000-0001-5109-3700", new Orcid("https://orcid.org/0000-0001-5109-3700").value());
        assertEquals("0000-0002-1694-233X", new Orcid("0000-0002-1694-233x").value());
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> new Orcid("0000-0002-1825-0098"));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertThrows(InvalidIdentifierException.class, () -> new Orcid("0000-0002-1825"));
    }

    @Test
    void doiSyntax() {
        assertEquals("10.46272/2409-3416-2021-9-4-84-100",
                new Doi("https://doi.org/10.46272/2409-3416-2021-9-4-84-100").value());
        assertEquals("10.1000/xyz", new Doi("doi:10.1000/xyz").value());
        assertEquals("https://doi.org/10.1000/xyz", new Doi("10.1000/xyz").url());
        assertThrows(InvalidIdentifierException.class, () -> new Doi("10.46272"));
        assertThrows(InvalidIdentifierException.class, () -> new Doi("11.1000/xyz"));
        assertThrows(InvalidIdentifierException.class, () -> new Doi("10.1000/has space"));
    }

    @Test
    void initialsAndCitationNames() {
        PersonName n = PersonName.of("Juan Gabriel", "Tokatlian");
        assertEquals("J. G.", n.initials());
        assertEquals("J. G. Tokatlian", n.initialsThenSurname());
        assertEquals("Tokatlian JG", n.surnameThenInitials());
        assertEquals("A.-M. Ruiz", PersonName.of("Anna-Maria", "Ruiz").initialsThenSurname());
        assertEquals("Адинс С", PersonName.of("Себастьен", "Адинс").surnameThenInitials());
    }
}
