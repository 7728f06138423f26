package org.separata.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.separata.data.Node.ScalarNode.Kind;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceLocation;
import org.separata.diag.UnsafeText;
import org.separata.diag.Utf8;
import org.separata.env.Limit;
import org.separata.env.Limits;
import org.separata.diag.SeparataException;

/**
 * Parses YAML or JSON into a {@link Node} tree that remembers lines and columns. This is the only
 * class that touches Jackson. Duplicate keys are errors; nesting and string sizes are bounded.
 */
public final class DataParser {

    private static final int MAX_DEPTH = 64;
    private static final JsonFactory JSON = configure(new JsonFactory());
    private static final YAMLFactory YAML = (YAMLFactory) configure(yamlFactory());
    /** Unsafe characters reported per file before reading stops listing them. */
    private static final int MAX_CHARACTER_ERRORS = 20;

    private DataParser() {
    }

    private static YAMLFactory yamlFactory() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        // SnakeYAML's own bound (3 MiB) would cut a file off with a message that names no limit;
        // the bytes are bounded before parsing instead (checkSize, World's reads).
        options.setCodePointLimit(Integer.MAX_VALUE);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /**
     * Refuses a YAML or JSON file larger than {@link Limit#MANIFEST_MB}: what parsing and binding
     * it costs grows with its size.
     *
     * @throws SeparataException (invalid input) naming the limit and how to raise it
     */
    public static void checkSize(byte[] content, String fileName, Limits limits) {
        long max = limits.bytes(Limit.MANIFEST_MB);
        if (content.length > max) {
            throw SeparataException.invalid(SourceLocation.of(fileName), String.format(java.util.Locale.ROOT,
                    "is %.1f MiB, more than the limit of %d MiB a manifest may have (%s)", content.length / 1048576.0,
                    limits.get(Limit.MANIFEST_MB), Limit.MANIFEST_MB.key()),
                    "check that this is an article manifest; " + Limit.MANIFEST_MB.raiseHint(content.length / 1048576 + 1));
        }
    }

    private static JsonFactory configure(JsonFactory f) {
        f.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(4_000_000)
                .maxNumberLength(64)
                .build());
        return f;
    }

    /**
     * Parses {@code content}. {@code fileName} is used in locations. Empty input gives an empty map.
     *
     * @throws SeparataException (invalid input) on a syntax error, naming line and column
     */
    public static Node parse(byte[] content, String fileName, DataFormat format) {
        Utf8.check(content, fileName, false);
        JsonFactory factory = format == DataFormat.YAML ? YAML : JSON;
        try (JsonParser p = factory.createParser(content)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Node.MapNode(Map.of(), new SourceLocation(fileName, 1, 1, ""));
            }
            List<Diagnostic> unsafe = new ArrayList<>();
            Node root = read(p, fileName, "", 0, unsafe);
            JsonToken extra = p.nextToken();
            if (extra != null && extra != JsonToken.NOT_AVAILABLE) {
                throw syntax(fileName, p.currentTokenLocation(), "more than one document in the file",
                        "keep one article per file; remove the second '---' document");
            }
            if (!unsafe.isEmpty()) {
                throw SeparataException.invalid(unsafe);
            }
            return root;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.contains("AliasEvent")) {
                // an alias where a key belongs; SnakeYAML's message would print the anchor's name
                JsonLocation l = e.getLocation();
                throw SeparataException.invalid(l == null ? SourceLocation.of(fileName)
                                : new SourceLocation(fileName, l.getLineNr(), l.getColumnNr(), ""),
                        "a YAML alias (*…) is not supported here",
                        "write the key out in full; Separata does not expand anchors and aliases");
            }
            int cut = msg.indexOf("\n at [Source");
            msg = (cut > 0 ? msg.substring(0, cut) : msg).strip();
            // a reader's exception quoted in the message: keep what it says, not its Java name
            msg = msg.replaceFirst("^([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error): ", "");
            if (msg.startsWith("Invalid UTF-8")) {
                throw syntax(fileName, e.getLocation(), "the file is not valid UTF-8 (" + msg + ")",
                        "save the file as UTF-8; every manifest is read as UTF-8");
            }
            throw syntax(fileName, e.getLocation(), msg,
                    format == DataFormat.YAML
                            ? "check the indentation and quoting near this line; text containing ': ' or starting "
                                    + "with a special character needs quotes"
                            : "check for a missing comma, quote or bracket near this position");
        } catch (IOException e) {
            throw syntax(fileName, null, "cannot be read: " + e.getMessage(), null);
        }
    }

    /**
     * Control characters, lone surrogates and bidirectional overrides in a value (they arrive
     * through escapes such as {@code "\a"} or {@code "\u202e"}) are errors at the value's line.
     */
    private static void checkCharacters(String text, SourceLocation where, String what, List<Diagnostic> unsafe) {
        int i = UnsafeText.find(text);
        if (i >= 0 && unsafe.size() < MAX_CHARACTER_ERRORS) {
            int cp = Character.isSurrogate(text.charAt(i)) ? text.charAt(i) : text.codePointAt(i);
            unsafe.add(Diagnostic.error(where, what + " contains " + UnsafeText.problem(text, i).orElseThrow()
                    + " at character " + (text.codePointCount(0, i) + 1), UnsafeText.hint(cp)));
        }
    }

    private static SeparataException syntax(String file, JsonLocation loc, String message, String hint) {
        SourceLocation where = loc == null ? SourceLocation.of(file)
                : new SourceLocation(file, loc.getLineNr(), loc.getColumnNr(), "");
        return SeparataException.invalid(where, "syntax error: " + message, hint);
    }

    private static Node read(JsonParser p, String file, String path, int depth, List<Diagnostic> unsafe)
            throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        SourceLocation where = new SourceLocation(file, loc.getLineNr(), loc.getColumnNr(), path);
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            // Jackson would give the anchor's name as the value; an alias is refused instead,
            // and its name never printed (it is whatever the file says).
            throw SeparataException.invalid(where, "a YAML alias (*…) is not supported here",
                    "write the value out in full; Separata does not expand anchors and aliases");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyLoc = p.currentTokenLocation();
                    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                        throw SeparataException.invalid(new SourceLocation(file, keyLoc.getLineNr(),
                                        keyLoc.getColumnNr(), path), "a YAML alias (*…) is not supported here",
                                "write the key out in full; Separata does not expand anchors and aliases");
                    }
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw SeparataException.invalid(
                                new SourceLocation(file, keyLoc.getLineNr(), keyLoc.getColumnNr(), childPath),
                                "the key '" + key + "' appears twice in the same map",
                                "keep one of them; the first is at line "
                                        + entries.get(key).location().line());
                    }
                    SourceLocation keyWhere = new SourceLocation(file, keyLoc.getLineNr(), keyLoc.getColumnNr(),
                            childPath);
                    checkCharacters(key, keyWhere, "the key", unsafe);
                    p.nextToken();
                    entries.put(key, read(p, file, childPath, depth + 1, unsafe));
                }
                return new Node.MapNode(entries, where);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file, path + "[" + i++ + "]", depth + 1, unsafe));
                }
                return new Node.ListNode(items, where);
            }
            case VALUE_STRING: {
                String text = p.getText();
                checkCharacters(text, where, "the value", unsafe);
                return new Node.ScalarNode(Kind.STRING, text, where);
            }
            case VALUE_NUMBER_INT:
                return new Node.ScalarNode(Kind.INTEGER, p.getText(), where);
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(Kind.NUMBER, p.getText(), where);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.ScalarNode(Kind.BOOLEAN, p.getText(), where);
            case VALUE_NULL:
                return new Node.ScalarNode(Kind.NULL, "", where);
            default:
                throw SeparataException.invalid(where, "unexpected " + t + " in the data", null);
        }
    }
}
