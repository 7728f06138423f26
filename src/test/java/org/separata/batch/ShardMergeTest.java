package org.separata.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.ExitCode;
import org.separata.pipeline.RenderOptions;
import org.separata.support.Folders;
import org.separata.support.Rendering;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * More shards than a slice needs, built as a job array runs them: 3 articles in 4 shards (one
 * shard renders nothing), and 5 in 3 (uneven). Every shard writes its report, the merge counts
 * each article once with the offprint its own shard wrote, and the offprints are those a whole
 * build writes.
 */
@Slow
class ShardMergeTest {

    @TempDir
    Path dir;

    private static IssueResult build(Path issue, Path out, Shard shard) {
        return new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { }).build(issue, new IssueOptions(out, 1,
                RenderOptions.defaults(), Optional.empty(), false, false, shard));
    }

    private void mergedOnce(int articles, int n) throws Exception {
        Path work = Files.createDirectories(dir.resolve(articles + "-in-" + n));
        Path issue = TestIssues.issueOf(work, articles, false);
        Path whole = work.resolve("whole");
        assertEquals(ExitCode.OK, build(issue, whole, Shard.ALL).exitCode());
        Path out = work.resolve("out");
        for (int k = n; k >= 1; k--) { // in any order
            IssueResult r = build(issue, out, new Shard(k, n));
            assertEquals(ExitCode.OK, r.exitCode());
            Map<String, Object> own = IssueBuilderTest.report(out.resolve("shard-" + k + "-of-" + n + "/report.json"));
            Shard shard = new Shard(k, n);
            long mine = java.util.stream.IntStream.range(0, articles).filter(i -> shard.contains(i, articles)).count();
            assertEquals(mine, IssueBuilderTest.totals(own).get("articles"), "shard " + k + " counts its own");
            assertEquals(articles, IssueBuilderTest.articles(own).size(), "and lists every article");
        }
        ReportMerge.Result merged = new ReportMerge(Rendering.separata().world()).merge(out);
        assertEquals(ExitCode.OK, merged.exitCode());
        assertEquals(n, merged.shards());
        Map<String, Object> report = IssueBuilderTest.report(out.resolve("report.json"));
        assertEquals((long) articles, IssueBuilderTest.totals(report).get("articles"));
        assertEquals((long) articles, IssueBuilderTest.totals(report).get("ok"));
        List<String> files = new ArrayList<>();
        for (Map<String, Object> a : IssueBuilderTest.articles(report)) {
            files.add((String) a.get("file"));
            int index = files.size() - 1;
            Shard owner = Report.ownerOf(index, articles, n);
            String offprint = (String) a.get("offprint");
            assertEquals("shard-" + owner.k() + "-of-" + n + "/offprints/art" + (index + 1) + ".pdf", offprint, a.toString());
            assertArrayEquals(Files.readAllBytes(whole.resolve("offprints/art" + (index + 1) + ".pdf")),
                    Files.readAllBytes(out.resolve(offprint)), "as a whole build paginates it: " + offprint);
        }
        assertEquals(articles, files.stream().distinct().count(), "each article once: " + files);
        for (int k = 1; k <= n; k++) {
            Path offprints = out.resolve("shard-" + k + "-of-" + n + "/offprints");
            List<String> names = Files.isDirectory(offprints) ? Folders.names(offprints) : List.of();
            assertEquals(IssueBuilderTest.totals(IssueBuilderTest.report(out.resolve("shard-" + k + "-of-" + n
                    + "/report.json"))).get("offprints"), (long) names.size(), "shard " + k + ": " + names);
        }
    }

    @Test
    void moreShardsThanArticles() throws Exception {
        mergedOnce(3, 4);
    }

    @Test
    void anUnevenSplit() throws Exception {
        mergedOnce(5, 3);
    }
}
