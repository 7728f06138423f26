package org.separata.data;

import java.util.ArrayList;
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
import org.separata.diag.Suggestions;

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
        return checkAll(data).problems();
    }

    /**
     * What checking {@code data} found, and the data a reader can still go on with: the tree with
     * the keys the schema does not know taken out, and optional keys whose value has the wrong form
     * or type. There is no such tree when a problem leaves nothing sensible to read (a required key
     * missing, or of the wrong type; a list too short; an entry of a list that is wrong as a whole).
     *
     * @param problems every problem, in document order
     * @param usable   the data with what was refused taken out, when reading can go on
     */
    public record Result(List<Diagnostic> problems, Optional<Node> usable) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Checks {@code data}; see {@link Result}. */
    public Result checkAll(Node data) {
        List<Diagnostic> out = new ArrayList<>();
        boolean[] fatal = {false};
        Checked c = check(data, root, Optional.empty(), out, fatal);
        return new Result(out, fatal[0] || c.verdict == Verdict.WRONG_TYPE ? Optional.empty() : Optional.of(c.node));
    }

    /** How a value fared: it fits; its form is refused (a pattern, an enum, a bound); its type is wrong. */
    private enum Verdict { FITS, WRONG_VALUE, WRONG_TYPE }

    /** A value checked: the verdict, and the value with what was refused inside it taken out. */
    private record Checked(Verdict verdict, Node node) {
    }

    private Checked check(Node data, MapNode schema, Optional<String> description, List<Diagnostic> out,
                          boolean[] fatal) {
        schema = resolve(schema);
        Optional<String> desc = string(schema, "description").or(() -> description);
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(t -> fits(data, t))) {
            out.add(Diagnostic.error(data.location(),
                    "expected " + types.stream().map(SchemaChecker::article).collect(Collectors.joining(" or "))
                            + ", found " + data.describe(),
                    desc.orElse(null)));
            return new Checked(Verdict.WRONG_TYPE, data);
        }
        if (data instanceof MapNode map) {
            return new Checked(Verdict.FITS, checkMap(map, schema, out, fatal));
        } else if (data instanceof ListNode list) {
            return new Checked(Verdict.FITS, checkList(list, schema, desc, out, fatal));
        } else if (data instanceof ScalarNode scalar) {
            int before = out.size();
            checkScalar(scalar, schema, desc, out);
            return new Checked(out.size() == before ? Verdict.FITS : Verdict.WRONG_VALUE, data);
        }
        return new Checked(Verdict.FITS, data);
    }

    private MapNode checkMap(MapNode map, MapNode schema, List<Diagnostic> out, boolean[] fatal) {
        MapNode props = schema.get("properties").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElse(null);
        Node additional = schema.get("additionalProperties").orElse(null);
        boolean closed = additional instanceof ScalarNode s && s.text().equals("false");
        Set<String> allowed = props == null ? Set.of() : props.entries().keySet();
        Set<String> required = schema.get("required").filter(ListNode.class::isInstance)
                .map(r -> ((ListNode) r).items().stream().map(n -> ((ScalarNode) n).text())
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)))
                .orElse(new java.util.LinkedHashSet<>());
        Map<String, Node> patterns = schema.get("patternProperties").filter(MapNode.class::isInstance)
                .map(n -> ((MapNode) n).entries()).orElse(Map.of());
        Map<String, Node> kept = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node propSchema = props == null ? null : props.entries().get(e.getKey());
            Optional<MapNode> byPattern = patterns.entrySet().stream()
                    .filter(p -> Pattern.compile(p.getKey()).matcher(e.getKey()).find())
                    .map(p -> p.getValue()).filter(MapNode.class::isInstance).map(MapNode.class::cast).findFirst();
            MapNode valueSchema = propSchema instanceof MapNode ps ? ps : byPattern
                    .orElse(additional instanceof MapNode as ? as : null);
            if (valueSchema != null) {
                Checked c = check(e.getValue(), valueSchema, Optional.empty(), out, fatal);
                boolean isRequired = required.contains(e.getKey());
                if (c.verdict == Verdict.FITS) {
                    kept.put(e.getKey(), c.node);
                } else if (isRequired && c.verdict == Verdict.WRONG_TYPE) {
                    fatal[0] = true; // a reader cannot do without it
                } else if (isRequired) {
                    kept.put(e.getKey(), c.node); // a value of the wrong form is still a value
                }
                // an optional value that is refused is left out: what is read goes on without it
            } else if (closed) {
                String hint = unknownKeyHint(e.getKey(), allowed);
                for (Map.Entry<String, Node> p : patterns.entrySet()) {
                    hint += ", or a key matching " + p.getKey() + (p.getValue() instanceof MapNode pm
                            ? string(pm, "description").map(d -> " (" + d + ")").orElse("") : "");
                }
                out.add(Diagnostic.error(e.getValue().location(), "unknown key '" + e.getKey() + "'", hint));
            } else {
                kept.put(e.getKey(), e.getValue());
            }
        }
        for (String key : required) {
            if (!map.entries().containsKey(key)) {
                String path = map.path().isEmpty() ? key : map.path() + "." + key;
                Optional<String> hint = props == null ? Optional.empty()
                        : props.get(key).filter(MapNode.class::isInstance)
                                .flatMap(p -> string(resolve((MapNode) p), "description")
                                        .or(() -> string((MapNode) p, "description")));
                out.add(Diagnostic.error(map.location().withPath(path), "missing '" + key + "'",
                        hint.map(h -> "add it: " + h).orElse("add it")));
                fatal[0] = true;
            }
        }
        return new MapNode(kept, map.location());
    }

    private ListNode checkList(ListNode list, MapNode schema, Optional<String> desc, List<Diagnostic> out,
                               boolean[] fatal) {
        integer(schema, "minItems").ifPresent(min -> {
            if (list.items().size() < min) {
                out.add(Diagnostic.error(list.location(),
                        "needs at least " + min + (min == 1 ? " entry" : " entries") + ", found "
                                + list.items().size(), desc.orElse(null)));
                fatal[0] = true;
            }
        });
        Optional<MapNode> items = schema.get("items").filter(MapNode.class::isInstance).map(MapNode.class::cast);
        if (items.isEmpty()) {
            return list;
        }
        List<Node> kept = new ArrayList<>();
        for (Node item : list.items()) {
            Checked c = check(item, items.get(), Optional.empty(), out, fatal);
            if (c.verdict == Verdict.WRONG_TYPE) {
                fatal[0] = true; // leaving it out would renumber the entries after it
            }
            kept.add(c.node);
        }
        return new ListNode(kept, list.location());
    }

    private void checkScalar(ScalarNode s, MapNode schema, Optional<String> desc, List<Diagnostic> out) {
        schema.get("enum").filter(ListNode.class::isInstance).map(ListNode.class::cast).ifPresent(e -> {
            List<String> values = e.items().stream().map(n -> ((ScalarNode) n).text()).toList();
            if (!values.contains(s.text())) {
                out.add(Diagnostic.error(s.location(), "'" + s.text() + "' is not one of the allowed values",
                        Suggestions.didYouMean(s.text(), values) + "use one of: " + String.join(", ", values)));
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
        String list = allowed.isEmpty() ? "none" : String.join(", ", allowed);
        return Suggestions.didYouMean(key, allowed) + "keys allowed here: " + list;
    }
}
