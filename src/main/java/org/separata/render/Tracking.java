package org.separata.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.pdf.ITextFontContext;

/**
 * CSS {@code letter-spacing}, which Flying Saucer 9.13 parses but never applies: it neither measures
 * nor draws it (it only stops justification from spreading letters). Before a document is laid out,
 * each element's computed style is asked for its letter-spacing, and the font of that style, one
 * object per style ({@link TypesetFont}), is told to track by it. From then on the measurer
 * ({@link ShapedWidths}) counts the tracking after every glyph, so lines are broken with it, and the
 * device draws it with PDF's character spacing ({@code Tc}): a line is exactly as wide as laid out.
 *
 * <p>The computed value is CSS's: an {@code em} is the font size of the element that declares it,
 * and descendants inherit the length. Generated content ({@code ::before}, {@code ::after}) keeps
 * its own font untracked, measured and drawn alike.
 */
final class Tracking {

    private Tracking() {
    }

    /**
     * Tracks the fonts of every element of {@code dom} whose letter-spacing is not {@code normal}.
     * Call after {@code setDocument}, before {@code layout}: the styles are those layout will use.
     */
    static void apply(SharedContext context, Document dom) {
        LayoutContext c = context.newLayoutContextInstance(new ITextFontContext());
        walk(context, c, dom.getDocumentElement());
    }

    private static void walk(SharedContext context, LayoutContext c, Element e) {
        CalculatedStyle style = context.getStyle(e);
        if (style.isDisplayNone()) {
            return;
        }
        if (!style.isIdent(CSSName.LETTER_SPACING, IdentValue.NORMAL)) {
            float dots = style.getFloatPropertyProportionalTo(CSSName.LETTER_SPACING, 0, c);
            // the element's own text sits in anonymous boxes, an inline one or an inline inside a
            // block one, whose styles (cached by their parent style, so the very objects layout
            // will take) carry fonts of their own
            CalculatedStyle block = style.createAnonymousStyle(IdentValue.BLOCK);
            for (CalculatedStyle s : new CalculatedStyle[] {style, style.createAnonymousStyle(IdentValue.INLINE),
                    block, block.createAnonymousStyle(IdentValue.INLINE)}) {
                if (s.getFSFont(c) instanceof TypesetFont t) {
                    t.track(dots);
                }
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                walk(context, c, child);
            }
        }
    }
}
