package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.separata.batch.IssueBuilder;
import org.separata.batch.IssueOptions;
import org.separata.batch.Progress;
import org.separata.batch.Shard;
import org.separata.support.PdfGlyphs;
import org.separata.support.PdfGlyphs.Glyph;
import org.separata.support.Poppler;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;
import org.separata.support.TestIssues;

/**
 * CSS {@code letter-spacing} read back from the PDF: the space a tracked run's letters keep
 * between them (the distance from one glyph's origin to the next, less the first glyph's width) is
 * the tracking its layout's CSS asks for, and untracked text keeps none; tracked text is measured
 * as it is drawn, so a centred tracked line is centred; copied text reads without spaces.
 */
@Slow
class TrackingTest {

    @TempDir
    static Path dir;

    @Test
    void theMastheadIsTrackedAsItsCssSays() throws IOException {
        float[] css = css(Repo.file("layouts/classic/style.css"), ".mh-journal");
        byte[] pdf = Rendering.render(Repo.seed(), "classic").pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Glyph> page = PdfGlyphs.glyphs(doc, 1);
            // the seed's journal, upper-cased by the pack
            List<Glyph> journal = run(page, "CUADERNOSIBEROAMERICANOS");
            assertEquals(css[0] * css[1], medianGap(journal), 0.05, "0.06em of 10.5pt");
            List<Glyph> doi = run(page, "https://doi.org/10.46272/2409-3416-2021-9-4-84-100");
            assertEquals(0, medianGap(doi), 0.05, "the DOI line is not tracked");
        }
        assertTrue(Poppler.run("pdftotext", pdf, "-f", "1", "-l", "1").contains("CUADERNOS IBEROAMERICANOS"),
                "copied text has no spaces between tracked letters");
    }

    @Test
    void aCentredTrackedLineIsCentred() throws Exception {
        float[] css = css(Repo.file("layouts/lib/base.css"), ".cover-journal");
        Path issue = TestIssues.issueOf(Files.createDirectories(dir.resolve("in")), 1, false);
        IssueOptions o = new IssueOptions(dir.resolve("out"), 1,
                RenderOptions.defaults().withLayout(Optional.of("classic")), Optional.empty(), false, false, Shard.ALL);
        var r = new IssueBuilder(Rendering.separata(), Progress.NONE, d -> { }).build(issue, o);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(r.issuePdf().orElseThrow()))) {
            List<Glyph> cover = PdfGlyphs.glyphs(doc, 1);
            List<Glyph> journal = run(cover, "CUADERNOSIBEROAMERICANOS");
            float gap = css[0] * css[1];
            assertEquals(gap, medianGap(journal), 0.1, "0.06em of 26pt");
            // its last line, which ends in a letter (a line that ends at a word space stands half
            // that space to the left, tracked or not)
            Glyph last = journal.get(journal.size() - 1);
            List<Glyph> line = journal.stream().filter(g -> Math.abs(g.y() - last.y()) < 0.5).toList();
            assertTrue(line.size() >= "IBEROAMERICANOS".length(), line.toString());
            // CSS tracks after every letter, the last too: the ink stands half a gap left of centre
            float centre = (line.get(0).x() + last.right() + gap) / 2;
            float pageCentre = PdfGlyphs.size(doc.getPage(0))[0] / 2;
            // measured untracked, the line would stand (15 letters × gap) / 2 ≈ 12 pt to the right
            assertEquals(pageCentre, centre, 1.5, "the tracked journal title is centred on the cover");
        }
    }

    /** The font size (pt) and letter-spacing (em) a rule of {@code css} gives {@code selector}. */
    private static float[] css(Path css, String selector) throws IOException {
        String text = Files.readString(css, StandardCharsets.UTF_8);
        Matcher rule = Pattern.compile(Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(text);
        assertTrue(rule.find(), selector);
        Matcher size = Pattern.compile("font-size:\\s*([0-9.]+)pt").matcher(rule.group(1));
        Matcher spacing = Pattern.compile("letter-spacing:\\s*([0-9.]+)em").matcher(rule.group(1));
        assertTrue(size.find() && spacing.find(), rule.group(1));
        return new float[] {Float.parseFloat(size.group(1)), Float.parseFloat(spacing.group(1))};
    }

    /** The glyphs of the first run that reads {@code letters} (spaces drawn or not left out). */
    private static List<Glyph> run(List<Glyph> page, String letters) {
        List<Glyph> visible = page.stream().filter(g -> !g.text().isBlank()).toList();
        for (int k = 0; k + letters.length() <= visible.size(); k++) {
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < letters.length(); i++) {
                t.append(visible.get(k + i).text());
            }
            if (t.toString().equals(letters)) {
                return visible.subList(k, k + letters.length());
            }
        }
        throw new AssertionError("no run " + letters + " in " + page.stream().map(Glyph::text).toList());
    }

    /** The median space between neighbouring letters of a run, on one line and in one word. */
    private static float medianGap(List<Glyph> run) {
        List<Float> gaps = new ArrayList<>();
        for (int i = 0; i + 1 < run.size(); i++) {
            Glyph a = run.get(i);
            Glyph b = run.get(i + 1);
            float gap = b.x() - a.right();
            if (Math.abs(a.y() - b.y()) < 0.5 && gap < a.width()) { // not across a word space
                gaps.add(gap);
            }
        }
        gaps.sort(null);
        assertTrue(gaps.size() > 5, "letters measured: " + gaps);
        return gaps.get(gaps.size() / 2);
    }
}
