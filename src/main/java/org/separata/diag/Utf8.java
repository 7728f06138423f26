package org.separata.diag;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one check that a text file Separata reads is UTF-8, for every reader (manifests, journal
 * profiles and issue manifests through {@code data.DataParser}, JATS, SVG images, layout packs):
 * where the first byte that is not UTF-8 is (its line and column, counted in characters, found
 * before any parser runs, as parsers read ahead and report the wrong place or print to standard
 * error behind the command line's back), what it would be in Latin-1 or Windows-1252, and the
 * command that converts the file.
 */
public final class Utf8 {

    private static final Pattern XML_ENCODING = Pattern.compile(
            "^(?:\u00ef\u00bb\u00bf)?\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private Utf8() {
    }

    /** Where a byte is: its offset, and its line and column (counted in characters, from 1). */
    public record Position(int offset, int line, int column) {
    }

    /**
     * Checks that {@code content} is UTF-8. {@code xml}: the file is XML, which may declare
     * another encoding in its first line (its parser decodes it then). Text that starts with a
     * UTF-16 byte order mark is not checked here (a reader that refuses UTF-16 says so itself).
     *
     * @throws SeparataException (invalid input) at the first byte that is not UTF-8
     */
    public static void check(byte[] content, String fileName, boolean xml) {
        Optional<Position> at = xml ? firstMalformedXml(content) : utf16(content) ? Optional.empty()
                : firstMalformed(content);
        at.ifPresent(p -> {
            throw notUtf8(content, fileName, p, xml);
        });
    }

    /**
     * The first byte that is not UTF-8 in an XML document that is (or says it is) UTF-8; nothing
     * when its declaration names another encoding, or it starts with a UTF-16 byte order mark.
     */
    public static Optional<Position> firstMalformedXml(byte[] content) {
        if (utf16(content) || declaredEncoding(content).filter(e -> !isUtf8(e)).isPresent()) {
            return Optional.empty();
        }
        return firstMalformed(content);
    }

    /** The error for the byte at {@code at}: what it is, and how to make the file UTF-8. */
    private static SeparataException notUtf8(byte[] content, String fileName, Position at, boolean xml) {
        int b = content[at.offset()] & 0xFF;
        String from = b >= 0x80 && b <= 0x9F ? "windows-1252" : "latin1";
        return SeparataException.invalid(new SourceLocation(fileName, at.line(), at.column(), ""),
                String.format(Locale.ROOT, "the file is not UTF-8: the byte 0x%02X here is not valid UTF-8%s", b,
                        guess(b)),
                "Separata reads text as UTF-8. Save the file as UTF-8 in your editor, or convert it: "
                        + iconv(from, fileName)
                        + (xml ? "; or declare its encoding in its first line: <?xml version=\"1.0\" encoding=\""
                        + (from.equals("latin1") ? "ISO-8859-1" : "windows-1252") + "\"?>" : ""));
    }

    /** The first byte that does not begin or continue a well-formed UTF-8 sequence, if any. */
    public static Optional<Position> firstMalformed(byte[] b) {
        int line = 1;
        int column = 1;
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3; // the byte order mark is not a character of the text
        }
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int length;
            int min;
            if (c < 0x80) {
                length = 1;
                min = 0;
            } else if (c >= 0xC2 && c <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return Optional.of(new Position(i, line, column));
            }
            if (i + length > b.length) {
                return Optional.of(new Position(i, line, column));
            }
            int cp = length == 1 ? c : c & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int cont = b[i + k] & 0xFF;
                if ((cont & 0xC0) != 0x80) {
                    return Optional.of(new Position(i, line, column));
                }
                cp = (cp << 6) | (cont & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return Optional.of(new Position(i, line, column));
            }
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += length;
        }
        return Optional.empty();
    }

    /** Whether the text starts with a UTF-16 byte order mark. */
    public static boolean utf16(byte[] content) {
        return content.length >= 2 && ((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF
                || (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE);
    }

    /**
     * The shell command that converts {@code fileName} from {@code from} to UTF-8 in place
     * ({@code iconv -f latin1 -t utf-8 a.yaml > a.yaml.utf8 && mv a.yaml.utf8 a.yaml}).
     */
    public static String iconv(String from, String fileName) {
        boolean plain = fileName.matches("[\\w./+-]+");
        String q = plain ? fileName : "'" + fileName.replace("'", "'\\''") + "'";
        String out = plain ? fileName + ".utf8" : "'" + fileName.replace("'", "'\\''") + ".utf8'";
        return "iconv -f " + from + " -t utf-8 " + q + " > " + out + " && mv " + out + " " + q;
    }

    /** " (in Latin-1 it is 'é')": what a byte would be in the single-byte encodings files come in. */
    private static String guess(int b) {
        if (b >= 0x80 && b <= 0x9F) {
            String w = new String(new byte[] {(byte) b}, Charset.forName("windows-1252"));
            return w.equals("\ufffd") ? "" : " (in Windows-1252 it is '" + w + "')";
        }
        if (b >= 0xA0) {
            return " (in Latin-1, ISO-8859-1, it is '" + (char) b + "')";
        }
        return "";
    }

    /** The encoding an XML declaration names, if it names one. */
    public static Optional<String> declaredEncoding(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean isUtf8(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT);
        return e.equals("utf-8") || e.equals("utf8");
    }
}
