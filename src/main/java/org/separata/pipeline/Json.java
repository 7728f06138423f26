package org.separata.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.JsonWriter;
import org.separata.data.Node;
import org.separata.diag.Diagnostic;

/**
 * Machine-readable reports as plain Java data: maps in insertion order, lists, strings, numbers
 * ({@code Long} or {@code Double}) and booleans, written as indented JSON and read back (a JSON
 * null is read as an absent value).
 */
public final class Json {

    private Json() {
    }

    public static byte[] write(Object value) {
        return JsonWriter.write(value);
    }

    /** Plain data as JSON on one line, everything outside ASCII escaped (a log line). */
    public static String line(Object value) {
        return JsonWriter.writeLine(value);
    }

    /**
     * A diagnostic as reports give it ({@code report.json}, {@code serve}'s {@code /validate}):
     * severity, file, line and column (when known), field (when known), message and hint.
     */
    public static Map<String, Object> diagnostic(Diagnostic d) {
        return diagnostic(d, java.util.function.UnaryOperator.identity());
    }

    /** Like {@link #diagnostic(Diagnostic)}, with the file named as {@code files} gives it (relative to a report, say). */
    public static Map<String, Object> diagnostic(Diagnostic d, java.util.function.UnaryOperator<String> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().label());
        m.put("file", files.apply(d.location().file()));
        if (d.location().line() > 0) {
            m.put("line", d.location().line());
        }
        if (d.location().column() > 0) {
            m.put("column", d.location().column());
        }
        if (!d.location().path().isEmpty()) {
            m.put("field", d.location().path());
        }
        m.put("message", d.message());
        d.hint().ifPresent(h -> m.put("hint", h));
        return m;
    }

    /**
     * Reads JSON into plain data.
     *
     * @throws org.separata.diag.SeparataException (invalid input) naming the file and line when it is not JSON
     */
    public static Object read(byte[] content, String fileName) {
        return plain(DataParser.parse(content, fileName, DataFormat.JSON));
    }

    private static Object plain(Node n) {
        if (n instanceof Node.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                Object value = plain(v);
                if (value != null) {
                    out.put(k, value);
                }
            });
            return out;
        }
        if (n instanceof Node.ListNode l) {
            List<Object> out = new ArrayList<>();
            l.items().stream().map(Json::plain).filter(java.util.Objects::nonNull).forEach(out::add);
            return out;
        }
        Node.ScalarNode s = (Node.ScalarNode) n;
        return switch (s.kind()) {
            case NULL -> null;
            case BOOLEAN -> Boolean.parseBoolean(s.text());
            case INTEGER -> Long.parseLong(s.text());
            case NUMBER -> Double.parseDouble(s.text());
            case STRING -> s.text();
        };
    }
}
