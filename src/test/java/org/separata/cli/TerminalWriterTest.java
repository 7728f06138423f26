package org.separata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What the command line prints: control characters shown as escapes, the progress bar's own sequence kept. */
class TerminalWriterTest {

    private static String through(String s) throws IOException {
        StringWriter sink = new StringWriter();
        try (TerminalWriter w = new TerminalWriter(sink)) {
            // written in pieces, as PrintWriter and Formatter do
            for (int i = 0; i < s.length(); i += 3) {
                w.write(s, i, Math.min(3, s.length() - i));
            }
        }
        return sink.toString();
    }

    @Test
    void controlAndBidiCharactersAreEscaped() throws IOException {
        assertEquals("a\\u001B[31mred\\u001B[0m\\u0007", through("a\u001b[31mred\u001b[0m\u0007"));
        assertEquals("txt\\u202Egpj.exe", through("txt\u202Egpj.exe"));
        assertEquals("half \\uD800 pair", through("half \uD800 pair"));
        assertEquals("line\\u000Dover", through("line\rover"));
        assertEquals("a\\u009Bb", through("a\u009bb"));
    }

    @Test
    void textNewlinesTabsAndWholeCharactersPassUnchanged() throws IOException {
        String text = "Título: «Перу» \t𝔄 ✓ عربى\nnext line\r\n";
        assertEquals(text, through(text));
    }

    @Test
    void theProgressBarsReturnAndClearIsKeptAndNothingElse() throws IOException {
        assertEquals("\r\u001b[Kreading [##  ] 2/4", through("\r\u001b[Kreading [##  ] 2/4"));
        assertEquals("\\u000D\\u001B[2J", through("\r\u001b[2J"));
        assertEquals("\\u000D\\u001B", through("\r\u001b"));
    }
}
