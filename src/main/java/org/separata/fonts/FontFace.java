package org.separata.fonts;

import java.util.BitSet;

/**
 * One font file of a family: its bytes (read once per process), its weight and style, and the
 * code points it covers. {@code id} is unique in the process, e.g. {@code noto-serif/bold-italic}.
 */
public final class FontFace {

    private final String id;
    private final String familyName;
    private final String fileName;
    private final int weight;
    private final boolean italic;
    private final byte[] bytes;
    private final BitSet coverage;
    private volatile FontShaper shaper;

    FontFace(String id, String familyName, String fileName, int weight, boolean italic, byte[] bytes) {
        this(id, familyName, fileName, weight, italic, bytes, java.util.Optional.empty());
    }

    /** @param coverage the font's coverage as the build computed it ({@link CoverageFile}), if known */
    FontFace(String id, String familyName, String fileName, int weight, boolean italic, byte[] bytes,
             java.util.Optional<BitSet> coverage) {
        this.id = id;
        this.familyName = familyName;
        this.fileName = fileName;
        this.weight = weight;
        this.italic = italic;
        this.bytes = bytes;
        this.coverage = coverage.orElseGet(() -> Cmap.coverage(bytes));
    }

    public String id() {
        return id;
    }

    /** The family's name as CSS uses it, e.g. "Noto Serif". */
    public String familyName() {
        return familyName;
    }

    public String fileName() {
        return fileName;
    }

    public int weight() {
        return weight;
    }

    public boolean italic() {
        return italic;
    }

    /** The font file. Callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    public boolean covers(int codePoint) {
        return coverage.get(codePoint);
    }

    /** Kerning and ligatures of this face, read from its tables on first use. */
    public FontShaper shaper() {
        FontShaper s = shaper;
        if (s == null) {
            synchronized (this) {
                s = shaper;
                if (s == null) {
                    s = new FontShaper(bytes);
                    shaper = s;
                }
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return fileName;
    }
}
