package org.separata.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A MathML element (Presentation MathML), read from the input: its local name ({@code mi},
 * {@code mfrac}…), the attributes that change how it is set, its children, and for token elements
 * ({@code mi}, {@code mn}, {@code mo}, {@code mtext}, {@code ms}) their text.
 */
public record MathNode(String name, Map<String, String> attributes, List<MathNode> children, String text) {

    /** The elements that hold text rather than children. */
    public static final Set<String> TOKENS = Set.of("mi", "mn", "mo", "mtext", "ms", "mspace");

    public MathNode {
        java.util.Objects.requireNonNull(name);
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    public static MathNode token(String name, String text) {
        return new MathNode(name, Map.of(), List.of(), text);
    }

    public static MathNode of(String name, List<MathNode> children) {
        return new MathNode(name, Map.of(), children, "");
    }

    public Optional<String> attr(String key) {
        return Optional.ofNullable(attributes.get(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public boolean isToken() {
        return TOKENS.contains(name);
    }

    /** Every character the formula prints, in order (for the glyph preflight). */
    public String characters() {
        StringBuilder sb = new StringBuilder();
        collect(this, sb);
        return sb.toString();
    }

    private static void collect(MathNode n, StringBuilder sb) {
        sb.append(n.text);
        n.attr("open").ifPresent(sb::append);
        n.attr("close").ifPresent(sb::append);
        n.attr("separators").ifPresent(sb::append);
        n.children.forEach(c -> collect(c, sb));
    }

    /**
     * The formula as one line of text a reader can follow, for copying, search and screen
     * readers: {@code J_c = g_s(C_a − C_i)/(1.6P) + √(x^2 + 1)}.
     */
    public String linear() {
        return MathLinear.of(this);
    }
}
