package org.separata.layout;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.separata.fonts.FontFamily;

/**
 * What the layout stage hands to the renderer: a well-formed XHTML document, the files it may
 * refer to (by relative name: the generated stylesheet and the pack's assets, nothing else), the
 * fonts to use, the page number of its first page, and the outline: entries whose ids the
 * template has put on their target elements, for the renderer to place on pages. {@code fallbacks}
 * are the families, in order, that a character the layout's fonts lack is set in (they are among
 * {@code fonts} too).
 */
public record XhtmlDocument(String xhtml, Function<String, Optional<byte[]>> resources, List<FontFamily> fonts,
                            int firstPageNumber, String packName, List<OutlineEntry> outline,
                            List<FontFamily> fallbacks) {
    public XhtmlDocument {
        java.util.Objects.requireNonNull(xhtml);
        java.util.Objects.requireNonNull(resources);
        fonts = List.copyOf(fonts);
        outline = List.copyOf(outline);
        fallbacks = List.copyOf(fallbacks);
    }

    /** A document without fallback fonts. */
    public XhtmlDocument(String xhtml, Function<String, Optional<byte[]>> resources, List<FontFamily> fonts,
                         int firstPageNumber, String packName, List<OutlineEntry> outline) {
        this(xhtml, resources, fonts, firstPageNumber, packName, outline, List.of());
    }

    /** A document without an outline. */
    public XhtmlDocument(String xhtml, Function<String, Optional<byte[]>> resources, List<FontFamily> fonts,
                         int firstPageNumber, String packName) {
        this(xhtml, resources, fonts, firstPageNumber, packName, List.of(), List.of());
    }
}
