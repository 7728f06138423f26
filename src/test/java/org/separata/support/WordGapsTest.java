package org.separata.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The word-gap checker reproduces the numbers that shared/reference/README.md gives for XeLaTeX. */
class WordGapsTest {

    private static Path reference(String name) {
        Path p = Repo.root().getParent().resolve("shared/reference").resolve(name);
        assumeTrue(Files.exists(p), "the shared reference is beside the repository: " + p);
        return p;
    }

    @Test
    void reproducesXeLaTeXsNumbersOnTheLongReference() throws Exception {
        WordGaps.Stats s = WordGaps.measure(Files.readAllBytes(reference("xelatex-seed-offprint-long.pdf")));
        // README: median 0.27, 95th percentile 0.35, maximum 0.67; 53 lines end in a hyphen
        assertEquals(0.27, s.median(), 0.005, s.toString());
        assertEquals(0.35, s.p95(), 0.005, s.toString());
        assertEquals(0.67, s.max(), 0.008, s.toString());
        assertEquals(53, s.hyphenatedLines(), s.toString());
    }

    @Test
    void measuresTheShortReferenceToo() throws Exception {
        WordGaps.Stats s = WordGaps.measure(Files.readAllBytes(reference("xelatex-seed-offprint.pdf")));
        assertEquals(0.27, s.median(), 0.02, s.toString());
    }
}
