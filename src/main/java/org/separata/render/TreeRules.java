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
 * <li>rows that stand directly in a table with a head or a foot go into a table body;</li>
 * <li>a figure that holds one table and one caption becomes the table, with the caption as its
 *     first or last kid.</li>
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
            out = tableBody(out);
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

    private static List<Kid> captionedTable(List<Kid> kids) {
        if (kids.size() != 2) {
            return kids;
        }
        if (is(kids.get(0), "Table") && is(kids.get(1), "Caption")
                && ((Tag) kids.get(0)).kids().stream().noneMatch(k -> is(k, "Caption"))) {
            Tag table = (Tag) kids.get(0);
            List<Kid> inside = new ArrayList<>(table.kids());
            inside.add(kids.get(1));
            return List.of(table.withKids(inside));
        }
        if (is(kids.get(0), "Caption") && is(kids.get(1), "Table")
                && ((Tag) kids.get(1)).kids().stream().noneMatch(k -> is(k, "Caption"))) {
            Tag table = (Tag) kids.get(1);
            List<Kid> inside = new ArrayList<>();
            inside.add(kids.get(0));
            inside.addAll(table.kids());
            return List.of(table.withKids(inside));
        }
        return kids;
    }
}
