package org.separata.fonts;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Kerning and standard ligatures for one face, read from its OpenType tables: {@code cmap} (code
 * point → glyph), {@code hmtx} (advance widths), GSUB {@code liga} (ligature substitutions, lookup
 * type 4) and GPOS {@code kern} (pair adjustments, lookup type 2, both formats), each possibly
 * behind an extension lookup. Lookups of every script the face declares are used, as Latin, Greek
 * and Cyrillic text share them.
 *
 * <p>A ligature is formed only where the face also maps a Unicode presentation form (such as
 * U+FB01 for "fi") to the very glyph the substitution yields, so that the glyph can be written
 * with a code point and copied text maps back to its letters.
 *
 * <p>Built once per face and then read-only: safe to share between threads.
 */
public final class FontShaper {

    /** Characters that take no room and are never drawn: soft hyphen, zero-width space and joiners, word joiner. */
    public static boolean isIgnorable(char c) {
        return c == '\u00AD' || c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private final int unitsPerEm;
    private final char[][] cmapPages = new char[256][];
    /** Code points outside the BMP (mathematical alphanumerics, say) → glyph. */
    private final java.util.Map<Integer, Integer> supplementary = new java.util.HashMap<>();
    private final int[] advances;
    /** Small capitals (GSUB {@code smcp}): glyph → its small capital. */
    private final java.util.Map<Integer, Integer> smallCaps = new java.util.HashMap<>();
    /** Local forms (GSUB {@code locl}) by OpenType language system ("SRB ", "MKD ", "BGR "): glyph → glyph. */
    private final java.util.Map<String, java.util.Map<Integer, Integer>> localForms = new java.util.HashMap<>();
    /** A code point of each encoded glyph (the first the cmap gives), for the glyphs that stand for it. */
    private final java.util.Map<Integer, Integer> charOfGlyph = new java.util.HashMap<>();
    /** first glyph → ligatures starting with it, longest first (null: none). */
    private final Ligature[][] ligaturesByFirst;
    private final PairLookup[] kernLookups;

    /** A ligature: the component glyphs after the first, the glyph it becomes, and that glyph's code point. */
    record Ligature(int[] rest, int glyph, char codePoint) {
    }

    FontShaper(byte[] font) {
        Tables t = new Tables(font);
        ByteBuffer b = t.buffer;
        int head = t.offset("head");
        int hhea = t.offset("hhea");
        int maxp = t.offset("maxp");
        int hmtx = t.offset("hmtx");
        if (head < 0 || hhea < 0 || maxp < 0 || hmtx < 0) {
            throw new IllegalArgumentException("the font lacks a head, hhea, maxp or hmtx table");
        }
        unitsPerEm = u16(b, head + 18);
        int numGlyphs = u16(b, maxp + 4);
        int numMetrics = u16(b, hhea + 34);
        advances = new int[numGlyphs];
        for (int g = 0; g < numGlyphs; g++) {
            advances[g] = u16(b, hmtx + 4 * Math.min(g, numMetrics - 1));
        }
        Cmap.read(font, this::map);
        ligaturesByFirst = new Ligature[numGlyphs][];
        int gsub = t.offset("GSUB");
        if (gsub >= 0) {
            readLigatures(b, gsub);
            readSingle(b, gsub, lookups(b, gsub, "smcp"), smallCaps);
            for (String langSys : LOCAL_SYSTEMS) {
                java.util.Map<Integer, Integer> forms = new java.util.HashMap<>();
                readSingle(b, gsub, lookups(b, gsub, "locl", langSys), forms);
                if (!forms.isEmpty()) {
                    localForms.put(langSys, forms);
                }
            }
            if (!localForms.containsKey("BGR ") && localForms.containsKey("SRB ")) {
                // no Bulgarian forms: of the Serbian ones, the д shaped as g is also the Bulgarian
                // italic's (the Serbian б, and г, п, т with their bars, are not)
                java.util.Map<Integer, Integer> bulgarian = new java.util.HashMap<>();
                Integer d = localForms.get("SRB ").get(glyph('д'));
                if (d != null) {
                    bulgarian.put(glyph('д'), d);
                    localForms.put("BGR ", bulgarian);
                }
            }
        }
        int gpos = t.offset("GPOS");
        kernLookups = gpos >= 0 ? readKerning(b, gpos, numGlyphs) : new PairLookup[0];
    }

    public int unitsPerEm() {
        return unitsPerEm;
    }

    /** The glyph of a BMP character, 0 when the face has none. */
    public int glyph(char c) {
        char[] page = cmapPages[c >> 8];
        return page == null ? 0 : page[c & 0xFF];
    }

    /** The OpenType language systems whose local forms are read (Serbian, Macedonian, Bulgarian). */
    private static final List<String> LOCAL_SYSTEMS = List.of("SRB ", "MKD ", "BGR ");

    /**
     * The OpenType language system of a language tag whose local forms the face has ({@code sr},
     * {@code sr-Cyrl} → "SRB "; {@code mk} → "MKD "; {@code bg} → "BGR "), if any. A face without
     * Bulgarian forms (Noto 2020) gives Bulgarian the one Serbian form that is also Bulgarian: the
     * italic д shaped as g.
     */
    public java.util.Optional<String> languageSystem(String lang) {
        String primary = lang.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
        String sys = switch (primary) {
            case "sr" -> "SRB ";
            case "mk" -> "MKD ";
            case "bg" -> "BGR ";
            default -> null;
        };
        return sys != null && localForms.containsKey(sys) ? java.util.Optional.of(sys) : java.util.Optional.empty();
    }

    /** The local form of a glyph in a language system, or the glyph itself. */
    public int localForm(String languageSystem, int glyph) {
        java.util.Map<Integer, Integer> forms = localForms.get(languageSystem);
        return forms == null ? glyph : forms.getOrDefault(glyph, glyph);
    }

    /** The small capital of a glyph, or 0 when the face has none for it. */
    public int smallCap(int glyph) {
        return smallCaps.getOrDefault(glyph, 0);
    }

    /** Whether the face has small capitals ({@code smcp}). */
    public boolean hasSmallCaps() {
        return !smallCaps.isEmpty();
    }

    /**
     * The glyphs no code point maps to (small capitals, local forms), each with the code point of
     * the glyph it replaces: what text extraction should read for them.
     */
    public java.util.Map<Integer, Integer> alternateGlyphs() {
        java.util.Map<Integer, Integer> out = new java.util.TreeMap<>();
        java.util.List<java.util.Map<Integer, Integer>> all = new java.util.ArrayList<>(localForms.values());
        all.add(0, smallCaps);
        for (java.util.Map<Integer, Integer> m : all) {
            m.forEach((from, to) -> {
                Integer c = charOfGlyph.get(from);
                if (c != null && !charOfGlyph.containsKey(to)) {
                    out.putIfAbsent(to, c);
                }
            });
        }
        return out;
    }

    /** The glyph of any code point, 0 when the face has none. */
    public int glyphOf(int codePoint) {
        return codePoint <= 0xFFFF ? glyph((char) codePoint) : supplementary.getOrDefault(codePoint, 0);
    }

    /** The advance width of a glyph, in font units. */
    public int advance(int glyph) {
        return glyph < advances.length ? advances[glyph] : 0;
    }

    /** How many ligatures the face offers that can be written (for tests and diagnostics). */
    public int ligatureCount() {
        int n = 0;
        for (Ligature[] l : ligaturesByFirst) {
            n += l == null ? 0 : l.length;
        }
        return n;
    }

    /** The kerning between two glyphs, in font units (negative: closer). */
    public int kerning(int left, int right) {
        int k = 0;
        for (PairLookup l : kernLookups) {
            k += l.value(left, right);
        }
        return k;
    }

    /** The advance of the word space (U+0020), in font units. */
    public int wordSpace() {
        return advance(glyph(' '));
    }

    /**
     * The advance of {@code text[start, end)} in font units, with ligatures and kerning, ignorable
     * characters taking no room and characters the face lacks none either. Word spaces (U+0020 and
     * U+00A0) take {@code wordSpace} units.
     */
    public int width(CharSequence text, int start, int end, int wordSpace) {
        return run(text, start, end, wordSpace, null, NO_SMALL_CAPS, 0);
    }

    /** Letters as they are. */
    public static final int NO_SMALL_CAPS = 0;
    /** Lower-case letters as small capitals (CSS {@code font-variant: small-caps} on the original text). */
    public static final int SMALL_CAPS = 1;
    /** Every letter as a small capital (text already turned to capitals). */
    public static final int ALL_SMALL_CAPS = 2;

    /** As {@link #width(CharSequence, int, int, int)}, with letters as small capitals as {@code smallCaps} says. */
    public int width(CharSequence text, int start, int end, int wordSpace, int smallCaps) {
        return run(text, start, end, wordSpace, null, smallCaps, 0);
    }

    /**
     * As {@link #width(CharSequence, int, int, int, int)}, tracked: every glyph cluster takes
     * {@code tracking} font units more (CSS {@code letter-spacing}, after each character, the
     * last too), and tracked text has no ligatures, as the CSS specification asks.
     */
    public int width(CharSequence text, int start, int end, int wordSpace, int smallCaps, int tracking) {
        return run(text, start, end, wordSpace, null, smallCaps, tracking);
    }

    /**
     * Shapes {@code text[start, end)} into glyph clusters. Each cluster is one glyph written with
     * one code point ({@code codePoints}), standing for the characters {@code [clusterStart,
     * clusterEnd)}; {@code kern[i]} is the adjustment after cluster {@code i}, in font units
     * (kerning, and the difference between a word space's advance and {@code wordSpace}).
     * Ignorable characters belong to no cluster.
     */
    public Shaped shape(CharSequence text, int start, int end, int wordSpace) {
        return shape(text, start, end, wordSpace, NO_SMALL_CAPS);
    }

    /** As {@link #shape(CharSequence, int, int, int)}, with small capitals as {@code smallCaps} says (see {@link #SMALL_CAPS}). */
    public Shaped shape(CharSequence text, int start, int end, int wordSpace, int smallCaps) {
        return shape(text, start, end, wordSpace, smallCaps, 0);
    }

    /**
     * As {@link #shape(CharSequence, int, int, int, int)}, for text tracked by {@code tracking}
     * font units a glyph: no ligatures. The tracking itself is not in {@link Shaped#kern()}: a
     * device adds it to every glyph (PDF's character spacing, {@code Tc}).
     */
    public Shaped shape(CharSequence text, int start, int end, int wordSpace, int smallCaps, int tracking) {
        int n = end - start;
        Shaped out = new Shaped(new int[1], new int[n], new char[n], new int[n], new int[n], new int[n]);
        run(text, start, end, wordSpace, out, smallCaps, tracking);
        return out;
    }

    /** Walks the clusters of a text: returns its advance, and records the clusters if {@code out} is given. */
    private int run(CharSequence text, int start, int end, int wordSpace, Shaped out, int smallCapsMode,
            int tracking) {
        boolean caps = smallCapsMode != NO_SMALL_CAPS && hasSmallCaps();
        int total = 0;
        int prev = 0;
        int count = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (isIgnorable(c)) {
                i++;
                continue;
            }
            int g = glyph(c);
            int used = 1;
            char code = c;
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                used = 2; // outside the BMP: its own glyph and advance, no ligatures
                g = glyphOf(Character.toCodePoint(c, text.charAt(i + 1)));
            } else if (caps && Character.isLetter(c)
                    && (Character.isLowerCase(c) || smallCapsMode == ALL_SMALL_CAPS)) {
                int sc = smallCap(glyph(Character.toLowerCase(c)));
                g = sc != 0 ? sc : g; // no ligatures among small capitals
            } else if (!caps && tracking == 0) {
                Ligature lig = ligatureAt(text, i, end, g);
                if (lig != null) {
                    g = lig.glyph();
                    code = lig.codePoint();
                    used = consumed(text, i, end, lig);
                }
            }
            int kern = prev != 0 && g != 0 ? kerning(prev, g) : 0;
            boolean space = c == ' ' || c == '\u00A0';
            total += kern + (space ? wordSpace : g == 0 ? 0 : advance(g)) + tracking;
            if (out != null) {
                if (count > 0) {
                    out.kern()[count - 1] += kern;
                }
                if (space) {
                    out.kern()[count] += wordSpace - advance(g);
                }
                out.glyphs()[count] = g;
                out.codePoints()[count] = code;
                out.clusterStart()[count] = i;
                out.clusterEnd()[count] = i + used;
                out.count()[0] = ++count;
            }
            prev = g;
            i += used;
        }
        return total;
    }

    /** The result of {@link #shape}: parallel arrays, of which the first {@link #size()} entries are used. */
    public record Shaped(int[] count, int[] glyphs, char[] codePoints, int[] clusterStart, int[] clusterEnd,
            int[] kern) {
        public int size() {
            return count[0];
        }

        /** Whether cluster {@code i} is a ligature of several characters. */
        public boolean isLigature(int i, CharSequence text) {
            int letters = 0;
            for (int k = clusterStart[i]; k < clusterEnd[i]; k++) {
                if (!isIgnorable(text.charAt(k))) {
                    letters++;
                }
            }
            return letters > 1;
        }
    }

    private Ligature ligatureAt(CharSequence text, int i, int end, int first) {
        Ligature[] candidates = first < ligaturesByFirst.length ? ligaturesByFirst[first] : null;
        if (candidates == null) {
            return null;
        }
        for (Ligature lig : candidates) {
            if (consumed(text, i, end, lig) > 0) {
                return lig;
            }
        }
        return null;
    }

    /** How many characters from {@code i} the ligature spans (ignorables inside count), or 0 if it does not match. */
    private int consumed(CharSequence text, int i, int end, Ligature lig) {
        int k = i + 1;
        for (int want : lig.rest()) {
            while (k < end && isIgnorable(text.charAt(k)) && text.charAt(k) != '\u200C') {
                k++;
            }
            if (k >= end || glyph(text.charAt(k)) != want) {
                return 0;
            }
            k++;
        }
        return k - i;
    }

    // ---- cmap -------------------------------------------------------------------------------------

    private void map(int c, int glyph) {
        if (glyph == 0 || glyph > 0xFFFF) {
            return;
        }
        charOfGlyph.putIfAbsent(glyph, c);
        if (c > 0xFFFF) {
            supplementary.put(c, glyph);
            return;
        }
        char[] page = cmapPages[c >> 8];
        if (page == null) {
            page = new char[256];
            cmapPages[c >> 8] = page;
        }
        page[c & 0xFF] = (char) glyph;
    }

    /** The code point the cmap gives this glyph, preferring presentation forms (U+FB00…U+FB06). */
    private char presentationForm(int glyph) {
        for (char c = '\uFB00'; c <= '\uFB06'; c++) {
            if (glyph(c) == glyph) {
                return c;
            }
        }
        return 0;
    }

    // ---- GSUB liga ----------------------------------------------------------------------------------

    private void readLigatures(ByteBuffer b, int gsub) {
        List<List<Ligature>> byFirst = new ArrayList<>();
        for (int i = 0; i < ligaturesByFirst.length; i++) {
            byFirst.add(null);
        }
        for (int lookup : lookups(b, gsub, "liga")) {
            forEachSubtable(b, gsub, lookup, 7, (type, sub) -> {
                if (type != 4 || u16(b, sub) != 1) {
                    return;
                }
                int[] covered = coverage(b, sub + u16(b, sub + 2));
                int sets = u16(b, sub + 4);
                for (int s = 0; s < sets && s < covered.length; s++) {
                    int set = sub + u16(b, sub + 6 + 2 * s);
                    int count = u16(b, set);
                    for (int l = 0; l < count; l++) {
                        int lig = set + u16(b, set + 2 + 2 * l);
                        int glyph = u16(b, lig);
                        int comps = u16(b, lig + 2);
                        int[] rest = new int[comps - 1];
                        for (int k = 0; k < rest.length; k++) {
                            rest[k] = u16(b, lig + 4 + 2 * k);
                        }
                        char code = presentationForm(glyph);
                        int first = covered[s];
                        if (code == 0 || first >= byFirst.size()) {
                            continue;
                        }
                        if (byFirst.get(first) == null) {
                            byFirst.set(first, new ArrayList<>());
                        }
                        byFirst.get(first).add(new Ligature(rest, glyph, code));
                    }
                }
            });
        }
        for (int g = 0; g < byFirst.size(); g++) {
            List<Ligature> l = byFirst.get(g);
            if (l != null) {
                // longest first, keeping the font's order among equals
                l.sort((x, y) -> Integer.compare(y.rest().length, x.rest().length));
                ligaturesByFirst[g] = l.toArray(new Ligature[0]);
            }
        }
    }

    /** Single substitutions (GSUB lookup type 1, formats 1 and 2) of the given lookups, into {@code out}. */
    private void readSingle(ByteBuffer b, int gsub, int[] lookupIndices, java.util.Map<Integer, Integer> out) {
        for (int lookup : lookupIndices) {
            forEachSubtable(b, gsub, lookup, 7, (type, sub) -> {
                if (type != 1) {
                    return;
                }
                int format = u16(b, sub);
                int[] covered = coverage(b, sub + u16(b, sub + 2));
                if (format == 1) {
                    int delta = b.getShort(sub + 4);
                    for (int g : covered) {
                        out.putIfAbsent(g, (g + delta) & 0xFFFF);
                    }
                } else if (format == 2) {
                    int count = u16(b, sub + 4);
                    for (int i = 0; i < covered.length && i < count; i++) {
                        out.putIfAbsent(covered[i], u16(b, sub + 6 + 2 * i));
                    }
                }
            });
        }
    }

    // ---- GPOS kern ----------------------------------------------------------------------------------

    /**
     * One kerning lookup. For each first glyph, the subtables that cover it, in order: as in
     * OpenType, a format 1 subtable applies only if it lists the pair, a format 2 subtable whenever
     * it covers the first glyph, and the first subtable that applies gives the value.
     */
    private static final class PairLookup {
        final short[][] subtablesOf;
        final List<PairSubtable> subtables = new ArrayList<>();

        PairLookup(int numGlyphs) {
            subtablesOf = new short[numGlyphs][];
        }

        void cover(int glyph, int subtable) {
            short[] old = subtablesOf[glyph];
            short[] now = old == null ? new short[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = (short) subtable;
            subtablesOf[glyph] = now;
        }

        int value(int left, int right) {
            short[] subs = left < subtablesOf.length ? subtablesOf[left] : null;
            if (subs == null) {
                return 0;
            }
            for (short s : subs) {
                PairSubtable t = subtables.get(s);
                if (t.applies(left, right)) {
                    return t.value(left, right);
                }
            }
            return 0;
        }
    }

    private interface PairSubtable {
        boolean applies(int left, int right);

        int value(int left, int right);
    }

    /** Format 1: explicit pairs, the second glyphs sorted, per first glyph. */
    private record GlyphPairs(int[][] seconds, int[][] values, int[] index) implements PairSubtable {
        @Override
        public boolean applies(int left, int right) {
            return Arrays.binarySearch(seconds[index[left]], right) >= 0;
        }

        @Override
        public int value(int left, int right) {
            int i = index[left];
            int at = Arrays.binarySearch(seconds[i], right);
            return at < 0 ? 0 : values[i][at];
        }
    }

    /** Format 2: glyph classes, one value per pair of classes. */
    private record ClassPairs(short[] class1, short[] class2, int class2Count, int[] values) implements PairSubtable {
        @Override
        public boolean applies(int left, int right) {
            return true;
        }

        @Override
        public int value(int left, int right) {
            int c2 = right < class2.length ? class2[right] : 0;
            return values[class1[left] * class2Count + c2];
        }
    }

    private PairLookup[] readKerning(ByteBuffer b, int gpos, int numGlyphs) {
        List<PairLookup> out = new ArrayList<>();
        for (int lookup : lookups(b, gpos, "kern")) {
            PairLookup pl = new PairLookup(numGlyphs);
            forEachSubtable(b, gpos, lookup, 9, (type, sub) -> {
                if (type == 2) {
                    readPairSubtable(b, sub, numGlyphs, pl);
                }
            });
            if (!pl.subtables.isEmpty()) {
                out.add(pl);
            }
        }
        return out.toArray(new PairLookup[0]);
    }

    private void readPairSubtable(ByteBuffer b, int sub, int numGlyphs, PairLookup pl) {
        int format = u16(b, sub);
        int[] covered = coverage(b, sub + u16(b, sub + 2));
        int vf1 = u16(b, sub + 4);
        int vf2 = u16(b, sub + 6);
        int size1 = 2 * Integer.bitCount(vf1);
        int size2 = 2 * Integer.bitCount(vf2);
        int xAdvance1 = (vf1 & 4) == 0 ? -1 : 2 * Integer.bitCount(vf1 & 3);
        if (xAdvance1 < 0) {
            return; // no horizontal advance change for the first glyph: nothing for horizontal kerning
        }
        int id = pl.subtables.size();
        if (format == 1) {
            int sets = u16(b, sub + 8);
            int[] index = new int[numGlyphs];
            int[][] seconds = new int[sets][];
            int[][] values = new int[sets][];
            for (int s = 0; s < sets && s < covered.length; s++) {
                int set = sub + u16(b, sub + 10 + 2 * s);
                int count = u16(b, set);
                int rec = 2 + size1 + size2;
                seconds[s] = new int[count];
                values[s] = new int[count];
                for (int p = 0; p < count; p++) {
                    int r = set + 2 + rec * p;
                    seconds[s][p] = u16(b, r);
                    values[s][p] = b.getShort(r + 2 + xAdvance1);
                }
                index[covered[s]] = s;
            }
            pl.subtables.add(new GlyphPairs(seconds, values, index));
        } else if (format == 2) {
            short[] class1 = classDef(b, sub + u16(b, sub + 8), numGlyphs);
            short[] class2 = classDef(b, sub + u16(b, sub + 10), numGlyphs);
            int c1Count = u16(b, sub + 12);
            int c2Count = u16(b, sub + 14);
            int[] values = new int[c1Count * c2Count];
            int rec = size1 + size2;
            for (int c1 = 0; c1 < c1Count; c1++) {
                for (int c2 = 0; c2 < c2Count; c2++) {
                    int r = sub + 16 + rec * (c1 * c2Count + c2);
                    values[c1 * c2Count + c2] = b.getShort(r + xAdvance1);
                }
            }
            for (int g : covered) {
                if (class1[g] >= c1Count) {
                    class1[g] = 0;
                }
            }
            pl.subtables.add(new ClassPairs(class1, class2, c2Count, values));
        } else {
            return;
        }
        for (int g : covered) {
            if (g < pl.subtablesOf.length) {
                pl.cover(g, id);
            }
        }
    }

    // ---- common layout tables -------------------------------------------------------------------------

    /** The lookups of a feature, over every script and language system, in lookup order. */
    private static int[] lookups(ByteBuffer b, int table, String featureTag) {
        return lookups(b, table, featureTag, null);
    }

    /**
     * The lookups of a feature in lookup order: in the language systems tagged {@code langSysTag}
     * (of any script), or in every script's default and language systems when it is null.
     */
    private static int[] lookups(ByteBuffer b, int table, String featureTag, String langSysTag) {
        int scripts = table + u16(b, table + 4);
        int features = table + u16(b, table + 6);
        TreeSet<Integer> featureIndices = new TreeSet<>();
        int scriptCount = u16(b, scripts);
        for (int s = 0; s < scriptCount; s++) {
            int script = scripts + u16(b, scripts + 2 + 6 * s + 4);
            int def = u16(b, script);
            if (def != 0 && langSysTag == null) {
                addLangSys(b, script + def, featureIndices);
            }
            int langs = u16(b, script + 2);
            for (int l = 0; l < langs; l++) {
                if (langSysTag == null || tag(b, script + 4 + 6 * l).equals(langSysTag)) {
                    addLangSys(b, script + u16(b, script + 4 + 6 * l + 4), featureIndices);
                }
            }
        }
        return featureLookups(b, features, featureIndices, featureTag);
    }

    private static int[] featureLookups(ByteBuffer b, int features, TreeSet<Integer> featureIndices, String featureTag) {
        TreeSet<Integer> out = new TreeSet<>();
        int featureCount = u16(b, features);
        for (int f : featureIndices) {
            if (f >= featureCount) {
                continue;
            }
            int rec = features + 2 + 6 * f;
            if (!tag(b, rec).equals(featureTag)) {
                continue;
            }
            int feature = features + u16(b, rec + 4);
            int n = u16(b, feature + 2);
            for (int i = 0; i < n; i++) {
                out.add(u16(b, feature + 4 + 2 * i));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addLangSys(ByteBuffer b, int langSys, TreeSet<Integer> into) {
        int required = u16(b, langSys + 2);
        if (required != 0xFFFF) {
            into.add(required);
        }
        int n = u16(b, langSys + 4);
        for (int i = 0; i < n; i++) {
            into.add(u16(b, langSys + 6 + 2 * i));
        }
    }

    private interface SubtableVisitor {
        void visit(int type, int offset);
    }

    private static void forEachSubtable(ByteBuffer b, int table, int lookupIndex, int extensionType,
            SubtableVisitor v) {
        int list = table + u16(b, table + 8);
        if (lookupIndex >= u16(b, list)) {
            return;
        }
        int lookup = list + u16(b, list + 2 + 2 * lookupIndex);
        int type = u16(b, lookup);
        int count = u16(b, lookup + 4);
        for (int i = 0; i < count; i++) {
            int sub = lookup + u16(b, lookup + 6 + 2 * i);
            if (type == extensionType) {
                v.visit(u16(b, sub + 2), sub + b.getInt(sub + 4));
            } else {
                v.visit(type, sub);
            }
        }
    }

    /** The glyphs of a coverage table, in coverage-index order. */
    private static int[] coverage(ByteBuffer b, int at) {
        int format = u16(b, at);
        int n = u16(b, at + 2);
        if (format == 1) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = u16(b, at + 4 + 2 * i);
            }
            return out;
        }
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int rec = at + 4 + 6 * r;
            int first = u16(b, rec);
            int last = u16(b, rec + 2);
            int index = u16(b, rec + 4);
            for (int g = first; g <= last; g++) {
                while (out.size() <= index + g - first) {
                    out.add(0);
                }
                out.set(index + g - first, g);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static short[] classDef(ByteBuffer b, int at, int numGlyphs) {
        short[] out = new short[numGlyphs];
        int format = u16(b, at);
        if (format == 1) {
            int first = u16(b, at + 2);
            int n = u16(b, at + 4);
            for (int i = 0; i < n && first + i < numGlyphs; i++) {
                out[first + i] = (short) u16(b, at + 6 + 2 * i);
            }
        } else if (format == 2) {
            int n = u16(b, at + 2);
            for (int r = 0; r < n; r++) {
                int rec = at + 4 + 6 * r;
                int cls = u16(b, rec + 4);
                for (int g = u16(b, rec); g <= u16(b, rec + 2) && g < numGlyphs; g++) {
                    out[g] = (short) cls;
                }
            }
        }
        return out;
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    private static String tag(ByteBuffer b, int at) {
        return new String(new char[] {(char) b.get(at), (char) b.get(at + 1), (char) b.get(at + 2),
            (char) b.get(at + 3)});
    }

    /** The table directory of an sfnt font. */
    private static final class Tables {
        final ByteBuffer buffer;
        private final int numTables;

        Tables(byte[] font) {
            buffer = ByteBuffer.wrap(font);
            numTables = u16(buffer, 4);
        }

        int offset(String tag) {
            for (int i = 0; i < numTables; i++) {
                int rec = 12 + 16 * i;
                if (tag(buffer, rec).equals(tag)) {
                    return buffer.getInt(rec + 8);
                }
            }
            return -1;
        }
    }
}
