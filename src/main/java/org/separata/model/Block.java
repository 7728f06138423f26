package org.separata.model;

import java.util.List;
import java.util.Optional;

/** A block of body text. */
public sealed interface Block permits Paragraph, Block.ListBlock, Block.Quote, Block.Omitted {

    /** A bulleted or numbered list; each item is a list of blocks. */
    record ListBlock(boolean ordered, List<List<Block>> items) implements Block {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A block quotation, with its attribution if any. */
    record Quote(List<Block> blocks, Optional<RichText> attribution) implements Block {
        public Quote {
            blocks = List.copyOf(blocks);
            attribution = attribution == null ? Optional.empty() : attribution;
        }
    }

    /**
     * Something the offprint does not typeset (a table, a figure whose image is absent, a formula
     * it cannot draw). It is printed as a visible placeholder, never dropped silently.
     * {@code kind} is e.g. "table" or "figure"; {@code label} and {@code caption} come from the input.
     */
    record Omitted(String kind, Optional<String> label, Optional<RichText> caption, String reason) implements Block {
        public Omitted {
            label = label == null ? Optional.empty() : label;
            caption = caption == null ? Optional.empty() : caption;
        }
    }
}
