package org.separata.diag;

import java.util.Map;

/**
 * Where each field of an input was read from, keyed by field path ({@code titles[2].text}), so that
 * a later stage (the glyph preflight, say) can point at the line of the field it complains about.
 */
public record SourceIndex(String file, Map<String, SourceLocation> byPath) {

    public SourceIndex {
        byPath = Map.copyOf(byPath);
    }

    public static SourceIndex empty(String file) {
        return new SourceIndex(file, Map.of());
    }

    /** The location of {@code path}, or of its nearest ancestor, or just the file. */
    public SourceLocation locate(String path) {
        String p = path;
        while (!p.isEmpty()) {
            SourceLocation l = byPath.get(p);
            if (l != null) {
                return l.withPath(path);
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return new SourceLocation(file, 0, 0, path);
    }
}
