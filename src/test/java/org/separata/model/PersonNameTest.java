package org.separata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names shortened for bylines and citations, with the particles Portuguese and Spanish names carry. */
class PersonNameTest {

    @Test
    void particlesAtTheEndOfGivenNamesGoWithTheSurname() {
        PersonName castro = PersonName.of("Silvana de", "Castro");
        assertEquals("S.", castro.initials());
        assertEquals("de", castro.particles());
        assertEquals("S. de Castro", castro.initialsThenSurname());
        assertEquals("de Castro S", castro.surnameThenInitials());
        assertEquals("Silvana de Castro", castro.display());
        PersonName santos = PersonName.of("Maria das Graças dos", "Santos");
        assertEquals("M. d. G.", santos.initials(), "only trailing particles are set apart");
        assertEquals("dos Santos MdG", santos.surnameThenInitials());
    }

    @Test
    void namesWithoutParticlesAreUnchanged() {
        assertEquals("J. G. Tokatlian", PersonName.of("Juan Gabriel", "Tokatlian").initialsThenSurname());
        assertEquals("Adins S", PersonName.of("Sebastien", "Adins").surnameThenInitials());
    }
}
