package org.separata.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * A structure element: its standard structure type ({@code Document}, {@code H1}, {@code P},
 * {@code Link}…, ISO 32000-1 14.8.4), the language of its content when it differs from its
 * parent's ({@code /Lang}), its alternate description ({@code /Alt}, for figures and formulas),
 * the XHTML id of the element it comes from, its table and list attributes, and its kids in
 * reading order.
 */
public record Tag(String type, Optional<String> lang, Optional<String> alt, Optional<String> id,
                  Attributes attributes, List<Kid> kids) implements Kid {

    public Tag {
        Objects.requireNonNull(type);
        Objects.requireNonNull(lang);
        Objects.requireNonNull(alt);
        Objects.requireNonNull(id);
        Objects.requireNonNull(attributes);
        kids = List.copyOf(kids);
    }

    /** An element with no language, alternate text, id or attributes of its own. */
    public static Tag of(String type, List<Kid> kids) {
        return new Tag(type, Optional.empty(), Optional.empty(), Optional.empty(), Attributes.NONE, kids);
    }

    public Tag withKids(List<Kid> newKids) {
        return new Tag(type, lang, alt, id, attributes, newKids);
    }

    public Tag withType(String newType) {
        return new Tag(newType, lang, alt, id, attributes, kids);
    }

    public Tag withLang(Optional<String> newLang) {
        return new Tag(type, newLang, alt, id, attributes, kids);
    }

    @Override
    public Tag movePages(IntUnaryOperator pages) {
        List<Kid> moved = new ArrayList<>(kids.size());
        kids.forEach(k -> moved.add(k.movePages(pages)));
        return withKids(moved);
    }

    /**
     * Table and list attributes (ISO 32000-1 14.8.5.7 and 14.8.5.5): a header cell's
     * {@code Scope} ({@code Row}, {@code Column} or {@code Both}), a cell's row and column spans
     * (1 when it spans none), a list's {@code ListNumbering}.
     */
    public record Attributes(Optional<String> scope, int rowSpan, int colSpan, Optional<String> listNumbering) {
        public static final Attributes NONE = new Attributes(Optional.empty(), 1, 1, Optional.empty());

        public Attributes {
            Objects.requireNonNull(scope);
            Objects.requireNonNull(listNumbering);
            if (rowSpan < 1 || colSpan < 1) {
                throw new IllegalArgumentException("spans are 1 or more: " + rowSpan + ", " + colSpan);
            }
        }

        public boolean isNone() {
            return equals(NONE);
        }
    }
}
