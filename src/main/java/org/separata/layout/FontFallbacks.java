package org.separata.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.separata.fonts.FontCatalog;
import org.separata.fonts.FontFace;
import org.separata.fonts.FontFamily;
import org.separata.fonts.FontFinder;
import org.separata.model.Article;

/**
 * The fonts an article's characters fall back to when the layout's own fonts lack them, found
 * along a chain: the layout's {@code symbols} family, the built-in chain ({@code fonts/fallback.txt}:
 * math, symbols, symbols 2, Arabic, Hebrew), then a font found in the layout pack's own
 * {@code fonts/}, in {@code --font-path} folders or in the system's font folders (Chinese,
 * Japanese, Korean…). Only the families the article needs are returned, in chain order.
 */
public final class FontFallbacks {

    private FontFallbacks() {
    }

    /** The fallback families {@code article} needs with {@code pack}, searching {@code folders} last. */
    public static List<FontFamily> forArticle(Article article, LayoutPack pack, FontCatalog catalog, FontFinder finder,
                                              List<Path> folders) {
        FontCoverage own = FontCoverage.of(pack);
        TreeSet<Integer> lacking = new TreeSet<>();
        Map<String, String> fields = new LinkedHashMap<>();
        GlyphPreflight.collect(article, fields::put);
        GlyphPreflight.labels(article, pack).forEach(fields::putIfAbsent);
        for (String text : fields.values()) {
            text.codePoints().filter(cp -> !GlyphPreflight.skip(cp) && !own.lacking(cp).isEmpty()).forEach(lacking::add);
        }
        if (lacking.isEmpty()) {
            return List.of();
        }
        List<FontFamily> chain = new ArrayList<>();
        Optional.ofNullable(pack.fonts().get(FontCoverage.SYMBOLS)).ifPresent(chain::add);
        for (String id : catalog.fallbackIds()) {
            catalog.family(id).filter(f -> chain.stream().noneMatch(c -> c.id().equals(f.id()))).ifPresent(chain::add);
        }
        Map<String, FontFamily> used = new LinkedHashMap<>();
        List<FontFamily> found = new ArrayList<>();
        for (int cp : lacking) {
            Optional<FontFamily> f = chain.stream().filter(c -> covers(c, cp)).findFirst()
                    .or(() -> found.stream().filter(c -> covers(c, cp)).findFirst())
                    .or(() -> finder.covering(cp, article.language(), folders));
            f.ifPresent(x -> {
                used.putIfAbsent(x.id(), x);
                if (chain.stream().noneMatch(c -> c.id().equals(x.id())) && !found.contains(x)) {
                    found.add(x);
                }
            });
        }
        List<FontFamily> out = new ArrayList<>();
        for (FontFamily c : chain) {
            if (used.containsKey(c.id())) {
                out.add(c);
            }
        }
        out.addAll(found);
        return out;
    }

    private static boolean covers(FontFamily f, int cp) {
        FontFace r = f.regular();
        return r.covers(cp);
    }
}
