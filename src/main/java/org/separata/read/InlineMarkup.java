package org.separata.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.model.Inline;
import org.separata.model.RichText;

/**
 * Reads the inline markup of manifest text fields: {@code <i> <b> <sup> <sub> <sc> <code> <u> <keep>}
 * (and {@code <em>}, {@code <strong>} as synonyms) and {@code <a href="…">}. Anything else,
 * including a lone {@code <}, is plain text, so "a < b" needs no escaping. Runs of white space
 * become one space.
 */
final class InlineMarkup {

    private static final Pattern TAG = Pattern.compile(
            "<(/?)(i|b|em|strong|sup|sub|sc|code|u|keep|a)(\\s+href\\s*=\\s*\"([^\"]*)\")?\\s*>",
            Pattern.CASE_INSENSITIVE);

    private InlineMarkup() {
    }

    static RichText parse(String raw, SourceLocation where) {
        String text = normalizeSpace(raw);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(null, null));
        Matcher m = TAG.matcher(text);
        int last = 0;
        while (m.find()) {
            addText(stack.peek(), text.substring(last, m.start()));
            last = m.end();
            String name = canonical(m.group(2).toLowerCase(Locale.ROOT));
            boolean closing = !m.group(1).isEmpty();
            if (!closing) {
                String href = null;
                if (name.equals("a")) {
                    href = m.group(4);
                    if (href == null || !href.matches("(?i)(https?://|mailto:)\\S+")) {
                        throw SeparataException.invalid(where, "the link <" + m.group(0).substring(1)
                                + " needs an href starting with https://, http:// or mailto:",
                                "write it as <a href=\"https://example.org/\">text</a>");
                    }
                } else if (m.group(3) != null) {
                    throw SeparataException.invalid(where, "<" + name + "> takes no attributes",
                            "only <a> takes an href");
                }
                stack.push(new Frame(name, href));
            } else {
                Frame top = stack.peek();
                if (top.tag == null || !top.tag.equals(name)) {
                    throw SeparataException.invalid(where,
                            "</" + name + "> closes nothing" + (top.tag == null ? "" : "; <" + top.tag + "> is open"),
                            "close inline tags in the reverse order you opened them: <b><i>…</i></b>");
                }
                stack.pop();
                stack.peek().children.add(top.toInline());
            }
        }
        addText(stack.peek(), text.substring(last));
        if (stack.size() > 1) {
            throw SeparataException.invalid(where, "<" + stack.peek().tag + "> is never closed",
                    "add </" + stack.peek().tag + "> where the styled text ends");
        }
        return new RichText(stack.peek().children);
    }

    /** Collapses white space; a blank line is not expected here (paragraphs are split before). */
    static String normalizeSpace(String s) {
        return s.replaceAll("[ \\t\\r\\n\\f]+", " ").strip();
    }

    /** Splits text at blank lines into paragraphs. */
    static List<String> paragraphs(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split("\\n[ \\t]*\\n")) {
            if (!p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String canonical(String tag) {
        return switch (tag) {
            case "em" -> "i";
            case "strong" -> "b";
            default -> tag;
        };
    }

    private static void addText(Frame f, String s) {
        if (!s.isEmpty()) {
            f.children.add(new Inline.Text(s));
        }
    }

    private static final class Frame {
        final String tag;
        final String href;
        final List<Inline> children = new ArrayList<>();

        Frame(String tag, String href) {
            this.tag = tag;
            this.href = href;
        }

        Inline toInline() {
            if (tag.equals("a")) {
                return new Inline.Link(href, children);
            }
            Optional<Inline.Style> style = Inline.Style.byTag(tag);
            return new Inline.Styled(style.orElseThrow(), children);
        }
    }
}
