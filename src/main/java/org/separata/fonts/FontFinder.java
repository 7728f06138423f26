package org.separata.fonts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.env.World;

/**
 * Finds a font for a character that no font of the layout (nor the built-in fallback chain) has,
 * among the font files of some folders: a layout pack's own {@code fonts/}, folders given with
 * {@code --font-path}, the system's font folders (Debian's fonts-noto-cjk puts Chinese, Japanese
 * and Korean there). Files whose names name the character's script are tried first (a Han
 * character: names with "CJK"; Arabic: "Arabic"), regular weights before others. In a font
 * collection (.ttc), the font for the article's language is preferred (Noto Sans CJK SC for
 * Chinese, JP for Japanese, KR for Korean, TC for traditional Chinese). What a file covers is
 * read once per process. Every file is read through {@link World#readFontFile}: only a regular
 * file that lies inside its folder once links are followed, of bounded size; others are passed over.
 */
public final class FontFinder {

    private final World world;
    /** path → its fonts' directories and coverage (empty list: not a usable font file). */
    private final Map<Path, List<Entry>> scanned = new ConcurrentHashMap<>();
    private final Map<String, FontFamily> loaded = new ConcurrentHashMap<>();

    private record Entry(int directory, String family, BitSet coverage) {
    }

    public FontFinder(World world) {
        this.world = world;
    }

    /** A family whose regular face draws {@code cp}, from the first folder that has one. */
    public Optional<FontFamily> covering(int cp, String lang, List<Path> folders) {
        String script = scriptWord(cp);
        for (Path folder : folders) {
            List<Path> files = new ArrayList<>(world.fontFiles(folder));
            files.sort(Comparator.comparingInt((Path p) -> rank(p, script)).thenComparing(Path::toString));
            for (Path file : files) {
                List<Entry> entries = scan(folder, file);
                List<Entry> fits = entries.stream().filter(e -> e.coverage().get(cp)).toList();
                if (!fits.isEmpty()) {
                    Entry best = fits.stream().min(Comparator.comparingInt(e -> languageRank(e.family(), lang)))
                            .orElseThrow();
                    return Optional.of(load(folder, file, best));
                }
            }
        }
        return Optional.empty();
    }

    /** A font found in a folder: its file, its family's name, and the code points it maps. */
    public record Found(Path file, String family, java.util.function.IntPredicate covers) {
    }

    /** Every font in the font files of {@code folders} (each font of a collection), in file order. */
    public List<Found> all(List<Path> folders) {
        List<Found> out = new ArrayList<>();
        for (Path folder : folders) {
            for (Path file : world.fontFiles(folder)) {
                for (Entry e : scan(folder, file)) {
                    out.add(new Found(file, e.family(), e.coverage()::get));
                }
            }
        }
        return out;
    }

    /** Lower is tried first: the script's name in the file name, then regular weights. */
    private static int rank(Path file, String script) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int r = name.contains(script) ? 0 : 10;
        if (name.contains("regular")) {
            return r;
        }
        boolean weighted = name.matches(".*(bold|black|light|thin|medium|semibold|extra|heavy|italic|oblique|condensed).*");
        return r + (weighted ? 5 : 1);
    }

    /** The word a font file's name uses for the script of {@code cp}: cjk, arabic, hebrew, devanagari… */
    static String scriptWord(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return switch (s) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> "cjk";
            case COMMON -> Character.UnicodeBlock.of(cp) != null && Character.UnicodeBlock.of(cp).toString()
                    .startsWith("CJK") || cp >= 0xFF00 && cp <= 0xFFEF ? "cjk" : "symbols";
            default -> s.name().toLowerCase(Locale.ROOT).replace("_", "");
        };
    }

    /** Lower is better: the collection's font made for the article's language, never a monospaced one. */
    private static int languageRank(String family, String lang) {
        String f = family.toUpperCase(Locale.ROOT);
        String l = lang.toLowerCase(Locale.ROOT);
        String want = l.startsWith("ja") ? " JP" : l.startsWith("ko") ? " KR" : l.equals("zh-tw") || l.contains("hant")
                ? " TC" : l.equals("zh-hk") ? " HK" : " SC";
        int r = f.contains(want) ? 0 : 2;
        return f.contains("MONO") ? r + 5 : r;
    }

    private List<Entry> scan(Path folder, Path file) {
        return scanned.computeIfAbsent(file, f -> {
            Optional<byte[]> bytes = world.readFontFile(folder, f);
            if (bytes.isEmpty()) {
                return List.of();
            }
            List<Entry> out = new ArrayList<>();
            try {
                for (int dir : Sfnt.directories(bytes.get())) {
                    String family = Sfnt.name(bytes.get(), dir, 1).orElse(f.getFileName().toString());
                    out.add(new Entry(dir, family, Cmap.coverage(bytes.get(), dir)));
                }
            } catch (RuntimeException e) {
                return List.of(); // not a font we can read: passed over
            }
            return out;
        });
    }

    private FontFamily load(Path folder, Path file, Entry e) {
        String id = "found:" + file + "#" + e.directory();
        return loaded.computeIfAbsent(id, k -> {
            byte[] bytes = Sfnt.extract(world.readFontFile(folder, file).orElseThrow(), e.directory());
            String name = e.family().replaceAll("[^\\p{L}\\p{N} ._-]", "");
            String fileName = file.getFileName().toString().replaceFirst("(?i)\\.ttc$", "-" + e.directory() + ".otf");
            FontFace face = new FontFace(id + "/regular", name, fileName, 400, false, bytes);
            return new FontFamily(id, name, "(system font: " + file + ")", List.of(face));
        });
    }
}
