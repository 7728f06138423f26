package org.separata.pipeline;

import org.separata.diag.SourceLocation;

/**
 * Which layout pack an article is set in, and what decided it: {@code --layout}, an issue
 * manifest's {@code layout:}, a journal profile's {@code layout:}, or the default. Decided in one
 * place, {@link Separata#layoutFor}.
 *
 * @param name      a built-in pack's name or a pack folder's path
 * @param decidedBy what named it, for messages ("--layout", "examples/x/journal.yaml:7", "the default")
 * @param where     the place that names it, for an error if it cannot be loaded
 */
public record LayoutChoice(String name, String decidedBy, SourceLocation where) {

    public LayoutChoice {
        java.util.Objects.requireNonNull(name);
        java.util.Objects.requireNonNull(decidedBy);
        java.util.Objects.requireNonNull(where);
    }

    /** A layout named with {@code --layout}. */
    public static LayoutChoice option(String name) {
        return new LayoutChoice(name, "--layout", SourceLocation.of("--layout " + name));
    }

    /** "modern (from examples/carvalho-2023/journal.yaml:9)". */
    public String describe() {
        return "'" + name + "' (" + decidedBy + ")";
    }
}
