package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.separata.support.Baselines;
import org.separata.support.Baselines.Line;
import org.separata.support.Baselines.Step;
import org.separata.support.Rendering;
import org.separata.support.Slow;

/**
 * Inside a paragraph every line stands the same distance below the one before, also when a line
 * holds a symbol from the symbols font (≤, set in Noto Sans Math) kept with its number by the
 * layout's glue (an inline-block), and when the paragraph begins at the top of a page after one
 * that filled the page before. Flying Saucer lays such an inline-block out at the top of its
 * paragraph, left behind in the last sliver of the page before, and grew it by that sliver (up to
 * a line of gap: issue 12, the SciELO article 0034-7094-rba-69-03-0227 on page 3). Baselines are
 * read back from the PDF; which lines form a paragraph comes from the input (each begins with
 * "Finding N.").
 */
@Slow
class LineSpacingTest {

    /** Paragraphs of two to four lines, each ending in a comparison set with ≤ (and one with ≥). */
    static String manifest() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            if (i % 5 == 0) {
                // a heading now and then moves the paragraphs against the page ends
                body.append("  - title: Findings from group ").append(i).append(" on\n    text: |\n");
            }
            body.append("      Finding ").append(i).append(". The episodes related to pain intensity, type and ")
                    .append("anatomical location were compared in group ").append(i).append(". ")
                    .append("Each gender and age group was counted for every site and treatment. ".repeat(i % 3))
                    .append(i % 4 == 0 ? "The scores were ≥3 in most patients of this group. " : "")
                    .append("The probability <i>p</i> (2 tails) was recognized as significant when ≤0.05.\n")
                    .append("      \n");
        }
        body.append("      End of the findings.\n");
        return """
                journal:
                  title: Journal of Even Lines
                titles:
                  - lang: en
                    text: Lines at an even distance
                body:
                  - title: Findings
                    text: |
                """ + body;
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "compact", "modern"})
    void linesOfAParagraphStandAtOneDistanceWhereverItBegins(String pack) {
        List<Line> lines = Baselines.lines(Rendering.renderText(manifest(), "even.yaml", pack).pdf());
        List<List<Line>> paragraphs = Baselines.paragraphs(lines, "Finding ", "End of the findings");
        assertEquals(60, paragraphs.size(), "every paragraph of the input is found");

        List<Step> steps = new ArrayList<>();
        paragraphs.forEach(p -> steps.addAll(Baselines.steps(p)));
        // the distance most steps have, to a tenth of a point
        float usual = steps.stream().collect(Collectors.groupingBy(s -> Math.round(s.distance() * 10) / 10f,
                Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> uneven = new ArrayList<>();
        for (Step s : steps) {
            // the renderer places lines on a grid of 1/26.7 pt; rounding moves a line by one step at most
            if (Math.abs(s.distance() - usual) > 0.05f) {
                uneven.add(s.toString());
            }
        }
        assertTrue(uneven.isEmpty(), pack + ": lines of one paragraph at " + usual + " pt, but " + uneven);

        // the case that went wrong is in the input: a paragraph that begins at the top of a page,
        // after one that ends at the foot of the page before, holding a symbol on a later line there
        int atTop = 0;
        for (int i = 1; i < paragraphs.size(); i++) {
            List<Line> before = paragraphs.get(i - 1);
            List<Line> p = paragraphs.get(i);
            boolean beginsPage = before.get(before.size() - 1).page() < p.get(0).page();
            if (beginsPage && p.stream().skip(1).anyMatch(l -> l.page() == p.get(0).page() && l.text().contains("≤"))) {
                atTop++;
            }
        }
        assertTrue(atTop > 0, pack + ": some paragraph should begin a page and hold '≤' below its first line");
    }
}
