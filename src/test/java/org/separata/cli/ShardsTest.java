package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.pipeline.Json;
import org.separata.support.Forked;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * Shards run as separate processes, in the README's way: each into OUTDIR/shard-K-of-N, then
 * {@code issue --merge-reports OUTDIR}. One shard runs in another JVM, from another working
 * folder with relative paths, as on another machine: the shards still agree and merge.
 */
@Slow
class ShardsTest {

    @TempDir
    Path dir;

    @Test
    void shardsFromTwoProcessesMergeIntoOneReport() throws Exception {
        Path issue = TestIssues.issueOf(dir, 3, false);
        Path out = dir.resolve("out");
        CliTest.Result first = CliTest.run("issue", issue.toString(), "-o", out.toString(), "--shard", "1/2",
                "--progress", "none");
        assertEquals(0, first.code(), first.err());

        Process p = Forked.separata(dir, "issue", "issue.yaml", "-o", "out", "--shard", "2/2", "--progress", "none")
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), said);

        CliTest.Result merged = CliTest.run("issue", "--merge-reports", out.toString());
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().startsWith("merged 2 shards: 3 articles, 0 failed"), merged.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.read(Files.readAllBytes(out.resolve("report.json")),
                "report.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) report.get("totals");
        assertEquals(3L, totals.get("articles"));
        assertEquals(3L, totals.get("offprints"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> articles = (List<Map<String, Object>>) report.get("articles");
        assertEquals(List.of("shard-1-of-2/offprints/art1.pdf", "shard-1-of-2/offprints/art2.pdf",
                "shard-2-of-2/offprints/art3.pdf"), articles.stream().map(a -> a.get("offprint")).toList());
    }
}
