package org.separata.render;

import com.lowagie.text.pdf.BaseFont;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.fonts.FontFace;
import org.separata.fonts.FontFamily;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.css.value.FontSpecification;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.pdf.TrueTypeUtil;

/**
 * Turns the layout's font families into Flying Saucer font families, once per process: each face is
 * parsed by OpenPDF from the bytes already in memory (never re-read from disk), embedded as a
 * subset with Identity-H encoding, which gives every font a ToUnicode map.
 */
final class PdfFonts {

    private static final Map<String, org.xhtmlrenderer.pdf.FontFamily> FAMILIES = new ConcurrentHashMap<>();
    /** Each face's OpenPDF font, and back: formulas draw with the faces of the text around them. */
    private static final Map<String, BaseFont> BY_FACE = new ConcurrentHashMap<>();
    private static final Map<BaseFont, FontFamily> FAMILY_OF = new ConcurrentHashMap<>();
    private static final Map<BaseFont, FontFace> FACE_OF = new ConcurrentHashMap<>();

    /** The face an OpenPDF font was made from (its bytes shape right-to-left text, {@link ComplexText}). */
    static java.util.Optional<FontFace> faceOf(BaseFont font) {
        return java.util.Optional.ofNullable(FACE_OF.get(font));
    }

    /** The OpenPDF font of a face, once its family has been loaded. */
    static java.util.Optional<BaseFont> baseFont(FontFace face) {
        return java.util.Optional.ofNullable(BY_FACE.get(face.id()));
    }

    /** The family an OpenPDF font belongs to. */
    static java.util.Optional<FontFamily> familyOf(BaseFont font) {
        return java.util.Optional.ofNullable(FAMILY_OF.get(font));
    }

    private PdfFonts() {
    }

    static org.xhtmlrenderer.pdf.FontFamily family(FontFamily family) {
        return FAMILIES.computeIfAbsent(family.id(), id -> build(family));
    }

    private static org.xhtmlrenderer.pdf.FontFamily build(FontFamily family) {
        org.xhtmlrenderer.pdf.FontFamily fs = newFamily(family.name());
        for (FontFace face : family.faces()) {
            try {
                BaseFont font = BaseFont.createFont(face.fileName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                        face.bytes(), null);
                font.setSubset(true);
                BY_FACE.put(face.id(), font);
                FAMILY_OF.put(font, family);
                FACE_OF.put(font, face);
                ShapedWidths.register(font, face.shaper());
                readAlternatesAs(font, face.shaper().alternateGlyphs());
                IdentValue weight = face.weight() >= 600 ? IdentValue.BOLD : IdentValue.NORMAL;
                IdentValue style = face.italic() ? IdentValue.ITALIC : IdentValue.NORMAL;
                FontDescription d = TrueTypeUtil.extractDescription(face.fileName(), face.bytes(), font, false, weight,
                        style);
                fs.addFontDescription(d);
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the font " + face.fileName() + ": " + e.getMessage(), e);
            }
        }
        return fs;
    }

    /**
     * Flying Saucer's font family has a package-private constructor: its resolver only builds
     * families from font files on disk (or from CSS @font-face, parsing the font again for every
     * document). Calling the constructor reflectively lets fonts be parsed once, from bytes.
     */
    private static org.xhtmlrenderer.pdf.FontFamily newFamily(String name) {
        try {
            java.lang.reflect.Constructor<org.xhtmlrenderer.pdf.FontFamily> c =
                    org.xhtmlrenderer.pdf.FontFamily.class.getDeclaredConstructor(String.class);
            c.setAccessible(true);
            return c.newInstance(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this version of Flying Saucer has no FontFamily(String) constructor", e);
        }
    }

    /**
     * Small capitals and local forms are glyphs no code point maps to. OpenPDF writes a glyph's
     * entry in the font's ToUnicode map from its own inverse of the cmap, so each such glyph is
     * added to that inverse with the code point of the letter it stands for: copied text then reads
     * the letters (and PDF/UA's rule that every glyph maps to Unicode holds). OpenPDF keeps the
     * inverse in a field of a package-private class, reached reflectively; if it cannot be, the
     * glyphs are still drawn, without ToUnicode entries.
     */
    @SuppressWarnings("unchecked")
    private static void readAlternatesAs(BaseFont font, Map<Integer, Integer> alternates) {
        if (alternates.isEmpty()) {
            return;
        }
        try {
            java.lang.reflect.Field f = font.getClass().getDeclaredField("inverseCmap");
            f.setAccessible(true);
            Map<Integer, Integer> inverse = (Map<Integer, Integer>) f.get(font);
            if (inverse != null) {
                alternates.forEach(inverse::putIfAbsent);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // drawn without a ToUnicode entry
        }
    }

    /** The suffix of a family's name that sets it with small capitals: "Noto Serif Small Caps". */
    static final String SMALL_CAPS = " Small Caps";

    /**
     * A font resolver that knows only the given families, under their names and under the generic
     * CSS names: "serif" is the first family, "sans-serif" the one named sans, "monospace" the
     * last. The 14 standard PDF fonts are never loaded, so nothing can fall back to them.
     */
    static ITextFontResolver resolver(List<FontFamily> families, FontFamily serif, FontFamily sans, FontFamily mono) {
        Map<String, org.xhtmlrenderer.pdf.FontFamily> map = new HashMap<>();
        for (FontFamily f : families) {
            map.put(f.name(), family(f));
            map.put(f.name() + SMALL_CAPS, family(f));
        }
        map.put("Serif", family(serif));
        map.put("SansSerif", family(sans));
        map.put("Monospaced", family(mono));
        map.put("Dialog", family(sans));
        map.put("DialogInput", family(mono));
        return new FixedFontResolver(map);
    }

    private static final class FixedFontResolver extends ITextFontResolver {
        private final Map<String, org.xhtmlrenderer.pdf.FontFamily> families;

        FixedFontResolver(Map<String, org.xhtmlrenderer.pdf.FontFamily> families) {
            this.families = families;
        }

        @Override
        protected Map<String, org.xhtmlrenderer.pdf.FontFamily> loadFonts() {
            return new HashMap<>(families);
        }

        /** Each style gets a font object of its own, to carry per-style settings ({@link TypesetFont}). */
        @Override
        public FSFont resolveFont(SharedContext context, FontSpecification spec) {
            FSFont f = super.resolveFont(context, spec);
            return f instanceof ITextFSFont i ? new TypesetFont(i.getFontDescription(), i.getSize2D(), smallCaps(spec)) : f;
        }

        /**
         * A family named with {@link #SMALL_CAPS} sets lower-case letters as small capitals. Flying
         * Saucer turns text in {@code font-variant: small-caps} into capitals before measuring it,
         * so there every letter becomes a small capital.
         */
        private int smallCaps(FontSpecification spec) {
            if (spec.families != null) {
                for (String name : spec.families) {
                    String n = name.replace("\"", "").replace("'", "").strip();
                    if (families.containsKey(n)) {
                        if (n.endsWith(SMALL_CAPS)) {
                            return org.separata.fonts.FontShaper.SMALL_CAPS;
                        }
                        break;
                    }
                }
            }
            return spec.variant == IdentValue.SMALL_CAPS ? org.separata.fonts.FontShaper.ALL_SMALL_CAPS
                    : org.separata.fonts.FontShaper.NO_SMALL_CAPS;
        }
    }
}
