package org.separata.layout;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.Limit;
import org.separata.env.Limits;

/**
 * The gate every image passes before anything decodes it: a journal's logo, an issue's cover, a
 * layout pack's images, and the figures of an article. The format is recognised by the file's
 * first bytes, never by its name; the width and height are read from its header; and an image
 * whose pixels would pass {@link Limit#IMAGE_MEGAPIXELS} once decoded is refused, as is one of a
 * format the place does not take. An SVG image is checked as XML: its size is bounded, and it may
 * refer to nothing outside itself (see {@link SvgCheck}). Every error names the file.
 *
 * <pre>{@code
 * ImageKind.Header h = ImageKind.check(bytes, "fig1.tif", where, ImageKind.RASTER, world.limits());
 * }</pre>
 */
public final class ImageKind {

    /** An image format Separata recognises by its first bytes. */
    public enum Format {
        PNG("PNG"), JPEG("JPEG"), GIF("GIF"), TIFF("TIFF"), SVG("SVG");

        private final String display;

        Format(String display) {
            this.display = display;
        }

        /** "PNG", for messages. */
        public String display() {
            return display;
        }
    }

    /** What a logo or a cover may be: the raster formats every layout draws. */
    public static final Set<Format> LOGO = Set.copyOf(EnumSet.of(Format.PNG, Format.JPEG, Format.GIF));
    /** What a layout pack's template may show. */
    public static final Set<Format> LAYOUT = Set.copyOf(EnumSet.of(Format.PNG, Format.JPEG, Format.GIF, Format.SVG));
    /** Every raster format recognised, TIFF included (as JATS figures come). */
    public static final Set<Format> RASTER = Set.copyOf(EnumSet.of(Format.PNG, Format.JPEG, Format.GIF, Format.TIFF));

    /**
     * What an image's header says: its format and its size in pixels (for SVG, in CSS pixels, as
     * its {@code width} and {@code height} or its {@code viewBox} give it).
     */
    public record Header(Format format, long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    private ImageKind() {
    }

    /** The format of {@code bytes}, from their first bytes; empty when they are no image recognised. */
    public static Optional<Format> format(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
                && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return Optional.of(Format.PNG);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(Format.JPEG);
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return Optional.of(Format.GIF);
        }
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return Optional.of(Format.TIFF);
        }
        if (SvgCheck.looksLikeSvg(b)) {
            return Optional.of(Format.SVG);
        }
        return Optional.empty();
    }

    /**
     * Checks an image before it is decoded: its format (by its bytes), whether {@code allowed}
     * takes it, its header, and its size against {@link Limit#IMAGE_MEGAPIXELS}.
     *
     * @param name  the file, as the user knows it (for messages)
     * @param where the place that names the image (a profile's line, an issue file)
     * @throws SeparataException (invalid input) at {@code where}, naming the file
     */
    public static Header check(byte[] bytes, String name, SourceLocation where, Set<Format> allowed, Limits limits) {
        Format format = format(bytes).orElseThrow(() -> SeparataException.invalid(where, "'" + name
                + "' is not an image Separata can use: " + guess(bytes), "use " + list(allowed) + " (the format is "
                + "told by the file's content, not its name)"));
        if (!allowed.contains(format)) {
            throw SeparataException.invalid(where, "'" + name + "' is " + article(format) + " image; here only "
                    + list(allowed) + " images are taken", "convert it to "
                    + (allowed.contains(Format.PNG) ? "PNG" : list(allowed)));
        }
        Header h;
        try {
            h = switch (format) {
                case PNG -> png(bytes);
                case JPEG -> jpeg(bytes);
                case GIF -> gif(bytes);
                case TIFF -> tiff(bytes);
                case SVG -> SvgCheck.check(bytes, name, where, limits);
            };
        } catch (IndexOutOfBoundsException e) {
            h = null;
        }
        if (h == null || h.width() <= 0 || h.height() <= 0) {
            throw SeparataException.invalid(where, "'" + name + "' is a damaged " + format.display()
                    + " image: its header gives no size", "save the image again from an image editor");
        }
        long max = limits.get(Limit.IMAGE_MEGAPIXELS);
        if (h.pixels() > max * 1_000_000L) {
            throw SeparataException.invalid(where, String.format(Locale.ROOT,
                            "'%s' is %d × %d pixels (%.1f megapixels), more than the limit of %d megapixels (%s)",
                            name, h.width(), h.height(), h.pixels() / 1e6, max, Limit.IMAGE_MEGAPIXELS.key()),
                    "scale the image down (300 pixels per inch at its printed size is plenty), or "
                            + Limit.IMAGE_MEGAPIXELS.raiseHint(h.pixels() / 1_000_000 + 1));
        }
        return h;
    }

    /** The header of an image already checked (its size, for the renderer); empty if it has none. */
    public static Optional<Header> header(byte[] bytes) {
        try {
            return format(bytes).map(f -> switch (f) {
                case PNG -> png(bytes);
                case JPEG -> jpeg(bytes);
                case GIF -> gif(bytes);
                case TIFF -> tiff(bytes);
                case SVG -> SvgCheck.size(bytes);
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * An SVG image made ready for the renderer: the same document without its DOCTYPE (only the
     * W3C's own SVG DOCTYPE passes {@link #check}, and nothing may fetch it).
     */
    public static byte[] svgForRenderer(byte[] checkedSvg) {
        return SvgCheck.withoutDoctype(checkedSvg);
    }

    private static String list(Set<Format> formats) {
        java.util.List<String> names = formats.stream().sorted().map(Format::display).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String article(Format f) {
        return f == Format.SVG ? "an SVG" : "a " + f.display();
    }

    /** What the bytes look like, for the message about a file that is no image. */
    static String guess(byte[] b) {
        if (b.length == 0) {
            return "the file is empty";
        }
        String head = new String(b, 0, Math.min(b.length, 16), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.startsWith("%PDF")) {
            return "it is a PDF file";
        }
        if (head.startsWith("PK\u0003\u0004")) {
            return "it is a ZIP archive";
        }
        if (head.startsWith("BM")) {
            return "it looks like a BMP image";
        }
        if (head.startsWith("RIFF") && head.length() >= 12 && head.substring(8, 12).equals("WEBP")) {
            return "it is a WebP image";
        }
        if (head.length() >= 12 && head.substring(4, 12).matches("ftyp(avif|heic|heix|mif1)")) {
            return "it is an AVIF or HEIC image";
        }
        if (head.startsWith("II+") || head.startsWith("MM\u0000+")) {
            return "it is a BigTIFF image";
        }
        int printable = 0;
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0x7f)) {
                printable++;
            }
        }
        if (printable == n) {
            return head.stripLeading().startsWith("<") ? "it is XML or HTML, not an SVG image" : "it is a text file";
        }
        return "its content is no PNG, JPEG, GIF, TIFF or SVG image";
    }

    // ---- headers --------------------------------------------------------------------------------

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static long be32(byte[] b, int i) {
        return ((long) be16(b, i) << 16) | be16(b, i + 2);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
    }

    private static long le32(byte[] b, int i) {
        return le16(b, i) | ((long) le16(b, i + 2) << 16);
    }

    /** PNG: the IHDR chunk, which must come first. */
    private static Header png(byte[] b) {
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return null;
        }
        return new Header(Format.PNG, be32(b, 16), be32(b, 20));
    }

    /** JPEG: the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
    private static Header jpeg(byte[] b) {
        int i = jpegFrame(b);
        return i < 0 ? null : new Header(Format.JPEG, be16(b, i + 7), be16(b, i + 5));
    }

    /** The number of colour components of a JPEG (from its frame header), 0 if none is found. */
    static int jpegComponents(byte[] b) {
        int i = jpegFrame(b);
        return i < 0 || i + 9 >= b.length ? 0 : b[i + 9] & 0xff;
    }

    /** Where a JPEG's first start-of-frame marker is, or -1 when there is none before its scan. */
    private static int jpegFrame(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                return -1;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                i += 2;
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                return -1; // end of image or start of scan before any frame header
            }
            int length = be16(b, i + 2);
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return i;
            }
            if (length < 2) {
                return -1;
            }
            i += 2 + length;
        }
        return -1;
    }

    /**
     * GIF: the logical screen, grown to hold every frame (a frame may declare itself larger than
     * the screen, and a decoder allocates the frame).
     */
    private static Header gif(byte[] b) {
        long width = le16(b, 6);
        long height = le16(b, 8);
        int flags = b[10] & 0xff;
        int i = 13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0);
        int frames = 0;
        while (i < b.length && frames < 10_000) {
            int block = b[i] & 0xff;
            if (block == 0x3b) {
                break;
            } else if (block == 0x2c) {
                frames++;
                width = Math.max(width, (long) le16(b, i + 1) + le16(b, i + 5));
                height = Math.max(height, (long) le16(b, i + 3) + le16(b, i + 7));
                int f = b[i + 9] & 0xff;
                i += 10 + ((f & 0x80) != 0 ? 3 * (1 << ((f & 7) + 1)) : 0);
                i = skipSubBlocks(b, i + 1);
            } else if (block == 0x21) {
                i = skipSubBlocks(b, i + 2);
            } else {
                break;
            }
        }
        return new Header(Format.GIF, width, height);
    }

    private static int skipSubBlocks(byte[] b, int i) {
        while (i < b.length) {
            int size = b[i] & 0xff;
            i += 1 + size;
            if (size == 0) {
                break;
            }
        }
        return i;
    }

    /** TIFF: ImageWidth (256) and ImageLength (257) of every image directory; the largest counts. */
    private static Header tiff(byte[] b) {
        boolean little = b[0] == 'I';
        long offset = little ? le32(b, 4) : be32(b, 4);
        long width = 0;
        long height = 0;
        long best = -1;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int dir = 0; dir < 1000 && offset > 0 && offset + 2 <= b.length && seen.add(offset); dir++) {
            int at = (int) offset;
            int entries = little ? le16(b, at) : be16(b, at);
            long w = 0;
            long h = 0;
            for (int e = 0; e < entries; e++) {
                int p = at + 2 + 12 * e;
                if (p + 12 > b.length) {
                    break;
                }
                int tag = little ? le16(b, p) : be16(b, p);
                int type = little ? le16(b, p + 2) : be16(b, p + 2);
                if (tag == 256 || tag == 257) {
                    long v = type == 3 ? (little ? le16(b, p + 8) : be16(b, p + 8))
                            : (little ? le32(b, p + 8) : be32(b, p + 8));
                    if (tag == 256) {
                        w = v;
                    } else {
                        h = v;
                    }
                }
            }
            if (w * h > best) {
                best = w * h;
                width = w;
                height = h;
            }
            int next = at + 2 + 12 * entries;
            offset = next + 4 <= b.length ? (little ? le32(b, next) : be32(b, next)) : 0;
        }
        return best < 0 ? null : new Header(Format.TIFF, width, height);
    }
}
