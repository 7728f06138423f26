package org.separata.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.model.IssueManifest;

/** The machine-readable report of an issue build ({@code report.json}). */
final class Report {

    private Report() {
    }

    static Map<String, Object> of(Path issueFile, IssueManifest manifest, IssueOptions options,
                                  List<ArticleOutcome> outcomes, Optional<Path> issuePdf, double seconds,
                                  Map<String, Double> stages) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("issue", issueFile.toString());
        root.put("journal", manifest.journal().title());
        manifest.issue().volume().ifPresent(v -> root.put("volume", v));
        manifest.issue().number().ifPresent(v -> root.put("number", v));
        manifest.issue().year().ifPresent(v -> root.put("year", v));
        root.put("firstPage", manifest.firstPage());
        root.put("shard", options.shard().toString());
        List<Object> articles = new ArrayList<>();
        for (ArticleOutcome a : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", a.file);
            m.put("status", a.ok() ? (a.offprintWritten ? "ok" : "skipped") : "failed");
            if (a.ok()) {
                m.put("pages", a.pages);
                a.range.ifPresent(r -> {
                    m.put("pageRange", r.ascii());
                    m.put("firstPage", r.first());
                    m.put("lastPage", r.last());
                });
                m.put("blankVersoBefore", a.blankBefore);
                if (a.offprintWritten) {
                    m.put("offprint", options.outDir().resolve("offprints").resolve(a.name + ".pdf").toString());
                }
            }
            m.put("warnings", a.warnings.stream().map(Report::diagnostic).toList());
            m.put("errors", a.errors.stream().map(Report::diagnostic).toList());
            m.put("seconds", a.seconds);
            articles.add(m);
        }
        root.put("articles", articles);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("articles", outcomes.size());
        totals.put("ok", outcomes.stream().filter(ArticleOutcome::ok).count());
        totals.put("failed", outcomes.stream().filter(a -> !a.ok()).count());
        totals.put("offprints", outcomes.stream().filter(a -> a.offprintWritten).count());
        totals.put("pages", outcomes.stream().filter(ArticleOutcome::ok).mapToInt(a -> a.pages).sum());
        totals.put("warnings", outcomes.stream().mapToInt(a -> a.warnings.size()).sum());
        totals.put("issuePdf", issuePdf.map(Path::toString).orElse(null));
        totals.put("seconds", seconds);
        totals.put("stageSeconds", stages);
        root.put("totals", totals);
        return root;
    }

    private static Map<String, Object> diagnostic(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().label());
        m.put("file", d.location().file());
        if (d.location().line() > 0) {
            m.put("line", d.location().line());
        }
        if (d.location().column() > 0) {
            m.put("column", d.location().column());
        }
        if (!d.location().path().isEmpty()) {
            m.put("field", d.location().path());
        }
        m.put("message", d.message());
        d.hint().ifPresent(h -> m.put("hint", h));
        return m;
    }
}
