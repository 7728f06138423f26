package org.separata.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.separata.diag.ExitCode;
import org.separata.diag.SeparataException;

/**
 * The arithmetic of {@code --shard K/N}, as a scheduler uses it (a Kubernetes Indexed Job's
 * {@code JOB_COMPLETION_INDEX + 1}, a Slurm array's {@code SLURM_ARRAY_TASK_ID}, a CI matrix's
 * index): for any number of articles and of shards, more shards than articles included, every
 * article is in exactly one shard, each shard is one run of consecutive articles, the shards come
 * in issue order, their sizes differ by one at most, and the report names each article's shard
 * as the one that rendered it.
 */
class ShardArithmeticTest {

    /** The articles of each shard K (1-based) of N, for {@code total} articles. */
    private static List<List<Integer>> slices(int total, int n) {
        List<List<Integer>> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                if (new Shard(k, n).contains(i, total)) {
                    mine.add(i);
                }
            }
            out.add(mine);
        }
        return out;
    }

    @Test
    void everyArticleInExactlyOneShardInOrderContiguousAndEven() {
        for (int total = 1; total <= 64; total++) {
            for (int n = 1; n <= 70; n++) {
                List<List<Integer>> s = slices(total, n);
                List<Integer> joined = new ArrayList<>();
                s.forEach(joined::addAll);
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    all.add(i);
                }
                String what = total + " articles in " + n + " shards: " + s;
                assertEquals(all, joined, "each once, in issue order, shard after shard: " + what);
                int min = s.stream().mapToInt(List::size).min().orElseThrow();
                int max = s.stream().mapToInt(List::size).max().orElseThrow();
                assertTrue(max - min <= 1, "even: " + what);
                assertEquals((total + n - 1) / n, max, "no shard larger than it must be: " + what);
                if (n > total) {
                    assertEquals(n - total, s.stream().filter(List::isEmpty).count(),
                            "with more shards than articles, the extra shards are empty: " + what);
                }
                for (int i = 0; i < total; i++) {
                    Shard owner = Report.ownerOf(i, total, n);
                    assertTrue(s.get(owner.k() - 1).contains(i), "the report names the shard that has it: " + what);
                }
            }
        }
    }

    @Test
    void unevenSplitsAsTheyFallOut() {
        // article i goes to shard floor(i * N / total) + 1: 10 articles in 3 shards are 4, 3 and 3
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9)), slices(10, 3));
        // 2 articles in 4 shards: shards 2 and 4 render nothing (and still write their reports)
        assertEquals(List.of(List.of(0), List.of(), List.of(1), List.of()), slices(2, 4));
        assertEquals(List.of(List.of(0, 1, 2, 3, 4)), slices(5, 1));
    }

    @Test
    void largeBacklogsDoNotOverflow() {
        // 10^5 articles in 1000 shards (an Indexed Job's completions), and the int range's edge
        int total = 100_000;
        int[] sizes = new int[1000];
        for (int i = 0; i < total; i++) {
            sizes[(int) ((long) i * 1000 / total)]++;
            assertTrue(new Shard((int) ((long) i * 1000 / total) + 1, 1000).contains(i, total));
        }
        assertTrue(java.util.Arrays.stream(sizes).allMatch(x -> x == 100));
        assertTrue(new Shard(65536, 65536).contains(Integer.MAX_VALUE - 1, Integer.MAX_VALUE));
    }

    @Test
    void badShardsAreUsageErrors() {
        for (String bad : List.of("0/3", "4/3", "x", "1/0", "-1/2", "1/2/3", "", "1/", "/2", "2.0/3")) {
            SeparataException e = assertThrows(SeparataException.class, () -> Shard.parse(bad), bad);
            assertEquals(ExitCode.USAGE, e.exitCode(), bad);
        }
        assertEquals(new Shard(3, 8), Shard.parse(" 3/8 "));
    }
}
