package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.env.Limit;
import org.separata.env.Limits;
import org.separata.support.Repo;

/**
 * What readers refuse before any work is done on it: YAML aliases, control characters, lone
 * surrogates and bidirectional overrides (each at its field and line), numbers out of range, and
 * articles past the limits (each error naming the limit and how to raise it).
 */
class InputBoundsTest {

    private static final String MINIMAL = """
            journal:
              title: Journal of Tests
              issn-print: 2409-3416
            titles:
              - lang: en
                text: A title
            """;

    private static List<Diagnostic> errors(String yaml, String file) {
        return assertThrows(SeparataException.class,
                () -> InputReader.read(yaml.getBytes(StandardCharsets.UTF_8), file)).diagnostics();
    }

    private static String all(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    @Test
    void aYamlAliasIsRefusedAtItsLineAndItsNameNeverPrinted() {
        String yaml = MINIMAL.replace("title: Journal of Tests", "title: &secretanchor Journal of Tests")
                + "how-to-cite: *secretanchor\n";
        List<Diagnostic> d = errors(yaml, "a.yaml");
        assertEquals(1, d.size(), all(d));
        assertEquals(7, d.get(0).location().line(), all(d));
        assertEquals("how-to-cite", d.get(0).location().path());
        assertTrue(d.get(0).message().contains("a YAML alias (*…) is not supported"), all(d));
        assertFalse(all(d).contains("secretanchor"), "the anchor's name is never printed: " + all(d));
        // an alias to an anchor that does not exist, and an alias as a key, likewise
        String undefined = all(errors(MINIMAL + "how-to-cite: *nowhere\n", "a.yaml"));
        assertTrue(undefined.contains("a.yaml:7:") && !undefined.contains("nowhere"), undefined);
        String key = all(errors(MINIMAL + "x: &k y\n*k : z\n", "a.yaml"));
        assertTrue(key.contains("alias") && !key.contains("'k'"), key);
    }

    @Test
    void controlCharactersLoneSurrogatesAndBidiOverridesAreErrorsAtTheirField() {
        String yaml = MINIMAL.replace("text: A title", "text: \"A\\a title\"")
                + "how-to-cite: \"Evil \\e[31mred\\e[0m\"\n"
                + "keywords:\n  - lang: en\n    terms: [\"txt\\u202Egpj.exe\"]\n";
        List<Diagnostic> d = errors(yaml, "a.yaml");
        String text = all(d);
        assertEquals(3, d.size(), text);
        assertTrue(text.contains("a.yaml:6:11: error: titles[0].text: the value contains the control character U+0007"),
                text);
        assertTrue(text.contains("a.yaml:7:14: error: how-to-cite: the value contains the control character U+001B"),
                text);
        assertTrue(text.contains("keywords[0].terms[0]: the value contains the bidirectional formatting character "
                + "U+202E"), text);
        String json = "{\"journal\": {\"title\": \"J\\u0000\", \"issn-print\": \"2409-3416\"},\n"
                + " \"titles\": [{\"lang\": \"en\", \"text\": \"half \\ud800 a pair\"}]}";
        String j = all(errors(json, "a.json"));
        assertTrue(j.contains("journal.title: the value contains the control character U+0000"), j);
        assertTrue(j.contains("a.json:2:") && j.contains("a lone surrogate U+D800"), j);
    }

    @Test
    void jatsTextAndAttributesAreCheckedToo() {
        String xml = """
                <article xml:lang="en"><front><journal-meta><journal-title>J&#x85;</journal-title></journal-meta>
                <article-meta><title-group><article-title>Title &#x202E;fdp.exe</article-title></title-group>
                </article-meta></front></article>
                """;
        String text = all(errors(xml, "a.xml"));
        assertTrue(text.contains("a.xml:1:") && text.contains("<journal-title> contains the control character U+0085"),
                text);
        assertTrue(text.contains("Windows-1252 character '…'"), "a hint for the usual cause: " + text);
        assertTrue(text.contains("a.xml:2:") && text.contains("U+202E"), text);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirLine() throws Exception {
        byte[] yaml = (MINIMAL + "how-to-cite: \"caf\u00e9\"\n").getBytes(StandardCharsets.UTF_8);
        yaml[yaml.length - 3] = (byte) 0x41; // the second byte of "é"
        List<Diagnostic> y = assertThrows(SeparataException.class, () -> InputReader.read(yaml, "a.yaml")).diagnostics();
        assertTrue(y.get(0).message().contains("the file is not UTF-8") && y.get(0).location().line() == 7,
                all(y));
        byte[] xml = Files.readAllBytes(Repo.file("examples/adins-2021/article.xml"));
        String text = new String(xml, StandardCharsets.UTF_8);
        int at = text.indexOf("Perú");
        int offset = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length + 4;
        xml[offset] = (byte) 0x41;
        List<Diagnostic> x = assertThrows(SeparataException.class, () -> InputReader.read(xml, "a.xml")).diagnostics();
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(line, x.get(0).location().line(), all(x));
        assertTrue(x.get(0).message().contains("not valid UTF-8"), all(x));
    }

    @Test
    void pageNumbersAreBounded() {
        for (String pages : List.of("99999999999-99999999999", "2147483647", "1-10000000")) {
            String text = all(errors(MINIMAL + "article:\n  pages: " + pages + "\n", "a.yaml"));
            assertTrue(text.contains("article.pages") && text.contains("page numbers go up to 999999"), text);
        }
        assertEquals(999_999, InputReader.read((MINIMAL + "article:\n  pages: 999999\n")
                .getBytes(StandardCharsets.UTF_8), "a.yaml").article().firstPageNumber());
    }

    @Test
    void anIssueManifestsNumbersAndPathsAreBounded() {
        String numbers = """
                journal: {title: J}
                first-page: 2147483647
                year: 10000
                articles: [a.yaml]
                """;
        String n = all(assertThrows(SeparataException.class, () -> IssueManifestReader.read(
                numbers.getBytes(StandardCharsets.UTF_8), "issue.yaml")).diagnostics());
        assertTrue(n.contains("issue.yaml:2:13: error: first-page: 2147483647 is above the maximum 999999"), n);
        assertTrue(n.contains("issue.yaml:3:7: error: year: 10000 is above the maximum 2999"), n);
        String issue = """
                journal: {title: J}
                first-page: 1
                cover: {image: /etc/cover.png}
                layout: /srv/packs/mine
                articles: [/etc/passwd, ../elsewhere/a.yaml, "C:/x.yaml"]
                """;
        String text = all(assertThrows(SeparataException.class, () -> IssueManifestReader.read(
                issue.getBytes(StandardCharsets.UTF_8), "issue.yaml")).diagnostics());
        assertTrue(text.contains("'/etc/passwd' is not a relative path"), text);
        assertTrue(text.contains("'C:/x.yaml' is not a relative path"), text);
        assertTrue(text.contains("'/etc/cover.png' is not a relative path"), text);
        assertTrue(text.contains("'/srv/packs/mine' is not a path relative to the issue's folder"), text);
        assertFalse(text.contains("../elsewhere"), "a relative path is checked against the root when read: " + text);
    }

    @Test
    void anIssueHasAtMostSoManyArticles() {
        StringBuilder issue = new StringBuilder("journal: {title: J}\nfirst-page: 1\narticles:\n");
        for (int i = 0; i < 4; i++) {
            issue.append("  - a").append(i).append(".yaml\n");
        }
        String text = all(assertThrows(SeparataException.class, () -> IssueManifestReader.read(
                issue.toString().getBytes(StandardCharsets.UTF_8), "issue.yaml",
                Limits.DEFAULT.with(Limit.ISSUE_ARTICLES, 3))).diagnostics());
        assertTrue(text.contains("issue.yaml:4:") && text.contains("the issue lists 4 articles, more than the limit of 3 "
                + "(issue-articles)") && text.contains("SEPARATA_LIMITS=issue-articles="), text);
    }

    @Test
    void aJournalProfileNamesItsFilesRelativeToItself() {
        String profile = """
                2409-3416:
                  title: J
                  issn-print: 2409-3416
                  logo: /etc/logo.png
                  layout: /srv/packs/mine
                """;
        String text = all(assertThrows(SeparataException.class, () -> JournalProfileReader.read(
                profile.getBytes(StandardCharsets.UTF_8), "journal.yaml")).diagnostics());
        assertTrue(text.contains("journal.yaml:4:9: error: 2409-3416.logo: '/etc/logo.png' is not a path relative to "
                + "the profile's folder"), text);
        assertTrue(text.contains("journal.yaml:5:11: error: 2409-3416.layout: '/srv/packs/mine'"), text);
        // a built-in pack's name and a folder inside the profile's are fine
        JournalProfileReader.read(profile.replace("/etc/logo.png", "images/logo.png")
                .replace("/srv/packs/mine", "./packs/mine").getBytes(StandardCharsets.UTF_8), "journal.yaml");
    }

    @Test
    void articlesPastALimitAreRefusedNamingTheLimit() throws Exception {
        byte[] seed = Files.readAllBytes(Repo.seed());
        int references = InputReader.read(seed, "seed.yaml").article().references().size();
        Limits tight = Limits.DEFAULT.with(Limit.REFERENCES, references - 1).with(Limit.AUTHORS, 0)
                .with(Limit.PARAGRAPH_CHARS, 200).with(Limit.ARTICLE_CHARS, 1000);
        List<Diagnostic> d = assertThrows(SeparataException.class,
                () -> InputReader.read(seed, "seed.yaml", tight)).diagnostics();
        String text = all(d);
        assertTrue(text.contains("references[" + (references - 1) + "]: the article has " + references
                + " references, more than the limit of " + (references - 1) + " references (references)"), text);
        assertTrue(text.contains("SEPARATA_LIMITS=references="), text);
        assertTrue(text.contains("authors[0]: the article has 1 authors and contributors, more than the limit of 0"),
                text);
        assertTrue(text.contains("abstracts[0].text: a paragraph has") && text.contains("(paragraph-chars)"), text);
        assertTrue(text.contains("(article-chars)"), text);
        d.forEach(x -> assertTrue(x.location().line() > 0 || x.message().contains("article's text"), x.format()));
        // at the defaults the seed is far inside every limit
        InputReader.read(seed, "seed.yaml", Limits.DEFAULT);
        // a manifest larger than manifest-mb is refused before it is parsed (text: zero bytes would be
        // refused first, as a binary file)
        byte[] large = " ".repeat(2 * 1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII);
        String big = all(assertThrows(SeparataException.class, () -> InputReader.read(large,
                "big.yaml", Limits.DEFAULT.with(Limit.MANIFEST_MB, 2))).diagnostics());
        assertTrue(big.contains("more than the limit of 2 MiB a manifest may have (manifest-mb)"), big);
        // the pages an article takes once laid out
        String pages = all(assertThrows(SeparataException.class, () -> ArticleLimits.checkPages(41,
                Limits.DEFAULT.with(Limit.PAGES, 40), org.separata.diag.SourceLocation.of("a.yaml"))).diagnostics());
        assertTrue(pages.contains("the article takes 41 pages, more than the limit of 40 pages (pages)"), pages);
    }

    @Test
    void aJatsDateWhoseYearAPdfCannotHoldIsNotPrinted() throws Exception {
        String xml = Files.readString(Repo.file("examples/adins-2021/article.xml")).replace("</pub-date>",
                "</pub-date>\n<pub-date date-type=\"pub\"><day>1</day><month>1</month><year>10000</year></pub-date>");
        ReadResult r = InputReader.read(xml.getBytes(StandardCharsets.UTF_8), "a.xml");
        assertTrue(r.article().publicationDate().isEmpty(), r.article().publicationDate().toString());
        assertTrue(all(r.warnings()).contains("the published date 10000-1-1 is not a valid date"), all(r.warnings()));
    }
}
