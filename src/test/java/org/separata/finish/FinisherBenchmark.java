package org.separata.finish;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.pipeline.Offprint;
import org.separata.pipeline.RenderOptions;
import org.separata.pipeline.Separata;
import org.separata.render.PdfRenderer;

/**
 * What finishing costs per offprint, warm: the median (and 90th percentile) over many runs of the
 * whole finisher, of a bare PDFBox load+save of the same bytes, and of the render before it.
 * Not a test; run it after {@code mvn -q -B test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.separata.finish.FinisherBenchmark [runs]
 * </pre>
 */
public final class FinisherBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Separata s = new Separata(World.system());
        PdfFinisher finisher = new PdfFinisher(
                World.system().resource(ResourceRoot.classpath("color"), "sRGB.icc").orElseThrow());
        for (String input : List.of("examples/adins-2021/article.yaml",
                "src/test/resources/cases/full-article/article.yaml")) {
            var read = s.read(Path.of(input));
            var layout = s.layouts().get("classic");
            var xhtml = layout.layout(read.article());
            byte[] raw = PdfRenderer.render(xhtml).bytes();
            Offprint sample = s.render(read, RenderOptions.defaults());
            PdfMetadata meta = PdfMetadata.builder("en", "Benchmark").citation("Benchmark.").build();
            List<OutlineItem> outline = List.of(new OutlineItem("Benchmark", 1, 0, 700));
            Runnable finish = () -> finisher.finish(raw, meta, outline, PdfStandard.PDF_A_2B);
            Runnable loadSave = () -> {
                try (PDDocument d = Loader.loadPDF(raw)) {
                    d.save(new ByteArrayOutputStream(raw.length));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Runnable render = () -> PdfRenderer.render(xhtml);
            System.out.printf("%s: %d pages, %d bytes rendered, %d bytes finished%n", input, sample.pageCount(),
                    raw.length, sample.pdf().length);
            report("  finish (PDF/A-2b)    ", finish, runs);
            report("  PDFBox load+save only", loadSave, runs);
            report("  render (for scale)   ", render, Math.max(10, runs / 4));
        }
    }

    private static void report(String name, Runnable r, int runs) {
        for (int i = 0; i < Math.max(10, runs / 3); i++) {
            r.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%s median %6.1f ms   p90 %6.1f ms   (%d runs)%n", name, ms[runs / 2],
                ms[(int) (runs * 0.9)], runs);
    }
}
