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

    /**
     * A short manifest in {@code lang} with a title, abstract and keywords in {@code other} too, and
     * everything an article prints a label for: volume, number, pages, dates, a corresponding
     * author, references.
     */
    public static String labelledManifest(String lang, String other) {
        return """
                journal: {title: Revista de Prueba, issn-print: 2409-3416}
                issue: {volume: 1, number: 2, year: 2024}
                article:
                  language: %1$s
                  pages: 11-20
                  dates: {received: 2024-01-10, accepted: 2024-03-01, published: 2024-04-15}
                titles:
                  - {lang: %1$s, text: Título}
                  - {lang: %2$s, text: Title}
                authors:
                  - {given-names: Ana, surname: Pérez, email: ana@example.org, corresponding: true}
                abstracts:
                  - {lang: %1$s, text: Uno.}
                  - {lang: %2$s, text: Two.}
                keywords:
                  - {lang: %1$s, terms: [uno]}
                  - {lang: %2$s, terms: [two]}
                references:
                  - text: Autor A. Libro. 2020.
                """.formatted(lang, other);
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
