package org.separata.model;

import java.util.List;
import java.util.Optional;

/** A block of body text. */
public sealed interface Block permits Paragraph, Block.ListBlock, Block.Quote, Block.Omitted, Block.Table,
        Block.Figure, Block.Formula, Block.Boxed, Block.Preformatted {

    /**
     * A bulleted or numbered list; each item is a list of blocks. {@code labels}: the items' own
     * labels ("(a)", "iv."), one per item, when the input gives them (the layout then neither
     * numbers nor bullets the list); else empty.
     */
    record ListBlock(boolean ordered, List<List<Block>> items, List<String> labels) implements Block {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
            labels = labels == null ? List.of() : List.copyOf(labels);
            if (!labels.isEmpty() && labels.size() != items.size()) {
                throw new IllegalArgumentException("one label per item, or none");
            }
        }

        /** A list the layout numbers (ordered) or bullets. */
        public ListBlock(boolean ordered, List<List<Block>> items) {
            this(ordered, items, List.of());
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
     * Something the offprint does not typeset (a table with no cells, a media file). It is printed
     * as a visible placeholder, never dropped silently. {@code kind} is e.g. "table" or "media";
     * {@code label} and {@code caption} come from the input.
     */
    record Omitted(String kind, Optional<String> label, Optional<RichText> caption, String reason) implements Block {
        public Omitted {
            label = label == null ? Optional.empty() : label;
            caption = caption == null ? Optional.empty() : caption;
        }
    }

    /**
     * A table: its label ("Table 1"), caption, header, body and footer rows, and its notes
     * (JATS {@code table-wrap-foot}). {@code id} is the input's, for links and tagging.
     */
    record Table(Optional<String> id, Optional<String> label, Optional<RichText> caption, List<Row> head,
                 List<Row> body, List<Row> foot, List<Paragraph> notes) implements Block {
        public Table {
            id = id == null ? Optional.empty() : id;
            label = label == null ? Optional.empty() : label;
            caption = caption == null ? Optional.empty() : caption;
            head = List.copyOf(head);
            body = List.copyOf(body);
            foot = List.copyOf(foot);
            notes = List.copyOf(notes);
        }

        /** The number of columns, counting spans: the widest row. */
        public int columns() {
            int max = 0;
            for (List<Row> part : List.of(head, body, foot)) {
                for (Row r : part) {
                    max = Math.max(max, r.cells().stream().mapToInt(Cell::colspan).sum());
                }
            }
            return max;
        }
    }

    /** A row of a table. */
    record Row(List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A table cell: a header cell ({@code th}) or a data cell, its lines of text (line breaks in
     * the input end a line), its spans, its horizontal alignment ({@code left}, {@code center},
     * {@code right}, {@code justify}) and vertical alignment ({@code top}, {@code middle},
     * {@code bottom}), and for a header cell the cells it heads ({@code col}, {@code row},
     * {@code colgroup}, {@code rowgroup}).
     */
    record Cell(boolean header, List<RichText> lines, int colspan, int rowspan, Optional<String> align,
                Optional<String> valign, Optional<String> scope) {
        public Cell {
            lines = List.copyOf(lines);
            colspan = Math.max(1, colspan);
            rowspan = Math.max(1, rowspan);
            align = align == null ? Optional.empty() : align;
            valign = valign == null ? Optional.empty() : valign;
            scope = scope == null ? Optional.empty() : scope;
        }

        public String plain() {
            return String.join(" ", lines.stream().map(RichText::plain).toList());
        }
    }

    /**
     * A figure: its label, caption, a text alternative (JATS {@code alt-text}) and the image files
     * it names, in order, as the input names them (a JATS {@code xlink:href}, often without an
     * extension). {@code kind} says what the image stands for: "figure", "table" (a table given
     * only as an image), "formula" or "graphic" (an image outside any figure). Whether an image is
     * there is decided when the article is rendered; one that is not leaves a placeholder.
     */
    record Figure(String kind, Optional<String> id, Optional<String> label, Optional<RichText> caption,
                  Optional<String> altText, List<String> files) implements Block {
        public Figure {
            java.util.Objects.requireNonNull(kind);
            id = id == null ? Optional.empty() : id;
            label = label == null ? Optional.empty() : label;
            caption = caption == null ? Optional.empty() : caption;
            altText = altText == null ? Optional.empty() : altText;
            files = List.copyOf(files);
        }
    }

    /**
     * A display formula: MathML to typeset ({@code math}), or, when the input gives only TeX, its
     * source ({@code tex}), printed as code; {@code label} is its number, "(1)".
     */
    record Formula(Optional<String> id, Optional<String> label, Optional<MathNode> math, Optional<String> tex)
            implements Block {
        public Formula {
            id = id == null ? Optional.empty() : id;
            label = label == null ? Optional.empty() : label;
            math = math == null ? Optional.empty() : math;
            tex = tex == null ? Optional.empty() : tex;
        }

        /** The formula as one line of text. */
        public String linear() {
            return math.map(MathNode::linear).or(() -> tex).orElse("");
        }
    }

    /**
     * A framed or set-off block: a box (JATS {@code boxed-text}) or a statement (a theorem, a
     * lemma: {@code statement}), with its title.
     */
    record Boxed(String kind, Optional<RichText> title, List<Block> blocks) implements Block {
        public Boxed {
            java.util.Objects.requireNonNull(kind);
            title = title == null ? Optional.empty() : title;
            blocks = List.copyOf(blocks);
        }
    }

    /** Text whose lines and spaces are kept as given (JATS {@code preformat}, {@code code}). */
    record Preformatted(String text) implements Block {
        public Preformatted {
            java.util.Objects.requireNonNull(text);
        }
    }
}
