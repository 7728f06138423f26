package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.model.Article;
import org.separata.model.Inline;
import org.separata.support.Repo;

class ManifestReaderTest {

    private static final String MINIMAL = """
            journal:
              title: Revista de Prueba
            titles:
              - lang: en
                text: A title
            """;

    private static ReadResult read(String yaml) {
        return ManifestReader.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private static List<Diagnostic> errors(String yaml, String name) {
        SeparataException e = assertThrows(SeparataException.class,
                () -> ManifestReader.read(yaml.getBytes(StandardCharsets.UTF_8), name));
        return e.diagnostics();
    }

    private static String all(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    @Test
    void minimalManifest() {
        Article a = read(MINIMAL).article();
        assertEquals("Revista de Prueba", a.journal().title());
        assertEquals("en", a.language());
        assertEquals(1, a.firstPageNumber());
    }

    @Test
    void yamlAndJsonGiveTheSameModel() {
        String json = """
                {"journal": {"title": "Revista de Prueba"},
                 "titles": [{"lang": "en", "text": "A title"}]}
                """;
        Article fromJson = ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "a.json").article();
        assertEquals(read(MINIMAL).article(), fromJson);
    }

    @Test
    void theSeedReadsCompletely() throws Exception {
        Article a = ManifestReader.read(Files.readAllBytes(Repo.seed()), "article.yaml").article();
        assertEquals("es", a.language());
        assertEquals(84, a.pages().orElseThrow().first());
        assertEquals(100, a.pages().orElseThrow().last());
        assertEquals("2409-3416", a.journal().printIssn().orElseThrow().value());
        assertEquals("2658-5219", a.journal().onlineIssn().orElseThrow().value());
        assertEquals(List.of("es", "en", "ru"), a.titles().stream().map(t -> t.lang()).toList());
        assertEquals(8, a.references().size());
        assertEquals("PhD in Political Science", a.authors().get(0).degrees().get(0));
        assertTrue(a.references().get(0).text().inlines().stream().anyMatch(i -> i instanceof Inline.Styled));
    }

    @Test
    void wrongTypesAreNamedWithLineAndExpectedType() {
        List<Diagnostic> d = errors(MINIMAL + "issue:\n  year: twenty\n", "t.yaml");
        assertEquals(1, d.size(), all(d));
        assertEquals(7, d.get(0).location().line(), all(d));
        assertEquals("issue.year", d.get(0).location().path());
        assertTrue(d.get(0).message().contains("expected an integer, found a string"), all(d));
        assertTrue(d.get(0).hint().orElseThrow().contains("year"), all(d));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = MINIMAL + """
                article:
                  doi: 10.12/abc
                authors:
                  - surname: Pérez
                    orcid: 0000-0002-1825-0098
                    affiliations: [nowhere]
                """;
        List<Diagnostic> d = errors(yaml, "t.yaml");
        String text = all(d);
        assertTrue(text.contains("article.doi"), text);
        assertTrue(text.contains("authors[0].orcid") && text.contains("checksum"), text);
        assertTrue(text.contains("authors[0].affiliations[0]") && text.contains("'nowhere'"), text);
        assertEquals(3, d.size(), text);
    }

    @Test
    void unclosedInlineMarkupIsAnError() {
        List<Diagnostic> d = errors(MINIMAL.replace("A title", "A <i>title"), "t.yaml");
        assertTrue(all(d).contains("<i> is never closed"), all(d));
        assertEquals("titles[0].text", d.get(0).location().path());
    }

    @Test
    void lonelyLessThanIsText() {
        Article a = read(MINIMAL.replace("A title", "\"x < y and <b>bold</b>\"")).article();
        assertEquals("x < y and bold", a.mainTitle().title().plain());
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        List<Diagnostic> d = errors("journal:\n  title: [unclosed\n", "bad.yaml");
        assertTrue(d.get(0).location().line() > 0, all(d));
        assertTrue(d.get(0).message().startsWith("syntax error"), all(d));
        List<Diagnostic> j = errors("{\"journal\": {\"title\": \"x\",}}", "bad.json");
        assertEquals(1, j.get(0).location().line(), all(j));
        assertTrue(j.get(0).location().column() > 0, all(j));
    }

    @Test
    void duplicateKeysAreErrors() {
        List<Diagnostic> d = errors(MINIMAL + "journal:\n  title: Again\n", "t.yaml");
        assertTrue(all(d).contains("appears twice"), all(d));
    }

    @Test
    void pagesAndDatesAreChecked() {
        String text = all(errors(MINIMAL + "article:\n  pages: 100-84\n", "t.yaml"));
        assertTrue(text.contains("comes before the first"), text);
        text = all(errors(MINIMAL + "issue:\n  date: 2021-02-30\n", "t.yaml"));
        assertTrue(text.contains("not a valid date"), text);
    }
}
