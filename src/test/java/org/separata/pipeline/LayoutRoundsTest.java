package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.read.InputReader;
import org.separata.render.LayoutRound;
import org.separata.render.LayoutRound.Reason;
import org.separata.support.PdfGlyphs;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * The renderer lays a document out again for a wide table, for a hyphen at the end of a page and
 * to pull back a last page that holds only the back matter, in one bounded loop that records why
 * ({@link Rendered#layoutRounds()}): each reason shows up where its input calls for it, the reasons
 * compose in one document, and the PDF shows what each round was for.
 */
@Slow
class LayoutRoundsTest {

    /** Layouts of one document at most, the first included (render.LayoutRounds.MAX). */
    private static final int MAX_LAYOUTS = 12;

    @TempDir
    Path dir;

    private static Rendered render(Prepared p) {
        Separata s = Rendering.separata();
        return s.render(s.typeset(p));
    }

    /** The seed with a body of {@code k} paragraphs, in {@code pack}. */
    static Prepared seedWith(int k, String pack) {
        String manifest = TestIssues.seedWithBody(k);
        return Rendering.separata().prepare(InputReader.read(manifest.getBytes(StandardCharsets.UTF_8), "seed.yaml"),
                new RenderOptions(pack, false));
    }

    /** The rounds are bounded, in the loop's order, and tightening is kept only when it saved a page. */
    private static void wellFormed(String what, Rendered r) {
        List<LayoutRound> rounds = r.layoutRounds();
        assertTrue(rounds.size() + 1 <= MAX_LAYOUTS, what + ": " + rounds);
        int tighten = indexOf(rounds, Reason.TIGHTEN);
        int untighten = indexOf(rounds, Reason.UNTIGHTEN);
        if (tighten >= 0) {
            assertTrue(rounds.subList(tighten, rounds.size()).stream().noneMatch(x -> x.reason() == Reason.WIDE_TABLE),
                    what + ": wide tables are settled before tightening: " + rounds);
            int before = rounds.get(tighten).pages();
            if (untighten >= 0) {
                assertEquals(rounds.size() - 1, untighten, what + ": taking tightening back is the last round: " + rounds);
                assertEquals(before, r.pageCount(), what + ": back to the pages before tightening");
            } else {
                assertTrue(r.pageCount() < before, what + ": tightening kept only if it saves a page: " + rounds);
            }
        } else {
            assertTrue(untighten < 0, what + ": " + rounds);
        }
    }

    private static int indexOf(List<LayoutRound> rounds, Reason reason) {
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).reason() == reason) {
                return i;
            }
        }
        return -1;
    }

    private static boolean has(Rendered r, Reason reason) {
        return indexOf(r.layoutRounds(), reason) >= 0;
    }

    @Test
    void aWideTableGetsItsRoundAndItsLandscapePage() throws Exception {
        Rendered r = render(Rendering.separata().prepare(Repo.file("src/test/resources/content/wide-table.xml"),
                RenderOptions.defaults()));
        wellFormed("wide table", r);
        assertTrue(has(r, Reason.WIDE_TABLE), r.layoutRounds().toString());
        try (PdfInspector p = new PdfInspector(Rendering.separata().finish(r).pdf())) {
            boolean landscape = false;
            for (int n = 1; n <= p.pageCount(); n++) {
                float[] size = PdfGlyphs.size(p.document().getPage(n - 1));
                landscape |= size[0] > size[1] && p.pageText(n).contains("cell-1-1");
            }
            assertTrue(landscape, "the table's page is landscape");
        }
    }

    @Test
    void theBackMatterAloneOnALastPageIsTightenedOrTakenBack() throws Exception {
        // the seed with one paragraph more each time: the back matter falls at every place of a page
        List<String> tightened = new ArrayList<>();
        for (int k = 1; k <= 14; k++) {
            Rendered r = render(seedWith(k, "classic"));
            wellFormed("seed with " + k + " paragraphs", r);
            if (has(r, Reason.TIGHTEN)) {
                tightened.add(k + (has(r, Reason.UNTIGHTEN) ? " (taken back)" : " (kept)"));
            }
        }
        assertTrue(tightened.stream().anyMatch(t -> t.endsWith("(kept)")), "some body length tightens: " + tightened);
    }

    @Test
    void aPageEndingWithAHyphenGetsItsRound() {
        // the long articles in every pack: some page of some of them ends with a hyphen when first laid out
        List<String> with = new ArrayList<>();
        for (String pack : List.of("classic", "compact", "modern")) {
            for (String lang : List.of("en", "es", "ru")) {
                Rendered r = render(Rendering.separata().prepare(
                        Repo.file("src/test/resources/typography/long-" + lang + ".yaml"), new RenderOptions(pack, false)));
                wellFormed(pack + " long-" + lang, r);
                if (has(r, Reason.PAGE_END_HYPHEN)) {
                    with.add(pack + " long-" + lang);
                }
            }
        }
        assertFalse(with.isEmpty(), "no long article ends a page with a hyphen in its first layout");
    }

    @Test
    void aWideTableAndTighteningComposeInOneDocument() throws Exception {
        // the wide-table article with more and more text after the table: the table gets its
        // landscape page first, then, where the how-to-cite line is left alone on the last page,
        // the article is set tighter, all in one loop
        String xml = Files.readString(Repo.file("src/test/resources/content/wide-table.xml"), StandardCharsets.UTF_8);
        String para = "<p>" + TestIssues.PARAGRAPH.replace("Rusia", "Russia") + "</p>\n";
        List<String> seen = new ArrayList<>();
        boolean both = false;
        for (int k = 4; k <= 40 && !both; k += 2) {
            Path f = dir.resolve("wide-" + k + ".xml");
            Files.writeString(f, xml.replace("<p>Text after the table.</p>", para.repeat(k)), StandardCharsets.UTF_8);
            Rendered r = render(Rendering.separata().prepare(f, RenderOptions.defaults()));
            wellFormed("wide table and " + k + " paragraphs", r);
            assertTrue(has(r, Reason.WIDE_TABLE), k + ": " + r.layoutRounds());
            both = has(r, Reason.TIGHTEN);
            seen.add(k + ": " + r.layoutRounds().stream().map(x -> x.reason().name()).toList());
        }
        assertTrue(both, "no length of text tightened the wide-table article: " + seen);
    }
}
