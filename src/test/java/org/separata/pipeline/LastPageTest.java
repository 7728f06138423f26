package org.separata.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.separata.layout.PageGeometry;
import org.separata.support.PdfInspector;
import org.separata.support.Rendering;
import org.separata.support.Repo;
import org.separata.support.Slow;

/**
 * No offprint ends with a page that holds only the how-to-cite line and the licence: the seed is
 * rendered with a body of one paragraph more each time, so that the back block falls at every
 * place of a page in turn, in all three packs, and each last page is read back.
 */
@Slow
class LastPageTest {

    private static final String PARAGRAPH = "Desde el comienzo del siglo XXI, Rusia ha intentado recuperar su estatus de gran "
            + "potencia en la política mundial, dejando atrás el perfil ideológico que la caracterizó durante la época "
            + "soviética. Si bien es cierto que la influencia rusa en América Latina todavía está lejos de alcanzar los "
            + "niveles de los Estados Unidos, la Unión Europea o China, Moscú ha logrado recientemente aumentar su "
            + "presencia en la región.";

    @Test
    void theBackMatterNeverStandsAloneOnTheLastPage() throws IOException {
        String seed = Files.readString(Repo.seed(), StandardCharsets.UTF_8);
        int at = seed.indexOf("\nreferences:");
        List<String> alone = new ArrayList<>();
        for (String pack : List.of("classic", "compact", "modern")) {
            PageGeometry g = Rendering.separata().layouts().get(pack).pack().page();
            double mm = 72 / 25.4;
            for (int k = 1; k <= 14; k++) {
                String body = "body:\n  - title: Introducción\n    text: |\n" + ("      " + PARAGRAPH + "\n\n").repeat(k);
                String manifest = seed.substring(0, at + 1) + body + seed.substring(at + 1);
                var options = new org.separata.pipeline.RenderOptions(pack, false);
                byte[] pdf = Rendering.separata().render(org.separata.read.InputReader.read(
                        manifest.getBytes(StandardCharsets.UTF_8), "seed.yaml"), options).pdf();
                try (PdfInspector in = new PdfInspector(pdf)) {
                    int last = in.pageCount();
                    String lastBody = PdfInspector.flat(in.textInArea(last, 0, (float) (g.top() * mm), (float) (g.width() * mm),
                            (float) ((g.height() - g.top() - g.bottom()) * mm)));
                    if (lastBody.startsWith("Cómo citar") || lastBody.startsWith("For citation")) {
                        alone.add(pack + " with " + k + " paragraphs: " + lastBody);
                    }
                }
            }
        }
        assertTrue(alone.isEmpty(), alone.size() + " last pages with only the how-to-cite line and licence: " + alone);
    }
}
