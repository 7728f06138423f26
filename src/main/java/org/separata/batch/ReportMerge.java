package org.separata.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.World;
import org.separata.pipeline.Json;

/**
 * {@code separata issue --merge-reports OUTDIR}: combines the reports of an issue's shards,
 * {@code OUTDIR/shard-K-of-N/report.json}, into {@code OUTDIR/report.json}, whose totals count
 * every article once. It refuses (invalid input, exit 3, nothing written) when a shard is missing,
 * when shards of different splits are there, or when the shards did not read the same inputs or
 * did not paginate the issue alike.
 */
public final class ReportMerge {

    private static final Pattern SHARD_FOLDER = Pattern.compile("shard-(\\d+)-of-(\\d+)");

    private final World world;

    public ReportMerge(World world) {
        this.world = world;
    }

    /** The outcome: the exit code (4 when some articles failed), the counts, and the report written. */
    public record Result(ExitCode exitCode, int shards, int articles, int failed, int pages, Path report) {
    }

    public Result merge(Path outDir) {
        if (world.outputKind(outDir).filter(IssueBuilder.SHARDS::equals).isEmpty()) {
            throw invalid(outDir, "holds no shards of an issue",
                    "give the folder the shards were built into: separata issue ISSUE.yaml -o OUTDIR --shard K/N");
        }
        Map<Integer, Map<Integer, Path>> splits = new TreeMap<>();
        for (Path folder : world.listFolders(outDir)) {
            Matcher m = SHARD_FOLDER.matcher(folder.getFileName().toString());
            if (m.matches()) {
                splits.computeIfAbsent(Integer.parseInt(m.group(2)), n -> new TreeMap<>())
                        .put(Integer.parseInt(m.group(1)), folder);
            }
        }
        if (splits.isEmpty()) {
            throw invalid(outDir, "holds no shard folders (shard-K-of-N)", "build the shards first, with --shard K/N");
        }
        if (splits.size() > 1) {
            throw invalid(outDir, "holds shards of different splits: " + splits.keySet().stream()
                            .map(n -> "of " + n).collect(Collectors.joining(", ")),
                    "remove the shard folders of the split you no longer use, and merge again");
        }
        int n = splits.keySet().iterator().next();
        Map<Integer, Path> folders = splits.get(n);
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!folders.containsKey(k)) {
                Path failed = outDir.resolve("shard-" + k + "-of-" + n + ".failed");
                missing.add(k + (world.exists(failed.resolve(IssueBuilder.REPORT))
                        ? " (it failed: see " + failed.resolve(IssueBuilder.REPORT) + ")" : ""));
            }
        }
        if (!missing.isEmpty()) {
            throw invalid(outDir, "shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                            + " of " + n + (missing.size() == 1 ? " is" : " are") + " missing",
                    "build " + (missing.size() == 1 ? "it" : "them") + " with --shard K/" + n + ", then merge again");
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            reports.add(read(folders.get(k).resolve(IssueBuilder.REPORT), k + "/" + n));
        }
        return write(outDir, n, reports);
    }

    private Map<String, Object> read(Path file, String shard) {
        Object json = Json.read(world.readInput(file), file.toString());
        if (!(json instanceof Map<?, ?> m) || !Objects.equals(m.get("format"), (long) Report.FORMAT)
                || !(m.get("articles") instanceof List<?>) || !(m.get("totals") instanceof Map<?, ?>)) {
            throw invalid(file, "is not a report of separata issue (format " + Report.FORMAT + ")",
                    "build this shard again with this version of Separata");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) json;
        if (!shard.equals(report.get("shard"))) {
            throw invalid(file, "is the report of shard " + report.get("shard") + ", not of " + shard,
                    "the folder was renamed; build this shard again");
        }
        return report;
    }

    private Result write(Path outDir, int n, List<Map<String, Object>> reports) {
        Map<String, Object> first = reports.get(0);
        List<List<Map<String, Object>>> articles = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Map<String, Object> r = reports.get(k);
            String where = outDir.resolve(IssueBuilder.shardFolder(new Shard(k + 1, n))).resolve(IssueBuilder.REPORT)
                    .toString();
            if (!Objects.equals(first.get("inputs"), r.get("inputs"))) {
                throw invalid(Path.of(where), "was built from other inputs than shard 1/" + n
                                + " (the issue manifest, an article, a journal profile or an option changed between the runs)",
                        "build every shard again from the same files and options");
            }
            articles.add(list(r.get("articles")));
            if (articles.get(k).size() != articles.get(0).size()) {
                throw invalid(Path.of(where), "lists another number of articles than shard 1/" + n,
                        "build every shard again from the same files");
            }
        }
        List<Object> merged = new ArrayList<>();
        boolean complete = reports.stream().allMatch(r -> "complete".equals(r.get("status")));
        long ok = 0;
        long failed = 0;
        long stopped = 0;
        long pages = 0;
        long warnings = 0;
        double seconds = 0;
        for (int i = 0; i < articles.get(0).size(); i++) {
            Object range = articles.get(0).get(i).get("pageRange");
            Map<String, Object> owner = null;
            for (int k = 0; k < n; k++) {
                Map<String, Object> a = articles.get(k).get(i);
                if (!Objects.equals(range, a.get("pageRange"))) {
                    throw invalid(outDir, "the shards paginated the issue differently: " + a.get("file") + " is at "
                                    + range + " in shard 1/" + n + " and at " + a.get("pageRange") + " in shard "
                                    + (k + 1) + "/" + n,
                            "an article failed in one shard only; fix it and build every shard again");
                }
                if (String.valueOf(k + 1).concat("/" + n).equals(a.get("shard"))) {
                    owner = a;
                }
            }
            if (owner == null) {
                throw invalid(outDir, "no shard owns " + articles.get(0).get(i).get("file"),
                        "build every shard again with this version of Separata");
            }
            Map<String, Object> entry = new LinkedHashMap<>(owner);
            String folder = String.valueOf(owner.get("shard")).replaceFirst("(\\d+)/(\\d+)", "shard-$1-of-$2");
            if (entry.get("offprint") instanceof String o) {
                entry.put("offprint", folder + "/" + o);
            }
            String status = String.valueOf(entry.get("status"));
            ok += status.equals("ok") ? 1 : 0;
            failed += status.equals("failed") ? 1 : 0;
            stopped += status.equals("stopped") ? 1 : 0;
            pages += entry.get("pages") instanceof Long p && !status.equals("failed") ? p : 0;
            warnings += list(entry.get("warnings")).size();
            merged.add(entry);
        }
        for (Map<String, Object> r : reports) {
            if (r.get("totals") instanceof Map<?, ?> t && t.get("seconds") instanceof Number s) {
                seconds += s.doubleValue();
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", Report.FORMAT);
        for (String key : List.of("issue", "journal", "volume", "number", "year", "firstPage", "layout")) {
            if (first.containsKey(key)) {
                root.put(key, first.get(key));
            }
        }
        root.put("shard", "merged from " + n);
        root.put("status", complete ? "complete" : "provisional");
        root.put("pagesFinal", complete);
        root.put("inputs", first.get("inputs"));
        root.put("articles", merged);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("articles", merged.size());
        totals.put("ok", ok);
        totals.put("failed", failed);
        totals.put("stopped", stopped);
        totals.put("offprints", ok);
        totals.put("pages", pages);
        totals.put("warnings", warnings);
        totals.put("shards", n);
        totals.put("seconds", seconds);
        root.put("totals", totals);
        Path report = outDir.resolve(IssueBuilder.REPORT);
        world.writeAtomically(report, Json.write(root));
        return new Result(complete && failed == 0 ? ExitCode.OK : ExitCode.PARTIAL_FAILURE, n, merged.size(),
                (int) failed, (int) pages, report);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static SeparataException invalid(Path where, String message, String hint) {
        return SeparataException.invalid(SourceLocation.of(where.toString()), message, hint);
    }
}
