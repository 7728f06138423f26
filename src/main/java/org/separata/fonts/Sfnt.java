package org.separata.fonts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table directory of TrueType/OpenType files and collections ({@code .ttc}, as Debian's
 * Noto CJK fonts come): where each font of a file starts, its names, and one font of a collection
 * copied out as a file of its own, which every font reader (OpenPDF's among them) takes.
 */
final class Sfnt {

    private Sfnt() {
    }

    /** Where the table directory of each font in {@code file} starts: 0 for a single font. */
    static List<Integer> directories(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        if (file.length >= 12 && b.getInt(0) == 0x74746366) { // 'ttcf'
            int n = b.getInt(8);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < n && 16 + 4 * i <= file.length; i++) {
                out.add(b.getInt(12 + 4 * i));
            }
            return out;
        }
        return List.of(0);
    }

    /** The offset and length of a table of the font whose directory is at {@code dir}. */
    private static Optional<int[]> table(ByteBuffer b, int dir, String tag) {
        int n = b.getShort(dir + 4) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            int rec = dir + 12 + 16 * i;
            byte[] t = new byte[4];
            b.get(rec, t);
            if (new String(t, StandardCharsets.ISO_8859_1).equals(tag)) {
                return Optional.of(new int[] {b.getInt(rec + 8), b.getInt(rec + 12)});
            }
        }
        return Optional.empty();
    }

    /** A name of the font (name table, Windows English or Unicode): 1 family, 2 subfamily, 4 full name. */
    static Optional<String> name(byte[] file, int dir, int nameId) {
        ByteBuffer b = ByteBuffer.wrap(file);
        Optional<int[]> t = table(b, dir, "name");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        int off = t.get()[0];
        int count = b.getShort(off + 2) & 0xFFFF;
        int strings = off + (b.getShort(off + 4) & 0xFFFF);
        String fallback = null;
        for (int i = 0; i < count; i++) {
            int rec = off + 6 + 12 * i;
            int platform = b.getShort(rec) & 0xFFFF;
            int language = b.getShort(rec + 4) & 0xFFFF;
            int id = b.getShort(rec + 6) & 0xFFFF;
            int len = b.getShort(rec + 8) & 0xFFFF;
            int at = strings + (b.getShort(rec + 10) & 0xFFFF);
            if (id != nameId || at + len > file.length) {
                continue;
            }
            if (platform == 3 || platform == 0) {
                String s = new String(file, at, len, StandardCharsets.UTF_16BE);
                if (platform == 0 || language == 0x409) {
                    return Optional.of(s);
                }
                fallback = fallback == null ? s : fallback;
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** The font whose directory is at {@code dir} as a file of its own (its tables copied, 4-byte aligned). */
    static byte[] extract(byte[] file, int dir) {
        if (dir == 0) {
            return file;
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        int n = in.getShort(dir + 4) & 0xFFFF;
        int size = 12 + 16 * n;
        for (int i = 0; i < n; i++) {
            size += (in.getInt(dir + 12 + 16 * i + 12) + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(file, dir, 12);
        int data = 12 + 16 * n;
        for (int i = 0; i < n; i++) {
            int rec = dir + 12 + 16 * i;
            int offset = in.getInt(rec + 8);
            int length = in.getInt(rec + 12);
            out.put(12 + 16 * i, file, rec, 8);
            out.putInt(12 + 16 * i + 8, data);
            out.putInt(12 + 16 * i + 12, length);
            out.put(data, file, offset, length);
            data += (length + 3) & ~3;
        }
        return out.array();
    }
}
