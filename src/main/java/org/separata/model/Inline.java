package org.separata.model;

import java.util.List;

/** A piece of running text: plain text, text with a style, or a link. */
public sealed interface Inline permits Inline.Text, Inline.Styled, Inline.Link, Inline.Math {

    /** The text a reader sees, without markup. */
    String plain();

    record Text(String value) implements Inline {
        public Text {
            value = value == null ? "" : value;
        }

        @Override
        public String plain() {
            return value;
        }
    }

    /** Text in one of the inline styles that JATS and the manifest share. */
    record Styled(Style style, List<Inline> children) implements Inline {
        public Styled {
            java.util.Objects.requireNonNull(style);
            children = List.copyOf(children);
        }

        @Override
        public String plain() {
            return RichText.plain(children);
        }
    }

    /** A hyperlink; {@code href} is an absolute URL (http, https, mailto) or a DOI URL. */
    record Link(String href, List<Inline> children) implements Inline {
        public Link {
            java.util.Objects.requireNonNull(href);
            children = List.copyOf(children);
        }

        @Override
        public String plain() {
            return RichText.plain(children);
        }
    }

    /** A formula inside running text; its plain text is the formula's linear form. */
    record Math(MathNode math) implements Inline {
        public Math {
            java.util.Objects.requireNonNull(math);
        }

        @Override
        public String plain() {
            return math.linear();
        }
    }

    enum Style {
        ITALIC("i"), BOLD("b"), SUPERSCRIPT("sup"), SUBSCRIPT("sub"), SMALL_CAPS("sc"), MONOSPACE("code"),
        UNDERLINE("u"),
        /** Text kept exactly as published: no typographic rule and no hyphenation touch it; printed plain. */
        KEEP("keep");

        private final String tag;

        Style(String tag) {
            this.tag = tag;
        }

        /** The short tag used in manifests and handed to templates: i, b, sup, sub, sc, code, u, keep. */
        public String tag() {
            return tag;
        }

        public static java.util.Optional<Style> byTag(String tag) {
            for (Style s : values()) {
                if (s.tag.equals(tag)) {
                    return java.util.Optional.of(s);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
