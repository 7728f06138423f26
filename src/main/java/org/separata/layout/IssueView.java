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

    IssueView(IssueFront front, LayoutPack pack) {
        this.front = front;
        this.pack = pack;
    }

    Map<String, Object> build() {
        IssueManifest m = front.issue();
        Map<String, Object> root = new LinkedHashMap<>();
        String lang = String.valueOf(pack.options().getOrDefault("issue-language", "en"));
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
        for (IssueFront.Entry e : front.contents()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("title", inline.inlines(e.title()));
            c.put("authors", e.authors());
            c.put("firstPage", String.valueOf(e.firstPage()));
            c.put("lastPage", String.valueOf(e.lastPage()));
            c.put("pages", e.firstPage() == e.lastPage() ? String.valueOf(e.firstPage())
                    : e.firstPage() + "\u2013" + e.lastPage());
            if (!e.section().isEmpty()) {
                c.put("section", e.section());
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
                ps.add(inline.inlines(p.text()));
            }
            fm.put("paragraphs", ps);
            f.signature().ifPresent(s -> fm.put("signature", s));
            frontMatter.add(fm);
        }
        root.put("frontMatter", frontMatter);
        root.put("settings", styleData());
        return root;
    }

    /** The stylesheet data: the pack's settings; the front matter starts on a recto. */
    Map<String, Object> styleData() {
        return ArticleView.styleData(pack, true, pack.logo());
    }
}
