package org.separata.model;

import java.util.List;
import java.util.Optional;

/** A section of the body: a title, its blocks, and its subsections. */
public record Section(Optional<RichText> title, List<Block> blocks, List<Section> sections) {
    public Section {
        title = title == null ? Optional.empty() : title;
        blocks = List.copyOf(blocks);
        sections = List.copyOf(sections);
    }
}
