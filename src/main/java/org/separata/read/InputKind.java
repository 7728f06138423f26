package org.separata.read;

import java.util.Locale;
import java.util.Set;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.Node;

/**
 * What a file given on the command line is, from its name and its top-level keys, so that a file
 * given to the wrong command is named as what it is ("this is an article; use render") instead of
 * failing the other command's schema.
 */
public enum InputKind {
    /** An article: a manifest with titles, authors…, or a JATS XML file. */
    ARTICLE,
    /** An issue manifest: it lists its articles. */
    ISSUE,
    /** A journal profile: journals keyed by ISSN. */
    JOURNAL_PROFILE,
    /** Not one of these, or not readable: the command's own reading says what is wrong. */
    UNKNOWN;

    private static final Set<String> ARTICLE_KEYS = Set.of("titles", "authors", "abstracts", "article", "references");

    /** The kind of the file {@code name} holding {@code content}. */
    public static InputKind of(byte[] content, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml") || lower.endsWith(".jats")) {
            return ARTICLE;
        }
        if (DataFormat.ofFileName(name).isEmpty()) {
            return UNKNOWN;
        }
        Node root;
        try {
            root = DataParser.parse(content, name, DataFormat.ofFileName(name).get());
        } catch (RuntimeException e) { // a SeparataException too: the command's own reading reports it
            return UNKNOWN;
        }
        if (!(root instanceof Node.MapNode m) || m.entries().isEmpty()) {
            return UNKNOWN;
        }
        Set<String> keys = m.entries().keySet();
        if (keys.contains("articles")) {
            return ISSUE;
        }
        if (keys.stream().anyMatch(ARTICLE_KEYS::contains)) {
            return ARTICLE;
        }
        if (keys.stream().allMatch(k -> k.matches("\\d{4}-?\\d{3}[\\dXx]"))) {
            return JOURNAL_PROFILE;
        }
        return UNKNOWN;
    }
}
