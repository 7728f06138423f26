package org.separata.layout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words a layout prints around the article's own text ("Abstract", "Palabras clave",
 * "Список литературы"), per language: the shared {@code layouts/lib/labels.yaml}, with the pack's
 * own labels file (if any) laid over it key by key. A language the labels lack falls back to its
 * base language (sr-Latn → sr) and then to English.
 */
public final class Labels {

    private final Map<String, Map<String, String>> byLang;

    Labels(Map<String, Map<String, String>> byLang) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byLang.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), Map.copyOf(v)));
        this.byLang = Map.copyOf(copy);
    }

    /** The shared labels with a pack's own laid over them, language by language and key by key. */
    static Labels layered(Map<String, Map<String, String>> shared, Map<String, Map<String, String>> own) {
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        shared.forEach((lang, m) -> merged.put(lang.toLowerCase(Locale.ROOT), new LinkedHashMap<>(m)));
        own.forEach((lang, m) -> merged.computeIfAbsent(lang.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                .putAll(m));
        return new Labels(merged);
    }

    /** All labels for {@code lang}, each falling back as described above. */
    public Map<String, String> forLanguage(String lang) {
        Map<String, String> out = new LinkedHashMap<>(byLang.getOrDefault("en", Map.of()));
        String l = lang.toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        if (dash > 0) {
            out.putAll(byLang.getOrDefault(l.substring(0, dash), Map.of()));
        }
        out.putAll(byLang.getOrDefault(l, Map.of()));
        return out;
    }

    public Optional<String> get(String lang, String key) {
        return Optional.ofNullable(forLanguage(lang).get(key));
    }

    /** The label in {@code lang} (or its base language) itself, without falling back to English. */
    public Optional<String> own(String lang, String key) {
        String l = lang.toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        Optional<String> exact = Optional.ofNullable(byLang.getOrDefault(l, Map.of()).get(key));
        return dash > 0 ? exact.or(() -> Optional.ofNullable(byLang.getOrDefault(l.substring(0, dash), Map.of())
                .get(key))) : exact;
    }

    /** Whether the pack has labels of its own for {@code lang} (or its base language). */
    public boolean knows(String lang) {
        String l = lang.toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        return byLang.containsKey(l) || dash > 0 && byLang.containsKey(l.substring(0, dash));
    }

    /** Every label text of every language, for the glyph preflight. */
    Map<String, Map<String, String>> all() {
        return byLang;
    }
}
