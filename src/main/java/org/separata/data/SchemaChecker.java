package org.separata.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.separata.data.Node.ListNode;
import org.separata.data.Node.MapNode;
import org.separata.data.Node.ScalarNode;
import org.separata.diag.Diagnostic;

/**
 * Checks a {@link Node} tree against a JSON Schema, so that the schema an editor uses for
 * autocompletion is also the one that decides what Separata accepts. It understands the subset the
 * project's schemas use: {@code $ref} into {@code $defs}, {@code type} (one or several),
 * {@code properties}, {@code patternProperties}, {@code additionalProperties} ({@code false} or a schema),
 * {@code required}, {@code items},
 * {@code enum}, {@code pattern}, {@code minItems}, {@code minLength}, {@code minimum} and
 * {@code maximum}. A property's {@code description} becomes the hint of a diagnostic about it.
 */
public final class SchemaChecker {

    private final MapNode root;

    public SchemaChecker(Node schema) {
        if (!(schema instanceof MapNode m)) {
            throw new IllegalArgumentException("a schema must be a JSON object");
        }
        this.root = m;
    }

    /**
     * The checker of one of Separata's own schemas, {@code src/main/resources/schema/NAME}.
     *
     * @throws IllegalStateException if the schema is not on the classpath (a broken build)
     */
    public static SchemaChecker builtIn(String name) {
        try (java.io.InputStream in = SchemaChecker.class.getResourceAsStream("/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema/" + name + " is missing from the classpath");
            }
            return new SchemaChecker(DataParser.parse(in.readAllBytes(), name, DataFormat.JSON));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** All problems found, in document order. An empty list means the data fits the schema. */
    public List<Diagnostic> check(Node data) {
        List<Diagnostic> out = new ArrayList<>();
        check(data, root, Optional.empty(), out);
        return out;
    }

    private void check(Node data, MapNode schema, Optional<String> description, List<Diagnostic> out) {
        schema = resolve(schema);
        Optional<String> desc = string(schema, "description").or(() -> description);
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(t -> fits(data, t))) {
            out.add(Diagnostic.error(data.location(),
                    "expected " + types.stream().map(SchemaChecker::article).collect(Collectors.joining(" or "))
                            + ", found " + data.describe(),
                    desc.orElse(null)));
            return;
        }
        if (data instanceof MapNode map) {
            checkMap(map, schema, out);
        } else if (data instanceof ListNode list) {
            checkList(list, schema, desc, out);
        } else if (data instanceof ScalarNode scalar) {
            checkScalar(scalar, schema, desc, out);
        }
    }

    private void checkMap(MapNode map, MapNode schema, List<Diagnostic> out) {
        MapNode props = schema.get("properties").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElse(null);
        Node additional = schema.get("additionalProperties").orElse(null);
        boolean closed = additional instanceof ScalarNode s && s.text().equals("false");
        Set<String> allowed = props == null ? Set.of() : props.entries().keySet();
        Map<String, Node> patterns = schema.get("patternProperties").filter(MapNode.class::isInstance)
                .map(n -> ((MapNode) n).entries()).orElse(Map.of());
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node propSchema = props == null ? null : props.entries().get(e.getKey());
            Optional<MapNode> byPattern = patterns.entrySet().stream()
                    .filter(p -> Pattern.compile(p.getKey()).matcher(e.getKey()).find())
                    .map(p -> p.getValue()).filter(MapNode.class::isInstance).map(MapNode.class::cast).findFirst();
            if (propSchema instanceof MapNode ps) {
                check(e.getValue(), ps, Optional.empty(), out);
            } else if (byPattern.isPresent()) {
                check(e.getValue(), byPattern.get(), Optional.empty(), out);
            } else if (additional instanceof MapNode as) {
                check(e.getValue(), as, Optional.empty(), out);
            } else if (closed) {
                String hint = unknownKeyHint(e.getKey(), allowed);
                for (Map.Entry<String, Node> p : patterns.entrySet()) {
                    hint += ", or a key matching " + p.getKey() + (p.getValue() instanceof MapNode pm
                            ? string(pm, "description").map(d -> " (" + d + ")").orElse("") : "");
                }
                out.add(Diagnostic.error(e.getValue().location(), "unknown key '" + e.getKey() + "'", hint));
            }
        }
        schema.get("required").filter(ListNode.class::isInstance).map(ListNode.class::cast).ifPresent(req -> {
            for (Node r : req.items()) {
                String key = ((ScalarNode) r).text();
                if (!map.entries().containsKey(key)) {
                    String path = map.path().isEmpty() ? key : map.path() + "." + key;
                    Optional<String> hint = props == null ? Optional.empty()
                            : props.get(key).filter(MapNode.class::isInstance)
                                    .flatMap(p -> string(resolve((MapNode) p), "description")
                                            .or(() -> string((MapNode) p, "description")));
                    out.add(Diagnostic.error(map.location().withPath(path), "missing '" + key + "'",
                            hint.map(h -> "add it: " + h).orElse("add it")));
                }
            }
        });
    }

    private void checkList(ListNode list, MapNode schema, Optional<String> desc, List<Diagnostic> out) {
        integer(schema, "minItems").ifPresent(min -> {
            if (list.items().size() < min) {
                out.add(Diagnostic.error(list.location(),
                        "needs at least " + min + (min == 1 ? " entry" : " entries") + ", found "
                                + list.items().size(), desc.orElse(null)));
            }
        });
        schema.get("items").filter(MapNode.class::isInstance).map(MapNode.class::cast).ifPresent(items -> {
            for (Node item : list.items()) {
                check(item, items, Optional.empty(), out);
            }
        });
    }

    private void checkScalar(ScalarNode s, MapNode schema, Optional<String> desc, List<Diagnostic> out) {
        schema.get("enum").filter(ListNode.class::isInstance).map(ListNode.class::cast).ifPresent(e -> {
            List<String> values = e.items().stream().map(n -> ((ScalarNode) n).text()).toList();
            if (!values.contains(s.text())) {
                out.add(Diagnostic.error(s.location(), "'" + s.text() + "' is not one of the allowed values",
                        "use one of: " + String.join(", ", values)));
            }
        });
        if (s.kind() == ScalarNode.Kind.STRING) {
            integer(schema, "minLength").ifPresent(min -> {
                if (s.text().strip().length() < min) {
                    out.add(Diagnostic.error(s.location(), "is empty", desc.orElse(null)));
                }
            });
            string(schema, "pattern").ifPresent(p -> {
                if (!Pattern.compile(p).matcher(s.text()).find()) {
                    out.add(Diagnostic.error(s.location(), "'" + s.text() + "' does not have the expected form",
                            desc.orElse("it must match " + p)));
                }
            });
        }
        if (s.kind() == ScalarNode.Kind.INTEGER || s.kind() == ScalarNode.Kind.NUMBER) {
            double v = Double.parseDouble(s.text());
            integer(schema, "minimum").filter(min -> v < min).ifPresent(min -> out.add(Diagnostic.error(
                    s.location(), s.text() + " is below the minimum " + min, desc.orElse(null))));
            integer(schema, "maximum").filter(max -> v > max).ifPresent(max -> out.add(Diagnostic.error(
                    s.location(), s.text() + " is above the maximum " + max, desc.orElse(null))));
        }
    }

    private MapNode resolve(MapNode schema) {
        int guard = 0;
        while (schema.get("$ref").isPresent() && guard++ < 32) {
            String ref = ((ScalarNode) schema.get("$ref").get()).text();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $refs are supported: " + ref);
            }
            Node target = root;
            for (String part : ref.substring(2).split("/")) {
                target = ((MapNode) target).get(part)
                        .orElseThrow(() -> new IllegalArgumentException("unresolved $ref " + ref));
            }
            schema = (MapNode) target;
        }
        return schema;
    }

    private static List<String> types(MapNode schema) {
        Optional<Node> t = schema.get("type");
        if (t.isEmpty()) {
            return List.of();
        }
        if (t.get() instanceof ListNode l) {
            return l.items().stream().map(n -> ((ScalarNode) n).text()).toList();
        }
        return List.of(((ScalarNode) t.get()).text());
    }

    private static boolean fits(Node data, String type) {
        return switch (type) {
            case "object" -> data instanceof MapNode;
            case "array" -> data instanceof ListNode;
            case "string" -> data instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING;
            case "integer" -> data instanceof ScalarNode s && s.kind() == ScalarNode.Kind.INTEGER;
            case "number" -> data instanceof ScalarNode s
                    && (s.kind() == ScalarNode.Kind.INTEGER || s.kind() == ScalarNode.Kind.NUMBER);
            case "boolean" -> data instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN;
            case "null" -> data instanceof ScalarNode s && s.isNull();
            default -> false;
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a map";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "boolean" -> "true or false";
            case "null" -> "nothing";
            default -> "a " + type;
        };
    }

    private static Optional<String> string(MapNode schema, String key) {
        return schema.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
    }

    private static Optional<Integer> integer(MapNode schema, String key) {
        return string(schema, key).map(s -> (int) Double.parseDouble(s));
    }

    static String unknownKeyHint(String key, Set<String> allowed) {
        Optional<String> near = allowed.stream()
                .filter(a -> distance(a, key) <= Math.max(2, key.length() / 4))
                .min(Comparator.comparingInt(a -> distance(a, key)));
        String list = allowed.isEmpty() ? "none" : String.join(", ", allowed);
        return near.map(n -> "did you mean '" + n + "'? ").orElse("") + "keys allowed here: " + list;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
