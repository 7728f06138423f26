package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.separata.model.Article;
import org.separata.model.CitationStyle;
import org.separata.model.CitationStyle.Style;
import org.separata.model.PersonName;
import org.separata.read.ManifestReader;
import org.separata.support.Rendering;
import org.separata.support.Repo;

/** The generated how-to-cite line in each style a journal profile may name. */
class CitationFormatterTest {

    private static Article seed;
    private static Labels labels;

    @BeforeAll
    static void load() throws Exception {
        seed = ManifestReader.read(Files.readAllBytes(Repo.seed()), "article.yaml").article();
        labels = Rendering.separata().layouts().get("classic").pack().labels();
    }

    private static String cite(Style style, String lang) {
        return CitationFormatter.howToCite(seed, labels, new CitationStyle(style, Optional.of(lang))).plain();
    }

    @Test
    void vancouverInEnglishIsTheLineTheSeedJournalPublished() {
        assertEquals(seed.howToCite().orElseThrow().plain(), cite(Style.VANCOUVER, "en"));
    }

    @Test
    void vancouverWithoutIssueOrPagesEndsWithTheJournal() {
        Article.Builder b = seed.toBuilder();
        b.issue = org.separata.model.Issue.NONE;
        b.pages = Optional.empty();
        b.doi = Optional.empty();
        String line = CitationFormatter.howToCite(b.build(), labels,
                new CitationStyle(Style.VANCOUVER, Optional.of("en"))).plain();
        assertEquals("Adins S. Bilateral relations between Peru and Russia in the 21st century: a Peruvian "
                + "perspective. Cuadernos Iberoamericanos. (In Esp.)", line);
    }

    @Test
    void vancouverUsesTheAuthorsNameInTheCitationLanguage() {
        Article.Builder b = seed.toBuilder();
        var c = b.contributors.get(0);
        b.contributors.set(0, new org.separata.model.Contributor(c.role(),
                Optional.of(PersonName.of("Себастьен", "Адинс")), Optional.empty(),
                java.util.List.of(new PersonName("Adins", Optional.of("Sebastien"), Optional.empty(), Optional.empty(),
                        Optional.of("en"))), c.degrees(), c.affiliationIds(), c.address(), c.country(), c.email(),
                c.orcid(), c.bio(), c.corresponding(), c.notes()));
        String line = CitationFormatter.howToCite(b.build(), labels,
                new CitationStyle(Style.VANCOUVER, Optional.of("en"))).plain();
        assertEquals(seed.howToCite().orElseThrow().plain(), line);
    }

    @Test
    void apaKeepsTheOriginalTitleAndBracketsTheTranslation() {
        assertEquals("Adins, S. (2021). Relaciones bilaterales entre el Perú y Rusia en el siglo XXI: una perspectiva "
                + "peruana [Bilateral relations between Peru and Russia in the 21st century: a Peruvian perspective]. "
                + "Cuadernos Iberoamericanos, 9(4), 84\u2013100. https://doi.org/10.46272/2409-3416-2021-9-4-84-100",
                cite(Style.APA, "en"));
    }

    @Test
    void abntCapitalisesTheSurnameAndKeepsTheOriginalTitle() {
        assertEquals("ADINS, S. Relaciones bilaterales entre el Perú y Rusia en el siglo XXI: una perspectiva peruana. "
                + "Cuadernos Iberoamericanos, v. 9, n. 4, p. 84-100, 2021. "
                + "DOI: https://doi.org/10.46272/2409-3416-2021-9-4-84-100", cite(Style.ABNT, "pt"));
    }

    @Test
    void gostInRussianCitesTheRussianTitleWithRussianLabelsAndNoLanguageNote() {
        assertEquals("Adins S. Двусторонние отношения между Перу и Россией в XXI веке: перуанская перспектива "
                + "// Cuadernos Iberoamericanos. 2021. Т. 9, № 4. С. 84\u2013100. "
                + "https://doi.org/10.46272/2409-3416-2021-9-4-84-100", cite(Style.GOST, "ru"));
    }

    @Test
    void gostInEnglishAddsTheLanguageNote() {
        assertEquals("Adins S. Bilateral relations between Peru and Russia in the 21st century: a Peruvian perspective "
                + "// Cuadernos Iberoamericanos. 2021. Vol. 9, No. 4. P. 84\u2013100. (In Esp.) "
                + "https://doi.org/10.46272/2409-3416-2021-9-4-84-100", cite(Style.GOST, "en"));
    }

    @Test
    void lowerCaseParticlesAreNotInitials() throws Exception {
        PersonName n = PersonName.of("João Carlos de", "Carvalho");
        assertEquals("J. C.", CitationFormatter.initials(n));
        String manifest = new String(Files.readAllBytes(Repo.seed()), StandardCharsets.UTF_8)
                .replace("given-names: Sebastien\n    surname: Adins", "given-names: João Carlos de\n    surname: Carvalho");
        Article a = ManifestReader.read(manifest.getBytes(StandardCharsets.UTF_8), "a.yaml").article();
        assertEquals("CARVALHO, J. C. de.", CitationFormatter.howToCite(a, labels,
                new CitationStyle(Style.ABNT, Optional.of("pt"))).plain().substring(0, 19));
        assertEquals("Carvalho JC.", CitationFormatter.howToCite(a, labels,
                new CitationStyle(Style.VANCOUVER, Optional.of("en"))).plain().substring(0, 12));
    }
}
