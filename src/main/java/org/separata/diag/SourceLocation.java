package org.separata.diag;

import java.util.Optional;

/**
 * Where something came from: a file (as the user named it), and where known a line and column
 * (both 1-based; 0 means unknown) and a path inside the document (a manifest key path such as
 * {@code references[3].doi} or a JATS element path).
 */
public record SourceLocation(String file, int line, int column, String path) {

    public SourceLocation {
        file = file == null ? "" : file;
        path = path == null ? "" : path;
    }

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0, "");
    }

    public static SourceLocation unknown() {
        return new SourceLocation("", 0, 0, "");
    }

    public SourceLocation withPath(String newPath) {
        return new SourceLocation(file, line, column, newPath);
    }

    public Optional<Integer> lineNumber() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** {@code file:line:column}, leaving out what is unknown. */
    public String position() {
        StringBuilder sb = new StringBuilder(file.isEmpty() ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }
}
