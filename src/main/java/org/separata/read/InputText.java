package org.separata.read;

import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.Utf8;

/**
 * Checks that an input file is text Separata can read before any parser sees it: not a PDF, an
 * image, an archive or another binary file, and UTF-8 (an XML file may declare another encoding,
 * or be UTF-16 with its byte order mark). What is wrong is said in a user's words; a file that is
 * not UTF-8 is named at the line and column of its first bad byte ({@link Utf8}, the check every
 * reader of text makes).
 */
public final class InputText {

    /** How much of a file is looked at for the zero bytes that mark a binary file. */
    private static final int BINARY_PROBE = 8192;

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
        if (Utf8.utf16(content)) {
            if (xml) {
                return; // XML in UTF-16 with its byte order mark is XML; its parser reads it
            }
            throw SeparataException.invalid(SourceLocation.of(fileName), "is UTF-16, not UTF-8",
                    "save it as UTF-8, or convert it: " + Utf8.iconv("utf-16", fileName));
        }
        for (int i = 0; i < Math.min(content.length, BINARY_PROBE); i++) {
            if (content[i] == 0) {
                throw SeparataException.invalid(SourceLocation.of(fileName),
                        "is a binary file, not text (it holds a zero byte at offset " + i + ")",
                        "give the manifest (.yaml, .json) or JATS (.xml) file itself");
            }
        }
        Utf8.check(content, fileName, xml);
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
