package org.separata.read;

import java.util.ArrayList;
import java.util.List;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceIndex;
import org.separata.diag.SourceLocation;
import org.separata.env.Limit;
import org.separata.env.Limits;
import org.separata.model.Abstract;
import org.separata.model.Article;
import org.separata.model.Block;
import org.separata.model.Footnote;
import org.separata.model.Paragraph;
import org.separata.model.Reference;
import org.separata.model.RichText;
import org.separata.model.Section;
import org.separata.model.Title;
import org.separata.model.Translation;

/**
 * Checks an article that has been read against the {@link Limits}: references, authors, the
 * length of each paragraph and of the whole text. What layout and rendering cost grows with these,
 * so an article past a limit is refused here, at the field that crosses it, before any of that
 * work begins. Every error names the limit and how to raise it.
 */
public final class ArticleLimits {

    private ArticleLimits() {
    }

    /**
     * @throws SeparataException (invalid input) listing every limit the article crosses
     */
    public static ReadResult check(ReadResult read, Limits limits) {
        List<Diagnostic> errors = new ArrayList<>();
        Article a = read.article();
        SourceIndex src = read.sources();
        int references = a.references().size() + a.translations().stream().mapToInt(t -> t.references().size()).sum();
        over(errors, Limit.REFERENCES, limits, references, src.locate("references[" + Math.min(a.references().size() - 1,
                limits.count(Limit.REFERENCES)) + "]"), "the article has " + references + " references");
        int authors = a.contributors().size();
        over(errors, Limit.AUTHORS, limits, authors, src.locate("authors[" + Math.min(authors - 1,
                limits.count(Limit.AUTHORS)) + "]"), "the article has " + authors + " authors and contributors");
        Texts texts = new Texts(limits, src, errors);
        for (int i = 0; i < a.titles().size(); i++) {
            title(texts, a.titles().get(i), "titles[" + i + "]");
        }
        abstracts(texts, a.abstracts(), "abstracts");
        for (int i = 0; i < a.body().size(); i++) {
            section(texts, a.body().get(i), "body[" + i + "]");
        }
        notes(texts, a.footnotes(), "notes");
        references(texts, a.references(), "references");
        for (int i = 0; i < a.translations().size(); i++) {
            Translation t = a.translations().get(i);
            String p = "translations[" + i + "]";
            title(texts, t.title(), p + ".title[0]");
            abstracts(texts, t.abstracts(), p + ".abstracts");
            for (int j = 0; j < t.body().size(); j++) {
                section(texts, t.body().get(j), p + ".body[" + j + "]");
            }
            notes(texts, t.footnotes(), p + ".notes");
            references(texts, t.references(), p + ".references");
        }
        over(errors, Limit.ARTICLE_CHARS, limits, texts.total, src.locate(""),
                "the article's text has " + texts.total + " characters");
        if (!errors.isEmpty()) {
            throw SeparataException.invalid(errors);
        }
        return read;
    }

    /**
     * Checks the number of pages an article took once laid out, and returns it.
     *
     * @throws SeparataException (invalid input) when it is past {@link Limit#PAGES}
     */
    public static int checkPages(int pages, Limits limits, SourceLocation where) {
        List<Diagnostic> errors = new ArrayList<>();
        over(errors, Limit.PAGES, limits, pages, where, "the article takes " + pages + " pages");
        if (!errors.isEmpty()) {
            throw SeparataException.invalid(errors);
        }
        return pages;
    }

    private static void over(List<Diagnostic> errors, Limit limit, Limits limits, long actual, SourceLocation where,
                             String what) {
        long max = limits.get(limit);
        if (actual > max) {
            errors.add(Diagnostic.error(where, what + ", more than the limit of " + max + " " + limit.unit() + " ("
                    + limit.key() + ")", limit.raiseHint(actual)));
        }
    }

    /** Counts characters field by field; a field past the paragraph limit is an error at its place. */
    private static final class Texts {
        final Limits limits;
        final SourceIndex src;
        final List<Diagnostic> errors;
        long total;

        Texts(Limits limits, SourceIndex src, List<Diagnostic> errors) {
            this.limits = limits;
            this.src = src;
            this.errors = errors;
        }

        void add(String path, RichText text) {
            add(path, text.plain().length());
        }

        void add(String path, int length) {
            total += length;
            if (errors.size() < 20) {
                over(errors, Limit.PARAGRAPH_CHARS, limits, length, src.locate(path),
                        "a paragraph has " + length + " characters");
            }
        }
    }

    private static void title(Texts t, Title title, String path) {
        t.add(path + ".text", title.title());
        title.subtitle().ifPresent(s -> t.add(path + ".subtitle", s));
    }

    private static void abstracts(Texts t, List<Abstract> abstracts, String prefix) {
        for (int i = 0; i < abstracts.size(); i++) {
            blocks(t, abstracts.get(i).paragraphs().stream().map(Block.class::cast).toList(), prefix + "[" + i + "].text");
        }
    }

    private static void section(Texts t, Section s, String path) {
        s.title().ifPresent(title -> t.add(path + ".title", title));
        blocks(t, s.blocks(), path + ".text");
        for (int i = 0; i < s.sections().size(); i++) {
            section(t, s.sections().get(i), path + ".sections[" + i + "]");
        }
    }

    private static void blocks(Texts t, List<Block> blocks, String path) {
        for (Block b : blocks) {
            if (b instanceof Paragraph p) {
                t.add(path, p.text().plain().length() + p.runIn().map(r -> r.plain().length()).orElse(0));
            } else if (b instanceof Block.ListBlock l) {
                l.items().forEach(item -> blocks(t, item, path));
            } else if (b instanceof Block.Quote q) {
                blocks(t, q.blocks(), path);
                q.attribution().ifPresent(r -> t.add(path, r));
            } else if (b instanceof Block.Omitted o) {
                o.caption().ifPresent(c -> t.add(path, c));
            }
        }
    }

    private static void notes(Texts t, List<Footnote> notes, String prefix) {
        for (int i = 0; i < notes.size(); i++) {
            blocks(t, notes.get(i).paragraphs().stream().map(Block.class::cast).toList(), prefix + "[" + i + "].text");
        }
    }

    private static void references(Texts t, List<Reference> refs, String prefix) {
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            t.add(prefix + "[" + i + "].text", r.text());
            int n = i;
            r.translation().ifPresent(tr -> t.add(prefix + "[" + n + "].translation", tr));
        }
    }
}
