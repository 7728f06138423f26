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
 *
 * <p>The build compiles each language's TeX files into its frozen trie ({@link #compiledName},
 * written by {@code org.separata.build.Precompute}), and that is what a run reads: building the
 * trie from the TeX source is left to the build. Without a compiled trie (code run straight from
 * the sources) the TeX files are read instead; both give the same hyphenator, which
 * {@code CompiledHyphenationTest} checks.
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
        Optional<byte[]> compiled = world.resource(ROOT, compiledName(e.files()));
        if (compiled.isPresent()) {
            return Hyphenator.fromCompiled(compiled.get(), e.left(), e.right());
        }
        return fromTex(world, e.files(), e.left(), e.right());
    }

    /** The hyphenator built from the TeX pattern files themselves, as without a build. */
    static Hyphenator fromTex(World world, List<String> files, int left, int right) {
        List<String> sources = new ArrayList<>();
        for (String f : files) {
            byte[] b = world.resource(ROOT, f).orElseThrow(
                    () -> new IllegalStateException("hyphenation/" + f + " is missing from the build"));
            sources.add(new String(b, StandardCharsets.UTF_8));
        }
        return Hyphenator.fromTex(sources, left, right);
    }

    /**
     * The name, in {@code hyphenation/}, of the compiled trie of these pattern files:
     * {@code hyph-es.trie}, {@code hyph-sh-latn+hyph-sh-cyrl.trie}.
     */
    public static String compiledName(List<String> files) {
        StringBuilder name = new StringBuilder();
        for (String f : files) {
            name.append(name.length() == 0 ? "" : "+").append(f.endsWith(".tex") ? f.substring(0, f.length() - 4) : f);
        }
        return name.append(".trie").toString();
    }

    /** Every list of pattern files that {@code languages.txt} names, each once (for the build). */
    public List<List<String>> patternFiles() {
        return index.values().stream().map(Entry::files).distinct().sorted(java.util.Comparator.comparing(
                Hyphenation::compiledName)).toList();
    }

    /** Compiles pattern files from their TeX source (at build time): the bytes of their trie. */
    public byte[] compile(List<String> files) {
        return fromTex(world, files, 1, 1).compiled();
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
