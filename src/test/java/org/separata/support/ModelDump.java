package org.separata.support;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.model.Inline;
import org.separata.model.RichText;
import org.separata.read.ReadResult;

/**
 * A readable dump of what a reader produced: the model as indented {@code key: value} lines
 * (absent values left out, rich text with its inline tags), then the warnings with their lines.
 * Reader golden tests compare it with the {@code .model.txt} file beside each input.
 */
public final class ModelDump {

    private ModelDump() {
    }

    public static String of(ReadResult r) {
        StringBuilder sb = new StringBuilder();
        value(sb, r.article(), 0);
        if (!r.warnings().isEmpty()) {
            sb.append("warnings:\n");
            for (Diagnostic d : r.warnings()) {
                sb.append("  - ").append(d.location().line()).append(':').append(d.location().column());
                if (!d.location().path().isEmpty()) {
                    sb.append(' ').append(d.location().path());
                }
                sb.append(": ").append(d.message()).append('\n');
            }
        }
        return sb.toString();
    }

    private static void value(StringBuilder sb, Record r, int indent) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            field(sb, c.getName(), v, indent);
        }
    }

    private static void field(StringBuilder sb, String name, Object v, int indent) {
        if (v instanceof Optional<?> o) {
            if (o.isEmpty()) {
                return;
            }
            v = o.get();
        }
        if (v instanceof List<?> l && l.isEmpty() || v instanceof Boolean b && !b) {
            return;
        }
        String pad = "  ".repeat(indent);
        if (v instanceof List<?> l) {
            sb.append(pad).append(name).append(":\n");
            for (Object item : l) {
                item(sb, item, indent + 1);
            }
        } else if (isScalar(v)) {
            sb.append(pad).append(name).append(": ").append(scalar(v)).append('\n');
        } else {
            sb.append(pad).append(name).append(":").append(kind(v)).append('\n');
            value(sb, (Record) v, indent + 1);
        }
    }

    private static void item(StringBuilder sb, Object item, int indent) {
        String pad = "  ".repeat(indent);
        if (isScalar(item)) {
            sb.append(pad).append("- ").append(scalar(item)).append('\n');
        } else if (item instanceof List<?> l) {
            sb.append(pad).append("-\n");
            for (Object i : l) {
                item(sb, i, indent + 1);
            }
        } else {
            sb.append(pad).append("-").append(kind(item)).append('\n');
            value(sb, (Record) item, indent + 1);
        }
    }

    /** Blocks say which kind they are. */
    private static String kind(Object v) {
        return v instanceof org.separata.model.Block ? " # " + v.getClass().getSimpleName() : "";
    }

    private static boolean isScalar(Object v) {
        if (v instanceof org.separata.model.MathNode || v instanceof RichText || v instanceof CharSequence || v instanceof Number || v instanceof Enum<?>
                || v instanceof java.time.temporal.Temporal || v instanceof Boolean) {
            return true;
        }
        // identifiers: records of one string component, shown as their value
        return v instanceof Record r && r.getClass().getRecordComponents().length == 1
                && r.getClass().getRecordComponents()[0].getType() == String.class;
    }

    private static String scalar(Object v) {
        if (v instanceof org.separata.model.MathNode m) {
            return "<math>" + quote(m.linear()) + "</math>";
        }
        if (v instanceof RichText r) {
            return quote(markup(r.inlines()));
        }
        if (v instanceof Record) {
            return v.toString();
        }
        return v instanceof CharSequence s ? quote(s.toString()) : v.toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String markup(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        for (Inline i : inlines) {
            if (i instanceof Inline.Text t) {
                sb.append(t.value());
            } else if (i instanceof Inline.Styled s) {
                sb.append('<').append(s.style().tag()).append('>').append(markup(s.children()))
                        .append("</").append(s.style().tag()).append('>');
            } else if (i instanceof Inline.Link l) {
                sb.append("<a href=\"").append(l.href()).append("\">").append(markup(l.children())).append("</a>");
            } else if (i instanceof Inline.Math m) {
                sb.append("<math>").append(m.math().linear()).append("</math>");
            }
        }
        return sb.toString();
    }
}
