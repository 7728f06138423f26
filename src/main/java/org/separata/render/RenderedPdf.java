package org.separata.render;

import java.util.List;
import java.util.Optional;
import org.separata.diag.Diagnostic;
import org.separata.tags.Tag;

/**
 * The renderer's output: the PDF bytes, the number of pages, warnings (missing images, refused
 * URLs), where the outline's targets landed, when the render tagged, the document's structure
 * ({@link Tag}: which element owns which marked content and link annotation), and why the
 * document was laid out more than once ({@code rounds}: one per layout after the first).
 */
public record RenderedPdf(byte[] bytes, int pageCount, List<Diagnostic> warnings, List<Anchor> anchors,
                          Optional<Tag> tags, List<LayoutRound> rounds) {
    public RenderedPdf {
        java.util.Objects.requireNonNull(bytes);
        warnings = List.copyOf(warnings);
        anchors = List.copyOf(anchors);
        java.util.Objects.requireNonNull(tags);
        rounds = List.copyOf(rounds);
    }

    public RenderedPdf(byte[] bytes, int pageCount, List<Diagnostic> warnings, List<Anchor> anchors) {
        this(bytes, pageCount, warnings, anchors, Optional.empty(), List.of());
    }

    public RenderedPdf(byte[] bytes, int pageCount, List<Diagnostic> warnings) {
        this(bytes, pageCount, warnings, List.of());
    }

    /**
     * Where the element with this id was laid out: its page (0-based, within its document), its
     * top-left corner and its size, in PDF points from the page's left and bottom edges.
     */
    public record Anchor(String id, int pageIndex, float left, float top, float width, float height) {
        public float bottom() {
            return top - height;
        }
    }

    /** The position of the element with {@code id}, if the document has one. */
    public Optional<Anchor> anchor(String id) {
        return anchors.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
