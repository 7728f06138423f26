package org.separata.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Frank Liang's hyphenation algorithm (as in TeX) for one language: a trie of patterns such as
 * {@code 1na}, {@code .ex5} or {@code tio2n}, where a digit between two letters is a score for a
 * break there; the highest score found at each position wins, and an odd score allows a break.
 * Words listed as exceptions ({@code ta-ble}) are hyphenated as listed. No break leaves fewer than
 * {@code leftMin} letters before it or {@code rightMin} after it.
 *
 * <p>Patterns are read from TeX's {@code \patterns{…}} and {@code \hyphenation{…}} blocks (the
 * hyph-utf8 files). Immutable after construction except for a bounded cache of hyphenated words;
 * safe to share between threads.
 */
final class Hyphenator {

    private static final int CACHE_LIMIT = 50_000;
    private static final int[] NONE = new int[0];

    // the trie, frozen into arrays: node n's edges are edgeChar/edgeTarget[firstEdge[n] .. firstEdge[n+1])
    private final int[] firstEdge;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    /** per node: the pattern's scores, one per letter boundary (length letters + 1), or null. */
    private final byte[][] scores;
    private final Map<String, int[]> exceptions;
    private final int leftMin;
    private final int rightMin;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private Hyphenator(Builder b, int leftMin, int rightMin) {
        this.leftMin = leftMin;
        this.rightMin = rightMin;
        this.exceptions = Map.copyOf(b.exceptions);
        int n = b.nodes.size();
        firstEdge = new int[n + 1];
        int edges = 0;
        for (Builder.Node node : b.nodes) {
            edges += node.children.size();
        }
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        scores = new byte[n][];
        int e = 0;
        for (int i = 0; i < n; i++) {
            Builder.Node node = b.nodes.get(i);
            firstEdge[i] = e;
            for (Map.Entry<Character, Builder.Node> c : node.children.entrySet()) {
                edgeChar[e] = c.getKey();
                edgeTarget[e] = c.getValue().id;
                e++;
            }
            scores[i] = node.scores;
        }
        firstEdge[n] = e;
    }

    private Hyphenator(int[] firstEdge, char[] edgeChar, int[] edgeTarget, byte[][] scores,
                       Map<String, int[]> exceptions, int leftMin, int rightMin) {
        this.firstEdge = firstEdge;
        this.edgeChar = edgeChar;
        this.edgeTarget = edgeTarget;
        this.scores = scores;
        this.exceptions = exceptions;
        this.leftMin = leftMin;
        this.rightMin = rightMin;
    }

    /**
     * Reads the patterns and exceptions of one or more TeX pattern files (their alphabets may
     * differ, as for Serbian in Latin and Cyrillic script).
     */
    static Hyphenator fromTex(List<String> sources, int leftMin, int rightMin) {
        Builder b = new Builder();
        for (String tex : sources) {
            String text = stripComments(tex);
            for (String p : block(text, "\\patterns")) {
                b.addPattern(p);
            }
            for (String x : block(text, "\\hyphenation")) {
                b.addException(x);
            }
        }
        return new Hyphenator(b, leftMin, rightMin);
    }

    int leftMin() {
        return leftMin;
    }

    int rightMin() {
        return rightMin;
    }

    /**
     * Where {@code word} may break: each index {@code i} in the result allows a hyphen between
     * {@code word[i-1]} and {@code word[i]}, in increasing order. The word is taken as letters only.
     */
    int[] points(String word) {
        int n = word.length();
        if (n < leftMin + rightMin) {
            return NONE;
        }
        int[] cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        char[] lower = new char[n + 2];
        lower[0] = '.';
        for (int i = 0; i < n; i++) {
            lower[i + 1] = Character.toLowerCase(word.charAt(i));
        }
        lower[n + 1] = '.';
        int[] exception = exceptions.get(new String(lower, 1, n));
        int[] result = exception != null ? withinMinimums(exception, n) : liang(lower, n);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(word, result);
        }
        return result;
    }

    private int[] withinMinimums(int[] points, int n) {
        return java.util.Arrays.stream(points).filter(p -> p >= leftMin && p <= n - rightMin).toArray();
    }

    private int[] liang(char[] w, int n) {
        // score[k] is the score of the boundary before w[k] (w has the two dots)
        byte[] score = new byte[w.length + 1];
        for (int start = 0; start < w.length; start++) {
            int node = 0;
            for (int k = start; k < w.length; k++) {
                node = child(node, w[k]);
                if (node < 0) {
                    break;
                }
                byte[] s = scores[node];
                if (s != null) {
                    for (int j = 0; j < s.length; j++) {
                        if (s[j] > score[start + j]) {
                            score[start + j] = s[j];
                        }
                    }
                }
            }
        }
        int count = 0;
        int[] out = new int[n];
        // a break before word[i] is the boundary before w[i + 1]
        for (int i = leftMin; i <= n - rightMin; i++) {
            if ((score[i + 1] & 1) == 1) {
                out[count++] = i;
            }
        }
        return count == 0 ? NONE : java.util.Arrays.copyOf(out, count);
    }

    private int child(int node, char c) {
        int lo = firstEdge[node];
        int hi = firstEdge[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChar[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return -1;
    }

    private static String stripComments(String tex) {
        StringBuilder sb = new StringBuilder(tex.length());
        for (String line : tex.split("\n", -1)) {
            int pct = line.indexOf('%');
            sb.append(pct < 0 ? line : line.substring(0, pct)).append('\n');
        }
        return sb.toString();
    }

    /** The whitespace-separated words of every {@code command{…}} block. */
    private static List<String> block(String text, String command) {
        List<String> out = new ArrayList<>();
        int at = text.indexOf(command + "{");
        while (at >= 0) {
            int open = at + command.length() + 1;
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException(command + " block is not closed");
            }
            for (String w : text.substring(open, close).split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            at = text.indexOf(command + "{", close);
        }
        return out;
    }

    // ---- the compiled form: the frozen trie as bytes, written at build time ---------------------

    /** "SHYP" and the format's version, at the start of a compiled trie. */
    private static final int MAGIC = 0x50594853;
    private static final int VERSION = 1;

    /**
     * The frozen trie and the exceptions as bytes (little-endian): what {@link #fromCompiled} reads
     * back into an equal hyphenator. The minimums are not part of it; {@code languages.txt} gives them.
     */
    byte[] compiled() {
        List<String> words = new ArrayList<>(exceptions.keySet());
        words.sort(null);
        int scored = 0;
        int size = 4 * 5 + 4 * firstEdge.length + 2 * edgeChar.length + 4 * edgeTarget.length + 4 * 2;
        for (byte[] s : scores) {
            if (s != null) {
                scored++;
                size += 4 + 1 + s.length;
            }
        }
        for (String w : words) {
            size += 2 + 2 * w.length() + 1 + 2 * exceptions.get(w).length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt(scores.length).putInt(edgeChar.length).putInt(scored);
        b.asIntBuffer().put(firstEdge);
        b.position(b.position() + 4 * firstEdge.length);
        b.asCharBuffer().put(edgeChar);
        b.position(b.position() + 2 * edgeChar.length);
        b.asIntBuffer().put(edgeTarget);
        b.position(b.position() + 4 * edgeTarget.length);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != null) {
                b.putInt(i).put((byte) scores[i].length).put(scores[i]);
            }
        }
        b.putInt(words.size());
        for (String w : words) {
            b.putShort((short) w.length());
            for (int i = 0; i < w.length(); i++) {
                b.putChar(w.charAt(i));
            }
            int[] points = exceptions.get(w);
            b.put((byte) points.length);
            for (int p : points) {
                b.putShort((short) p);
            }
        }
        b.putInt(MAGIC);
        return b.array();
    }

    /**
     * Reads a trie that {@link #compiled()} wrote; the result hyphenates exactly as the hyphenator
     * it was written from, with the given minimums.
     *
     * @throws IllegalArgumentException when the bytes are not a compiled trie of this version
     */
    static Hyphenator fromCompiled(byte[] data, int leftMin, int rightMin) {
        try {
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != MAGIC || b.getInt() != VERSION) {
                throw new IllegalArgumentException("not a compiled hyphenation trie of version " + VERSION);
            }
            int nodes = b.getInt();
            int edges = b.getInt();
            int scored = b.getInt();
            int[] firstEdge = new int[nodes + 1];
            b.asIntBuffer().get(firstEdge);
            b.position(b.position() + 4 * firstEdge.length);
            char[] edgeChar = new char[edges];
            b.asCharBuffer().get(edgeChar);
            b.position(b.position() + 2 * edges);
            int[] edgeTarget = new int[edges];
            b.asIntBuffer().get(edgeTarget);
            b.position(b.position() + 4 * edges);
            byte[][] scores = new byte[nodes][];
            for (int k = 0; k < scored; k++) {
                int node = b.getInt();
                byte[] s = new byte[b.get()];
                b.get(s);
                scores[node] = s;
            }
            int count = b.getInt();
            Map<String, int[]> exceptions = new HashMap<>(count * 2);
            for (int k = 0; k < count; k++) {
                char[] w = new char[b.getShort()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = b.getChar();
                }
                int[] points = new int[b.get()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = b.getShort();
                }
                exceptions.put(new String(w), points);
            }
            if (b.getInt() != MAGIC || b.hasRemaining()) {
                throw new IllegalArgumentException("a compiled hyphenation trie has the wrong length");
            }
            return new Hyphenator(firstEdge, edgeChar, edgeTarget, scores, Map.copyOf(exceptions), leftMin, rightMin);
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("a compiled hyphenation trie is cut short", e);
        }
    }

    /** Collects patterns into a trie of nodes before it is frozen. */
    private static final class Builder {
        final List<Node> nodes = new ArrayList<>();
        final Map<String, int[]> exceptions = new HashMap<>();
        final Node root = node();

        final class Node {
            final int id = nodes.size();
            final TreeMap<Character, Node> children = new TreeMap<>();
            byte[] scores;
        }

        private Node node() {
            Node n = new Node();
            nodes.add(n);
            return n;
        }

        /** A pattern: letters with optional digits between them, e.g. {@code .ach4} or {@code 1b2l}. */
        void addPattern(String p) {
            StringBuilder letters = new StringBuilder();
            List<Byte> values = new ArrayList<>();
            values.add((byte) 0);
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c >= '0' && c <= '9') {
                    values.set(values.size() - 1, (byte) (c - '0'));
                } else {
                    letters.append(Character.toLowerCase(c));
                    values.add((byte) 0);
                }
            }
            Node n = root;
            for (int i = 0; i < letters.length(); i++) {
                n = n.children.computeIfAbsent(letters.charAt(i), k -> node());
            }
            byte[] s = new byte[values.size()];
            boolean any = false;
            for (int i = 0; i < s.length; i++) {
                s[i] = values.get(i);
                any |= s[i] != 0;
            }
            if (any) {
                n.scores = s;
            }
        }

        /** An exception: the word with its allowed breaks marked by hyphens, e.g. {@code as-so-ciate}. */
        void addException(String x) {
            StringBuilder word = new StringBuilder();
            List<Integer> points = new ArrayList<>();
            for (int i = 0; i < x.length(); i++) {
                char c = x.charAt(i);
                if (c == '-') {
                    points.add(word.length());
                } else {
                    word.append(Character.toLowerCase(c));
                }
            }
            exceptions.put(word.toString(), points.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
