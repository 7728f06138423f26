package org.separata.layout;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Page size and margins in millimetres. Named sizes are resolved here, so the stylesheet always
 * receives explicit lengths (Flying Saucer silently ignores size names it does not know).
 * Margins are inner (binding side) and outer, mirrored on left and right pages.
 */
public record PageGeometry(double width, double height, double top, double bottom, double inner, double outer) {

    static final Map<String, double[]> NAMED = Map.ofEntries(
            Map.entry("a3", new double[] {297, 420}),
            Map.entry("a4", new double[] {210, 297}),
            Map.entry("a5", new double[] {148, 210}),
            Map.entry("a6", new double[] {105, 148}),
            Map.entry("b5", new double[] {176, 250}),
            Map.entry("letter", new double[] {215.9, 279.4}),
            Map.entry("legal", new double[] {215.9, 355.6}),
            Map.entry("royal-octavo", new double[] {165, 250}),
            Map.entry("70x100/16", new double[] {170, 240}));

    public PageGeometry {
        if (!plausible(width, height)) {
            throw new IllegalArgumentException("a page of " + width + " × " + height + " mm is not plausible");
        }
        if (!(inner + outer < width - 30 && top + bottom < height - 30)) {
            throw new IllegalArgumentException("the margins leave less than 30 mm for the text");
        }
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(?:mm)?\\s*(?:x|×|\\s)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:mm)?");

    /**
     * Reads a page size: a name (A4, A5, B5, letter, …) or width and height in mm ("170mm 240mm",
     * "170 × 240 mm", "170x240"). Anything else is unreadable: no unit but mm is accepted, so a
     * size can never be silently misread.
     */
    static Optional<double[]> parseSize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        double[] named = NAMED.get(t);
        if (named != null) {
            return Optional.of(named.clone());
        }
        java.util.regex.Matcher m = SIZE.matcher(t);
        if (m.matches()) {
            return Optional.of(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return Optional.empty();
    }

    /** Whether a page of this size (in mm) could be printed: 50 to 1200 mm each way. */
    static boolean plausible(double width, double height) {
        return width >= 50 && height >= 50 && width <= 1200 && height <= 1200;
    }

    /** The size names this class knows, for messages. */
    static String namedSizes() {
        return "A3, A4, A5, A6, B5, letter, legal, royal-octavo (165 × 250), 70x100/16 (170 × 240)";
    }

    public double textWidth() {
        return width - inner - outer;
    }
}
