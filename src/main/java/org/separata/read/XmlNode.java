package org.separata.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of an XML document as {@link SafeXml} reads it: an element or a run of text, each with the
 * line and column it starts at. Element names are local names, with a fixed prefix for the few
 * namespaces JATS uses ({@code mml:}, {@code xlink:}, {@code xml:}, {@code ali:}, {@code xi:}).
 */
sealed interface XmlNode permits XmlNode.Element, XmlNode.Text {

    int line();

    int column();

    /** The text a reader sees: this node's text, or all the text inside the element. */
    String text();

    record Text(String value, int line, int column) implements XmlNode {
        @Override
        public String text() {
            return value;
        }
    }

    record Element(String name, Map<String, String> attributes, List<XmlNode> children, int line, int column)
            implements XmlNode {

        public Element {
            attributes = Map.copyOf(attributes);
            children = List.copyOf(children);
        }

        Optional<String> attr(String key) {
            return Optional.ofNullable(attributes.get(key)).map(String::strip).filter(s -> !s.isEmpty());
        }

        boolean is(String n) {
            return name.equals(n);
        }

        /** The child elements, in order. */
        List<Element> elements() {
            List<Element> out = new ArrayList<>();
            for (XmlNode c : children) {
                if (c instanceof Element e) {
                    out.add(e);
                }
            }
            return out;
        }

        /** The child elements with one of these names, in order. */
        List<Element> all(String... names) {
            List<Element> out = new ArrayList<>();
            for (Element e : elements()) {
                for (String n : names) {
                    if (e.name.equals(n)) {
                        out.add(e);
                        break;
                    }
                }
            }
            return out;
        }

        Optional<Element> first(String n) {
            for (XmlNode c : children) {
                if (c instanceof Element e && e.name.equals(n)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        /** Follows a path of child names: {@code path("journal-title-group", "journal-title")}. */
        Optional<Element> path(String... names) {
            Optional<Element> at = Optional.of(this);
            for (String n : names) {
                at = at.flatMap(e -> e.first(n));
            }
            return at;
        }

        /** Every descendant element with this name, in document order (not this element itself). */
        List<Element> descendants(String n) {
            List<Element> out = new ArrayList<>();
            collect(this, n, out);
            return out;
        }

        private static void collect(Element e, String n, List<Element> out) {
            for (Element c : e.elements()) {
                if (c.name.equals(n)) {
                    out.add(c);
                }
                collect(c, n, out);
            }
        }

        /** Whether the element holds text of its own (not only inside child elements). */
        boolean hasOwnText() {
            return children.stream().anyMatch(c -> c instanceof Text t && !t.value().isBlank());
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder();
            appendText(this, sb);
            return sb.toString();
        }

        private static void appendText(XmlNode n, StringBuilder sb) {
            if (n instanceof Text t) {
                sb.append(t.value());
            } else if (n instanceof Element e) {
                for (XmlNode c : e.children) {
                    appendText(c, sb);
                }
            }
        }

        /** The text with white space collapsed and trimmed; empty when there is none. */
        Optional<String> cleanText() {
            String s = text().replaceAll("[ \\t\\r\\n]+", " ").strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
    }
}
