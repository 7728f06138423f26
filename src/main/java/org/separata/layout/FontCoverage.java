package org.separata.layout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.separata.fonts.FontFace;
import org.separata.fonts.FontFamily;

/**
 * Which of a pack's fonts can draw a character. Flying Saucer uses one font per run of text and
 * has no fallback of its own, so a character every text face lacks (U+2264 ≤, U+2212 −…) is
 * drawn from the pack's {@code symbols} family, when it has one: the layout wraps such characters
 * of rich text in a run of their own ({@link #needsSymbols(int)}).
 */
final class FontCoverage {

    /** The font role of the fallback family in {@code layout.yaml}. */
    static final String SYMBOLS = "symbols";

    private final List<FontFace> text;
    private final List<FontFace> symbols;

    private FontCoverage(List<FontFace> text, List<FontFace> symbols) {
        this.text = List.copyOf(text);
        this.symbols = List.copyOf(symbols);
    }

    static FontCoverage of(LayoutPack pack) {
        List<FontFace> text = new ArrayList<>();
        List<FontFace> symbols = new ArrayList<>();
        FontFamily fallback = pack.fonts().get(SYMBOLS);
        for (Map.Entry<String, FontFamily> e : pack.fonts().entrySet()) {
            // the symbols family is the fallback; the monospaced one sets only code, whose
            // characters are not checked against it (the text faces decide what the rules put in)
            if (!e.getKey().equals(SYMBOLS) && !e.getKey().equals("mono")) {
                for (FontFace f : e.getValue().faces()) {
                    if (!text.contains(f)) {
                        text.add(f);
                    }
                }
            }
        }
        if (fallback != null) {
            symbols.addAll(new LinkedHashSet<>(fallback.faces()));
        }
        return new FontCoverage(text, symbols);
    }

    /** The text faces (every family but the symbols one) that lack {@code cp}. */
    List<FontFace> lacking(int cp) {
        return text.stream().filter(f -> !f.covers(cp)).toList();
    }

    /** Whether the symbols family draws {@code cp}. */
    boolean inSymbols(int cp) {
        return symbols.stream().anyMatch(f -> f.covers(cp));
    }

    /** Whether {@code cp} must be set in the symbols family: some text face lacks it, and it has it. */
    boolean needsSymbols(int cp) {
        return !symbols.isEmpty() && text.stream().anyMatch(f -> !f.covers(cp)) && inSymbols(cp);
    }

    List<FontFace> symbolFaces() {
        return symbols;
    }
}
