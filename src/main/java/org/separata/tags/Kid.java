package org.separata.tags;

/** What a structure element holds, in reading order: elements, marked content, annotations. */
public sealed interface Kid permits Tag, Content, Annotation {

    /** The same kid with every page index passed through {@code pages} (for documents placed in a larger PDF). */
    Kid movePages(java.util.function.IntUnaryOperator pages);
}
