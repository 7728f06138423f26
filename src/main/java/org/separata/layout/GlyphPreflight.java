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

/**
 * Flying Saucer silently drops characters its fonts lack. This check runs before rendering: every
 * character of every text field, and of the labels the article's languages use, must be in every
 * face of every font family of the layout pack. A missing one is reported once per field with its
 * code point, Unicode name and the fonts tried.
 */
public final class GlyphPreflight {

    private GlyphPreflight() {
    }

    /** The problems found; empty when every character can be typeset. */
    public static List<Diagnostic> check(Article article, LayoutPack pack, SourceIndex sources, boolean asWarnings) {
        List<FontFace> faces = new ArrayList<>();
        for (FontFamily f : new java.util.LinkedHashSet<>(pack.fonts().values())) {
            faces.addAll(f.faces());
        }
        List<Diagnostic> out = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        collect(article, fields::put);
        java.util.Set<String> langs = new java.util.LinkedHashSet<>();
        langs.add(article.language());
        article.titles().forEach(t -> langs.add(t.lang()));
        article.abstracts().forEach(a -> langs.add(a.lang()));
        article.keywords().forEach(k -> langs.add(k.lang()));
        langs.add(String.valueOf(pack.options().getOrDefault("citation-language", "en")));
        for (String lang : langs) {
            pack.labels().forLanguage(lang).forEach((k, v) ->
                    fields.putIfAbsent("label '" + k + "' (" + lang + ") of layout " + pack.name(), v));
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String text = e.getValue();
            java.util.Set<Integer> reported = new java.util.HashSet<>();
            text.codePoints().forEach(cp -> {
                if (skip(cp) || reported.contains(cp)) {
                    return;
                }
                if (coveredByAll(faces, cp)) {
                    return;
                }
                List<String> lacking = faces.stream().filter(f -> !f.covers(cp)).map(FontFace::fileName).toList();
                if (!lacking.isEmpty()) {
                    reported.add(cp);
                    String name = Character.getName(cp);
                    String message = String.format(java.util.Locale.ROOT, "%s %s '%s' is not in the layout's fonts", codePoint(cp),
                            name == null ? "(unassigned)" : name, new String(Character.toChars(cp)));
                    String hint = "fonts tried: " + String.join(", ", lacking)
                            + "; replace the character, use a layout whose fonts cover it, "
                            + "or render anyway with --allow-missing-glyphs (it will be left out)";
                    out.add(asWarnings ? Diagnostic.warning(sources.locate(e.getKey()), message, hint)
                            : Diagnostic.error(sources.locate(e.getKey()), message, hint));
                }
            });
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

    private static boolean skip(int cp) {
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
        }
        for (int i = 0; i < a.authorNotes().size(); i++) {
            out.accept("author-notes[" + i + "]", a.authorNotes().get(i).plain());
        }
        for (int i = 0; i < a.abstracts().size(); i++) {
            Abstract ab = a.abstracts().get(i);
            ab.title().ifPresent(t -> out.accept("abstracts[" + ab.lang() + "].title", t));
            out.accept("abstracts[" + i + "].text", ab.plain());
        }
        for (int i = 0; i < a.keywords().size(); i++) {
            KeywordGroup k = a.keywords().get(i);
            for (int j = 0; j < k.keywords().size(); j++) {
                out.accept("keywords[" + i + "].terms[" + j + "]", k.keywords().get(j).plain());
            }
        }
        for (int i = 0; i < a.body().size(); i++) {
            section(a.body().get(i), "body[" + i + "]", out);
        }
        for (int i = 0; i < a.footnotes().size(); i++) {
            Footnote f = a.footnotes().get(i);
            StringBuilder sb = new StringBuilder();
            f.label().ifPresent(sb::append);
            f.paragraphs().forEach(p -> sb.append(' ').append(p.text().plain()));
            out.accept("notes[" + i + "].text", sb.toString());
        }
        for (int i = 0; i < a.references().size(); i++) {
            Reference r = a.references().get(i);
            out.accept("references[" + i + "].text", r.text().plain());
            int n = i;
            r.label().ifPresent(l -> out.accept("references[" + n + "].label", l));
            r.translation().ifPresent(t -> out.accept("references[" + n + "].translation", t.plain()));
            r.url().ifPresent(u -> out.accept("references[" + n + "].url", u));
        }
        a.howToCite().ifPresent(h -> out.accept("how-to-cite", h.plain()));
        a.license().ifPresent(l -> {
            l.name().ifPresent(v -> out.accept("license.name", v));
            l.holder().ifPresent(v -> out.accept("license.holder", v));
            l.text().ifPresent(v -> out.accept("license.text", v.plain()));
        });
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
            }
        }
    }
}
