package org.separata.read;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * Checks that an input file is text Separata can read before any parser sees it: not a PDF, an
 * image, an archive or another binary file, and UTF-8 (an XML file may declare another encoding,
 * or be UTF-16 with its byte order mark). What is wrong is said in a user's words, with the line
 * and column of the first byte that is not UTF-8, the character it would be in Latin-1 or
 * Windows-1252, and the command that converts the file.
 */
public final class InputText {

    /** How much of a file is looked at for the zero bytes that mark a binary file. */
    private static final int BINARY_PROBE = 8192;

    private static final Pattern XML_ENCODING = Pattern.compile(
            "^(?:\u00ef\u00bb\u00bf)?\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private InputText() {
    }

    /** A kind of file that is not text, recognised by its first bytes. */
    private record Magic(byte[] start, String what, String hint) {
    }

    private static final Magic[] MAGIC = {
        new Magic(bytes("%PDF-"), "a PDF, not an article file",
                "give the manifest (.yaml, .json) or JATS (.xml) file the article is made from; a PDF cannot be read"),
        new Magic(bytes("PK\u0003\u0004"), "a ZIP archive (a .docx, .odt or .epub file is one), not an article file",
                "export the article as JATS XML, or write a manifest (.yaml) for it; unzip an article package first"),
        new Magic(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "an old Microsoft Office file (.doc, .xls), "
                + "not an article file", "export the article as JATS XML, or write a manifest (.yaml) for it"),
        new Magic(bytes("{\\rtf"), "an RTF document, not an article file",
                "export the article as JATS XML, or write a manifest (.yaml) for it"),
        new Magic(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "a PNG image, not an article file",
                "give the manifest (.yaml, .json) or JATS (.xml) file; images are read from the article's folder"),
        new Magic(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "a JPEG image, not an article file",
                "give the manifest (.yaml, .json) or JATS (.xml) file; images are read from the article's folder"),
        new Magic(bytes("GIF8"), "a GIF image, not an article file",
                "give the manifest (.yaml, .json) or JATS (.xml) file; images are read from the article's folder"),
        new Magic(new byte[] {'I', 'I', 42, 0}, "a TIFF image, not an article file",
                "give the manifest (.yaml, .json) or JATS (.xml) file; images are read from the article's folder"),
        new Magic(new byte[] {'M', 'M', 0, 42}, "a TIFF image, not an article file",
                "give the manifest (.yaml, .json) or JATS (.xml) file; images are read from the article's folder"),
        new Magic(new byte[] {0x1F, (byte) 0x8B}, "a gzip archive, not an article file",
                "unpack it first (gunzip), then give the file inside"),
    };

    /**
     * Checks that {@code content} is text in an encoding Separata reads. {@code xml}: the file is
     * XML, which may declare its own encoding.
     *
     * @throws SeparataException (invalid input) naming the file, what it is, and what to do
     */
    public static void check(byte[] content, String fileName, boolean xml) {
        for (Magic m : MAGIC) {
            if (startsWith(content, m.start())) {
                throw SeparataException.invalid(SourceLocation.of(fileName), "is " + m.what(), m.hint());
            }
        }
        boolean utf16 = startsWith(content, new byte[] {(byte) 0xFE, (byte) 0xFF})
                || startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xFE});
        if (utf16) {
            if (xml) {
                return; // XML in UTF-16 with its byte order mark is XML; its parser reads it
            }
            throw SeparataException.invalid(SourceLocation.of(fileName), "is UTF-16, not UTF-8",
                    "save it as UTF-8, or convert it: " + iconv("utf-16", fileName));
        }
        for (int i = 0; i < Math.min(content.length, BINARY_PROBE); i++) {
            if (content[i] == 0) {
                throw SeparataException.invalid(SourceLocation.of(fileName),
                        "is a binary file, not text (it holds a zero byte at offset " + i + ")",
                        "give the manifest (.yaml, .json) or JATS (.xml) file itself");
            }
        }
        if (xml && declaredEncoding(content).filter(e -> !isUtf8(e)).isPresent()) {
            return; // the XML declaration names the encoding; its parser decodes it
        }
        firstMalformed(content).ifPresent(at -> {
            int b = content[at.offset()] & 0xFF;
            String guess = guess(b);
            String from = b >= 0x80 && b <= 0x9F ? "windows-1252" : "latin1";
            throw SeparataException.invalid(new SourceLocation(fileName, at.line(), at.column(), ""),
                    String.format(Locale.ROOT, "the file is not UTF-8: the byte 0x%02X here is not valid UTF-8%s", b,
                            guess),
                    "Separata reads text as UTF-8. Save the file as UTF-8 in your editor, or convert it: "
                            + iconv(from, fileName)
                            + (xml ? "; or declare its encoding in its first line: <?xml version=\"1.0\" encoding=\""
                                    + (from.equals("latin1") ? "ISO-8859-1" : "windows-1252") + "\"?>" : ""));
        });
    }

    /** Where a byte is: its offset, and its line and column (counted in characters, from 1). */
    record Position(int offset, int line, int column) {
    }

    /** The first byte that does not begin or continue a well-formed UTF-8 sequence, if any. */
    static Optional<Position> firstMalformed(byte[] b) {
        int line = 1;
        int column = 1;
        int i = 0;
        if (startsWith(b, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
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

    private static String iconv(String from, String fileName) {
        String q = fileName.matches("[\\w./+-]+") ? fileName : "'" + fileName.replace("'", "'\\''") + "'";
        String out = fileName.matches("[\\w./+-]+") ? fileName + ".utf8" : "'" + fileName.replace("'", "'\\''")
                + ".utf8'";
        return "iconv -f " + from + " -t utf-8 " + q + " > " + out + " && mv " + out + " " + q;
    }

    /** The encoding an XML declaration names, if it names one. */
    private static Optional<String> declaredEncoding(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 256), java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean isUtf8(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT);
        return e.equals("utf-8") || e.equals("utf8");
    }

    private static boolean startsWith(byte[] content, byte[] start) {
        if (content.length < start.length) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if (content[i] != start[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
