package org.separata.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.Set;
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

    /** Units (and the like) that stay with the number before them. */
    private static final Set<String> UNITS = Set.of("%", "‰", "°", "°C", "°F", "km", "m", "cm", "mm", "µm", "nm",
            "kg", "g", "mg", "t", "ha", "l", "ml", "s", "ms", "min", "h", "Hz", "kHz", "MHz", "GHz", "kW", "MW", "GW",
            "kWh", "км", "м", "см", "мм", "кг", "г", "т", "га", "л", "мл", "с", "мин", "ч", "тыс", "млн", "млрд",
            "трлн", "руб", "долл", "гг", "mil", "millones", "mill", "bn", "mln", "USD", "EUR", "€", "$");
    /** Abbreviations (before their dot) that stay with the number after them: "p. 12", "т. 2". */
    private static final Set<String> NUMBERED = Set.of("p", "pp", "Vol", "vol", "No", "no", "Núm", "núm", "Nr",
            "nr", "Ed", "ed", "Eds", "eds", "Fig", "fig", "Cap", "cap", "Ch", "ch", "Art", "art", "Tab", "tab", "pág",
            "págs", "Bd", "Abb", "S", "т", "с", "стр", "гл", "рис", "табл", "вып", "ч", "кн");
    /** Per language: one-letter words that must not end a line. */
    private static final Map<String, String> SHORT_WORDS = Map.of(
            "ru", "вкосуаияВКОСУАИЯ", "uk", "вкосуаіїйзяВКОСУАІЇЙЗЯ", "be", "вкосуаіўзяВКОСУАІЎЗЯ",
            "pl", "aiouwzAIOUWZ", "cs", "aiouvkszAIOUVKSZ", "sk", "aiouvkszAIOUVKSZ");
    /** Russian (and related) particles that must not start a line. */
    private static final Set<String> PARTICLES = Set.of("ли", "ль", "же", "ж", "бы", "б");

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

    /** Applies the language's rules, and its hyphenation if {@code hyphenate}, to running text. */
    RichText apply(RichText text, String lang, boolean hyphenate) {
        return apply(text, lang, hyphenate, false);
    }

    /**
     * Applies the language's rules, and its hyphenation if {@code hyphenate}. {@code citation}: the
     * text is a bibliographic reference (or a how-to-cite line), where a number range is a page
     * range.
     */
    RichText apply(RichText text, String lang, boolean hyphenate, boolean citation) {
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
        dashes(edits, citation);
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

    /** URLs, DOIs and e-mail addresses: never hyphenated or otherwise changed. */
    private static void protect(Edits e) {
        String s = e.text;
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            String token = s.substring(start, i);
            if (token.contains("://") || token.startsWith("www.") || token.startsWith("doi:") || token.indexOf('@') > 0
                    || isDoi(token)) {
                for (int k = start; k < i; k++) {
                    e.editable[k] = false;
                }
            }
        }
    }

    private static boolean isDoi(String token) {
        int at = token.indexOf("10.");
        int slash = token.indexOf('/', at + 3);
        if (at < 0 || slash < at + 7) {
            return false;
        }
        for (int k = at + 3; k < slash; k++) {
            if (!Character.isDigit(token.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == NBSP || c == NNBSP;
    }

    /**
     * Straight quotes become the language's. A double quote opens after a space or an opening
     * bracket and closes elsewhere. A single quote between letters, or closing one that nothing
     * opened, is an apostrophe; an opening single quote becomes the language's secondary quote
     * only when a closing one follows (the two are replaced as a pair), else it too is an
     * apostrophe ("'90s"). So a pair is never set with mismatched marks.
     */
    private void quotes(Edits e, String marks) {
        if (marks == null) {
            marks = "“”‘’";
        }
        String s = e.text;
        int n = s.length();
        int pairedClose = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '"' && c != '\'') {
                continue;
            }
            char prev = i == 0 ? ' ' : s.charAt(i - 1);
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            boolean opens = isSpace(prev) || "([{«„“‘—–-/".indexOf(prev) >= 0;
            char mark;
            if (c == '"') {
                mark = opens && !isSpace(next) ? marks.charAt(0) : marks.charAt(1);
            } else if (i == pairedClose) {
                mark = marks.charAt(3);
            } else if (opens && !isSpace(next) && (pairedClose = closingQuote(s, i + 1)) > 0) {
                mark = marks.charAt(2);
            } else {
                mark = '’';
            }
            if (fontHas.test(mark)) {
                e.replace(i, mark);
            }
        }
    }

    /** The single quote that closes one opened just before {@code from}, or -1: it follows a non-space and no letter follows it. */
    private static int closingQuote(String s, int from) {
        int n = s.length();
        for (int k = from + 1; k < n; k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\n') {
                return -1;
            }
            if (c != '\'') {
                continue;
            }
            boolean afterText = !isSpace(s.charAt(k - 1));
            boolean beforeLetter = k + 1 < n && Character.isLetterOrDigit(s.charAt(k + 1));
            boolean opensAgain = isSpace(s.charAt(k - 1)) || "([{«„“‘—–-/".indexOf(s.charAt(k - 1)) >= 0;
            if (opensAgain) {
                return -1; // another quote opens first: no pair
            }
            if (afterText && !beforeLetter) {
                return k;
            }
        }
        return -1;
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

    /**
     * One pass over the word spaces, making no-break those that must not break: before a spaced
     * dash, between a number and its unit or the next group of its digits, after an abbreviation
     * that numbers ("p. 12") or a section sign, between initials and the name, and the language's
     * own: after one-letter words and before particles (Slavic languages), within "т. е."
     * (Russian), before ; ! ? : and inside guillemets (French).
     */
    private void spaces(Edits e, String lang) {
        String s = e.text;
        int n = s.length();
        String shortWords = SHORT_WORDS.get(lang);
        boolean slavic = lang.equals("ru") || lang.equals("uk") || lang.equals("be");
        for (int i = 1; i + 1 < n; i++) {
            if (s.charAt(i) != ' ' || !e.editable[i]) {
                continue;
            }
            char prev = s.charAt(i - 1);
            char next = s.charAt(i + 1);
            String before = wordBefore(s, i);
            String after = wordAfter(s, i + 1);
            // a dash that does not open an aside ("—por ahora") stays with the word before it
            boolean bind = (next == '\u2013' || next == '\u2014') && !isSpace(prev)
                    && (i + 2 == n || !Character.isLetterOrDigit(s.charAt(i + 2)))
                    || Character.isDigit(prev) && (UNITS.contains(after) || UNITS.contains(stripDot(after))
                            || digitGroup(s, i))
                    || (Character.isDigit(next) || hasDigit(after)) && prev == '.' && NUMBERED.contains(before)
                    || "§№¶".indexOf(prev) >= 0 && (i < 2 || isSpace(s.charAt(i - 2)))
                    || prev == '.' && before.length() == 1 && Character.isUpperCase(before.charAt(0))
                            && Character.isUpperCase(next)
                    // a given name and the initial after it: "Joseph S. Nye"
                    || Character.isLetter(prev) && isInitial(after) && capitalised(s, i)
                    // a relation and its operands: "p = 0.01", "n < 30"
                    || isRelation(s, i + 1) || isRelation(s, i - 1) && wordAfter(s, i + 1).length() <= 8
                    || shortWords != null && before.length() == 1 && shortWords.indexOf(before.charAt(0)) >= 0
                            && (i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)))
                    || slavic && (PARTICLES.contains(after) && !isSpace(prev)
                            || prev == '.' && before.length() == 1 && Character.isLowerCase(before.charAt(0))
                                    && after.length() == 2 && after.charAt(1) == '.');
            if (bind) {
                e.replace(i, NBSP);
            }
        }
        if (lang.equals("fr")) {
            frenchPunctuation(e, fontHas.test(NNBSP) ? NNBSP : NBSP);
            frenchGuillemets(e);
        }
    }

    private static boolean hasDigit(String w) {
        return w.chars().anyMatch(Character::isDigit);
    }

    /** An initial: one capital letter and a full stop ("S."). */
    private static boolean isInitial(String w) {
        return w.length() == 2 && Character.isUpperCase(w.charAt(0)) && w.charAt(1) == '.';
    }

    /** Whether the word that ends just before position {@code i} starts with a capital (a name). */
    private static boolean capitalised(String s, int i) {
        int start = i;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        return start < i && Character.isUpperCase(s.charAt(start)) && i - start >= 2;
    }

    /** A relation sign standing alone at {@code k}, with a space on each side: "p = 0.01". */
    private static boolean isRelation(String s, int k) {
        return k > 0 && k + 1 < s.length() && "=<>≤≥≈≠".indexOf(s.charAt(k)) >= 0 && isSpace(s.charAt(k - 1))
                && isSpace(s.charAt(k + 1));
    }

    /** The letters just before position {@code i} (before a dot, if the text has one there). */
    private static String wordBefore(String s, int i) {
        int end = i > 0 && s.charAt(i - 1) == '.' ? i - 1 : i;
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        return s.substring(start, end);
    }

    /** The word from position {@code i} to the next space, without closing punctuation. */
    private static String wordAfter(String s, int i) {
        int end = i;
        while (end < s.length() && !isSpace(s.charAt(end))) {
            end++;
        }
        while (end > i && ",;:!?)".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(i, end);
    }

    private static String stripDot(String w) {
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    /** A space between digit groups of one number, as in "2 000 000": 1–3 digits before, exactly 3 after. */
    private static boolean digitGroup(String s, int i) {
        int start = i;
        while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
            start--;
        }
        if (i - start > 3 || start > 0 && (s.charAt(start - 1) == '.' || s.charAt(start - 1) == ',')) {
            return false;
        }
        int k = i + 1;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k - (i + 1) == 3;
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
            char prev = e.charAt(i - 1);
            if (prev == ' ') {
                e.replace(i - 1, space);
            } else if (Character.isLetterOrDigit(prev) || prev == '»' || prev == ')' || prev == '’') {
                e.insert(i, String.valueOf(space));
            }
        }
    }

    /** Words that number the pages after them: "pp. 84-100", "С. 12-19". */
    private static final Set<String> PAGES = Set.of("p", "pp", "P", "Pp", "pág", "págs", "pag", "S", "s", "С", "с",
            "стр", "Стр", "pages", "page", "páginas");

    /**
     * An en dash where a number range is certain: a year range (2015-2023), and a page range
     * (84-100: the second number larger) in a reference, or after a word that numbers pages ("pp.")
     * elsewhere. Never in a token with letters (an allele "bgs1-2", "ФРИ-2023"), in a chain of
     * numbers (dates, "2021-12-30"; identifiers), after ISSN or ISBN, nor where the second number is
     * not the larger (a postcode "30320-240").
     */
    private void dashes(Edits e, boolean citation) {
        if (!fontHas.test('\u2013')) {
            return;
        }
        String s = e.text;
        int n = s.length();
        for (int i = 1; i + 1 < n; i++) {
            if (s.charAt(i) != '-' || !Character.isDigit(s.charAt(i - 1)) || !Character.isDigit(s.charAt(i + 1))) {
                continue;
            }
            int a = i;
            while (a > 0 && Character.isDigit(s.charAt(a - 1))) {
                a--;
            }
            int b = i + 1;
            while (b < n && Character.isDigit(s.charAt(b))) {
                b++;
            }
            boolean chained = a > 0 && "-‐/.–".indexOf(s.charAt(a - 1)) >= 0
                    || b < n && ("-‐/–".indexOf(s.charAt(b)) >= 0 || s.charAt(b) == '.' && b + 1 < n
                            && Character.isDigit(s.charAt(b + 1)));
            boolean lettered = a > 0 && Character.isLetter(s.charAt(a - 1))
                    || b < n && Character.isLetter(s.charAt(b));
            String before = s.substring(Math.max(0, a - 6), a).toUpperCase(Locale.ROOT);
            if (i - a > 5 || b - i - 1 > 5 || chained || lettered || before.contains("ISSN") || before.contains("ISBN")) {
                continue;
            }
            long from = Long.parseLong(s, a, i, 10);
            long to = Long.parseLong(s, i + 1, b, 10);
            boolean years = i - a == 4 && b - i - 1 == 4 && from >= 1000 && to <= 2199 && from < to && to - from < 300;
            String word = wordBefore(s, a > 0 && s.charAt(a - 1) == ' ' || a > 0 && s.charAt(a - 1) == NBSP ? a - 1 : a);
            boolean pages = from < to && b - i - 1 >= i - a && (citation || PAGES.contains(word));
            if (years || pages) {
                e.replace(i, '\u2013');
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
            // nor in a word that has a hyphen of its own ("post-Soviet" may break only there, as in TeX)
            boolean glued = i < n && (Character.isDigit(s.charAt(i)) || "@-‐".indexOf(s.charAt(i)) >= 0)
                    || start > 0 && (Character.isDigit(s.charAt(start - 1)) || "@-‐".indexOf(s.charAt(start - 1)) >= 0);
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
                    collect(st.children(), edit && st.style() != Inline.Style.MONOSPACE
                            && st.style() != Inline.Style.KEEP);
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
                } else {
                    out.add(i); // a formula: not prose
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

    /**
     * Break opportunities without a hyphen (zero-width spaces) in a URL or DOI shown as text, so
     * that no part of it is ever pushed past the margin. As TeX's {@code xurl} does, a URL may break
     * after any character: a line ends at the last place that fits. Not inside the scheme
     * ({@code https://}), not before the last two characters, and not inside a number such as
     * {@code 41.1.77} (unless it is very long), where a break would read as the end of a sentence.
     * The link itself always carries the whole address.
     */
    static String breakableUrl(String url) {
        int n = url.length();
        StringBuilder sb = new StringBuilder(n * 2);
        int scheme = url.indexOf("://");
        int from = scheme >= 0 ? scheme + 3 : 0;
        boolean[] inNumber = numbers(url);
        for (int i = 0; i < n; i++) {
            char c = url.charAt(i);
            sb.append(c);
            if (i + 1 >= from && i + 3 <= n && !Character.isHighSurrogate(c)
                    && !(inNumber[i] && inNumber[i + 1]) && url.charAt(i + 1) != ZWSP) {
                sb.append(ZWSP);
            }
        }
        return sb.toString();
    }

    /** Which characters belong to a short number with dots ("41.1.77", "2021"), kept whole. */
    private static boolean[] numbers(String s) {
        int n = s.length();
        boolean[] out = new boolean[n + 1];
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isDigit(s.charAt(j))
                    || s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1)))) {
                j++;
            }
            if (j - i <= 12) {
                for (int k = i; k < j; k++) {
                    out[k] = true;
                }
            }
            i = j;
        }
        return out;
    }
}
