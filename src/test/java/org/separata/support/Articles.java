package org.separata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every article the page-quality tests read back: the examples (the example issue's articles
 * too, and the research article with tables, figures and formulas), the test cases, the long
 * typography articles, the JATS test files, the content test files (a table too wide for a page,
 * an article in many scripts: its CJK font comes from the system's folders) and the real JATS files
 * of {@code /work/shared/corpus} (or {@code ../shared/corpus} beside the repository), if present.
 */
public final class Articles {

    private Articles() {
    }

    /** An input and a short name for it. */
    public record Input(String name, Path path) {
    }

    public static List<Input> all() {
        List<Input> out = new ArrayList<>();
        for (Path p : Repo.examples()) {
            out.add(new Input(name(Repo.file("examples"), p), p));
        }
        add(out, Repo.file("examples/issue-2021-4"), 1, "issue-2021-4");
        add(out, Repo.file("src/test/resources/cases"), 2, "cases");
        add(out, Repo.file("src/test/resources/typography"), 1, "typography");
        add(out, Repo.file("src/test/resources/jats"), 2, "jats");
        add(out, Repo.file("src/test/resources/content"), 1, "content");
        for (Path corpus : List.of(Repo.root().getParent().resolve("shared/corpus"), Path.of("/work/shared/corpus"))) {
            if (Files.isDirectory(corpus)) {
                add(out, corpus, 3, "corpus");
                break;
            }
        }
        return out.stream().distinct().toList();
    }

    private static void add(List<Input> out, Path dir, int depth, String prefix) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir, depth)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(ya?ml|json|xml)"))
                    .filter(p -> !p.getFileName().toString().matches("(?i)(journal|issue)\\..*"))
                    .filter(p -> !p.toString().contains("/hostile/"))
                    .sorted()
                    .forEach(p -> {
                        Input in = new Input(prefix + "-" + name(dir, p), p);
                        if (out.stream().noneMatch(o -> o.path().equals(p))) {
                            out.add(in);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path base, Path p) {
        return base.relativize(p).toString().replaceAll("\\.[^.]+$", "").replace('/', '_');
    }
}
