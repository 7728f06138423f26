package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.env.World;
import org.separata.support.Folders;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * A watch whose output lies inside the layout folder it watches: writing the PDF must not count
 * as a change, or the watch renders forever. Run with the real polling change source.
 */
@Slow
class WatchOwnOutputTest {

    @TempDir
    Path dir;

    @Test
    void writingItsOwnOutputDoesNotStartAnotherRender() throws Exception {
        Path pack = dir.resolve("pack");
        Folders.copy(Repo.file("layouts/classic"), pack);
        Path input = Files.copy(Repo.seed(), dir.resolve("article.yaml"));
        Path output = pack.resolve("out.pdf");
        World world = World.withEnvironment(Map.of());
        Separata separata = new Separata(world);
        RenderOptions options = new RenderOptions(java.util.Optional.of(pack.toString()), false,
                java.util.Optional.empty());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread watch = new Thread(() -> new Watch(separata, (files, since) -> world.awaitChange(files, since,
                Duration.ofMillis(100))).run(input, output, options, lines::add, d -> { }, 50));
        watch.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // the first render wrote out.pdf into the watched folder; give a loop every chance to show
        Thread.sleep(3000);
        assertEquals(1, lines.size(), "one render, not a loop: " + lines);
        assertTrue(lines.get(0).contains("wrote " + output), lines.toString());
        assertTrue(separata.dependencies(input, options).contains(output.toRealPath())
                || separata.dependencies(input, options).contains(output), "the output is in the watched folder");
        // a real edit to the pack still renders again
        Path css = pack.resolve("style.css");
        Files.writeString(css, Files.readString(css) + "\n/* edited */\n");
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        watch.interrupt();
        watch.join(30_000);
        assertFalse(watch.isAlive());
        assertTrue(lines.size() >= 2 && lines.get(1).contains("style.css changed; wrote"), lines.toString());
    }
}
