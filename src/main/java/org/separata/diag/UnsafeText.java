package org.separata.diag;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters that have no place in an article's text and can do harm on their way through:
 * control characters (they break the XHTML the layout writes, and an ESC sequence echoed to a
 * terminal can rewrite it), halves of surrogate pairs (no character at all), and bidirectional
 * embeddings, overrides and isolates (they make text display in another order than it is read,
 * the "Trojan Source" trick). Readers refuse them in input values with their field and line;
 * {@link #escape} makes any text safe to print on a terminal.
 */
public final class UnsafeText {

    private UnsafeText() {
    }

    /**
     * What is wrong with the character at {@code index} of {@code s}, if anything: "the control
     * character U+0007 (BELL)". Tab, line feed and carriage return are fine.
     */
    public static Optional<String> problem(CharSequence s, int index) {
        char c = s.charAt(index);
        if (Character.isHighSurrogate(c)) {
            if (index + 1 < s.length() && Character.isLowSurrogate(s.charAt(index + 1))) {
                return Optional.empty();
            }
            return Optional.of("a lone surrogate " + hex(c) + " (half of a character)");
        }
        if (Character.isLowSurrogate(c)) {
            if (index > 0 && Character.isHighSurrogate(s.charAt(index - 1))) {
                return Optional.empty();
            }
            return Optional.of("a lone surrogate " + hex(c) + " (half of a character)");
        }
        return problem(c);
    }

    /** What is wrong with a code point (not a surrogate half), if anything. */
    public static Optional<String> problem(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return Optional.empty();
        }
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
            return Optional.of("the control character " + named(cp));
        }
        if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
            return Optional.of("the bidirectional formatting character " + named(cp));
        }
        if (cp == 0xfffe || cp == 0xffff) {
            return Optional.of("the noncharacter " + hex(cp));
        }
        return Optional.empty();
    }

    /** The first unsafe character of {@code s}: its index, or -1. */
    public static int find(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || Character.isSurrogate(c) || c >= 0xfffe) {
                if (problem(s, i).isPresent()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The hint for a problem at {@code cp}: what to do instead. */
    public static String hint(int cp) {
        if (cp >= 0x80 && cp <= 0x9f) {
            String cp1252 = new String(new byte[] {(byte) cp}, java.nio.charset.Charset.forName("windows-1252"));
            if (!cp1252.equals("\ufffd") && cp1252.codePointAt(0) != cp) {
                return "this is probably the Windows-1252 character '" + cp1252 + "' read with the wrong encoding; "
                        + "write '" + cp1252 + "' instead";
            }
        }
        if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
            return "remove it; the direction of text comes from its language";
        }
        return "remove it; it cannot be printed and has no place in an article";
    }

    /**
     * {@code s} made safe for a terminal: every control character but line feed and tab, every
     * bidirectional formatting character and every lone surrogate is written as a visible escape
     * ({@code \u001B}), so no input can send an escape sequence or reorder what is shown.
     */
    public static String escape(String s) {
        if (find(s) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && (c == '\r' || problem(s, i).isPresent())) {
                sb.append(hexEscape(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code \u001B}. */
    public static String hexEscape(char c) {
        return String.format(Locale.ROOT, "\\u%04X", (int) c);
    }

    private static String named(int cp) {
        String name = Character.getName(cp);
        return hex(cp) + (name == null ? "" : " (" + name + ")");
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
