package org.separata.fonts;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * Reads which Unicode code points a TrueType/OpenType font maps to glyphs, from its {@code cmap}
 * table (subtable formats 4 and 12). Used for the glyph preflight, before any rendering library
 * sees the text.
 */
final class Cmap {

    private Cmap() {
    }

    static BitSet coverage(byte[] font) {
        ByteBuffer b = ByteBuffer.wrap(font);
        int numTables = b.getShort(4) & 0xFFFF;
        int cmapOffset = -1;
        for (int i = 0; i < numTables; i++) {
            int rec = 12 + 16 * i;
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
        BitSet out = new BitSet(0x10000);
        int format = b.getShort(best) & 0xFFFF;
        if (format == 12) {
            long groups = b.getInt(best + 12) & 0xFFFFFFFFL;
            for (int g = 0; g < groups; g++) {
                int rec = best + 16 + 12 * g;
                int start = b.getInt(rec);
                int end = b.getInt(rec + 4);
                int startGlyph = b.getInt(rec + 8);
                if (startGlyph == 0) {
                    start++;
                }
                if (end >= start && end <= 0x10FFFF) {
                    out.set(start, end + 1);
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
                        out.set(c);
                    }
                }
            }
        }
        return out;
    }
}
