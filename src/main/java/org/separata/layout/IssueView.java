package org.separata.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.separata.model.IssueManifest;
import org.separata.model.Paragraph;

/** The data an issue template receives: journal, issue, contents and front matter. */
final class IssueView {

    private final IssueFront front;
    private final LayoutPack pack;
    private final Prose prose;

    IssueView(IssueFront front, LayoutPack pack, Prose prose) {
        this.front = front;
        this.pack = pack;
        this.prose = prose;
    }

    Map<String, Object> build() {
        IssueManifest m = front.issue();
        Map<String, Object> root = new LinkedHashMap<>();
        // the issue's own language, else the layout's, else English
        String lang = m.language().orElseGet(() -> String.valueOf(pack.options().getOrDefault("issue-language", "en")));
        root.put("lang", lang);
        root.put("labels", pack.labels().forLanguage(lang));
        root.put("journal", ArticleView.journal(m.journal()));
        Map<String, Object> issue = ArticleView.issue(m.issue());
        m.title().ifPresent(v -> issue.put("title", v));
        if (front.coverImage().isPresent()) {
            issue.put("coverImage", IssueFront.COVER_IMAGE);
        }
        root.put("issue", issue);
        ArticleView inline = new ArticleView(null, pack, new org.separata.model.CitationStyle(
                org.separata.model.CitationStyle.Style.VANCOUVER, java.util.Optional.empty()), java.util.Optional.empty(),
                FontCoverage.of(pack));
        List<Object> contents = new ArrayList<>();
        List<String[]> sections = sections(lang);
        int index = 0;
        for (IssueFront.Entry e : front.contents()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("title", inline.inlines(e.title()));
            c.put("authors", e.authors());
            c.put("firstPage", String.valueOf(e.firstPage()));
            c.put("lastPage", String.valueOf(e.lastPage()));
            c.put("pages", e.firstPage() == e.lastPage() ? String.valueOf(e.firstPage())
                    : e.firstPage() + "\u2013" + e.lastPage());
            String[] section = sections.get(index++);
            if (!section[0].isEmpty()) {
                c.put("section", section[0]);
                if (!section[1].isEmpty()) {
                    c.put("sectionLang", section[1]);
                }
            }
            c.put("anchor", e.anchor());
            if (!e.lang().isEmpty()) {
                c.put("lang", e.lang());
            }
            contents.add(c);
        }
        root.put("contents", contents);
        List<Object> frontMatter = new ArrayList<>();
        for (IssueManifest.FrontMatter f : m.frontMatter()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("title", inline.inlines(f.title()));
            List<Object> ps = new ArrayList<>();
            for (Paragraph p : f.paragraphs()) {
                // set like the body: the language's rules and hyphenation
                ps.add(inline.inlines(prose == null ? p.text() : prose.apply(p.text(), lang, true)));
            }
            fm.put("anchor", "front-" + (frontMatter.size() + 1));
            fm.put("paragraphs", ps);
            f.signature().ifPresent(s -> fm.put("signature", s));
            frontMatter.add(fm);
        }
        root.put("frontMatter", frontMatter);
        root.put("settings", styleData());
        return root;
    }

    /**
     * Each contents entry's section, labelled in the issue's language: a section named in any
     * language the labels know ("Научная статья", "Artículo de investigación") becomes that
     * section's label in {@code lang} ("Research article"), so that articles of one section are
     * grouped under one heading; others are kept as given, in their article's language. An article
     * without a section joins its neighbour's (the one before, else the one after), so that the
     * first entry has one too. Each is {label, its language: empty for the issue's}.
     */
    private List<String[]> sections(String lang) {
        Map<String, String> known = new LinkedHashMap<>();
        pack.labels().all().forEach((l, labels) -> labels.forEach((key, value) -> {
            if (key.startsWith("section-")) {
                known.putIfAbsent(normal(value), key);
            }
        }));
        Map<String, String> here = pack.labels().forLanguage(lang);
        List<String[]> out = new ArrayList<>();
        for (IssueFront.Entry e : front.contents()) {
            String key = known.get(normal(e.section()));
            out.add(key != null && here.containsKey(key) ? new String[] {here.get(key), ""}
                    : new String[] {e.section().strip(), e.section().isBlank() || e.lang().equals(lang) ? "" : e.lang()});
        }
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i)[0].isEmpty()) {
                out.set(i, out.get(i - 1));
            }
        }
        for (int i = out.size() - 2; i >= 0; i--) {
            if (out.get(i)[0].isEmpty()) {
                out.set(i, out.get(i + 1));
            }
        }
        return out;
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The stylesheet data: the pack's settings; the front matter starts on a recto. */
    Map<String, Object> styleData() {
        return ArticleView.styleData(pack, true, pack.logo());
    }
}
