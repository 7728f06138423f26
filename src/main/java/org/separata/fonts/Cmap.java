package org.separata.fonts;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * Reads which Unicode code points a TrueType/OpenType font maps to which glyphs, from its
 * {@code cmap} table (subtable formats 4 and 12). Used for the glyph preflight, before any
 * rendering library sees the text, and by {@link FontShaper}.
 */
final class Cmap {

    private Cmap() {
    }

    /** The code points a font maps to a glyph. */
    static BitSet coverage(byte[] font) {
        return coverage(font, 0);
    }

    /** The code points a font maps to a glyph; its table directory is at {@code directory} (a font of a collection). */
    static BitSet coverage(byte[] font, int directory) {
        BitSet out = new BitSet(0x10000);
        read(font, directory, (codePoint, glyph) -> out.set(codePoint));
        return out;
    }

    /** Receives each mapping of the cmap: a code point and its glyph (never glyph 0). */
    interface Mapping {
        void map(int codePoint, int glyph);
    }

    /** Reads the best Unicode subtable of the font's cmap (format 12, else format 4). */
    static void read(byte[] font, Mapping out) {
        read(font, 0, out);
    }

    static void read(byte[] font, int directory, Mapping out) {
        ByteBuffer b = ByteBuffer.wrap(font);
        int numTables = b.getShort(directory + 4) & 0xFFFF;
        int cmapOffset = -1;
        for (int i = 0; i < numTables; i++) {
            int rec = directory + 12 + 16 * i;
            if (b.get(rec) == 'c' && b.get(rec + 1) == 'm' && b.get(rec + 2) == 'a' && b.get(rec + 3) == 'p') {
                cmapOffset = b.getInt(rec + 8);
            }
        }
        if (cmapOffset < 0) {
            throw new IllegalArgumentException("the font has no cmap table");
        }
        int subtables = b.getShort(cmapOffset + 2) & 0xFFFF;
        int best = -1;
        int bestRank = -1;
        for (int i = 0; i < subtables; i++) {
            int rec = cmapOffset + 4 + 8 * i;
            int platform = b.getShort(rec) & 0xFFFF;
            int encoding = b.getShort(rec + 2) & 0xFFFF;
            int offset = cmapOffset + b.getInt(rec + 4);
            int format = b.getShort(offset) & 0xFFFF;
            int rank = -1;
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0)) {
                rank = 2;
            } else if (format == 4 && (platform == 3 && encoding == 1 || platform == 0)) {
                rank = 1;
            }
            if (rank > bestRank) {
                bestRank = rank;
                best = offset;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the font has no Unicode cmap subtable of format 4 or 12");
        }
        int format = b.getShort(best) & 0xFFFF;
        if (format == 12) {
            long groups = b.getInt(best + 12) & 0xFFFFFFFFL;
            for (int g = 0; g < groups; g++) {
                int rec = best + 16 + 12 * g;
                int start = b.getInt(rec);
                int end = b.getInt(rec + 4);
                int startGlyph = b.getInt(rec + 8);
                for (int c = start; c <= end && c <= 0x10FFFF; c++) {
                    if (startGlyph + c - start != 0) {
                        out.map(c, startGlyph + c - start);
                    }
                }
            }
        } else {
            int segX2 = b.getShort(best + 6) & 0xFFFF;
            int segs = segX2 / 2;
            int ends = best + 14;
            int starts = ends + segX2 + 2;
            int deltas = starts + segX2;
            int rangeOffsets = deltas + segX2;
            for (int s = 0; s < segs; s++) {
                int end = b.getShort(ends + 2 * s) & 0xFFFF;
                int start = b.getShort(starts + 2 * s) & 0xFFFF;
                int delta = b.getShort(deltas + 2 * s);
                int ro = b.getShort(rangeOffsets + 2 * s) & 0xFFFF;
                for (int c = start; c <= end && c != 0xFFFF; c++) {
                    int glyph;
                    if (ro == 0) {
                        glyph = (c + delta) & 0xFFFF;
                    } else {
                        int addr = rangeOffsets + 2 * s + ro + 2 * (c - start);
                        glyph = b.getShort(addr) & 0xFFFF;
                        if (glyph != 0) {
                            glyph = (glyph + delta) & 0xFFFF;
                        }
                    }
                    if (glyph != 0) {
                        out.map(c, glyph);
                    }
                }
            }
        }
    }
}
