package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.separata.model.Block;
import org.separata.model.RichText;

/** A table's rows as a grid: every row as wide as the widest, counting column and row spans. */
class TableGridTest {

    private static Block.Cell cell(int colspan, int rowspan) {
        return new Block.Cell(false, List.of(RichText.of("x")), colspan, rowspan, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static Block.Row row(Block.Cell... cells) {
        return new Block.Row(List.of(cells));
    }

    /** Each row's width as set: its cells' column spans, the spans from above, and its filler. */
    private static List<Integer> widths(List<TableGrid.Row> rows) {
        int[] carried = new int[rows.size()];
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int w = carried[r] + rows.get(r).pad();
            for (TableGrid.Placed p : rows.get(r).cells()) {
                w += p.cell().colspan();
                for (int below = r + 1; below < r + p.rowspan(); below++) {
                    carried[below] += p.cell().colspan();
                }
            }
            out.add(w);
        }
        return out;
    }

    @Test
    void shortRowsAreFilledAndRowSpansEndWithTheirGroup() {
        Block.Table t = new Block.Table(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(row(cell(1, 1), cell(1, 1), cell(1, 1))),
                List.of(row(cell(1, 1)), row(cell(1, 1), cell(1, 1), cell(1, 1), cell(1, 1)),
                        row(cell(2, 1), cell(1, 1)), row(cell(1, 5), cell(1, 1)), row(cell(1, 1))),
                List.of(row(cell(1, 1), cell(1, 1))), List.of());
        TableGrid.Grid g = TableGrid.of(t);
        assertEquals(4, g.columns(), "the widest row sets the width; no cell is dropped");
        assertEquals(List.of(4), widths(g.head()));
        assertEquals(List.of(4, 4, 4, 4, 4), widths(g.body()));
        assertEquals(List.of(4), widths(g.foot()));
        assertEquals(List.of(3, 0, 1, 2, 2), g.body().stream().map(TableGrid.Row::pad).toList());
        assertEquals(2, g.body().get(3).cells().get(0).rowspan(), "a row span of 5 in the body's fourth row ends with it");
    }

    @Test
    void aRegularTableIsLeftAsItIs() {
        Block.Table t = new Block.Table(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(row(cell(1, 2), cell(1, 1)), row(cell(1, 1))), List.of(), List.of());
        TableGrid.Grid g = TableGrid.of(t);
        assertEquals(2, g.columns());
        assertEquals(List.of(0, 0), g.body().stream().map(TableGrid.Row::pad).toList());
    }
}
