package org.separata.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceIndex;
import org.separata.fonts.FontFace;
import org.separata.fonts.FontFamily;
import org.separata.model.Abstract;
import org.separata.model.Affiliation;
import org.separata.model.Article;
import org.separata.model.Block;
import org.separata.model.Contributor;
import org.separata.model.Footnote;
import org.separata.model.KeywordGroup;
import org.separata.model.Paragraph;
import org.separata.model.PersonName;
import org.separata.model.Reference;
import org.separata.model.Section;
import org.separata.model.Title;
import org.separata.model.Translation;

/**
 * Flying Saucer silently drops characters its fonts lack. This check runs before rendering: every
 * character of every text field, and of the labels the article's languages use, must be in every
 * face of every font family of the layout pack. In rich text, a character the text faces lack may
 * instead come from the pack's {@code symbols} family (see {@link FontCoverage}). A missing one is
 * reported once per field with its code point, Unicode name and the fonts tried.
 */
public final class GlyphPreflight {

    private GlyphPreflight() {
    }

    /**
     * Fields printed as rich text, where a character the text faces lack may come from the pack's
     * symbols family. Names, journal data and affiliations are printed as plain strings.
     */
    private static final java.util.regex.Pattern RICH_FIELDS = java.util.regex.Pattern.compile(
            "(translations\\[\\d+]\\.)?(titles|title|abstracts|keywords|body|notes|references|author-notes)\\b.*"
                    + "|authors\\[\\d+]\\.(bio|notes).*|how-to-cite|license\\.text");

    /** The problems found; empty when every character can be typeset. */
    public static List<Diagnostic> check(Article article, LayoutPack pack, SourceIndex sources, boolean asWarnings) {
        return check(article, pack, List.of(), sources, asWarnings);
    }

    /**
     * The problems found with the fallback families {@code fallbacks} (see {@link FontFallbacks}):
     * a character the layout's fonts lack is fine when one of them has it, in any field (the
     * renderer sets it in that font). In rich text the layout's symbols family counts too.
     */
    public static List<Diagnostic> check(Article article, LayoutPack pack, List<FontFamily> fallbacks,
                                         SourceIndex sources, boolean asWarnings) {
        FontCoverage coverage = FontCoverage.of(pack);
        List<Diagnostic> out = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        collect(article, fields::put);
        labels(article, pack).forEach(fields::putIfAbsent);
        // the characters already found drawable, in plain and in rich fields: most characters of
        // an article recur, and looking one up in every face costs more than remembering it
        java.util.Set<Integer> drawable = new java.util.HashSet<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String text = e.getValue();
            boolean rich = RICH_FIELDS.matcher(e.getKey()).matches();
            java.util.Set<Integer> reported = new java.util.HashSet<>();
            text.codePoints().forEach(cp -> {
                int key = rich ? -cp - 1 : cp;
                if (drawable.contains(key) || skip(cp) || reported.contains(cp)) {
                    return;
                }
                List<String> lacking = coverage.lacking(cp).stream().map(FontFace::fileName).toList();
                boolean fallback = fallbacks.stream().anyMatch(f -> f.regular().covers(cp));
                if (!lacking.isEmpty() && !(rich && coverage.inSymbols(cp)) && !fallback) {
                    reported.add(cp);
                    String name = Character.getName(cp);
                    String message = String.format(java.util.Locale.ROOT, "%s %s '%s' is not in the layout's fonts", codePoint(cp),
                            name == null ? "(unassigned)" : name, new String(Character.toChars(cp)));
                    List<String> tried = new ArrayList<>(lacking);
                    if (rich) {
                        coverage.symbolFaces().forEach(f -> tried.add(f.fileName()));
                    }
                    fallbacks.forEach(f -> tried.add(f.regular().fileName()));
                    String hint = "fonts tried: " + String.join(", ", new java.util.LinkedHashSet<>(tried))
                            + ", the built-in fallback fonts and the system's font folders; " + FontPackages.hint(cp)
                            + ", replace the character, or render anyway with --allow-missing-glyphs (it will be left out)";
                    out.add(asWarnings ? Diagnostic.warning(sources.locate(e.getKey()), message, hint)
                            : Diagnostic.error(sources.locate(e.getKey()), message, hint));
                } else {
                    drawable.add(key); // whether it is drawable depends only on the character and the kind of field
                }
            });
        }
        return out;
    }

    /** The labels the article's languages use, keyed for messages. */
    static Map<String, String> labels(Article article, LayoutPack pack) {
        java.util.Set<String> langs = new java.util.LinkedHashSet<>();
        langs.add(article.language());
        article.titles().forEach(t -> langs.add(t.lang()));
        article.abstracts().forEach(a -> langs.add(a.lang()));
        article.keywords().forEach(k -> langs.add(k.lang()));
        article.translations().forEach(t -> langs.add(t.lang()));
        langs.add(String.valueOf(pack.options().getOrDefault("citation-language", "en")));
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : langs) {
            pack.labels().forLanguage(lang).forEach((k, v) ->
                    out.putIfAbsent("label '" + k + "' (" + lang + ") of layout " + pack.name(), v));
        }
        return out;
    }

    private static boolean coveredByAll(List<FontFace> faces, int cp) {
        for (FontFace f : faces) {
            if (!f.covers(cp)) {
                return false;
            }
        }
        return true;
    }

    static String codePoint(int cp) {
        return String.format(java.util.Locale.ROOT, "U+%04X", cp);
    }

    static boolean skip(int cp) {
        return Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.CONTROL || cp == 0x00A0 || cp == 0x202F;
    }

    /** Every text field of the article, keyed by its path in the manifest's vocabulary. */
    static void collect(Article a, BiConsumer<String, String> out) {
        out.accept("journal.title", a.journal().title());
        a.journal().abbreviation().ifPresent(v -> out.accept("journal.abbrev-title", v));
        a.journal().publisher().ifPresent(v -> out.accept("journal.publisher", v));
        a.issue().volume().ifPresent(v -> out.accept("issue.volume", v));
        a.issue().number().ifPresent(v -> out.accept("issue.number", v));
        a.section().ifPresent(v -> out.accept("article.section", v));
        a.elocation().ifPresent(v -> out.accept("article.elocation-id", v));
        a.doi().ifPresent(v -> out.accept("article.doi", v.value()));
        for (int i = 0; i < a.titles().size(); i++) {
            Title t = a.titles().get(i);
            out.accept("titles[" + i + "].text", t.title().plain());
            int n = i;
            t.subtitle().ifPresent(s -> out.accept("titles[" + n + "].subtitle", s.plain()));
        }
        for (int i = 0; i < a.contributors().size(); i++) {
            Contributor c = a.contributors().get(i);
            String p = "authors[" + i + "]";
            c.name().ifPresent(n -> name(n, p, out));
            c.groupName().ifPresent(g -> out.accept(p + ".group", g));
            for (int j = 0; j < c.alternativeNames().size(); j++) {
                name(c.alternativeNames().get(j), p + ".names[" + j + "]", out);
            }
            out.accept(p + ".degrees", String.join(", ", c.degrees()));
            c.address().ifPresent(v -> out.accept(p + ".address", v));
            c.country().ifPresent(v -> out.accept(p + ".country", v));
            c.email().ifPresent(v -> out.accept(p + ".email", v));
            c.bio().ifPresent(v -> out.accept(p + ".bio", v.plain()));
            for (int j = 0; j < c.notes().size(); j++) {
                out.accept(p + ".notes[" + j + "]", c.notes().get(j).plain());
            }
        }
        for (int i = 0; i < a.affiliations().size(); i++) {
            Affiliation af = a.affiliations().get(i);
            out.accept("affiliations[" + i + "].institution", af.display());
            for (int j = 0; j < af.alternatives().size(); j++) {
                out.accept("affiliations[" + i + "].alternatives[" + j + "]", af.alternatives().get(j).display());
            }
        }
        for (int i = 0; i < a.authorNotes().size(); i++) {
            out.accept("author-notes[" + i + "]", a.authorNotes().get(i).plain());
        }
        abstracts(a.abstracts(), "abstracts", out);
        keywords(a.keywords(), "keywords", out);
        for (int i = 0; i < a.body().size(); i++) {
            section(a.body().get(i), "body[" + i + "]", out);
        }
        notes(a.footnotes(), "notes", out);
        references(a.references(), "references", out);
        for (int i = 0; i < a.translations().size(); i++) {
            Translation t = a.translations().get(i);
            String p = "translations[" + i + "]";
            out.accept(p + ".title[0].text", t.title().title().plain());
            t.title().subtitle().ifPresent(s -> out.accept(p + ".title[0].subtitle", s.plain()));
            abstracts(t.abstracts(), p + ".abstracts", out);
            keywords(t.keywords(), p + ".keywords", out);
            for (int j = 0; j < t.body().size(); j++) {
                section(t.body().get(j), p + ".body[" + j + "]", out);
            }
            notes(t.footnotes(), p + ".notes", out);
            references(t.references(), p + ".references", out);
        }
        a.howToCite().ifPresent(h -> out.accept("how-to-cite", h.plain()));
        a.license().ifPresent(l -> {
            l.name().ifPresent(v -> out.accept("license.name", v));
            l.holder().ifPresent(v -> out.accept("license.holder", v));
            l.statement().ifPresent(v -> out.accept("license.statement", v));
            l.text().ifPresent(v -> out.accept("license.text", v.plain()));
        });
    }

    private static void abstracts(List<Abstract> abstracts, String prefix, BiConsumer<String, String> out) {
        for (int i = 0; i < abstracts.size(); i++) {
            Abstract ab = abstracts.get(i);
            ab.title().ifPresent(t -> out.accept(prefix + "[" + ab.lang() + "].title", t));
            out.accept(prefix + "[" + i + "].text", ab.plain());
        }
    }

    private static void keywords(List<KeywordGroup> groups, String prefix, BiConsumer<String, String> out) {
        for (int i = 0; i < groups.size(); i++) {
            KeywordGroup k = groups.get(i);
            for (int j = 0; j < k.keywords().size(); j++) {
                out.accept(prefix + "[" + i + "].terms[" + j + "]", k.keywords().get(j).plain());
            }
        }
    }

    private static void notes(List<Footnote> notes, String prefix, BiConsumer<String, String> out) {
        for (int i = 0; i < notes.size(); i++) {
            Footnote f = notes.get(i);
            StringBuilder sb = new StringBuilder();
            f.label().ifPresent(sb::append);
            f.paragraphs().forEach(p -> sb.append(' ').append(p.text().plain()));
            out.accept(prefix + "[" + i + "].text", sb.toString());
        }
    }

    private static void references(List<Reference> refs, String prefix, BiConsumer<String, String> out) {
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            String p = prefix + "[" + i + "]";
            out.accept(p + ".text", r.text().plain());
            r.label().ifPresent(l -> out.accept(p + ".label", l));
            r.translation().ifPresent(t -> out.accept(p + ".translation", t.plain()));
            r.url().ifPresent(u -> out.accept(p + ".url", u));
        }
    }

    private static void name(PersonName n, String p, BiConsumer<String, String> out) {
        out.accept(p + ".surname", n.surname());
        n.givenNames().ifPresent(g -> out.accept(p + ".given-names", g));
        n.prefix().ifPresent(g -> out.accept(p + ".prefix", g));
        n.suffix().ifPresent(g -> out.accept(p + ".suffix", g));
    }

    private static void section(Section s, String p, BiConsumer<String, String> out) {
        s.title().ifPresent(t -> out.accept(p + ".title", t.plain()));
        StringBuilder sb = new StringBuilder();
        blocks(s.blocks(), sb);
        if (!sb.isEmpty()) {
            out.accept(p + ".text", sb.toString());
        }
        for (int i = 0; i < s.sections().size(); i++) {
            section(s.sections().get(i), p + ".sections[" + i + "]", out);
        }
    }

    private static void blocks(List<Block> blocks, StringBuilder sb) {
        for (Block b : blocks) {
            if (b instanceof Paragraph p) {
                p.runIn().ifPresent(r -> sb.append(r.plain()).append(' '));
                sb.append(p.text().plain()).append('\n');
            } else if (b instanceof Block.ListBlock l) {
                l.items().forEach(item -> blocks(item, sb));
            } else if (b instanceof Block.Quote q) {
                blocks(q.blocks(), sb);
                q.attribution().ifPresent(a -> sb.append(a.plain()).append('\n'));
            } else if (b instanceof Block.Omitted o) {
                o.label().ifPresent(l -> sb.append(l).append(' '));
                o.caption().ifPresent(c -> sb.append(c.plain()).append('\n'));
            } else if (b instanceof Block.Table t) {
                t.label().ifPresent(l -> sb.append(l).append(' '));
                t.caption().ifPresent(c -> sb.append(c.plain()).append('\n'));
                for (List<Block.Row> part : List.of(t.head(), t.body(), t.foot())) {
                    part.forEach(r -> r.cells().forEach(c -> sb.append(c.plain()).append('\n')));
                }
                t.notes().forEach(n -> sb.append(n.text().plain()).append('\n'));
            } else if (b instanceof Block.Figure f) {
                f.label().ifPresent(l -> sb.append(l).append(' '));
                f.caption().ifPresent(c -> sb.append(c.plain()).append('\n'));
            } else if (b instanceof Block.Formula f) {
                f.label().ifPresent(l -> sb.append(l).append(' '));
                f.math().ifPresent(m -> sb.append(m.characters()).append('\n'));
                f.tex().ifPresent(x -> sb.append(x).append('\n'));
            } else if (b instanceof Block.Boxed x) {
                x.title().ifPresent(c -> sb.append(c.plain()).append('\n'));
                blocks(x.blocks(), sb);
            } else if (b instanceof Block.Preformatted p) {
                sb.append(p.text()).append('\n');
            }
        }
    }
}
