package org.separata.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.separata.model.IssueManifest;
import org.separata.pipeline.IssuePlan;
import org.separata.pipeline.Json;

/**
 * The machine-readable report of an issue build ({@code report.json}): what the build is
 * ({@code status}: {@code complete}, {@code provisional} or {@code failed}; {@code pagesFinal}),
 * then one entry per article, then the totals. Paths of files are relative to the report's folder
 * and normalised ({@code ../examples/a.yaml}, never {@code /x/issue/../a.yaml}), so the report stays
 * true when its folder is moved into place (the staging folder, the output folder and
 * {@code OUTDIR.failed} are siblings); an article's {@code file} is as the issue manifest lists
 * it. Every field has one JSON type: counts and page numbers are integers, durations are
 * seconds with decimals, volume and number are strings (as printed: "9", "3-4"). A shard's report
 * lists every article (the issue is paginated as a whole) but counts only its own in the totals.
 */
final class Report {

    /** The version of the report's shape; {@code ReportMerge} reads only this one. */
    static final int FORMAT = 2;

    private Report() {
    }

    static Map<String, Object> of(IssuePlan plan, IssueOptions options, IssueResult.Status status, String digest,
                                  List<ArticleOutcome> outcomes, Optional<String> issuePdf, double seconds,
                                  Map<String, Double> stages, UnaryOperator<String> paths) {
        IssueManifest manifest = plan.manifest();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("issue", paths.apply(plan.file().toString()));
        root.put("journal", manifest.journal().title());
        manifest.issue().volume().ifPresent(v -> root.put("volume", v));
        manifest.issue().number().ifPresent(v -> root.put("number", v));
        manifest.issue().year().ifPresent(v -> root.put("year", v));
        root.put("firstPage", manifest.firstPage());
        plan.layout().ifPresent(l -> root.put("layout", l.name()));
        root.put("shard", options.shard().toString());
        root.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        root.put("pagesFinal", status == IssueResult.Status.COMPLETE);
        root.put("inputs", digest);
        List<Object> articles = new ArrayList<>();
        for (ArticleOutcome a : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", a.file);
            m.put("status", a.status());
            if (!options.shard().isAll()) {
                m.put("shard", ownerOf(a.index, outcomes.size(), options.shard().n()).toString());
            }
            if (a.ok()) {
                m.put("pages", a.pages);
                a.range.ifPresent(r -> {
                    m.put("pageRange", r.ascii());
                    m.put("firstPage", r.first());
                    m.put("lastPage", r.last());
                });
                m.put("blankVersoBefore", a.blankBefore);
            }
            if (a.status().equals("ok")) {
                a.offprint.ifPresent(o -> m.put("offprint", o));
            }
            m.put("warnings", a.warnings.stream().map(d -> Json.diagnostic(d, paths)).toList());
            m.put("errors", a.errors.stream().map(d -> Json.diagnostic(d, paths)).toList());
            m.put("seconds", a.seconds);
            articles.add(m);
        }
        root.put("articles", articles);
        List<ArticleOutcome> own = outcomes.stream().filter(a -> a.inShard).toList();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("articles", own.size());
        totals.put("ok", own.stream().filter(a -> a.status().equals("ok")).count());
        totals.put("failed", own.stream().filter(ArticleOutcome::failed).count());
        totals.put("stopped", own.stream().filter(a -> a.status().equals("stopped")).count());
        totals.put("offprints", own.stream().filter(a -> a.status().equals("ok")).count());
        totals.put("pages", own.stream().filter(ArticleOutcome::ok).mapToInt(a -> a.pages).sum());
        totals.put("warnings", own.stream().mapToInt(a -> a.warnings.size()).sum());
        issuePdf.ifPresent(p -> totals.put("issuePdf", p));
        totals.put("seconds", seconds);
        totals.put("stageSeconds", stages);
        root.put("totals", totals);
        return root;
    }

    /** The shard (of {@code n}) that article {@code index} of {@code total} belongs to. */
    static Shard ownerOf(int index, int total, int n) {
        for (int k = 1; k <= n; k++) {
            if (new Shard(k, n).contains(index, total)) {
                return new Shard(k, n);
            }
        }
        throw new IllegalArgumentException(index + " of " + total);
    }
}
