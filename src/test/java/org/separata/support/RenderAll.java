package org.separata.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every article the typography tests judge (examples, test cases, the long articles, the
 * JATS test files and the shared corpus) in the given packs into a folder, in one JVM, so that
 * the pages can be looked at: {@code java -cp … org.separata.support.RenderAll OUTDIR [PACK…]}.
 */
public final class RenderAll {

    private RenderAll() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<String> packs = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("classic", "compact", "modern");
        for (String pack : packs) {
            for (Articles.Input in : Articles.all()) {
                Path pdf = out.resolve(pack + "-" + in.name() + ".pdf");
                try {
                    Files.write(pdf, Rendering.render(in.path(), pack).pdf());
                } catch (RuntimeException e) {
                    System.err.println("FAIL " + pack + " " + in.path() + ": " + e);
                }
            }
        }
    }
}
