package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.diag.Diagnostic;
import org.separata.env.World;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * The watch loop, driven by a scripted change source instead of the file system's clock: each
 * "change" edits the input the way a person at an editor would, and the loop renders again. No
 * sleeping, a bounded number of renders.
 */
@Slow
class WatchTest {

    @TempDir
    Path dir;

    private static final World FIXED = World.withEnvironment(Map.of(),
            Clock.fixed(Instant.parse("2024-05-01T12:34:56Z"), ZoneOffset.UTC));

    /** A change source that plays edits in order, recording what it was asked to watch. */
    private static final class Script implements Watch.ChangeSource {
        final Deque<Runnable> edits = new ArrayDeque<>();
        final Deque<Path> changed = new ArrayDeque<>();
        final List<List<Path>> watched = new ArrayList<>();

        void then(Path file, Runnable edit) {
            changed.add(file);
            edits.add(edit);
        }

        @Override
        public List<Path> awaitChange(List<Path> files, java.util.Map<Path, String> since) {
            watched.add(List.copyOf(files));
            edits.removeFirst().run();
            return List.of(changed.removeFirst());
        }
    }

    private static Runnable replace(Path file, String from, String to) {
        return () -> {
            try {
                String s = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(s.contains(from), from);
                Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Test
    void rendersAgainOnEachChangeAndPrintsOneLinePerRender() throws IOException {
        Path input = dir.resolve("article.yaml");
        Files.copy(Repo.seed(), input);
        Path output = dir.resolve("out.pdf");
        Script script = new Script();
        script.then(input, replace(input, "issn-print: 2409-3416", "issn-print: 2409-3417"));
        script.then(input, replace(input, "issn-print: 2409-3417", "issn-print: 2409-3416"));
        List<String> lines = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        int ok = new Watch(new Separata(FIXED), script).run(input, output, RenderOptions.defaults(), lines::add,
                problems::add, 3);

        assertEquals(2, ok);
        assertEquals(List.of(
                "12:34:56  wrote " + output + " (2 pages)",
                "12:34:56  article.yaml changed; not written: 1 error; watching for changes",
                "12:34:56  article.yaml changed; wrote " + output + " (2 pages)"), lines);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("check digit"), problems.get(0).format());
        assertTrue(Files.exists(output));
        assertEquals(2, script.watched.size());
        assertTrue(script.watched.get(0).contains(input), "the input is watched");
        assertTrue(script.watched.get(0).contains(dir.resolve("journal.yaml")),
                "where a journal profile would appear is watched: " + script.watched.get(0));
    }

    @Test
    void anInterruptedWatchStops() {
        Watch.ChangeSource interrupted = (files, since) -> {
            throw new InterruptedException();
        };
        List<String> lines = new ArrayList<>();
        int ok = new Watch(new Separata(FIXED), interrupted).run(Repo.seed(), dir.resolve("o.pdf"),
                RenderOptions.defaults(), lines::add, d -> { }, Integer.MAX_VALUE);
        assertEquals(1, ok);
        assertEquals(1, lines.size());
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
    }

    @Test
    void theProfileItsLogoAndALayoutFolderAreWatched() throws IOException {
        Path example = Repo.file("examples/carvalho-2023/article.yaml");
        Separata s = new Separata(FIXED);
        List<Path> files = s.dependencies(example, RenderOptions.defaults());
        assertTrue(files.contains(example), files.toString());
        assertTrue(files.contains(example.resolveSibling("journal.yaml")), files.toString());
        assertTrue(files.contains(example.resolveSibling("logo.png")), files.toString());

        Path pack = dir.resolve("pack");
        Files.createDirectories(pack);
        for (String f : List.of("layout.yaml", "article.ftlx", "style.css")) {
            Files.copy(Repo.file("layouts/classic/" + f), pack.resolve(f));
        }
        List<Path> withPack = s.dependencies(example,
                new RenderOptions(Optional.of(pack.toString()), false, Optional.empty()));
        assertTrue(withPack.contains(pack.resolve("style.css")), withPack.toString());
        assertTrue(withPack.contains(pack.resolve("layout.yaml")), withPack.toString());
    }
}
