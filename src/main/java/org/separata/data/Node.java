package org.separata.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.separata.diag.SourceLocation;

/**
 * A value read from a YAML or JSON file, with the place it was read from. Every node knows its
 * path from the root ({@code references[3].doi}) so that diagnostics can name the field.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    SourceLocation location();

    default String path() {
        return location().path();
    }

    /** "a map", "a list", "a string", … for messages. */
    String describe();

    /** An object, its keys in file order. */
    record MapNode(Map<String, Node> entries, SourceLocation location) implements Node {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record ListNode(List<Node> items, SourceLocation location) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A string, number, boolean or null; {@code text} is the value as written. */
    record ScalarNode(Kind kind, String text, SourceLocation location) implements Node {

        public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case NULL -> "an empty value";
            };
        }

        public boolean isNull() {
            return kind == Kind.NULL;
        }
    }
}
