package org.separata.model;

import java.util.List;

/** The linear text form of a {@link MathNode}: scripts as _ and ^, fractions with /, roots with √. */
final class MathLinear {

    private MathLinear() {
    }

    static String of(MathNode n) {
        StringBuilder sb = new StringBuilder();
        write(n, sb);
        return sb.toString().replaceAll("\\s+", " ").replaceAll(" ([)\\]},;⟩])", "$1").strip();
    }

    /** A script or a fraction's part: operators without the spaces around them. */
    private static String compact(MathNode n) {
        return of(n).replaceAll(" ?([=<>≤≥≈≠+−×±]) ?", "$1");
    }

    private static void write(MathNode n, StringBuilder sb) {
        List<MathNode> c = n.children();
        switch (n.name()) {
            case "mi", "mn", "mtext", "ms" -> sb.append(n.text());
            case "mo" -> {
                String op = n.text().strip();
                boolean spaced = op.length() == 1 && "=<>≤≥≈≠≡+−×±∈∉⊂⊆→⇒⇔∼≅∝".indexOf(op.charAt(0)) >= 0;
                sb.append(spaced ? " " + op + " " : op);
            }
            case "mspace", "none", "mprescripts", "annotation", "annotation-xml", "mphantom" -> {
            }
            case "semantics" -> {
                if (!c.isEmpty()) {
                    write(c.get(0), sb);
                }
            }
            case "msub" -> script(c, sb, "_", 1);
            case "msup" -> script(c, sb, "^", 1);
            case "msubsup" -> {
                scriptOnly(c, sb, "_", 1);
                if (c.size() > 2) {
                    sb.append('^');
                    group(c.get(2), sb);
                }
                sb.append(' ');
            }
            case "munder" -> script(c, sb, "_", 1);
            case "mover" -> script(c, sb, "^", 1);
            case "munderover" -> {
                scriptOnly(c, sb, "_", 1);
                if (c.size() > 2) {
                    sb.append('^');
                    group(c.get(2), sb);
                }
                sb.append(' ');
            }
            case "mfrac" -> {
                if (c.size() == 2) {
                    if (!sb.isEmpty() && Character.isLetterOrDigit(sb.charAt(sb.length() - 1))) {
                        sb.append(' ');
                    }
                    group(c.get(0), sb);
                    sb.append('/');
                    group(c.get(1), sb);
                } else {
                    c.forEach(x -> write(x, sb));
                }
            }
            case "msqrt" -> {
                String inner = compact(MathNode.of("mrow", c));
                sb.append('√').append(inner.codePointCount(0, inner.length()) <= 1 ? inner : "(" + inner + ")");
            }
            case "mroot" -> {
                if (c.size() == 2) {
                    sb.append("root(");
                    write(c.get(1), sb);
                    sb.append(", ");
                    write(c.get(0), sb);
                    sb.append(')');
                }
            }
            case "mfenced" -> {
                sb.append(n.attr("open").orElse("("));
                String seps = n.attributes().getOrDefault("separators", ",").replaceAll("\\s", "");
                for (int i = 0; i < c.size(); i++) {
                    if (i > 0 && !seps.isEmpty()) {
                        sb.append(seps.charAt(Math.min(i - 1, seps.length() - 1)));
                    }
                    write(c.get(i), sb);
                }
                sb.append(n.attr("close").orElse(")"));
            }
            case "mtable" -> {
                sb.append('[');
                for (int i = 0; i < c.size(); i++) {
                    if (i > 0) {
                        sb.append("; ");
                    }
                    write(c.get(i), sb);
                }
                sb.append(']');
            }
            case "mtr", "mlabeledtr" -> {
                for (int i = 0; i < c.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    write(c.get(i), sb);
                }
            }
            case "mmultiscripts" -> c.forEach(x -> write(x, sb));
            default -> c.forEach(x -> write(x, sb));
        }
    }

    private static void script(List<MathNode> c, StringBuilder sb, String mark, int at) {
        scriptOnly(c, sb, mark, at);
        // "D_i t_i", not "D_it_i": what follows a script is not part of it
        sb.append(' ');
    }

    private static void scriptOnly(List<MathNode> c, StringBuilder sb, String mark, int at) {
        if (c.isEmpty()) {
            return;
        }
        write(c.get(0), sb);
        if (c.size() > at) {
            sb.append(mark);
            group(c.get(at), sb);
        }
    }

    /** A part written alone when it is one symbol, else in parentheses. */
    private static void group(MathNode n, StringBuilder sb) {
        String s = compact(n);
        String head = s.replaceFirst("^(√|[\\p{L}\\p{N}.]+)(?=\\()", "");
        if (s.codePointCount(0, s.length()) <= 1 || s.matches("[\\p{L}\\p{N}.]+") || isFenced(head)) {
            sb.append(s);
        } else {
            sb.append('(').append(s).append(')');
        }
    }

    private static boolean isFenced(String s) {
        if (s.length() < 2 || "([{".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ("([{".indexOf(ch) >= 0) {
                depth++;
            } else if (")]}".indexOf(ch) >= 0) {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
