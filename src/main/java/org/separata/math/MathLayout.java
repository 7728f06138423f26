package org.separata.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.separata.model.MathNode;

/**
 * Typesets Presentation MathML as TeX sets math, in a small way: a tree of boxes (width, height
 * above the baseline, depth below) that ends in glyph runs and rules at positions in points.
 *
 * <ul>
 * <li>Identifiers of one letter are italic, in the text face's italic; numbers, names of functions
 * and text upright; operators the text faces lack come from the math font.</li>
 * <li>Fractions have a rule on the math axis; in running text their parts are set smaller.</li>
 * <li>Radicals grow with what they cover and carry a rule over it.</li>
 * <li>Scripts are set at 71% and 50% of the size, raised and lowered as TeX does.</li>
 * <li>Fences ({@code ( ) [ ] { } | ‖ ⟨ ⟩}) stretch to what they enclose.</li>
 * <li>Large operators (∑ ∏ ∫ ⋃…) are larger in a display formula, with their limits above and
 * below; in running text the limits are scripts.</li>
 * <li>Relations, binary operators and punctuation get TeX's thick, medium and thin spaces.</li>
 * </ul>
 * The caller supplies the fonts' metrics ({@link Metrics}); nothing here knows a font format.
 */
public final class MathLayout {

    /** Which font a glyph run is drawn from. */
    public enum Font { REGULAR, ITALIC, BOLD, BOLD_ITALIC, MATH }

    /** What the fonts can tell: whether a face has a character, and its advance, height and depth in em. */
    public interface Metrics {
        boolean has(Font font, int codePoint);

        /** {advance, ascent, descent} of the character in em (ascent above, descent below the baseline, both ≥ 0). */
        double[] box(Font font, int codePoint);
    }

    /** What a laid-out formula draws: glyph runs and rules, in points from its origin (the baseline, left). */
    public sealed interface Item permits Glyphs, Rule {
    }

    /** {@code text} in {@code font} at {@code size} pt, its origin at (x, y); scaleY stretches it vertically. */
    public record Glyphs(Font font, String text, double x, double y, double size, double scaleX, double scaleY)
            implements Item {
    }

    /** A filled rectangle, (x, y) its lower left corner. */
    public record Rule(double x, double y, double width, double height) implements Item {
    }

    /** A laid-out formula: its size and what it draws. */
    public record Result(double width, double height, double depth, List<Item> items) {
        public Result {
            items = List.copyOf(items);
        }
    }

    private static final String FENCES = "()[]{}|‖⟨⟩⌈⌉⌊⌋〈〉";
    private static final String LARGE = "∑∏∐⋃⋂⨁⨂⨀⋁⋀∫∬∭∮∯∰";
    private static final String INTEGRALS = "∫∬∭∮∯∰";
    private static final String RELATIONS = "=<>≤≥≦≧≈≠≡≢∼≃≅≪≫∝∈∉∋⊂⊃⊆⊇→←↔⇒⇐⇔↦⊥∥≺≻⪯⪰:≔≐⩽⩾";
    private static final String BINARY = "+−±∓×÷·∗∘∙⋅∪∩∧∨⊕⊗⊖⊙∖*/";
    private static final String PUNCTUATION = ",;";
    private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "cot", "sec", "csc", "log", "ln", "lg",
            "exp", "lim", "max", "min", "sup", "inf", "det", "dim", "arg", "deg", "gcd", "Pr", "sinh", "cosh", "tanh",
            "arcsin", "arccos", "arctan", "mod", "Re", "Im", "ker", "hom", "var", "Var", "cov", "Cov", "E");

    /** Where fractions and operators are centred, above the baseline, in em. */
    private static final double AXIS = 0.25;
    private static final double RULE = 0.055;

    private final Metrics metrics;

    public MathLayout(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Sets {@code math} at {@code size} points, as a display formula or inside running text. */
    public Result layout(MathNode math, double size, boolean display) {
        Box b = node(math, new Style(size, 0, display, Optional.empty()));
        List<Item> items = new ArrayList<>();
        b.emit(0, 0, items);
        return new Result(b.w, b.h, b.d, items);
    }

    // ---- style ----------------------------------------------------------------------------------------

    /** The size in points, the script level, display or text style, and a variant set by mstyle/mathvariant. */
    private record Style(double size, int level, boolean display, Optional<String> variant) {
        Style script() {
            return new Style(scaled(level + 1), level + 1, false, variant);
        }

        Style scriptScript() {
            return new Style(scaled(level + 2), level + 2, false, variant);
        }

        /** The style of a fraction's parts: display → text; text → script. */
        Style fraction() {
            return display ? new Style(size, level, false, variant) : script();
        }

        private double scaled(int to) {
            double base = size / Math.pow(0.71, Math.min(level, 2));
            return base * Math.pow(0.71, Math.min(to, 2));
        }
    }

    // ---- boxes ----------------------------------------------------------------------------------------

    /** A box: width, height, depth, and children placed inside it. */
    private static class Box {
        double w;
        double h;
        double d;
        final List<Placed> kids = new ArrayList<>();
        final List<Item> own = new ArrayList<>();
        /** What kind of atom this is, for spacing: ord, op, bin, rel, open, close, punct, inner. */
        String atom = "ord";
        /** For an operator that stretches: the character and font, so a row can stretch it. */
        Optional<String> stretchy = Optional.empty();
        Font font = Font.REGULAR;
        double size;
        boolean largeOp;

        void add(Box b, double x, double y) {
            kids.add(new Placed(b, x, y));
        }

        void emit(double x, double y, List<Item> out) {
            for (Item i : own) {
                out.add(shift(i, x, y));
            }
            for (Placed p : kids) {
                p.box.emit(x + p.x, y + p.y, out);
            }
        }

        private static Item shift(Item i, double x, double y) {
            if (i instanceof Glyphs g) {
                return new Glyphs(g.font(), g.text(), g.x() + x, g.y() + y, g.size(), g.scaleX(), g.scaleY());
            }
            Rule r = (Rule) i;
            return new Rule(r.x() + x, r.y() + y, r.width(), r.height());
        }
    }

    private record Placed(Box box, double x, double y) {
    }

    private static Box empty() {
        return new Box();
    }

    // ---- nodes ----------------------------------------------------------------------------------------

    private Box node(MathNode n, Style st) {
        Style s = st;
        if (n.attr("mathvariant").isPresent()) {
            s = new Style(s.size, s.level, s.display, n.attr("mathvariant"));
        }
        if (n.attr("displaystyle").isPresent()) {
            boolean display = n.attr("displaystyle").get().equals("true");
            s = new Style(s.size, s.level, display, s.variant);
        }
        if (n.attr("scriptlevel").isPresent()) {
            String v = n.attr("scriptlevel").get();
            try {
                int lvl = v.startsWith("+") || v.startsWith("-") ? s.level + Integer.parseInt(v.replace("+", ""))
                        : Integer.parseInt(v);
                lvl = Math.max(0, Math.min(lvl, 4));
                double base = s.size / Math.pow(0.71, Math.min(s.level, 2));
                s = new Style(base * Math.pow(0.71, Math.min(lvl, 2)), lvl, s.display, s.variant);
            } catch (NumberFormatException ignored) {
                // an unreadable scriptlevel changes nothing
            }
        }
        List<MathNode> c = n.children();
        return switch (n.name()) {
            case "mi" -> identifier(n, s);
            case "mn" -> text(n.text(), variantFont(s, Font.REGULAR), s, "ord");
            case "mtext", "ms" -> text(n.name().equals("ms") ? "\"" + n.text() + "\"" : n.text(),
                    variantFont(s, Font.REGULAR), s, "ord");
            case "mo" -> operator(n, s);
            case "mspace" -> space(n, s);
            case "mfrac" -> c.size() == 2 ? fraction(c.get(0), c.get(1), n, s) : row(c, s);
            case "msqrt" -> radical(row(c, s), Optional.empty(), s);
            case "mroot" -> c.size() == 2 ? radical(node(c.get(0), s), Optional.of(node(c.get(1), s.scriptScript())), s)
                    : row(c, s);
            case "msub" -> c.size() == 2 ? scripts(node(c.get(0), s), Optional.of(c.get(1)), Optional.empty(), s)
                    : row(c, s);
            case "msup" -> c.size() == 2 ? scripts(node(c.get(0), s), Optional.empty(), Optional.of(c.get(1)), s)
                    : row(c, s);
            case "msubsup" -> c.size() == 3 ? scripts(node(c.get(0), s), Optional.of(c.get(1)), Optional.of(c.get(2)), s)
                    : row(c, s);
            case "munder" -> c.size() == 2 ? underOver(c.get(0), Optional.of(c.get(1)), Optional.empty(), n, s)
                    : row(c, s);
            case "mover" -> c.size() == 2 ? underOver(c.get(0), Optional.empty(), Optional.of(c.get(1)), n, s)
                    : row(c, s);
            case "munderover" -> c.size() == 3 ? underOver(c.get(0), Optional.of(c.get(1)), Optional.of(c.get(2)), n, s)
                    : row(c, s);
            case "mmultiscripts" -> multiscripts(c, s);
            case "mfenced" -> fenced(n, s);
            case "menclose" -> enclose(row(c, s), n, s);
            case "mphantom" -> phantom(row(c, s));
            case "mtable" -> table(n, s);
            case "none", "mprescripts" -> empty();
            default -> row(c, s);
        };
    }

    /** A row: its children side by side, spaced by kind, with its fences stretched to its height. */
    private Box row(List<MathNode> nodes, Style s) {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Box b = node(nodes.get(i), s);
            // a binary operator with nothing before it, or after a relation or an opening, is a sign
            if (b.atom.equals("bin") && (boxes.isEmpty() || Set.of("bin", "rel", "open", "punct", "op")
                    .contains(boxes.get(boxes.size() - 1).atom))) {
                b.atom = "ord";
            }
            boxes.add(b);
        }
        if (!boxes.isEmpty() && boxes.get(boxes.size() - 1).atom.equals("bin")) {
            boxes.get(boxes.size() - 1).atom = "ord";
        }
        return hlist(boxes, s);
    }

    private Box hlist(List<Box> boxes, Style s) {
        double h = 0;
        double d = 0;
        for (Box b : boxes) {
            if (b.stretchy.isEmpty()) {
                h = Math.max(h, b.h);
                d = Math.max(d, b.d);
            }
        }
        // fences cover the row's content, symmetric about the axis
        double axis = AXIS * s.size;
        double half = Math.max(h - axis, d + axis);
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            if (b.stretchy.isPresent() && (h > 0 || d > 0)) {
                boxes.set(i, stretch(b, half, axis, s));
            }
        }
        Box row = new Box();
        double x = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            if (i > 0) {
                x += space(boxes.get(i - 1).atom, b.atom, s);
            }
            row.add(b, x, 0);
            x += b.w;
            row.h = Math.max(row.h, b.h);
            row.d = Math.max(row.d, b.d);
        }
        row.w = x;
        if (boxes.size() == 1) {
            row.atom = boxes.get(0).atom;
            row.largeOp = boxes.get(0).largeOp;
            row.stretchy = boxes.get(0).stretchy;
        } else {
            row.atom = "inner".equals(row.atom) ? "inner" : "ord";
        }
        return row;
    }

    /** TeX's spacing between two atoms: thin 3/18, medium 4/18, thick 5/18 of an em; none in scripts but thin. */
    private static double space(String left, String right, Style s) {
        double em = s.size;
        boolean script = s.level > 0;
        if (left.equals("rel") || right.equals("rel")) {
            if (left.equals("open") || right.equals("close") || left.equals("rel") && right.equals("rel")) {
                return 0;
            }
            return script ? 0 : 5.0 / 18 * em;
        }
        if (left.equals("bin") || right.equals("bin")) {
            return script ? 0 : 4.0 / 18 * em;
        }
        if (left.equals("punct")) {
            return script ? 0 : 3.0 / 18 * em;
        }
        if (left.equals("op") && (right.equals("ord") || right.equals("op") || right.equals("inner"))
                || right.equals("op") && (left.equals("ord") || left.equals("close") || left.equals("inner"))) {
            return 3.0 / 18 * em;
        }
        if (left.equals("inner") && !right.equals("close") || right.equals("inner") && !left.equals("open")) {
            return script ? 0 : 3.0 / 18 * em;
        }
        return 0;
    }

    // ---- tokens ---------------------------------------------------------------------------------------

    private Box identifier(MathNode n, Style s) {
        String t = n.text();
        boolean single = t.codePointCount(0, t.length()) == 1;
        Font font;
        if (s.variant.isPresent() || n.attr("mathvariant").isPresent()) {
            font = variantFont(s, Font.REGULAR);
        } else if (single && isItalicLetter(t.codePointAt(0))) {
            font = Font.ITALIC;
        } else {
            font = Font.REGULAR;
        }
        Box b = text(alphabet(t, s.variant), font, s, "ord");
        if (!single && FUNCTIONS.contains(t)) {
            b.atom = "op";
        }
        return b;
    }

    /** Latin and lower-case Greek letters are set italic; capital Greek and everything else upright. */
    private static boolean isItalicLetter(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= 0x3B1 && cp <= 0x3C9 || cp == 0x3D1
                || cp == 0x3D5 || cp == 0x3D6 || cp == 0x3F5 || cp == 0x3F1;
    }

    private static Font variantFont(Style s, Font fallback) {
        return switch (s.variant.orElse("")) {
            case "bold" -> Font.BOLD;
            case "italic" -> Font.ITALIC;
            case "bold-italic" -> Font.BOLD_ITALIC;
            case "normal" -> Font.REGULAR;
            default -> fallback;
        };
    }

    /** Script, fraktur, double-struck and sans-serif letters are separate characters in Unicode's math alphabets. */
    private static String alphabet(String t, Optional<String> variant) {
        if (variant.isEmpty()) {
            return t;
        }
        int upper;
        int lower;
        switch (variant.get()) {
            case "script" -> { upper = 0x1D49C; lower = 0x1D4B6; }
            case "bold-script" -> { upper = 0x1D4D0; lower = 0x1D4EA; }
            case "fraktur" -> { upper = 0x1D504; lower = 0x1D51E; }
            case "double-struck" -> { upper = 0x1D538; lower = 0x1D552; }
            case "sans-serif" -> { upper = 0x1D5A0; lower = 0x1D5BA; }
            case "monospace" -> { upper = 0x1D670; lower = 0x1D68A; }
            default -> {
                return t;
            }
        }
        // letters Unicode had already (ℬ, ℭ, ℂ…) sit in Letterlike Symbols
        java.util.Map<Integer, Integer> holes = java.util.Map.ofEntries(
                java.util.Map.entry(0x1D49D, 0x212C), java.util.Map.entry(0x1D4A0, 0x2130),
                java.util.Map.entry(0x1D4A1, 0x2131), java.util.Map.entry(0x1D4A3, 0x210B),
                java.util.Map.entry(0x1D4A4, 0x2110), java.util.Map.entry(0x1D4A7, 0x2112),
                java.util.Map.entry(0x1D4A8, 0x2133), java.util.Map.entry(0x1D4AD, 0x211B),
                java.util.Map.entry(0x1D4BA, 0x212F), java.util.Map.entry(0x1D4BC, 0x210A),
                java.util.Map.entry(0x1D4C4, 0x2134), java.util.Map.entry(0x1D506, 0x212D),
                java.util.Map.entry(0x1D50B, 0x210C), java.util.Map.entry(0x1D50C, 0x2111),
                java.util.Map.entry(0x1D515, 0x211C), java.util.Map.entry(0x1D51D, 0x2128),
                java.util.Map.entry(0x1D53A, 0x2102), java.util.Map.entry(0x1D53F, 0x210D),
                java.util.Map.entry(0x1D545, 0x2115), java.util.Map.entry(0x1D547, 0x2119),
                java.util.Map.entry(0x1D548, 0x211A), java.util.Map.entry(0x1D549, 0x211D),
                java.util.Map.entry(0x1D551, 0x2124));
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(cp -> {
            int m = cp >= 'A' && cp <= 'Z' ? upper + cp - 'A' : cp >= 'a' && cp <= 'z' ? lower + cp - 'a' : cp;
            sb.appendCodePoint(holes.getOrDefault(m, m));
        });
        return sb.toString();
    }

    /** A run of text in a font; characters the font lacks come from the math font, then the regular face. */
    private Box text(String t, Font preferred, Style s, String atom) {
        Box b = new Box();
        b.atom = atom;
        b.size = s.size;
        b.font = preferred;
        double x = 0;
        StringBuilder run = new StringBuilder();
        Font runFont = null;
        double runX = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || cp == 0xA0) {
                if (runFont != null && !run.isEmpty()) {
                    b.own.add(new Glyphs(runFont, run.toString(), runX, 0, s.size, 1, 1));
                    run.setLength(0);
                }
                runFont = null;
                x += 0.25 * s.size;
                continue;
            }
            Font f = fontFor(cp, preferred);
            if (f != runFont && !run.isEmpty()) {
                b.own.add(new Glyphs(runFont, run.toString(), runX, 0, s.size, 1, 1));
                run.setLength(0);
            }
            if (run.isEmpty()) {
                runX = x;
            }
            runFont = f;
            run.appendCodePoint(cp);
            double[] m = metrics.box(f, cp);
            x += m[0] * s.size;
            b.h = Math.max(b.h, m[1] * s.size);
            b.d = Math.max(b.d, m[2] * s.size);
        }
        if (runFont != null && !run.isEmpty()) {
            b.own.add(new Glyphs(runFont, run.toString(), runX, 0, s.size, 1, 1));
        }
        // an italic letter leans out of its box: a little room before what follows
        if (preferred == Font.ITALIC && !t.isEmpty()) {
            x += 0.04 * s.size;
        }
        b.w = x;
        return b;
    }

    private Font fontFor(int cp, Font preferred) {
        if (metrics.has(preferred, cp)) {
            return preferred;
        }
        if (metrics.has(Font.MATH, cp)) {
            return Font.MATH;
        }
        return metrics.has(Font.REGULAR, cp) ? Font.REGULAR : Font.MATH;
    }

    private Box operator(MathNode n, Style s) {
        String t = n.text().replace('-', '−').replace('\'', '′');
        if (t.isEmpty()) {
            return empty();
        }
        int cp = t.codePointAt(0);
        boolean one = t.codePointCount(0, t.length()) == 1;
        String atom;
        if (!one) {
            atom = FUNCTIONS.contains(t) ? "op" : "ord";
        } else if (LARGE.indexOf(cp) >= 0) {
            atom = "op";
        } else if (RELATIONS.indexOf(cp) >= 0) {
            atom = "rel";
        } else if (BINARY.indexOf(cp) >= 0) {
            atom = "bin";
        } else if (PUNCTUATION.indexOf(cp) >= 0) {
            atom = "punct";
        } else if ("([{⟨⌈⌊〈".indexOf(cp) >= 0) {
            atom = "open";
        } else if (")]}⟩⌉⌋〉".indexOf(cp) >= 0) {
            atom = "close";
        } else {
            atom = "ord";
        }
        if (one && LARGE.indexOf(cp) >= 0 && !"false".equals(n.attr("largeop").orElse(""))) {
            return largeOperator(t, s);
        }
        // the text faces' own + = ( ) where they have them; the math font for the rest
        Box b = text(t, Font.REGULAR, s, atom);
        boolean fence = one && FENCES.indexOf(cp) >= 0;
        if (fence && !"false".equals(n.attr("stretchy").orElse("")) || "true".equals(n.attr("stretchy").orElse(""))) {
            b.stretchy = Optional.of(t);
        }
        return b;
    }

    /** ∑, ∏, ∫…: larger in display style, centred on the axis. */
    private Box largeOperator(String t, Style s) {
        int cp = t.codePointAt(0);
        boolean integral = INTEGRALS.indexOf(cp) >= 0;
        double scale = s.display ? (integral ? 2.0 : 1.45) : (integral ? 1.25 : 1.0);
        Font f = metrics.has(Font.MATH, cp) ? Font.MATH : Font.REGULAR;
        double[] m = metrics.box(f, cp);
        double size = s.size * scale;
        Box b = new Box();
        b.atom = "op";
        b.largeOp = !integral;
        b.size = size;
        b.font = f;
        double glyphH = m[1] * size;
        double glyphD = m[2] * size;
        // centre the glyph on the axis
        double shift = AXIS * s.size - (glyphH - glyphD) / 2;
        b.own.add(new Glyphs(f, t, 0, shift, size, 1, 1));
        b.w = m[0] * size + (integral ? 0.08 * s.size : 0);
        b.h = glyphH + shift;
        b.d = Math.max(0, glyphD - shift);
        return b;
    }

    /** A fence stretched to cover {@code half} above and below the axis. */
    private Box stretch(Box fence, double half, double axis, Style s) {
        String t = fence.stretchy.orElseThrow();
        int cp = t.codePointAt(0);
        Font f = fontFor(cp, Font.REGULAR);
        double[] m = metrics.box(f, cp);
        double natural = (m[1] + m[2]) * s.size;
        if (natural <= 0 || 2 * half <= natural * 1.02) {
            return fence;
        }
        double wanted = 2 * half * 1.08;
        double scaleY = wanted / natural;
        // a taller fence is also a little wider, as TeX's bigger sizes are
        double scaleX = Math.min(1.6, 1 + (scaleY - 1) * 0.15);
        Box b = new Box();
        b.atom = fence.atom;
        double glyphCentre = (m[1] - m[2]) / 2 * s.size * scaleY;
        double y = axis - glyphCentre;
        b.own.add(new Glyphs(f, t, 0, y, s.size, scaleX, scaleY));
        b.w = m[0] * s.size * scaleX;
        b.h = m[1] * s.size * scaleY + y;
        b.d = Math.max(0, m[2] * s.size * scaleY - y);
        return b;
    }

    private Box space(MathNode n, Style s) {
        Box b = new Box();
        b.w = n.attr("width").map(w -> length(w, s)).orElse(0.0);
        return b;
    }

    /** A MathML length: em, ex, pt, px, mm, or a named space; unknown units count as 0. */
    private static double length(String v, Style s) {
        String t = v.strip();
        switch (t) {
            case "veryverythinmathspace": return s.size / 18;
            case "verythinmathspace": return 2 * s.size / 18;
            case "thinmathspace": return 3 * s.size / 18;
            case "mediummathspace": return 4 * s.size / 18;
            case "thickmathspace": return 5 * s.size / 18;
            case "verythickmathspace": return 6 * s.size / 18;
            case "veryverythickmathspace": return 7 * s.size / 18;
            default:
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?[0-9.]+)\\s*(em|ex|pt|px|mm|cm|in)?").matcher(t);
        if (!m.matches()) {
            return 0;
        }
        double x = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "em" : m.group(2);
        return switch (unit) {
            case "em" -> x * s.size;
            case "ex" -> x * s.size * 0.45;
            case "pt" -> x;
            case "px" -> x * 0.75;
            case "mm" -> x * 72 / 25.4;
            case "cm" -> x * 72 / 2.54;
            case "in" -> x * 72;
            default -> 0;
        };
    }

    // ---- structures -----------------------------------------------------------------------------------

    private Box fraction(MathNode num, MathNode den, MathNode n, Style s) {
        Style part = s.fraction();
        Box a = node(num, part);
        Box b = node(den, part);
        double em = s.size;
        String lt = n.attr("linethickness").orElse("");
        double rule = lt.equals("0") || lt.equals("0px") || lt.equals("0pt") || lt.equals("0em") ? 0
                : lt.equals("thick") ? 2 * RULE * em : RULE * em;
        double axis = AXIS * em;
        double gap = (s.display ? 0.15 : 0.1) * em;
        double numShift = Math.max(axis + rule / 2 + gap + a.d, s.display ? 0.68 * em : 0.4 * em);
        double denShift = Math.max(b.h + gap + rule / 2 - axis, s.display ? 0.69 * em : 0.35 * em);
        double pad = 0.12 * em;
        double w = Math.max(a.w, b.w) + 2 * pad;
        Box f = new Box();
        f.atom = "inner";
        f.add(a, (w - a.w) / 2, numShift);
        f.add(b, (w - b.w) / 2, -denShift);
        if (rule > 0) {
            f.own.add(new Rule(pad / 2, axis - rule / 2, w - pad, rule));
        }
        f.w = w;
        f.h = numShift + a.h;
        f.d = denShift + b.d;
        return f;
    }

    private Box radical(Box body, Optional<Box> index, Style s) {
        double em = s.size;
        double rule = RULE * em;
        double gap = (s.display ? 0.16 : 0.1) * em;
        int sqrt = 0x221A;
        Font f = fontFor(sqrt, Font.REGULAR);
        double[] m = metrics.box(f, sqrt);
        double inner = Math.max(body.h, 0.5 * em) + gap + rule;
        double below = Math.max(body.d, 0.05 * em);
        double natural = (m[1] + m[2]) * em;
        double scaleY = Math.max(1, (inner + below) / natural);
        double signW = m[0] * em;
        Box r = new Box();
        r.atom = "ord";
        // the sign's top meets the rule's top
        double signY = inner - m[1] * em * scaleY;
        double x = 0;
        if (index.isPresent()) {
            Box i = index.get();
            double ix = Math.max(0, 0.55 * signW - i.w);
            r.add(i, ix, signY + 0.55 * (inner + below) - below + 0.1 * em);
            x = Math.max(0, ix + i.w - 0.55 * signW);
            r.h = Math.max(r.h, signY + 0.55 * (inner + below) - below + 0.1 * em + i.h);
        }
        r.own.add(new Glyphs(f, "√", x, signY, em, 1, scaleY));
        double bodyX = x + signW;
        r.add(body, bodyX, 0);
        r.own.add(new Rule(bodyX - 0.02 * em, inner - rule, body.w + 0.08 * em, rule));
        r.w = bodyX + body.w + 0.1 * em;
        r.h = Math.max(r.h, inner + 0.05 * em);
        r.d = Math.max(below, m[2] * em * scaleY - signY);
        return r;
    }

    private Box scripts(Box base, Optional<MathNode> sub, Optional<MathNode> sup, Style s) {
        Style sc = s.script();
        Optional<Box> b = sub.map(x -> node(x, sc));
        Optional<Box> p = sup.map(x -> node(x, sc));
        double em = s.size;
        // a letter or digit: scripts at fixed heights; anything taller: scripts at its corners
        boolean small = base.h <= 0.8 * em && base.d <= 0.3 * em;
        double supShift = p.map(x -> Math.max(small ? 0.36 * em : base.h - 0.2 * sc.size,
                x.d + 0.24 * em)).orElse(0.0);
        double subShift = b.map(x -> Math.max(small ? 0.16 * em : base.d + 0.1 * sc.size,
                x.h - 0.36 * em)).orElse(0.0);
        if (b.isPresent() && p.isPresent()) {
            subShift = Math.max(subShift, 0.25 * em);
            double gap = (supShift - p.get().d) - (b.get().h - subShift);
            if (gap < 0.12 * em) {
                subShift += 0.12 * em - gap;
            }
        }
        Box r = new Box();
        r.atom = base.atom;
        r.add(base, 0, 0);
        double x = base.w + 0.03 * em;
        double w = 0;
        if (p.isPresent()) {
            r.add(p.get(), x, supShift);
            w = Math.max(w, p.get().w);
        }
        if (b.isPresent()) {
            // a subscript tucks under an italic letter's overhang
            r.add(b.get(), x - (base.font == Font.ITALIC ? 0.05 * em : 0), -subShift);
            w = Math.max(w, b.get().w);
        }
        r.w = x + w + 0.04 * em;
        r.h = Math.max(base.h, p.map(q -> supShift + q.h).orElse(0.0));
        double sd = subShift;
        r.d = Math.max(base.d, b.map(q -> sd + q.d).orElse(0.0));
        return r;
    }

    private Box underOver(MathNode baseNode, Optional<MathNode> under, Optional<MathNode> over, MathNode n, Style s) {
        Box base = node(baseNode, s);
        boolean accent = "true".equals(n.attr("accent").orElse("")) || over.map(o -> o.name().equals("mo")
                && isAccent(o.text())).orElse(false) && n.attr("accent").isEmpty();
        boolean movable = base.largeOp || "true".equals(n.attr("movablelimits").orElse(""))
                || baseNode.name().equals("mo") && FUNCTIONS.contains(baseNode.text());
        if (movable && !s.display && !accent) {
            return scripts(base, under, over, s);
        }
        double em = s.size;
        Style sc = accent ? s : s.script();
        Optional<Box> u = under.map(x -> node(x, "true".equals(n.attr("accentunder").orElse("")) ? s : s.script()));
        Optional<Box> o = over.map(x -> accent && isBar(x.text()) ? bar(base.w, s) : node(x, sc));
        double w = Math.max(base.w, Math.max(u.map(x -> x.w).orElse(0.0), o.map(x -> x.w).orElse(0.0)));
        Box r = new Box();
        r.atom = base.atom;
        r.largeOp = base.largeOp;
        r.add(base, (w - base.w) / 2, 0);
        r.h = base.h;
        r.d = base.d;
        double gap = 0.12 * em;
        if (o.isPresent()) {
            Box ob = o.get();
            double y = accent ? Math.max(base.h, 0.45 * em) + 0.02 * em - Math.min(ob.d, 0.35 * em) + (isBar(
                    over.get().text()) ? 0.06 * em : -0.25 * em) : base.h + gap + ob.d;
            r.add(ob, (w - ob.w) / 2 + (accent && base.font == Font.ITALIC ? 0.06 * em : 0), y);
            r.h = Math.max(r.h, y + ob.h);
        }
        if (u.isPresent()) {
            Box ub = u.get();
            double y = -(base.d + gap + ub.h);
            r.add(ub, (w - ub.w) / 2, y);
            r.d = Math.max(r.d, -y + ub.d);
        }
        r.w = w;
        return r;
    }

    private static boolean isAccent(String t) {
        return t.length() == 1 && "^ˆ˜~¯‾_→←↔˙¨´`ˇ˘⃗̂̃̄̇".indexOf(t.charAt(0)) >= 0;
    }

    private static boolean isBar(String t) {
        return t.equals("¯") || t.equals("‾") || t.equals("_") || t.equals("̄");
    }

    private Box bar(double width, Style s) {
        Box b = new Box();
        double rule = RULE * s.size;
        b.own.add(new Rule(0, 0, width, rule));
        b.w = width;
        b.h = rule;
        return b;
    }

    private Box multiscripts(List<MathNode> c, Style s) {
        if (c.isEmpty()) {
            return empty();
        }
        Box base = node(c.get(0), s);
        List<MathNode> post = new ArrayList<>();
        List<MathNode> pre = new ArrayList<>();
        boolean inPre = false;
        for (int i = 1; i < c.size(); i++) {
            if (c.get(i).name().equals("mprescripts")) {
                inPre = true;
            } else {
                (inPre ? pre : post).add(c.get(i));
            }
        }
        Box r = base;
        for (int i = 0; i + 1 < post.size(); i += 2) {
            r = scripts(r, opt(post.get(i)), opt(post.get(i + 1)), s);
        }
        if (pre.size() >= 2) {
            Box preBox = scripts(new Box(), opt(pre.get(0)), opt(pre.get(1)), s);
            return hlist(new ArrayList<>(List.of(preBox, r)), s);
        }
        return r;
    }

    private static Optional<MathNode> opt(MathNode n) {
        return n.name().equals("none") ? Optional.empty() : Optional.of(n);
    }

    private Box fenced(MathNode n, Style s) {
        List<MathNode> parts = new ArrayList<>();
        parts.add(MathNode.token("mo", n.attr("open").orElse(n.attributes().containsKey("open") ? "" : "(")));
        String seps = n.attributes().getOrDefault("separators", ",").replaceAll("\\s", "");
        List<MathNode> c = n.children();
        for (int i = 0; i < c.size(); i++) {
            if (i > 0 && !seps.isEmpty()) {
                parts.add(MathNode.token("mo", String.valueOf(seps.charAt(Math.min(i - 1, seps.length() - 1)))));
            }
            parts.add(c.get(i));
        }
        parts.add(MathNode.token("mo", n.attr("close").orElse(n.attributes().containsKey("close") ? "" : ")")));
        Box b = row(parts, s);
        b.atom = "inner";
        return b;
    }

    private Box enclose(Box body, MathNode n, Style s) {
        String notation = n.attr("notation").orElse("longdiv");
        double em = s.size;
        double pad = 0.15 * em;
        double rule = RULE * em;
        Box r = new Box();
        r.add(body, pad, 0);
        r.w = body.w + 2 * pad;
        r.h = body.h + pad;
        r.d = body.d + pad;
        for (String k : notation.split("\\s+")) {
            switch (k) {
                case "box", "roundedbox" -> {
                    r.own.add(new Rule(0, -r.d, r.w, rule));
                    r.own.add(new Rule(0, r.h - rule, r.w, rule));
                    r.own.add(new Rule(0, -r.d, rule, r.h + r.d));
                    r.own.add(new Rule(r.w - rule, -r.d, rule, r.h + r.d));
                }
                case "top" -> r.own.add(new Rule(0, r.h - rule, r.w, rule));
                case "bottom" -> r.own.add(new Rule(0, -r.d, r.w, rule));
                case "left" -> r.own.add(new Rule(0, -r.d, rule, r.h + r.d));
                case "right" -> r.own.add(new Rule(r.w - rule, -r.d, rule, r.h + r.d));
                case "horizontalstrike" -> r.own.add(new Rule(0, AXIS * em - rule / 2, r.w, rule));
                default -> {
                }
            }
        }
        return r;
    }

    private static Box phantom(Box b) {
        Box r = new Box();
        r.w = b.w;
        r.h = b.h;
        r.d = b.d;
        return r;
    }

    /** A matrix or an array: cells centred (or as columnalign says), rows and columns spaced, centred on the axis. */
    private Box table(MathNode n, Style s) {
        double em = s.size;
        List<List<Box>> rows = new ArrayList<>();
        int cols = 0;
        for (MathNode tr : n.children()) {
            List<Box> cells = new ArrayList<>();
            List<MathNode> tds = tr.name().equals("mtr") || tr.name().equals("mlabeledtr") ? tr.children()
                    : List.of(tr);
            int start = tr.name().equals("mlabeledtr") ? 1 : 0;
            for (int i = start; i < tds.size(); i++) {
                MathNode td = tds.get(i);
                cells.add(row(td.name().equals("mtd") ? td.children() : List.of(td), s));
            }
            cols = Math.max(cols, cells.size());
            rows.add(cells);
        }
        double[] colW = new double[cols];
        double[] rowH = new double[rows.size()];
        double[] rowD = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Box b = rows.get(r).get(c);
                colW[c] = Math.max(colW[c], b.w);
                rowH[r] = Math.max(rowH[r], Math.max(b.h, 0.7 * em));
                rowD[r] = Math.max(rowD[r], Math.max(b.d, 0.25 * em));
            }
        }
        String[] align = n.attr("columnalign").orElse("center").split("\\s+");
        double colGap = 0.8 * em;
        double rowGap = 0.25 * em;
        double total = 0;
        for (int r = 0; r < rows.size(); r++) {
            total += rowH[r] + rowD[r] + (r > 0 ? rowGap : 0);
        }
        Box t = new Box();
        t.atom = "inner";
        double top = total / 2 + AXIS * em;
        double y = top;
        for (int r = 0; r < rows.size(); r++) {
            y -= rowH[r];
            double x = 0;
            for (int c = 0; c < cols; c++) {
                if (c < rows.get(r).size()) {
                    Box b = rows.get(r).get(c);
                    String a = align[Math.min(c, align.length - 1)];
                    double dx = a.equals("left") ? 0 : a.equals("right") ? colW[c] - b.w : (colW[c] - b.w) / 2;
                    t.add(b, x + dx, y);
                }
                x += colW[c] + (c + 1 < cols ? colGap : 0);
            }
            t.w = Math.max(t.w, x);
            y -= rowD[r] + rowGap;
        }
        t.h = top;
        t.d = Math.max(0, total - top);
        return t;
    }
}
