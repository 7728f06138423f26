package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.model.Article;
import org.separata.model.CitationStyle;

/** Journal profiles: reading and checking them, choosing the article's journal, and merging. */
class JournalProfileTest {

    static final String PROFILE = """
            2409-3416:
              title: Cuadernos Iberoamericanos
              abbrev-title: Cuad. Iberoam.
              publisher: MGIMO University
              issn-print: 2409-3416
              issn-online: 2658-5219
              logo: logo.png
              layout: modern
              license:
                name: CC BY 4.0
                url: https://creativecommons.org/licenses/by/4.0/
              how-to-cite: {style: gost, language: ru}
            2176-4573:
              title: "Bakhtiniana: Revista de Estudos do Discurso"
              issn-online: 2176-4573
            """;

    static final String ARTICLE = """
            titles:
              - lang: es
                text: Un título
            """;

    private static JournalProfiles profiles(String yaml) {
        return JournalProfileReader.read(yaml.getBytes(StandardCharsets.UTF_8), "prof/journal.yaml");
    }

    private static ReadResult read(String manifest, String profile) {
        return ManifestReader.read(manifest.getBytes(StandardCharsets.UTF_8), "art/article.yaml",
                Optional.of(profiles(profile)));
    }

    private static List<Diagnostic> errors(Runnable r) {
        return assertThrows(SeparataException.class, r::run).diagnostics();
    }

    @Test
    void aProfileHoldsJournalsKeyedByIssn() {
        JournalProfiles p = profiles(PROFILE);
        assertEquals(2, p.journals().size());
        JournalProfile c = p.journals().get(0);
        assertEquals("2409-3416", c.key().value());
        assertEquals("Cuadernos Iberoamericanos", c.journal().title());
        assertEquals(Optional.of("Cuad. Iberoam."), c.journal().abbreviation());
        assertEquals(Optional.of("modern"), c.layout());
        assertEquals(Optional.of(java.nio.file.Path.of("prof/logo.png")), c.logoPath());
        assertEquals(Optional.of(new CitationStyle(CitationStyle.Style.GOST, Optional.of("ru"))), c.citation());
        assertEquals(Optional.of("CC BY 4.0"), c.license().orElseThrow().name());
        assertEquals(8, c.location("layout").line());
    }

    @Test
    void aManifestWithoutJournalTakesTheProfilesWhenItHoldsOne() {
        String one = PROFILE.substring(0, PROFILE.indexOf("2176-4573:"));
        ReadResult r = read(ARTICLE, one);
        Article a = r.article();
        assertEquals("Cuadernos Iberoamericanos", a.journal().title());
        assertEquals("2658-5219", a.journal().onlineIssn().orElseThrow().value());
        assertEquals(Optional.of("https://creativecommons.org/licenses/by/4.0/"), a.license().orElseThrow().url());
        assertEquals("2409-3416", r.profile().orElseThrow().key().value());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void anIssnInTheManifestChoosesTheJournal() {
        ReadResult r = read("journal: {issn-online: 2176-4573}\n" + ARTICLE, PROFILE);
        assertEquals("Bakhtiniana: Revista de Estudos do Discurso", r.article().journal().title());
        assertTrue(r.article().license().isEmpty(), "that journal has no default licence");
    }

    @Test
    void withSeveralJournalsAndNoIssnTheArticleMustSay() {
        List<Diagnostic> e = errors(() -> read(ARTICLE, PROFILE));
        assertEquals(1, e.size());
        assertTrue(e.get(0).message().contains("prof/journal.yaml"), e.get(0).format());
        assertTrue(e.get(0).hint().orElseThrow().contains("2409-3416 (Cuadernos Iberoamericanos)"), e.get(0).format());
        assertTrue(e.get(0).hint().orElseThrow().contains("issn-online"), e.get(0).format());
    }

    @Test
    void theArticlesOwnValuesWinAndAConflictIsAWarningNamingBothPlaces() {
        String manifest = """
                journal:
                  title: Cuadernos Iberoamericanos
                  issn-print: 2409-3416
                  issn-online: 2409-3424
                license: {name: CC BY-NC 4.0}
                """ + ARTICLE;
        ReadResult r = read(manifest, PROFILE);
        assertEquals("2409-3424", r.article().journal().onlineIssn().orElseThrow().value(), "the article's value wins");
        assertEquals(Optional.of("MGIMO University"), r.article().journal().publisher(), "the profile fills the gap");
        assertEquals(Optional.of("CC BY-NC 4.0"), r.article().license().orElseThrow().name(), "the article's licence");
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        Diagnostic w = r.warnings().get(0);
        assertEquals("art/article.yaml", w.location().file());
        assertEquals(4, w.location().line(), "the article's line");
        assertEquals("journal.issn-online", w.location().path());
        assertTrue(w.message().contains("2409-3424") && w.message().contains("2658-5219"), w.format());
        assertTrue(w.message().contains("prof/journal.yaml:6:"), "the profile's line: " + w.format());
    }

    @Test
    void theSameTitleWrittenDifferentlyIsNoConflict() {
        ReadResult r = read("journal: {title: \"cuadernos  iberoamericanos\", issn-print: 2409-3416}\n" + ARTICLE,
                PROFILE);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void withoutJournalOrProfileTheErrorSaysWhereToPutOne() {
        List<Diagnostic> e = errors(() -> ManifestReader.read(ARTICLE.getBytes(StandardCharsets.UTF_8),
                "art/article.yaml"));
        assertEquals(1, e.size());
        assertEquals("art/article.yaml", e.get(0).location().file());
        assertTrue(e.get(0).message().contains("does not name its journal"), e.get(0).format());
        assertTrue(e.get(0).hint().orElseThrow().contains("journal.yaml"), e.get(0).format());
        assertTrue(e.get(0).hint().orElseThrow().contains("--journal"), e.get(0).format());
    }

    @Test
    void aJournalWithoutTitleAndNoProfileIsAnError() {
        List<Diagnostic> e = errors(() -> ManifestReader.read(("journal: {issn-print: 2409-3416}\n" + ARTICLE)
                .getBytes(StandardCharsets.UTF_8), "art/article.yaml"));
        assertTrue(e.get(0).message().contains("no title"), e.get(0).format());
        assertEquals(1, e.get(0).location().line());
    }

    @Test
    void profileErrorsNameTheProfileLine() {
        List<Diagnostic> e = errors(() -> profiles("""
                2409-3416:
                  titel: Cuadernos Iberoamericanos
                  issn-print: 2409-3416
                """));
        assertTrue(e.stream().anyMatch(d -> d.location().line() == 2 && d.message().contains("unknown key 'titel'")
                && d.hint().orElseThrow().contains("did you mean 'title'")), e.toString());
        assertTrue(e.stream().anyMatch(d -> d.message().contains("missing 'title'")), e.toString());
    }

    @Test
    void aKeyThatIsNoIssnIsNamed() {
        List<Diagnostic> e = errors(() -> profiles("cuadernos:\n  title: X\n"));
        assertTrue(e.get(0).message().contains("unknown key 'cuadernos'"), e.get(0).format());
        assertTrue(e.get(0).hint().orElseThrow().contains("ISSN"), e.get(0).format());
    }

    @Test
    void aKeyWithAWrongCheckDigitIsNamed() {
        List<Diagnostic> e = errors(() -> profiles("2409-3417:\n  title: X\n  issn-print: 2409-3417\n"));
        assertTrue(e.stream().allMatch(d -> d.message().contains("check digit")), e.toString());
        assertTrue(e.stream().anyMatch(d -> d.location().line() == 3), e.toString());
    }

    @Test
    void theKeyMustBeOneOfTheJournalsIssns() {
        List<Diagnostic> e = errors(() -> profiles("2409-3416:\n  title: X\n  issn-online: 2658-5219\n"));
        assertTrue(e.get(0).message().contains("neither"), e.get(0).format());
        List<Diagnostic> e2 = errors(() -> profiles("2409-3416:\n  title: X\n"));
        assertTrue(e2.get(0).message().contains("print or online"), e2.get(0).format());
        assertEquals("2409-3416", e2.get(0).location().path());
    }

    @Test
    void anUnknownCitationStyleIsNamed() {
        List<Diagnostic> e = errors(() -> profiles(
                "2409-3416:\n  title: X\n  issn-print: 2409-3416\n  how-to-cite: {style: chicago}\n"));
        assertTrue(e.get(0).message().contains("'chicago'"), e.get(0).format());
        assertTrue(e.get(0).hint().orElseThrow().contains("vancouver, apa, abnt, gost"), e.get(0).format());
    }

    @Test
    void anEmptyProfileIsAnError() {
        List<Diagnostic> e = errors(() -> profiles("{}\n"));
        assertTrue(e.get(0).message().contains("holds no journal"), e.get(0).format());
    }

    /** Readers that build a complete article (JATS) merge after reading. */
    @Test
    void aCompleteArticleIsCheckedAndCompletedAgainstTheProfile() {
        ReadResult own = ManifestReader.read(("journal: {title: Cuadernos Iberoamericanos, issn-print: 2409-3416,"
                + " issn-online: 2409-3424}\n" + ARTICLE).getBytes(StandardCharsets.UTF_8), "art/article.yaml");
        ReadResult merged = JournalMerge.apply(own, Optional.of(profiles(PROFILE)));
        assertEquals(Optional.of("MGIMO University"), merged.article().journal().publisher());
        assertEquals("2409-3424", merged.article().journal().onlineIssn().orElseThrow().value());
        assertTrue(merged.article().license().isPresent(), "the profile's licence");
        assertEquals(1, merged.warnings().size(), merged.warnings().toString());
        assertEquals("journal.issn-online", merged.warnings().get(0).location().path());
        assertEquals(own, JournalMerge.apply(own, Optional.empty()), "no profile, no change");
    }
}
