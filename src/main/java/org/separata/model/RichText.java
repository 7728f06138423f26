package org.separata.model;

import java.util.ArrayList;
import java.util.List;

/** Text with inline markup: a list of {@link Inline}s. */
public record RichText(List<Inline> inlines) {

    public static final RichText EMPTY = new RichText(List.of());

    public RichText {
        inlines = List.copyOf(inlines);
    }

    public static RichText of(String plain) {
        return plain == null || plain.isEmpty() ? EMPTY : new RichText(List.of(new Inline.Text(plain)));
    }

    public String plain() {
        return plain(inlines);
    }

    public boolean isBlank() {
        return plain().isBlank();
    }

    static String plain(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        for (Inline i : inlines) {
            sb.append(i.plain());
        }
        return sb.toString();
    }

    /** Every URL this text links to, in order. */
    public List<String> links() {
        List<String> out = new ArrayList<>();
        collectLinks(inlines, out);
        return out;
    }

    private static void collectLinks(List<Inline> inlines, List<String> out) {
        for (Inline i : inlines) {
            if (i instanceof Inline.Link l) {
                out.add(l.href());
                collectLinks(l.children(), out);
            } else if (i instanceof Inline.Styled s) {
                collectLinks(s.children(), out);
            }
        }
    }

    @Override
    public String toString() {
        return plain();
    }
}
