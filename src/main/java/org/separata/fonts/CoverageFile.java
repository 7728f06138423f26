package org.separata.fonts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A font's coverage (the code points its cmap maps to a glyph), computed at build time and stored
 * beside the font as {@code <font file>}{@value #SUFFIX}, so that a run need not scan the cmap of
 * every face it loads. The file holds the font's length and CRC-32, then the covered code points
 * as ranges; a file that does not match its font's bytes is ignored and the cmap is read instead.
 * Written by {@code org.separata.build.Precompute}; {@code CoverageFileTest} checks that each
 * equals what {@link Cmap#coverage} gives.
 */
public final class CoverageFile {

    /** What the build appends to a font file's name. */
    public static final String SUFFIX = ".coverage";

    /** "SCOV" and the format's version. */
    private static final int MAGIC = 0x564f4353;
    private static final int VERSION = 1;

    private CoverageFile() {
    }

    /** Whether a resource name is a font file that gets a coverage file (.ttf, .otf). */
    public static boolean isFont(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".otf");
    }

    /** The coverage file of {@code font}: its length and checksum, then its code points as ranges. */
    public static byte[] of(byte[] font) {
        return write(font, Cmap.coverage(font));
    }

    static byte[] write(byte[] font, BitSet coverage) {
        int ranges = 0;
        for (int start = coverage.nextSetBit(0); start >= 0; start = coverage.nextSetBit(coverage.nextClearBit(start))) {
            ranges++;
        }
        ByteBuffer b = ByteBuffer.allocate(4 * 5 + 8 * ranges).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt(font.length).putInt(crc(font)).putInt(ranges);
        for (int start = coverage.nextSetBit(0); start >= 0; start = coverage.nextSetBit(start)) {
            int end = coverage.nextClearBit(start);
            b.putInt(start).putInt(end);
            start = end;
        }
        return b.array();
    }

    /**
     * The coverage stored in {@code file}, if it was computed from exactly these font bytes; empty
     * when it is not a coverage file or belongs to another version of the font.
     */
    static Optional<BitSet> read(byte[] file, byte[] font) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 20 || b.getInt() != MAGIC || b.getInt() != VERSION || b.getInt() != font.length
                || b.getInt() != crc(font)) {
            return Optional.empty();
        }
        int ranges = b.getInt();
        if (ranges < 0 || b.remaining() != 8 * ranges) {
            return Optional.empty();
        }
        BitSet out = new BitSet(0x10000);
        for (int i = 0; i < ranges; i++) {
            int start = b.getInt();
            int end = b.getInt();
            if (start < 0 || end <= start || end > 0x110000) {
                return Optional.empty();
            }
            out.set(start, end);
        }
        return Optional.of(out);
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
