package org.separata.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.separata.model.MathNode;

/**
 * The math layout on fonts whose every glyph is 0.5 em wide, 0.7 em high and 0.2 em deep, and
 * whose regular face lacks only the operators a math font has: where things go follows from
 * these numbers, whatever real font the renderer gives.
 */
class MathLayoutTest {

    private static final String MATH_ONLY = "∑∫√−∂⟨⟩";

    private static final MathLayout.Metrics METRICS = new MathLayout.Metrics() {
        @Override
        public boolean has(MathLayout.Font font, int cp) {
            return font == MathLayout.Font.MATH || MATH_ONLY.indexOf(cp) < 0;
        }

        @Override
        public double[] box(MathLayout.Font font, int cp) {
            return new double[] {0.5, 0.7, 0.2};
        }
    };

    private static MathNode mi(String s) {
        return MathNode.token("mi", s);
    }

    private static MathNode mn(String s) {
        return MathNode.token("mn", s);
    }

    private static MathNode mo(String s) {
        return MathNode.token("mo", s);
    }

    private static MathNode el(String name, MathNode... kids) {
        return MathNode.of(name, List.of(kids));
    }

    private static MathLayout.Result layout(MathNode n, boolean display) {
        return new MathLayout(METRICS).layout(n, 10, display);
    }

    private static MathLayout.Glyphs glyph(MathLayout.Result r, String text) {
        return r.items().stream().filter(i -> i instanceof MathLayout.Glyphs g && g.text().equals(text))
                .map(i -> (MathLayout.Glyphs) i).findFirst().orElseThrow(() -> new AssertionError(text + " in " + r));
    }

    @Test
    void lettersAreItalicNumbersAndNamesUpright() {
        MathLayout.Result r = layout(el("math", mi("x"), mo("+"), mn("2"), mi("sin"), mi("Γ")), false);
        assertEquals(MathLayout.Font.ITALIC, glyph(r, "x").font());
        assertEquals(MathLayout.Font.REGULAR, glyph(r, "2").font());
        assertEquals(MathLayout.Font.REGULAR, glyph(r, "sin").font());
        assertEquals(MathLayout.Font.REGULAR, glyph(r, "Γ").font(), "capital Greek is upright");
        assertEquals(MathLayout.Font.BOLD, glyph(layout(new MathNode("mi", Map.of("mathvariant", "bold"), List.of(),
                "v"), false), "v").font(), "a bold vector");
    }

    @Test
    void binaryOperatorsAndRelationsAreSpacedLikeTeX() {
        MathLayout.Result r = layout(el("math", mi("a"), mo("+"), mi("b"), mo("="), mi("c")), false);
        double a = glyph(r, "a").x();
        double plus = glyph(r, "+").x();
        double b = glyph(r, "b").x();
        double eq = glyph(r, "=").x();
        double c = glyph(r, "c").x();
        // glyphs 5 pt wide; medium space 4/18 em, thick 5/18 em at 10 pt
        assertEquals(4 / 18.0 * 10, plus - (a + 5 + 0.4), 0.01);
        assertEquals(5 / 18.0 * 10, c - (eq + 5), 0.01);
        assertTrue(eq - (b + 5) > plus - (a + 5), "a relation gets more room than a binary operator");
        MathLayout.Result sign = layout(el("math", mo("−"), mi("x")), false);
        assertEquals(5, glyph(sign, "x").x() - glyph(sign, "−").x(), 0.01, "a leading minus is a sign: no space");
        assertEquals(MathLayout.Font.MATH, glyph(sign, "−").font(), "the text faces lack it");
    }

    @Test
    void aFractionPutsItsNumeratorAboveTheRuleAndItsDenominatorBelow() {
        MathLayout.Result r = layout(el("math", el("mfrac", mi("a"), mi("b"))), true);
        MathLayout.Rule rule = r.items().stream().filter(i -> i instanceof MathLayout.Rule).map(i -> (MathLayout.Rule) i)
                .findFirst().orElseThrow();
        MathLayout.Glyphs a = glyph(r, "a");
        MathLayout.Glyphs b = glyph(r, "b");
        assertTrue(a.y() - 0.2 * a.size() > rule.y() + rule.height(), "numerator's descent clears the rule");
        assertTrue(b.y() + 0.7 * b.size() < rule.y(), "denominator's ascent stays under the rule");
        assertEquals(10, a.size(), "display style: parts at full size");
        assertEquals(7.1, glyph(layout(el("math", el("mfrac", mi("a"), mi("b"))), false), "a").size(), 0.01,
                "in running text the parts are smaller");
        assertTrue(r.height() > 0.7 * 10 && r.depth() > 0.2 * 10);
    }

    @Test
    void scriptsAreSmallerAndRaisedOrLowered() {
        MathLayout.Result r = layout(el("math", el("msubsup", mi("x"), mi("i"), mn("2"))), false);
        MathLayout.Glyphs x = glyph(r, "x");
        MathLayout.Glyphs i = glyph(r, "i");
        MathLayout.Glyphs two = glyph(r, "2");
        assertEquals(7.1, two.size(), 0.01);
        assertTrue(two.y() > x.y() + 2, "superscript raised");
        assertTrue(i.y() < x.y() - 1, "subscript lowered");
        assertTrue(two.x() > x.x() + 4.9 && i.x() > x.x() + 4, "after the base");
    }

    @Test
    void aRadicalGrowsWithWhatItCoversAndRulesOverIt() {
        MathLayout.Result small = layout(el("math", el("msqrt", mi("x"))), false);
        MathLayout.Result tall = layout(el("math", el("msqrt", el("mfrac", mi("a"), mi("b")))), true);
        assertTrue(glyph(small, "√").scaleY() < 1.3, "over a letter, about its own size");
        assertTrue(glyph(tall, "√").scaleY() > 1.5, "stretched over a fraction");
        MathLayout.Rule bar = tall.items().stream().filter(i -> i instanceof MathLayout.Rule).map(i -> (MathLayout.Rule) i)
                .max((p, q) -> Double.compare(p.y(), q.y())).orElseThrow();
        assertTrue(bar.y() > glyph(tall, "a").y() + 0.7 * 10, "the bar is above the numerator");
    }

    @Test
    void fencesStretchToWhatTheyEncloseAndLargeOperatorsTakeLimits() {
        MathNode frac = el("mfrac", mi("a"), mi("b"));
        MathLayout.Result fenced = layout(el("math", mo("("), frac, mo(")")), true);
        assertTrue(glyph(fenced, "(").scaleY() > 1.3, "the parenthesis grows");
        MathLayout.Result plain = layout(el("math", mo("("), mi("a"), mo(")")), true);
        assertEquals(1, glyph(plain, "(").scaleY(), 0.01, "around a letter it stays as it is");
        MathNode sum = el("munderover", mo("∑"), el("mrow", mi("i"), mo("="), mn("1")), mi("n"));
        MathLayout.Result display = layout(el("math", sum, mi("x")), true);
        MathLayout.Glyphs sigma = glyph(display, "∑");
        assertTrue(sigma.size() > 10, "larger in a display");
        assertTrue(glyph(display, "n").y() > sigma.y() + 0.7 * sigma.size() - 1, "upper limit above");
        assertTrue(glyph(display, "n").x() >= sigma.x() - 1 && glyph(display, "n").x() < sigma.x() + sigma.size() * 0.5,
                "centred over it");
        MathLayout.Result inline = layout(el("math", sum, mi("x")), false);
        assertTrue(glyph(inline, "n").x() > glyph(inline, "∑").x() + 4.9, "in running text the limits are scripts");
    }

    @Test
    void aMatrixLinesUpItsColumns() {
        MathNode m = el("mtable", el("mtr", el("mtd", mi("a")), el("mtd", mi("b"))),
                el("mtr", el("mtd", mi("c")), el("mtd", mi("d"))));
        MathLayout.Result r = layout(el("math", m), true);
        assertEquals(glyph(r, "a").x(), glyph(r, "c").x(), 0.01);
        assertEquals(glyph(r, "b").x(), glyph(r, "d").x(), 0.01);
        assertTrue(glyph(r, "a").y() > glyph(r, "c").y());
    }

    @Test
    void theLinearFormReadsAsTheFormula() {
        MathNode f = el("math", mi("c"), mo("="), el("mfrac", mi("M"), el("msqrt", mn("4"), mi("π"), mi("t"))));
        assertEquals("c = M/√(4πt)", f.linear());
        assertEquals("2D_i t_i", el("math", mn("2"), el("msub", mi("D"), mi("i")), el("msub", mi("t"), mi("i")))
                .linear());
        assertEquals("x^2 + y_i^(n+1)", el("math", el("msup", mi("x"), mn("2")), mo("+"),
                el("msubsup", mi("y"), mi("i"), el("mrow", mi("n"), mo("+"), mn("1")))).linear());
    }
}
