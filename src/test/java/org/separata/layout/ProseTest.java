package org.separata.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.separata.env.World;
import org.separata.model.Inline;
import org.separata.model.RichText;

/** The typesetter's pass over running text: each rule, and where it must not apply. */
class ProseTest {

    private static final Prose PROSE = new Prose(Hyphenation.builtIn(World.system()), c -> true);
    private static final Prose NO_NARROW_SPACE = new Prose(Hyphenation.builtIn(World.system()), c -> c != '\u202F');

    /** The rules alone, soft hyphens shown as "~", no-break spaces as "_", narrow ones as "^". */
    private static String rules(String lang, String text) {
        return show(PROSE.apply(RichText.of(text), lang, false).plain());
    }

    private static String hyphenated(String lang, String text) {
        return show(PROSE.apply(RichText.of(text), lang, true).plain());
    }

    private static String show(String s) {
        return s.replace('\u00AD', '~').replace('\u00A0', '_').replace('\u202F', '^');
    }

    @Test
    void russianBindsOneLetterWordsParticlesAndTheDash() {
        assertEquals("Перу и_Россия_— в_мире", rules("ru", "Перу и Россия — в мире"));
        assertEquals("сохраняя_— пока_— ориентацию", rules("ru", "сохраняя — пока — ориентацию"));
        assertEquals("и_т._д. и_т._п.", rules("ru", "и т. д. и т. п."));
        assertEquals("он_же пришёл_бы_ли", rules("ru", "он же пришёл бы ли"));
        assertEquals("к_Западу", rules("ru", "к Западу"));
        assertEquals("Дома и_в_саду", rules("ru", "Дома и в саду"));
    }

    @Test
    void noLanguageLetsALineStartWithASpacedDash() {
        assertEquals("maintaining_– for now_– its", rules("en", "maintaining – for now – its"));
        assertEquals("mantiene —por ahora— su", rules("es", "mantiene —por ahora— su"));
        assertEquals("a post-Soviet republic_–, this", rules("en", "a post-Soviet republic –, this"));
        assertEquals("Peru and Russia –as an empire", rules("en", "Peru and Russia –as an empire"));
    }

    @Test
    void frenchSpacesItsPunctuationAndGuillemets() {
        assertEquals("Pourquoi^? Voici_: «_texte_»^!", rules("fr", "Pourquoi ? Voici: \"texte\"!"));
        assertEquals("Quoi_?", show(NO_NARROW_SPACE.apply(RichText.of("Quoi ?"), "fr", false).plain()),
                "without a narrow no-break space in the font, a no-break space");
        assertEquals("à 10:30 le", rules("fr", "à 10:30 le"), "no space inside a time");
    }

    @Test
    void numbersStayWithTheirUnitsAndGroups() {
        assertEquals("10_km, 5_% and 2_000_000 people", rules("en", "10 km, 5 % and 2 000 000 people"));
        assertEquals("pp._23–47, p._5, No._4, §_3", rules("en", "pp. 23-47, p. 5, No. 4, § 3"));
        assertEquals("в_2021 году 15_млн", rules("ru", "в 2021 году 15 млн"));
        assertEquals("in 2021 a new", rules("en", "in 2021 a new"), "a word that is no unit");
    }

    @Test
    void initialsStayWithTheName() {
        assertEquals("A._P._Kuznetsov and Anatoly_P._Kuznetsov", rules("en", "A. P. Kuznetsov and Anatoly P. Kuznetsov"));
        assertEquals("a review of Joseph_S._Nye’s work", rules("en", "a review of Joseph S. Nye's work"));
        assertEquals("in Appendix_A. the", rules("en", "in Appendix A. the"), "the rule reads a capitalised word");
        assertEquals("see A. then", rules("en", "see A. then"), "not after a lower-case word");
    }

    @Test
    void numberSignsAbbreviationsAndYearsKeepWhatFollows() {
        assertEquals("проект №_ФРИ-2023-0417 и", rules("ru", "проект № ФРИ-2023-0417 и"));
        assertEquals("grant No._FRI-2023-0417 and", rules("en", "grant No. FRI-2023-0417 and"));
        assertEquals("в_2015–2023_гг. и_в_1990_г._же", rules("ru", "в 2015-2023 гг. и в 1990 г. же"));
    }

    @Test
    void relationsKeepTheirOperands() {
        assertEquals("significant: p_=_0.01, and n_<_30 here", rules("en", "significant: p = 0.01, and n < 30 here"));
    }

    @Test
    void rangesGetAnEnDashButDatesAndIssnsDoNot() {
        assertEquals("(1969–1989): 365-384, pp._84–100", rules("en", "(1969-1989): 365-384, pp. 84-100"),
                "years; a page range only after a word that numbers pages");
        assertEquals("Rev Saude. 2014;48(2):206–215. (1969–1989): 365–384",
                show(PROSE.apply(RichText.of("Rev Saude. 2014;48(2):206-215. (1969-1989): 365-384"), "en", false, true)
                        .plain()), "in a reference a range is a page range");
        assertEquals("on 2021-12-30, ISSN 2409-3416", rules("en", "on 2021-12-30, ISSN 2409-3416"));
        assertEquals("post-Soviet, COVID-19", rules("en", "post-Soviet, COVID-19"));
        assertEquals("30320-240 Belo Horizonte", rules("pt", "30320-240 Belo Horizonte"), "a postcode");
        assertEquals("30320-240 Belo Horizonte",
                PROSE.apply(RichText.of("30320-240 Belo Horizonte"), "pt", false, true).plain(), "not even in a citation");
        assertEquals("the allele bgs1-2 and pp. 12-5", PROSE.apply(RichText.of("the allele bgs1-2 and pp. 12-5"), "en",
                false, true).plain().replace('\u00A0', ' '), "a token with letters; a second number that is smaller");
    }

    @Test
    void textInKeepIsLeftExactlyAsPublished() {
        RichText t = new RichText(List.of(new Inline.Text("pp. 84-100 and "),
                new Inline.Styled(Inline.Style.KEEP, List.of(new Inline.Text("pp. 84-100, \"as is\" 30320-240 internationalization"))),
                new Inline.Text(".")));
        assertEquals("pp._84–100 and pp. 84-100, \"as is\" 30320-240 internationalization.",
                show(PROSE.apply(t, "en", true).plain()).replace("~", ""));
        assertFalse(PROSE.apply(t, "en", true).plain().contains("inter\u00ADna"), "nor hyphenated");
    }

    @Test
    void mismatchedSingleQuotesAreNotPairedWrongly() {
        assertEquals("«Rev» “saúde” pública", rules("es", "\"Rev\" 'saúde' pública"));
        assertEquals("the authors’ view", rules("en", "the authors' view"));
        assertEquals("in the ’90s it", rules("en", "in the '90s it"), "an opening quote nothing closes is an apostrophe");
    }

    @Test
    void aWordWithAHyphenIsNotHyphenatedAgain() {
        assertFalse(hyphenated("en", "post-Soviet transformations").startsWith("post-So~"),
                hyphenated("en", "post-Soviet transformations"));
        assertFalse(hyphenated("ru", "постсоветского пространства").equals("постсоветского пространства"));
    }

    @Test
    void straightQuotesBecomeTheLanguagesQuotes() {
        assertEquals("“emerging” don’t ‘so’", rules("en", "\"emerging\" don't 'so'"));
        assertEquals("«potencia»", rules("es", "\"potencia\""));
        assertEquals("«державы»", rules("ru", "\"державы\""));
        assertEquals("„Wort“", rules("de", "\"Wort\""));
        assertEquals("„słowo”", rules("pl", "\"słowo\""));
        assertEquals("“already curly” stays", rules("es", "“already curly” stays"));
    }

    @Test
    void longWordsGetSoftHyphensInTheirLanguage() {
        assertEquals("re~la~cio~nes bi~la~te~ra~les", hyphenated("es", "relaciones bilaterales"));
        assertEquals("го~су~дар~ства~ми", hyphenated("ru", "государствами"));
        assertEquals("relaciones", rules("es", "relaciones"), "not when the block is not hyphenated");
    }

    @Test
    void urlsDoisEmailsAcronymsAndCodeAreLeftAlone() {
        String text = "see https://example.org/international-relations-of-peru, "
                + "doi:10.46272/2409-3416-2021 or 10.1234/abc-d-e, write to author@example.org about UNESCO";
        String out = hyphenated("en", text);
        assertEquals(text, out.replace("~", ""), "only soft hyphens added");
        assertFalse(out.contains("ex~am") || out.contains("in~ter~na"), out);
        assertFalse(out.contains("UN~") || out.contains("UNES~"), out);
        RichText code = new RichText(List.of(new Inline.Text("the "),
                new Inline.Styled(Inline.Style.MONOSPACE, List.of(new Inline.Text("internationalization"))),
                new Inline.Text(" flag")));
        assertEquals("the internationalization flag", PROSE.apply(code, "en", true).plain());
    }

    @Test
    void linksKeepTheirTextButStillGiveContext() {
        RichText t = new RichText(List.of(new Inline.Text("see \""),
                new Inline.Link("https://example.org", List.of(new Inline.Text("international"))),
                new Inline.Text("\" here")));
        RichText out = PROSE.apply(t, "en", true);
        assertEquals("see “international” here", out.plain());
        assertEquals("https://example.org", ((Inline.Link) out.inlines().get(1)).href());
    }

    @Test
    void rulesWorkAcrossInlineMarkup() {
        RichText t = new RichText(List.of(new Inline.Text("в "),
                new Inline.Styled(Inline.Style.ITALIC, List.of(new Inline.Text("мировой"))), new Inline.Text(" политике")));
        assertEquals("в_мировой политике", show(PROSE.apply(t, "ru", false).plain()));
    }

    @Test
    void urlsBreakAfterSlashesDotsAndHyphensWithoutAHyphen() {
        String url = "https://doi.org/10.46272/2409-3416-2021-9-4-84-100";
        String breakable = Prose.breakableUrl(url);
        assertEquals(url, breakable.replace("\u200B", ""));
        // as xurl: after any character, but not inside the scheme, nor inside a number, nor before the end
        assertTrue(breakable.startsWith("https://\u200Bd\u200Bo\u200Bi\u200B.\u200Bo"), breakable);
        assertTrue(breakable.contains("/\u200B10.46272\u200B/\u200B2409\u200B-\u200B3416"), breakable);
        assertTrue(breakable.endsWith("84\u200B-\u200B100"), breakable);
        String long20 = Prose.breakableUrl("https://example.org/a%20very%20long%20query%20string%20sequence");
        assertTrue(long20.contains("%\u200B20\u200Bv\u200Be"), "a run of %20 escapes breaks anywhere: " + long20);
    }
}
