package org.separata.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theBarRedrawsOneLineWithCountsElapsedAndEta() {
        StringWriter out = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress p = Progress.bar(new PrintWriter(out), clock::get);
        p.start("offprints", 4);
        clock.set(2_000_000_000L);
        p.done("a.yaml", true, "84-85");
        clock.set(4_000_000_000L);
        p.done("b.yaml", false, "wrong check digit");
        p.finish();
        String s = out.toString();
        assertTrue(s.contains("\r"), "redrawn in place");
        assertTrue(s.contains("1/4  2.0 s elapsed  ETA 6.0 s"), s);
        assertTrue(s.contains("2/4  4.0 s elapsed  ETA 4.0 s"), s);
        assertTrue(s.contains("failed: b.yaml (wrong check digit)\n"), "failures stay on screen: " + s);
    }

    @Test
    void theBarMovesBeforeTheFirstItemEnds() throws Exception {
        StringWriter out = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress p = Progress.bar(new PrintWriter(out), clock::get);
        p.start("reading", 4);
        p.begin("a.yaml");
        p.begin("b.yaml");
        String s = out.toString();
        // two of four under way count as one of four done: a quarter of the 30 cells
        assertTrue(s.contains("[-------                       ] 0/4 (2 running)"), s);
        // with nothing finished, it is redrawn as time passes: its clock moves
        clock.set(3_000_000_000L);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!out.toString().contains("3.0 s elapsed") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(out.toString().contains("0/4 (2 running)  3.0 s elapsed  ETA …"), out.toString());
        p.done("a.yaml", true, "2 pages");
        assertTrue(out.toString().contains("[#######----                   ] 1/4 (1 running)"), out.toString());
        p.finish();
    }

    @Test
    void logLinesAreOnePerItem() {
        StringWriter out = new StringWriter();
        Progress p = Progress.log(new PrintWriter(out), () -> 0L);
        p.start("reading", 2);
        p.done("a.yaml", true, "2 pages");
        p.done("b.yaml", false, "no such file");
        p.finish();
        String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length, out.toString());
        assertEquals("reading 1/2 ok a.yaml: 2 pages (0.0 s)", lines[1]);
        assertEquals("reading 2/2 FAILED b.yaml: no such file (0.0 s)", lines[2]);
        assertTrue(!out.toString().contains("\r"));
    }
}
