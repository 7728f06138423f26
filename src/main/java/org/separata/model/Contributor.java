package org.separata.model;

import java.util.List;
import java.util.Optional;

/**
 * A person or group credited on the article. A person has a {@code name}; a group author
 * ({@code collab}) has a {@code groupName} instead. {@code alternativeNames} are the same
 * person's name in other scripts or languages. A {@link Role#MEMBER} is a member of a group author
 * listed outside the byline: {@code name} is the person, {@code groupName} the group, when known.
 */
public record Contributor(Role role, Optional<PersonName> name, Optional<String> groupName,
                          List<PersonName> alternativeNames, List<String> degrees, List<String> affiliationIds,
                          Optional<String> address, Optional<String> country, Optional<String> email,
                          Optional<Orcid> orcid, Optional<RichText> bio, boolean corresponding,
                          List<RichText> notes) {

    public enum Role { AUTHOR, EDITOR, TRANSLATOR, REVIEWER, MEMBER, OTHER }

    public Contributor {
        java.util.Objects.requireNonNull(role);
        name = name == null ? Optional.empty() : name;
        groupName = groupName == null ? Optional.empty() : groupName;
        if (name.isEmpty() && groupName.isEmpty()) {
            throw new IllegalArgumentException("a contributor needs a name or a group name");
        }
        alternativeNames = List.copyOf(alternativeNames);
        degrees = List.copyOf(degrees);
        affiliationIds = List.copyOf(affiliationIds);
        address = address == null ? Optional.empty() : address;
        country = country == null ? Optional.empty() : country;
        email = email == null ? Optional.empty() : email;
        orcid = orcid == null ? Optional.empty() : orcid;
        bio = bio == null ? Optional.empty() : bio;
        notes = List.copyOf(notes);
    }

    /** "Sebastien Adins", or the group's name. */
    public String displayName() {
        return name.map(PersonName::display).orElseGet(groupName::orElseThrow);
    }

    /** "S. Adins", or the group's name. */
    public String bylineName() {
        return name.map(PersonName::initialsThenSurname).orElseGet(groupName::orElseThrow);
    }

    /** "Adins S.", or the group's name. */
    public String citationName() {
        return name.map(PersonName::surnameThenInitials).orElseGet(groupName::orElseThrow);
    }
}
