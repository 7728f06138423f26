package org.separata.layout;

/**
 * Where a line may break inside Chinese, Japanese and Korean text, which has no spaces: between
 * two ideographs (Han, kana, Hangul, CJK punctuation and full-width forms), but not before closing
 * punctuation or small kana, nor after opening punctuation. The renderer marks these places
 * (U+200B) in runs set in a CJK font; {@link Glue} does not glue across them.
 */
public final class Ideographs {

    /** Characters a line may not start with (closing punctuation, small kana, iteration marks). */
    private static final String NO_BREAK_BEFORE = "、。，．・：；？！）〕］｝〉》」』】〙〗〟’”ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～?!‼⁇⁈⁉,.:;)]}";
    /** Characters a line may not end with (opening punctuation). */
    private static final String NO_BREAK_AFTER = "（〔［｛〈《「『【〘〖〝‘“([{";

    private Ideographs() {
    }

    /** Whether a line may break between {@code before} and {@code after}, two code points of CJK text. */
    public static boolean breakBetween(int before, int after) {
        return isIdeographic(before) && isIdeographic(after) && NO_BREAK_BEFORE.indexOf(after) < 0
                && NO_BREAK_AFTER.indexOf(before) < 0;
    }

    /** Whether a line may break at {@code at} in {@code s} (between the code points before and at it). */
    static boolean breakBetween(String s, int at) {
        return at > 0 && at < s.length() && breakBetween(s.codePointBefore(at), s.codePointAt(at));
    }

    /** Han, hiragana, katakana, Hangul, CJK symbols and punctuation, half- and full-width forms. */
    public static boolean isIdeographic(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF;
    }
}
