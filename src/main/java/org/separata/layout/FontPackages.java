package org.separata.layout;

import java.util.Locale;

/**
 * Which font package would draw a character that no font Separata found has: the preflight's
 * message names it (Debian's package names; other systems ship the same Noto families).
 */
final class FontPackages {

    private FontPackages() {
    }

    /** "install Debian's fonts-noto-cjk (…) or give a folder of fonts with --font-path". */
    static String hint(int cp) {
        return "install a font that has it, e.g. " + suggestion(cp)
                + ", or put one in the layout pack's fonts/ folder or in a folder given with --font-path";
    }

    static String suggestion(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        String b = block == null ? "" : block.toString();
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO || b.startsWith("CJK") || b.startsWith("HALFWIDTH")
                || b.startsWith("ENCLOSED_CJK") || b.startsWith("KANGXI")) {
            return "Debian's fonts-noto-cjk (Noto Sans CJK / Noto Serif CJK)";
        }
        if (b.contains("EMOTICONS") || b.contains("PICTOGRAPHS") || b.contains("TRANSPORT")) {
            return "a monochrome emoji font such as Noto Emoji (Debian's fonts-noto-color-emoji is in colour, "
                    + "which PDF/A cannot embed)";
        }
        if (script == Character.UnicodeScript.UNKNOWN) {
            // a private-use or unassigned code point: no public font is made for it
            boolean privateUse = Character.getType(cp) == Character.PRIVATE_USE;
            return "the font the text was written with (" + (privateUse
                    ? "a private-use character means only that font has it"
                    : "the code point is not assigned in Unicode") + ")";
        }
        if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
            return "Debian's fonts-noto-core or fonts-noto-extra (Noto Sans Symbols, Noto Sans Math)";
        }
        String name = script.name().charAt(0) + script.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return "Debian's fonts-noto-core or fonts-noto-extra (Noto Sans " + name + ")";
    }
}
