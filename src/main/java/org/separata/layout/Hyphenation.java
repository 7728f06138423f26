package org.separata.layout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.env.ResourceRoot;
import org.separata.env.World;

/**
 * The hyphenation patterns of every language Separata knows, from the built-in
 * {@code hyphenation/} folder (see its README for sources and licences). {@code languages.txt}
 * maps language tags to pattern files and minimums; each language's patterns are read the first
 * time a block in that language is laid out, then kept for the process.
 */
public final class Hyphenation {

    private static final ResourceRoot ROOT = ResourceRoot.classpath("hyphenation");

    private record Entry(List<String> files, int left, int right) {
    }

    private static volatile Hyphenation builtIn;

    private final World world;
    private final Map<String, Entry> index;
    private final Map<String, Optional<Hyphenator>> loaded = new ConcurrentHashMap<>();

    public Hyphenation(World world) {
        this.world = world;
        this.index = readIndex(world);
    }

    /**
     * The process-wide instance: the patterns are built into Separata, the same for every
     * {@link World}, so one instance (and each language's patterns, read once) serves all layouts.
     */
    public static Hyphenation builtIn(World world) {
        Hyphenation h = builtIn;
        if (h == null) {
            synchronized (Hyphenation.class) {
                h = builtIn;
                if (h == null) {
                    h = new Hyphenation(world);
                    builtIn = h;
                }
            }
        }
        return h;
    }

    /**
     * The hyphenator for a language tag such as {@code es}, {@code en-GB} or {@code sr-Latn}: the
     * full tag if listed, else its first subtag; empty for a language without patterns.
     */
    Optional<Hyphenator> forLanguage(String lang) {
        String tag = lang.toLowerCase(Locale.ROOT).replace('_', '-');
        String key = index.containsKey(tag) ? tag : tag.split("-")[0];
        Entry e = index.get(key);
        if (e == null) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(key, k -> Optional.of(load(e)));
    }

    /** The language tags with patterns. */
    public List<String> languages() {
        return index.keySet().stream().sorted().toList();
    }

    private Hyphenator load(Entry e) {
        List<String> sources = new ArrayList<>();
        for (String f : e.files()) {
            byte[] b = world.resource(ROOT, f).orElseThrow(
                    () -> new IllegalStateException("hyphenation/" + f + " is missing from the build"));
            sources.add(new String(b, StandardCharsets.UTF_8));
        }
        return Hyphenator.fromTex(sources, e.left(), e.right());
    }

    private static Map<String, Entry> readIndex(World world) {
        byte[] b = world.resource(ROOT, "languages.txt")
                .orElseThrow(() -> new IllegalStateException("hyphenation/languages.txt is missing from the build"));
        Map<String, Entry> out = new HashMap<>();
        for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            out.put(f[0], new Entry(List.of(f[1].split(",")), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return Map.copyOf(out);
    }
}
