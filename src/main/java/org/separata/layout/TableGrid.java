package org.separata.layout;

import java.util.ArrayList;
import java.util.List;
import org.separata.model.Block;

/**
 * A table's rows made into a grid, as PDF/UA-1 asks of a tagged table (every row as many columns
 * wide as the others, counting column and row spans) and as a reader expects the rules to run:
 * a row short of cells gets one empty cell spanning the columns it lacks, and a row span that
 * runs past the end of its group (head, body or foot, as in HTML) ends with the group. Cells are
 * never dropped: the widest row sets the width.
 */
final class TableGrid {

    /** A cell as set: the input's cell and the rows it spans in its group. */
    record Placed(Block.Cell cell, int rowspan) {
    }

    /** A row as set: its cells, then {@code pad} empty columns (0 when it is full). */
    record Row(List<Placed> cells, int pad) {
    }

    /** The grid: the number of columns, and the head's, body's and foot's rows. */
    record Grid(int columns, List<Row> head, List<Row> body, List<Row> foot) {
    }

    private TableGrid() {
    }

    static Grid of(Block.Table t) {
        List<List<Placed>> head = clamp(t.head());
        List<List<Placed>> body = clamp(t.body());
        List<List<Placed>> foot = clamp(t.foot());
        int columns = 0;
        for (List<List<Placed>> group : List.of(head, body, foot)) {
            for (int w : widths(group)) {
                columns = Math.max(columns, w);
            }
        }
        return new Grid(columns, pad(head, columns), pad(body, columns), pad(foot, columns));
    }

    /** Each cell with its row span ended at the end of its group. */
    private static List<List<Placed>> clamp(List<Block.Row> rows) {
        List<List<Placed>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Placed> cells = new ArrayList<>();
            for (Block.Cell c : rows.get(r).cells()) {
                cells.add(new Placed(c, Math.min(c.rowspan(), rows.size() - r)));
            }
            out.add(cells);
        }
        return out;
    }

    /** How many columns each row of a group fills: its cells' column spans, and the cells above that span into it. */
    private static int[] widths(List<List<Placed>> rows) {
        int[] widths = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (Placed p : rows.get(r)) {
                for (int below = r; below < r + p.rowspan(); below++) {
                    widths[below] += p.cell().colspan();
                }
            }
        }
        return widths;
    }

    private static List<Row> pad(List<List<Placed>> rows, int columns) {
        int[] widths = widths(rows);
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            out.add(new Row(rows.get(r), columns - widths[r]));
        }
        return out;
    }
}
