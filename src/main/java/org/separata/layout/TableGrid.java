package org.separata.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.separata.model.Block;

/**
 * A table's rows made into a grid, as PDF/UA-1 asks of a tagged table (every row as many columns
 * wide as the others, counting column and row spans) and as a reader expects the rules to run:
 * a row short of cells gets one empty cell spanning the columns it lacks, and a row span that
 * runs past the end of its group (head, body or foot, as in HTML) ends with the group. Cells are
 * never dropped: the widest row sets the width.
 *
 * <p>A column whose body and foot cells all hold numbers (a sign, digits with their separators, a
 * percent sign; a dash for "none" may stand among them) is a column of figures, set flush right as
 * a typesetter sets them so that units line up; its head cells follow it. A cell that gives its
 * own alignment keeps it.
 */
final class TableGrid {

    /**
     * A cell as set: the input's cell, the rows it spans in its group, and its horizontal alignment
     * (the cell's own, else {@code right} in a column of figures).
     */
    record Placed(Block.Cell cell, int rowspan, Optional<String> align) {
        Placed(Block.Cell cell, int rowspan) {
            this(cell, rowspan, cell.align());
        }
    }

    /** A number as a table cell gives it: 12, −3.5, 1 234, (0.25), 45%, ±2, 12.3*. */
    private static final Pattern NUMBER = Pattern.compile(
            "[+\\-\u2212\u00B1]?\\(?[$\u20AC\u00A3]?\\d[\\d.,'\u00A0\u2009\u202F ]*\\)?[%\u2030]?[*\u2020\u2021]*");

    /** What may stand for "none" among numbers: a dash, an en or em dash, "n/a". */
    private static final Pattern NONE = Pattern.compile("[-\u2013\u2014\u2212]|n/?a|N/?A|\\.{2,3}|\u2026");

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
        // the column each cell starts in, found once per group
        List<int[]> headAt = starts(head, columns);
        List<int[]> bodyAt = starts(body, columns);
        List<int[]> footAt = starts(foot, columns);
        boolean[] figures = figureColumns(columns, List.of(body, foot), List.of(bodyAt, footAt));
        return new Grid(columns, pad(aligned(head, headAt, figures), columns),
                pad(aligned(body, bodyAt, figures), columns), pad(aligned(foot, footAt, figures), columns));
    }

    /** Which columns hold figures: every one-column body and foot cell in it a number or "none", one at least a number. */
    private static boolean[] figureColumns(int columns, List<List<List<Placed>>> groups, List<List<int[]>> at) {
        boolean[] some = new boolean[columns];
        boolean[] other = new boolean[columns];
        for (int g = 0; g < groups.size(); g++) {
            List<List<Placed>> group = groups.get(g);
            List<int[]> starts = at.get(g);
            for (int r = 0; r < group.size(); r++) {
                for (int i = 0; i < group.get(r).size(); i++) {
                    Block.Cell c = group.get(r).get(i).cell();
                    int col = starts.get(r)[i];
                    String text = c.plain().strip();
                    if (col < 0 || col >= columns || text.isEmpty()) {
                        continue;
                    }
                    if (c.colspan() == 1 && NUMBER.matcher(text).matches()) {
                        some[col] = true;
                    } else if (c.colspan() > 1 || !NONE.matcher(text).matches()) {
                        for (int k = col; k < Math.min(columns, col + c.colspan()); k++) {
                            other[k] = true;
                        }
                    }
                }
            }
        }
        boolean[] figures = new boolean[columns];
        for (int k = 0; k < columns; k++) {
            figures[k] = some[k] && !other[k];
        }
        return figures;
    }

    /** The column each cell of a group starts in, the cells above that span into a row taking theirs first. */
    private static List<int[]> starts(List<List<Placed>> rows, int columns) {
        List<int[]> out = new ArrayList<>();
        int width = columns + 1;
        for (List<Placed> row : rows) {
            for (Placed p : row) {
                width += p.cell().colspan();
            }
        }
        boolean[][] taken = new boolean[rows.size()][width];
        for (int r = 0; r < rows.size(); r++) {
            int[] at = new int[rows.get(r).size()];
            int col = 0;
            for (int i = 0; i < at.length; i++) {
                while (col < width && taken[r][col]) {
                    col++;
                }
                Placed p = rows.get(r).get(i);
                at[i] = col;
                for (int below = r; below < r + p.rowspan(); below++) {
                    for (int k = col; k < Math.min(width, col + p.cell().colspan()); k++) {
                        taken[below][k] = true;
                    }
                }
                col += p.cell().colspan();
            }
            out.add(at);
        }
        return out;
    }

    /** A group's cells, those in columns of figures that give no alignment of their own set flush right. */
    private static List<List<Placed>> aligned(List<List<Placed>> rows, List<int[]> starts, boolean[] figures) {
        List<List<Placed>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Placed> cells = new ArrayList<>();
            for (int i = 0; i < rows.get(r).size(); i++) {
                Placed p = rows.get(r).get(i);
                int col = starts.get(r)[i];
                boolean inFigures = p.cell().colspan() == 1 && col < figures.length && figures[col];
                cells.add(p.cell().align().isEmpty() && inFigures ? new Placed(p.cell(), p.rowspan(), Optional.of("right")) : p);
            }
            out.add(cells);
        }
        return out;
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
