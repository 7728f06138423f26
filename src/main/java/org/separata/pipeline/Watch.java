package org.separata.pipeline;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.Words;

/**
 * Renders an article, and again each time the input, its journal profile (or the place one would
 * appear), the profile's logo or a layout pack kept in a folder changes. After each render it
 * reports one line with the time and the pages; a render that fails reports its diagnostics and
 * the watch goes on, so a typo fixed in the editor shows in the next PDF.
 */
public final class Watch {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where changes come from: {@code World.awaitChange} in real use, a scripted list in tests. */
    @FunctionalInterface
    public interface ChangeSource {
        /**
         * Blocks until one of {@code files} differs from {@code since} (their state before the last
         * render began, from {@code World.stamp}) and returns the ones that do. Comparing with the
         * state before the render, not after it, catches an edit made while the render ran.
         */
        List<Path> awaitChange(List<Path> files, Map<Path, String> since) throws InterruptedException;
    }

    private final Separata separata;
    private final ChangeSource changes;

    public Watch(Separata separata, ChangeSource changes) {
        this.separata = separata;
        this.changes = changes;
    }

    /**
     * Renders {@code input} to {@code output}, then waits for changes and renders again, until
     * {@code maxRenders} renders are done or the thread is interrupted.
     *
     * @param lines    receives one line per render: "12:04:31  wrote out.pdf (3 pages)"
     * @param problems receives the warnings and errors of each render
     * @return the number of renders that succeeded
     */
    public int run(Path input, Path output, RenderOptions options, Consumer<String> lines,
                   Consumer<Diagnostic> problems, int maxRenders) {
        int ok = 0;
        String cause = "";
        Map<Path, String> before = Map.of();
        for (int i = 0; i < maxRenders; i++) {
            if (i > 0) {
                try {
                    List<Path> changed = changes.awaitChange(watched(input, output, options), before);
                    cause = String.join(", ", changed.stream().map(p -> p.getFileName().toString()).toList())
                            + " changed; ";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            before = separata.world().stamp(watched(input, output, options));
            if (renderOnce(input, output, options, cause, lines, problems)) {
                ok++;
            }
        }
        return ok;
    }

    /**
     * What a render depends on, less what the watch itself writes: the PDF, and the temporary file
     * it is written through, may lie inside a watched layout folder, and must not start a render.
     */
    private List<Path> watched(Path input, Path output, RenderOptions options) {
        Path out = output.toAbsolutePath().normalize();
        String temporary = "." + out.getFileName() + ".";
        return separata.dependencies(input, options).stream().filter(p -> {
            Path abs = p.toAbsolutePath().normalize();
            String name = String.valueOf(abs.getFileName());
            return !abs.equals(out) && !(java.util.Objects.equals(abs.getParent(), out.getParent())
                    && name.startsWith(temporary) && name.endsWith(".part"));
        }).toList();
    }

    private boolean renderOnce(Path input, Path output, RenderOptions options, String cause,
                               Consumer<String> lines, Consumer<Diagnostic> problems) {
        try {
            Offprint offprint = separata.render(input, options);
            separata.world().writeAtomically(output, offprint.pdf());
            offprint.warnings().forEach(problems);
            lines.accept(time() + "  " + cause + "wrote " + output + " (" + Words.count(offprint.pageCount(), "page")
                    + ")");
            return true;
        } catch (SeparataException e) {
            e.diagnostics().forEach(problems);
            long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
            lines.accept(time() + "  " + cause + "not written: " + Words.count(errors, "error") + "; watching for changes");
            return false;
        }
    }

    private String time() {
        return separata.world().now().format(TIME);
    }
}
