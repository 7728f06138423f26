package org.separata.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.separata.model.Inline;
import org.separata.model.RichText;

/**
 * The typesetter's pass over running text, by the language of its block: quotation marks, no-break
 * spaces and dashes as the language wants them, and soft hyphens (U+00AD) at the hyphenation
 * points Liang's patterns find. The renderer breaks lines only at spaces and at the places marked
 * here, and draws a hyphen only where a line ends at a soft hyphen.
 *
 * <p>Nothing is changed inside links, code, URLs, DOIs or e-mail addresses. Characters are only
 * put in where the layout's text font has them.
 */
final class Prose {

    static final char SHY = '\u00AD';
    static final char NBSP = '\u00A0';
    static final char NNBSP = '\u202F';
    static final char ZWSP = '\u200B';

    /** URLs, DOIs and e-mail addresses: never hyphenated or otherwise changed. */
    private static final Pattern PROTECTED = Pattern.compile(
            "(?:https?://|www\\.|doi:|10\\.\\d{4,9}/)[^\\s\\u00A0\\u202F<>\"]*|[^\\s\\u00A0\\u202F<>\"@]+@[^\\s\\u00A0\\u202F<>\"]+");
    private static final Pattern SPACED_DASH = Pattern.compile("(?<=\\S) (?=[\u2013\u2014](?:\\s|$))");
    private static final Pattern NUMBER_UNIT = Pattern.compile(
            "(?<=\\d) (?=(?:%|‰|°C|°|km|m|cm|mm|µm|nm|kg|g|mg|t|ha|l|ml|s|ms|min|h|Hz|kHz|MHz|GHz|kW|MW|GW|kWh|"
                    + "км|м|см|мм|кг|г|т|га|л|мл|с|мин|ч|тыс\\.|млн|млрд|трлн|руб\\.|долл\\.|"
                    + "mil|millones|mill\\.|bn|mln|USD|EUR|US\\$|€|\\$)(?![\\p{L}\\d]))");
    private static final Pattern NUMBER_GROUP = Pattern.compile("(?<![\\d.,])(?<=\\d{1,3}) (?=\\d{3}(?![\\d]))");
    private static final Pattern ABBREVIATION_NUMBER = Pattern.compile(
            "(?<![\\p{L}])(?:pp?|[Vv]ol|[Nn]o|[Nn]úm|[Nn]r|[Ee]ds?|[Ff]ig|[Cc]ap|[Cc]h|[Aa]rt|[Tt]ab|pág|págs|"
                    + "Bd|Abb|S|т|с|стр|гл|рис|табл|вып|ч|кн)\\. (?=\\d)|(?<=[§№¶]) (?=\\d)");
    private static final Pattern INITIAL = Pattern.compile("(?<![\\p{L}])\\p{Lu}\\. (?=\\p{Lu})");
    private static final Pattern LOWER_ABBREVIATION = Pattern.compile("(?<![\\p{L}])\\p{Ll}\\. (?=\\p{Ll}\\.)");
    private static final Pattern PAGE_RANGE = Pattern.compile("(?<![\\d\\-‐/.])\\d{1,5}-\\d{1,5}(?![\\d\\-‐/]|\\.\\d)");

    /** Per language: one-letter words that must not end a line, particles that must not start one. */
    private static final Map<String, Pattern> SHORT_WORDS = Map.of(
            "ru", Pattern.compile("(?<![\\p{L}\\d])[вкосуаияВКОСУАИЯ] (?=\\S)"),
            "uk", Pattern.compile("(?<![\\p{L}\\d])[вкосуаіїйзяВКОСУАІЇЙЗЯ] (?=\\S)"),
            "be", Pattern.compile("(?<![\\p{L}\\d])[вкосуаіўзяВКОСУАІЎЗЯ] (?=\\S)"),
            "pl", Pattern.compile("(?<![\\p{L}\\d])[aiouwzAIOUWZ] (?=\\S)"),
            "cs", Pattern.compile("(?<![\\p{L}\\d])[aiouvkszAIOUVKSZ] (?=\\S)"),
            "sk", Pattern.compile("(?<![\\p{L}\\d])[aiouvkszAIOUVKSZ] (?=\\S)"));
    private static final Pattern RUSSIAN_PARTICLE = Pattern.compile("(?<=\\S) (?=(?:ли|ль|же|ж|бы|б)(?![\\p{L}\\d]))");

    /** Quotation marks: primary open, close, secondary open, close. */
    private static final Map<String, String> QUOTES = Map.ofEntries(
            Map.entry("en", "“”‘’"), Map.entry("es", "«»“”"), Map.entry("pt", "“”‘’"), Map.entry("pt-pt", "«»“”"),
            Map.entry("fr", "«»“”"), Map.entry("de", "„“‚‘"), Map.entry("it", "«»“”"), Map.entry("pl", "„”«»"),
            Map.entry("ru", "«»„“"), Map.entry("uk", "«»„“"), Map.entry("be", "«»„“"), Map.entry("sr", "„“‚‘"),
            Map.entry("sh", "„“‚‘"));

    private final Hyphenation hyphenation;
    private final IntPredicate fontHas;

    /**
     * @param fontHas whether the layout's text font draws a character; a rule that would put in
     *                one it lacks falls back (a narrow no-break space becomes a no-break space) or
     *                is left out.
     */
    Prose(Hyphenation hyphenation, IntPredicate fontHas) {
        this.hyphenation = hyphenation;
        this.fontHas = fontHas;
    }

    /** Applies the language's rules, and its hyphenation if {@code hyphenate}. */
    RichText apply(RichText text, String lang, boolean hyphenate) {
        if (text.inlines().isEmpty()) {
            return text;
        }
        Flat flat = new Flat();
        flat.collect(text.inlines(), true);
        Edits edits = new Edits(flat.text.toString(), flat.editable);
        String tag = lang.toLowerCase(Locale.ROOT).replace('_', '-');
        String primary = tag.split("-")[0];
        protect(edits);
        quotes(edits, QUOTES.getOrDefault(tag, QUOTES.get(primary)));
        spaces(edits, primary);
        dashes(edits);
        if (hyphenate) {
            hyphenation.forLanguage(tag).ifPresent(h -> hyphenate(edits, h, flat.starts));
        }
        if (!edits.changed) {
            return text;
        }
        int[] cursor = {0};
        return new RichText(flat.rebuild(text.inlines(), edits, cursor));
    }

    // ---- rules --------------------------------------------------------------------------------------

    private static void protect(Edits e) {
        Matcher m = PROTECTED.matcher(e.text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                e.editable[i] = false;
            }
        }
    }

    private void quotes(Edits e, String marks) {
        if (marks == null) {
            marks = "“”‘’";
        }
        String s = e.text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '"' && c != '\'') {
                continue;
            }
            char prev = i == 0 ? ' ' : s.charAt(i - 1);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            boolean opens = Character.isWhitespace(prev) || "([{«„“‘—–-/".indexOf(prev) >= 0;
            char mark;
            if (c == '\'') {
                mark = Character.isLetterOrDigit(prev) ? '’' : opens && !Character.isWhitespace(next)
                        ? marks.charAt(2) : marks.charAt(3);
            } else {
                mark = opens && !Character.isWhitespace(next) ? marks.charAt(0) : marks.charAt(1);
            }
            if (fontHas.test(mark)) {
                e.replace(i, mark);
            }
        }
    }

    /** In French, guillemets hold their text with (narrow) no-break spaces. */
    private static void frenchGuillemets(Edits e) {
        String s = e.text;
        for (int i = 0; i < s.length(); i++) {
            char c = e.charAt(i);
            if (c == '«' && i + 1 < s.length()) {
                if (s.charAt(i + 1) == ' ') {
                    e.replace(i + 1, NBSP);
                } else if (!Character.isWhitespace(s.charAt(i + 1))) {
                    e.insert(i + 1, String.valueOf(NBSP));
                }
            } else if (c == '»' && i > 0) {
                if (s.charAt(i - 1) == ' ') {
                    e.replace(i - 1, NBSP);
                } else if (!Character.isWhitespace(s.charAt(i - 1))) {
                    e.insert(i, String.valueOf(NBSP));
                }
            }
        }
    }

    private void spaces(Edits e, String lang) {
        char thin = fontHas.test(NNBSP) ? NNBSP : NBSP;
        e.replaceAll(SPACED_DASH, NBSP);
        e.replaceAll(NUMBER_UNIT, NBSP);
        e.replaceAll(NUMBER_GROUP, NBSP);
        e.replaceAll(ABBREVIATION_NUMBER, NBSP, true);
        e.replaceAll(INITIAL, NBSP, true);
        Pattern shortWords = SHORT_WORDS.get(lang);
        if (shortWords != null) {
            e.replaceAll(shortWords, NBSP, true);
        }
        if (lang.equals("ru") || lang.equals("uk") || lang.equals("be")) {
            e.replaceAll(LOWER_ABBREVIATION, NBSP, true);
            e.replaceAll(RUSSIAN_PARTICLE, NBSP);
        }
        if (lang.equals("fr")) {
            frenchPunctuation(e, thin);
            frenchGuillemets(e);
        }
    }

    /** French: a narrow no-break space before ; ! ? and a no-break space before a colon. */
    private static void frenchPunctuation(Edits e, char thin) {
        String s = e.text;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean colon = c == ':' && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)));
            if (c != ';' && c != '!' && c != '?' && !colon || !e.editable[i]) {
                continue;
            }
            char space = colon ? NBSP : thin;
            char prev = s.charAt(i - 1);
            if (prev == ' ') {
                e.replace(i - 1, space);
            } else if (Character.isLetterOrDigit(prev) || prev == '»' || prev == ')' || prev == '’') {
                e.insert(i, String.valueOf(space));
            }
        }
    }

    private void dashes(Edits e) {
        if (!fontHas.test('\u2013')) {
            return;
        }
        Matcher m = PAGE_RANGE.matcher(e.text);
        while (m.find()) {
            int dash = e.text.indexOf('-', m.start());
            String before = e.text.substring(Math.max(0, m.start() - 6), m.start()).toUpperCase(Locale.ROOT);
            if (!before.contains("ISSN") && !before.contains("ISBN")) {
                e.replace(dash, '\u2013');
            }
        }
    }

    private static void hyphenate(Edits e, Hyphenator h, List<Integer> leafStarts) {
        String s = e.text;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int upper = 0;
            boolean editable = true;
            while (i < n && (Character.isLetter(s.charAt(i)) || Character.getType(s.charAt(i)) == Character.NON_SPACING_MARK)) {
                upper += Character.isUpperCase(s.charAt(i)) ? 1 : 0;
                editable &= e.editable[i];
                i++;
            }
            // not in acronyms, nor glued to digits or to a URL-like neighbour
            boolean glued = i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '@')
                    || start > 0 && (Character.isDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '@');
            if (!editable || upper > 1 || glued || i - start < h.leftMin() + h.rightMin()) {
                continue;
            }
            for (int p : h.points(s.substring(start, i))) {
                if (!leafStarts.contains(start + p)) {
                    e.insert(start + p, String.valueOf(SHY));
                }
            }
        }
    }

    // ---- flattening and rebuilding ---------------------------------------------------------------------

    /** The text of a run's leaves, end to end, with which characters may be edited. */
    private static final class Flat {
        final StringBuilder text = new StringBuilder();
        final List<Integer> starts = new ArrayList<>();
        boolean[] editable = new boolean[64];

        void collect(List<Inline> list, boolean edit) {
            for (Inline i : list) {
                if (i instanceof Inline.Text t) {
                    starts.add(text.length());
                    int from = text.length();
                    text.append(t.value());
                    if (editable.length < text.length() + 1) {
                        editable = java.util.Arrays.copyOf(editable, Math.max(editable.length * 2, text.length() + 1));
                    }
                    for (int k = from; k < text.length(); k++) {
                        editable[k] = edit;
                    }
                } else if (i instanceof Inline.Styled st) {
                    collect(st.children(), edit && st.style() != Inline.Style.MONOSPACE);
                } else if (i instanceof Inline.Link l) {
                    collect(l.children(), false);
                }
            }
        }

        List<Inline> rebuild(List<Inline> list, Edits e, int[] cursor) {
            List<Inline> out = new ArrayList<>(list.size());
            for (Inline i : list) {
                if (i instanceof Inline.Text t) {
                    int from = cursor[0];
                    int to = from + t.value().length();
                    cursor[0] = to;
                    boolean last = to == text.length();
                    out.add(new Inline.Text(e.result(from, to, last)));
                } else if (i instanceof Inline.Styled st) {
                    out.add(new Inline.Styled(st.style(), rebuild(st.children(), e, cursor)));
                } else if (i instanceof Inline.Link l) {
                    out.add(new Inline.Link(l.href(), rebuild(l.children(), e, cursor)));
                }
            }
            return out;
        }
    }

    /** Replacements and insertions over a fixed text, applied when the leaves are rebuilt. */
    private static final class Edits {
        final String text;
        final boolean[] editable;
        private final char[] replaced;
        private final String[] before;
        boolean changed;

        Edits(String text, boolean[] editable) {
            this.text = text;
            this.editable = java.util.Arrays.copyOf(editable, text.length() + 1);
            this.editable[text.length()] = text.isEmpty() || editable[text.length() - 1];
            this.replaced = new char[text.length()];
            this.before = new String[text.length() + 1];
        }

        char charAt(int i) {
            return replaced[i] != 0 ? replaced[i] : text.charAt(i);
        }

        void replace(int i, char c) {
            if (editable[i] && text.charAt(i) != c) {
                replaced[i] = c;
                changed = true;
            }
        }

        void insert(int i, String s) {
            if (editable[i] && (i == 0 || editable[i - 1])) {
                before[i] = before[i] == null ? s : before[i] + s;
                changed = true;
            }
        }

        void replaceAll(Pattern p, char c) {
            replaceAll(p, c, false);
        }

        /** Replaces the last character of each match (a space) with {@code c}. */
        void replaceAll(Pattern p, char c, boolean lastChar) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int at = lastChar ? m.end() - 1 : m.start();
                if (at >= 0 && at < text.length() && text.charAt(at) == ' ') {
                    replace(at, c);
                }
            }
        }

        /** The edited text of {@code [from, to)}; insertions at {@code to} go with the next leaf unless last. */
        String result(int from, int to, boolean last) {
            StringBuilder sb = new StringBuilder(to - from + 8);
            for (int i = from; i < to; i++) {
                if (before[i] != null) {
                    sb.append(before[i]);
                }
                sb.append(replaced[i] != 0 ? replaced[i] : text.charAt(i));
            }
            if (last && before[to] != null) {
                sb.append(before[to]);
            }
            return sb.toString();
        }
    }

    /** Break opportunities without a hyphen in a URL or DOI shown as text: after / . - _ ? & = and after "://". */
    static String breakableUrl(String url) {
        StringBuilder sb = new StringBuilder(url.length() + 16);
        int scheme = url.indexOf("://");
        int n = url.length();
        for (int i = 0; i < n; i++) {
            char c = url.charAt(i);
            sb.append(c);
            boolean after = "/.-_?&=".indexOf(c) >= 0 && i > scheme + 2 && i + 2 < n
                    && "/.-_?&=".indexOf(url.charAt(i + 1)) < 0;
            if (after || scheme >= 0 && i == scheme + 2) {
                sb.append(ZWSP);
            }
        }
        return sb.toString();
    }
}
