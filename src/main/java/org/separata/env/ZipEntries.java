package org.separata.env;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.UnsafeText;

/**
 * The entries of a zip archive held in memory, read from its central directory (the one list of
 * entries a zip has; the local headers must agree with it) and inflated on demand, with every
 * bound checked before or while the bytes are made, never from what the archive claims alone:
 * <ul>
 *   <li>names: relative, forward slashes, no {@code ..} or {@code .} parts, no empty part, no
 *       control or bidirectional characters, at most 255 bytes a part and 1024 in all, no two
 *       alike;</li>
 *   <li>kinds: regular files and folders only; a symbolic link, a device or a FIFO (by its Unix
 *       mode) is refused, and so are encrypted entries, methods other than stored and deflated,
 *       ZIP64 and archives split over disks;</li>
 *   <li>sizes: at most {@code bundle-files} entries; the data of two entries may not overlap (a
 *       "better zip bomb" reuses one stream for many entries); the bytes inflated, counted as they
 *       are made, may not pass {@code bundle-mb} in all, nor {@code bundle-ratio} times the
 *       archive's size past its first MiB; each entry must inflate to the size and CRC-32 its
 *       header gives.</li>
 * </ul>
 * Every refusal is a usage error naming the entry and what is wrong with it.
 */
final class ZipEntries {

    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    /** Inflated bytes always allowed before the ratio applies: small archives of text compress well. */
    private static final long RATIO_FLOOR = 1L << 20;

    /** One entry: its name, whether it is a folder, and where its data lies in the archive. */
    record Entry(String name, boolean folder, int method, long crc, long compressedSize, long size,
                 long localOffset, long dataStart) {
    }

    private final byte[] zip;
    private final List<Entry> entries;
    private final long maxTotal;
    private final long maxByRatio;
    private long inflated;

    private ZipEntries(byte[] zip, List<Entry> entries, Limits limits) {
        this.zip = zip;
        this.entries = List.copyOf(entries);
        this.maxTotal = limits.bytes(Limit.BUNDLE_MB);
        this.maxByRatio = Math.max(RATIO_FLOOR, (long) zip.length * limits.get(Limit.BUNDLE_RATIO));
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Reads the central directory of {@code zip} and checks every entry's name, kind and place.
     *
     * @throws SeparataException (usage) when the archive is not a zip, or an entry is refused
     */
    static ZipEntries read(byte[] zip, Limits limits) {
        int eocd = findEnd(zip);
        int disk = u16(zip, eocd + 4);
        int cdDisk = u16(zip, eocd + 6);
        int onDisk = u16(zip, eocd + 8);
        int count = u16(zip, eocd + 10);
        long cdSize = u32(zip, eocd + 12);
        long cdOffset = u32(zip, eocd + 16);
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw refuse("it is a ZIP64 archive", "a bundle holds an article and its images; make an ordinary zip");
        }
        if (disk != 0 || cdDisk != 0 || onDisk != count) {
            throw refuse("it is split over several disks", "make one zip file");
        }
        if (count > limits.count(Limit.BUNDLE_FILES)) {
            throw refuse("it holds " + count + " entries, more than " + limits.get(Limit.BUNDLE_FILES) + ", the limit "
                    + Limit.BUNDLE_FILES.key(), Limit.BUNDLE_FILES.raiseHint(count));
        }
        if (cdOffset + cdSize > eocd) {
            throw refuse("its central directory lies outside the archive", "the zip is damaged; make it again");
        }
        List<Entry> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int at = (int) cdOffset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > eocd || s32(zip, at) != CENTRAL) {
                throw refuse("its central directory is damaged at entry " + (i + 1), "the zip is damaged; make it again");
            }
            int madeBy = u16(zip, at + 4);
            int flags = u16(zip, at + 8);
            int method = u16(zip, at + 10);
            long crc = u32(zip, at + 16);
            long compressed = u32(zip, at + 20);
            long size = u32(zip, at + 24);
            int nameLength = u16(zip, at + 28);
            int extraLength = u16(zip, at + 30);
            int commentLength = u16(zip, at + 32);
            long external = u32(zip, at + 38);
            long local = u32(zip, at + 42);
            if (at + 46L + nameLength + extraLength + commentLength > eocd) {
                throw refuse("its central directory is damaged at entry " + (i + 1), "the zip is damaged; make it again");
            }
            String raw = name(zip, at + 46, nameLength, i + 1);
            String name = checkName(raw);
            boolean folder = raw.endsWith("/");
            if (!names.add(name)) {
                throw refuse("'" + name + "' is in it twice", "make the zip again from a folder");
            }
            if ((flags & 1) != 0) {
                throw refuse("'" + name + "' is encrypted", "send the bundle without a password");
            }
            if (method != 0 && method != 8) {
                throw refuse("'" + name + "' is compressed with method " + method + ", not stored or deflated",
                        "make the zip with the usual deflate compression");
            }
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                throw refuse("'" + name + "' has ZIP64 sizes", "make an ordinary zip");
            }
            if ((madeBy >> 8) == UNIX) {
                int mode = (int) (external >>> 16) & S_IFMT;
                if (mode == S_IFLNK) {
                    throw refuse("'" + name + "' is a symbolic link", "put the file itself in the zip, not a link to it");
                }
                if (mode != 0 && mode != S_IFREG && mode != S_IFDIR) {
                    throw refuse("'" + name + "' is not a regular file or a folder (it is a device, a FIFO or a socket)",
                            "put only files and folders in the zip");
                }
            }
            long dataStart = localData(zip, local, raw, name, cdOffset);
            if (dataStart + compressed > cdOffset) {
                throw refuse("the data of '" + name + "' runs past the end of the files", "the zip is damaged; make it again");
            }
            if (folder && size != 0) {
                throw refuse("the folder '" + name + "' has content", "the zip is damaged; make it again");
            }
            out.add(new Entry(name, folder, method, crc, compressed, size, local, dataStart));
            at += 46 + nameLength + extraLength + commentLength;
        }
        checkNoOverlap(out);
        checkNoFileIsAFolder(out);
        return new ZipEntries(zip, out, limits);
    }

    /** Inflates {@code e} into {@code out}, counting every byte made against the bundle's bounds. */
    void inflate(Entry e, OutputStream out) throws IOException {
        if (e.method() == 0) {
            if (e.compressedSize() != e.size()) {
                throw refuse("'" + e.name() + "' is stored with two sizes", "the zip is damaged; make it again");
            }
            count(e, e.size());
            CRC32 crc = new CRC32();
            crc.update(zip, (int) e.dataStart(), (int) e.size());
            checkCrc(e, crc);
            out.write(zip, (int) e.dataStart(), (int) e.size());
            return;
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, (int) e.dataStart(), (int) e.compressedSize());
            byte[] buffer = new byte[64 * 1024];
            CRC32 crc = new CRC32();
            long made = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw refuse("'" + e.name() + "' ends before its data does", "the zip is damaged; make it again");
                }
                made += n;
                if (made > e.size()) {
                    throw refuse("'" + e.name() + "' inflates to more than the " + e.size() + " bytes its header gives",
                            "the zip is damaged or made to harm; it is not unpacked");
                }
                count(e, n);
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            if (made != e.size()) {
                throw refuse("'" + e.name() + "' inflates to " + made + " bytes, not the " + e.size() + " its header gives",
                        "the zip is damaged; make it again");
            }
            checkCrc(e, crc);
        } catch (DataFormatException ex) {
            throw refuse("'" + e.name() + "' cannot be inflated: " + ex.getMessage(), "the zip is damaged; make it again");
        } finally {
            inflater.end();
        }
    }

    private void count(Entry e, long n) {
        inflated += n;
        if (inflated > maxTotal) {
            throw refuse("it unpacks to more than " + maxTotal / (1024 * 1024) + " MiB (at '" + e.name() + "'), the limit "
                    + Limit.BUNDLE_MB.key(), Limit.BUNDLE_MB.raiseHint(maxTotal / (1024 * 1024) * 4));
        }
        if (inflated > maxByRatio) {
            throw refuse("it unpacks to more than " + maxByRatio / zip.length + " times its size (at '" + e.name()
                    + "'), the limit " + Limit.BUNDLE_RATIO.key() + ": a zip bomb, or a file that compresses unusually well",
                    Limit.BUNDLE_RATIO.raiseHint(maxByRatio / zip.length * 10));
        }
    }

    private static void checkCrc(Entry e, CRC32 crc) {
        if (crc.getValue() != e.crc()) {
            throw refuse("'" + e.name() + "' fails its CRC-32 check", "the zip is damaged; make it again");
        }
    }

    /** The end of central directory record: the last one, within the last 64 KiB + 22 bytes. */
    private static int findEnd(byte[] zip) {
        for (int at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xFFFF); at--) {
            if (s32(zip, at) == EOCD && at + 22 + u16(zip, at + 20) == zip.length) {
                return at;
            }
        }
        throw refuse("it is not a zip archive (no end of central directory)",
                "send a zip made from the bundle's folder, or the manifest or JATS file itself with its own type");
    }

    /** Where the data of the entry at {@code local} starts; its local header must name it as the central directory does. */
    private static long localData(byte[] zip, long local, String raw, String name, long limit) {
        if (local + 30 > limit || s32(zip, (int) local) != LOCAL) {
            throw refuse("the local header of '" + name + "' is not where the central directory says",
                    "the zip is damaged; make it again");
        }
        int n = u16(zip, (int) local + 26);
        int extra = u16(zip, (int) local + 28);
        if (local + 30 + n + extra > limit
                || !raw.equals(new String(zip, (int) local + 30, n, StandardCharsets.UTF_8))) {
            throw refuse("the local header of '" + name + "' names another file than the central directory",
                    "the zip is damaged or made to mislead; make it again");
        }
        return local + 30 + n + extra;
    }

    private static void checkNoOverlap(List<Entry> entries) {
        List<Entry> byPlace = new ArrayList<>(entries);
        byPlace.sort(Comparator.comparingLong(Entry::localOffset));
        long end = 0;
        String previous = "";
        for (Entry e : byPlace) {
            if (e.localOffset() < end) {
                throw refuse("the data of '" + e.name() + "' overlaps that of '" + previous + "'",
                        "a zip whose entries share their data is made to harm; it is not unpacked");
            }
            end = e.dataStart() + e.compressedSize();
            previous = e.name();
        }
    }

    /** A file named as the folder of another ("a" and "a/b") cannot both be unpacked. */
    private static void checkNoFileIsAFolder(List<Entry> entries) {
        Set<String> files = new HashSet<>();
        entries.stream().filter(e -> !e.folder()).forEach(e -> files.add(e.name()));
        for (Entry e : entries) {
            String n = e.name();
            for (int slash = n.indexOf('/'); slash > 0; slash = n.indexOf('/', slash + 1)) {
                if (files.contains(n.substring(0, slash))) {
                    throw refuse("'" + n.substring(0, slash) + "' is both a file and the folder of '" + n + "'",
                            "make the zip again from a folder");
                }
            }
        }
    }

    private static String name(byte[] zip, int at, int length, int index) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(zip, at, length)).toString();
        } catch (CharacterCodingException e) {
            throw refuse("the name of entry " + index + " is not UTF-8", "make the zip with a tool that writes UTF-8 names");
        }
    }

    /**
     * The entry's name without a folder's trailing slash, if it is a safe relative path.
     *
     * @throws SeparataException (usage) when it could reach outside the bundle or cannot be a file name
     */
    static String checkName(String raw) {
        String name = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        String shown = UnsafeText.escape(raw);
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0) {
            throw refuse("the entry '" + shown + "' is not a relative path",
                    "a bundle's files are named relative to its top, with forward slashes");
        }
        if (!UnsafeText.escape(name).equals(name) || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw refuse("the entry '" + shown + "' has control or bidirectional characters in its name",
                    "rename the file");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw refuse("the entry '" + shown + "' has a name longer than 1024 bytes", "rename the file");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw refuse("the entry '" + shown + "' has a '" + part + "' part in its name: it could reach outside the bundle",
                        "a bundle's files are named relative to its top, without '..'");
            }
            if (part.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw refuse("the entry '" + shown + "' has a part longer than 255 bytes", "rename the file");
            }
        }
        return name;
    }

    static SeparataException refuse(String what, String hint) {
        return SeparataException.usage(SourceLocation.of("the zip bundle"), "the zip bundle is refused: " + what, hint);
    }

    private static int u16(byte[] b, int at) {
        if (at < 0 || at + 2 > b.length) {
            throw refuse("it is cut short", "the zip is damaged; make it again");
        }
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }

    private static int s32(byte[] b, int at) {
        return at < 0 || at + 4 > b.length ? 0 : (int) u32(b, at);
    }
}
