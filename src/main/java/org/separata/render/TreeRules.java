package org.separata.render;

import java.util.ArrayList;
import java.util.List;
import org.separata.tags.Kid;
import org.separata.tags.Tag;

/**
 * The rules of ISO 32000-1 and PDF/UA-1 for where elements may stand, applied to one element's
 * kids once they are in reading order, so that markup that says less than a PDF needs still
 * makes a valid tree:
 * <ul>
 * <li>a heading inside a paragraph (a run-in head, such as an abstract's label) stands before it,
 *     and the paragraph goes on after it;</li>
 * <li>list items outside a list, and contents entries outside a table of contents, are gathered
 *     into one;</li>
 * <li>rows that stand directly in a table with a head or a foot go into a table body, and a foot
 *     given before the body is read after it;</li>
 * <li>in a figure ({@code Div}), a caption right before or after a table goes into the table, as
 *     its first or last kid (a JATS table-wrap: caption, table, notes).</li>
 * </ul>
 */
final class TreeRules {

    private TreeRules() {
    }

    static List<Kid> arrange(String type, List<Kid> kids) {
        if (kids.isEmpty()) {
            return kids;
        }
        List<Kid> out = liftHeadings(kids);
        if (!type.equals("L")) {
            out = gather(out, "LI", "L");
        }
        if (!type.equals("TOC")) {
            out = gather(out, "TOCI", "TOC");
        }
        if (type.equals("Table")) {
            out = footLast(tableBody(out));
        } else if (type.equals("Div")) {
            out = captionedTable(out);
        }
        return out;
    }

    private static boolean isHeading(Kid k) {
        return k instanceof Tag t && t.type().length() == 2 && t.type().charAt(0) == 'H'
                && Character.isDigit(t.type().charAt(1));
    }

    private static boolean is(Kid k, String type) {
        return k instanceof Tag t && t.type().equals(type);
    }

    /** A paragraph holding a heading: the heading before it, the rest of the paragraph after. */
    private static List<Kid> liftHeadings(List<Kid> kids) {
        List<Kid> out = null;
        for (int i = 0; i < kids.size(); i++) {
            Kid k = kids.get(i);
            if (k instanceof Tag p && p.type().equals("P") && p.kids().stream().anyMatch(TreeRules::isHeading)) {
                if (out == null) {
                    out = new ArrayList<>(kids.subList(0, i));
                }
                List<Kid> run = new ArrayList<>();
                for (Kid pk : p.kids()) {
                    if (isHeading(pk)) {
                        if (!run.isEmpty()) {
                            out.add(p.withKids(run));
                            run = new ArrayList<>();
                        }
                        Tag h = (Tag) pk;
                        out.add(h.lang().isPresent() ? h : h.withLang(p.lang()));
                    } else {
                        run.add(pk);
                    }
                }
                if (!run.isEmpty()) {
                    out.add(p.withKids(run));
                }
            } else if (out != null) {
                out.add(k);
            }
        }
        return out == null ? kids : out;
    }

    /** Runs of {@code item} kids gathered into a new {@code container}. */
    private static List<Kid> gather(List<Kid> kids, String item, String container) {
        if (kids.stream().noneMatch(k -> is(k, item))) {
            return kids;
        }
        List<Kid> out = new ArrayList<>();
        List<Kid> run = new ArrayList<>();
        for (Kid k : kids) {
            if (is(k, item)) {
                run.add(k);
                continue;
            }
            if (!run.isEmpty()) {
                out.add(Tag.of(container, run));
                run = new ArrayList<>();
            }
            out.add(k);
        }
        if (!run.isEmpty()) {
            out.add(Tag.of(container, run));
        }
        return out;
    }

    private static List<Kid> tableBody(List<Kid> kids) {
        boolean sections = kids.stream().anyMatch(k -> is(k, "THead") || is(k, "TFoot") || is(k, "TBody"));
        if (!sections || kids.stream().noneMatch(k -> is(k, "TR"))) {
            return kids;
        }
        List<Kid> out = new ArrayList<>();
        List<Kid> rows = new ArrayList<>();
        for (Kid k : kids) {
            if (is(k, "TR")) {
                rows.add(k);
                continue;
            }
            if (!rows.isEmpty()) {
                out.add(Tag.of("TBody", rows));
                rows = new ArrayList<>();
            }
            out.add(k);
        }
        if (!rows.isEmpty()) {
            out.add(Tag.of("TBody", rows));
        }
        return out;
    }

    /**
     * A table's foot after its body: HTML may give {@code tfoot} before {@code tbody}, and the page
     * shows it last, so it is read last (before a caption that ends the table).
     */
    private static List<Kid> footLast(List<Kid> kids) {
        int foot = -1;
        int body = -1;
        for (int i = 0; i < kids.size(); i++) {
            if (is(kids.get(i), "TFoot") && foot < 0) {
                foot = i;
            } else if (is(kids.get(i), "TBody") || is(kids.get(i), "TR")) {
                body = i;
            }
        }
        if (foot < 0 || body < foot) {
            return kids;
        }
        List<Kid> out = new ArrayList<>(kids);
        Kid f = out.remove(foot);
        out.add(body, f);
        return out;
    }

    /** A caption right before or right after a table that has none goes into it, as its first or last kid. */
    private static List<Kid> captionedTable(List<Kid> kids) {
        if (kids.stream().noneMatch(k -> is(k, "Caption")) || kids.stream().noneMatch(k -> is(k, "Table"))) {
            return kids;
        }
        List<Kid> out = new ArrayList<>(kids);
        for (int i = 0; i < out.size(); i++) {
            if (!is(out.get(i), "Table") || ((Tag) out.get(i)).kids().stream().anyMatch(k -> is(k, "Caption"))) {
                continue;
            }
            Tag table = (Tag) out.get(i);
            if (i > 0 && is(out.get(i - 1), "Caption")) {
                List<Kid> inside = new ArrayList<>();
                inside.add(out.get(i - 1));
                inside.addAll(table.kids());
                out.set(i, table.withKids(inside));
                out.remove(--i);
            } else if (i + 1 < out.size() && is(out.get(i + 1), "Caption")) {
                List<Kid> inside = new ArrayList<>(table.kids());
                inside.add(out.get(i + 1));
                out.set(i, table.withKids(inside));
                out.remove(i + 1);
            }
        }
        return out;
    }
}
