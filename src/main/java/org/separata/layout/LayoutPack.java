package org.separata.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.Node;
import org.separata.data.Node.MapNode;
import org.separata.data.Node.ScalarNode;
import org.separata.data.SchemaChecker;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.fonts.FontCatalog;
import org.separata.fonts.FontFamily;

/**
 * A layout pack: a folder with {@code layout.yaml} (page, fonts, colours, options), an XHTML
 * template, a stylesheet, labels per language and assets. Loading checks everything a render will
 * need, so a broken pack fails up front with the file named.
 */
public record LayoutPack(String name, String description, ResourceRoot root, PageGeometry page,
                         Map<String, FontFamily> fonts, Map<String, String> colors, Optional<String> logo,
                         String template, String stylesheet, Labels labels, Map<String, Object> options,
                         Optional<String> issueTemplate) {

    public LayoutPack {
        fonts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fonts));
        colors = Map.copyOf(colors);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    private static final class Schema {
        static final SchemaChecker CHECKER = SchemaChecker.fromClasspath("/schema/layout.schema.json");
    }

    /** The font family serving a role ("text", "sans"), falling back to the text family. */
    public FontFamily font(String role) {
        return fonts.getOrDefault(role, fonts.get("text"));
    }

    /**
     * Loads and checks the pack at {@code root}.
     *
     * @throws SeparataException (invalid input) naming the pack's file that is wrong
     */
    public static LayoutPack load(World world, FontCatalog catalog, ResourceRoot root) {
        String settingsName = root.describe("layout.yaml");
        byte[] settings = world.resource(root, "layout.yaml").orElseThrow(() -> SeparataException.invalid(
                SourceLocation.of(settingsName), "the layout pack has no layout.yaml",
                "a pack is a folder with layout.yaml, a template, a stylesheet and labels; see layouts/README.md"));
        Node tree = DataParser.parse(settings, settingsName, DataFormat.YAML);
        List<Diagnostic> problems = new ArrayList<>(Schema.CHECKER.check(tree));
        if (!problems.isEmpty()) {
            throw SeparataException.invalid(problems);
        }
        MapNode m = (MapNode) tree;
        MapNode pageNode = (MapNode) m.get("page").orElseThrow();
        ScalarNode sizeNode = (ScalarNode) pageNode.get("size").orElseThrow();
        Optional<double[]> size = PageGeometry.parseSize(sizeNode.text());
        PageGeometry geometry = null;
        if (size.isEmpty()) {
            problems.add(Diagnostic.error(sizeNode.location(), "cannot read the page size '" + sizeNode.text() + "'",
                    "use A3, A4, A5, A6, B5, letter or legal, or width and height in mm such as '170mm 240mm'"));
        } else {
            try {
                geometry = new PageGeometry(size.get()[0], size.get()[1], number(pageNode, "margin-top", 25),
                        number(pageNode, "margin-bottom", 25), number(pageNode, "margin-inner", 25),
                        number(pageNode, "margin-outer", 25));
            } catch (IllegalArgumentException e) {
                problems.add(Diagnostic.error(pageNode.location(), e.getMessage(),
                        "check the page size and the margins (all in mm)"));
            }
        }
        Map<String, FontFamily> fonts = new LinkedHashMap<>();
        ((MapNode) m.get("fonts").orElseThrow()).entries().forEach((role, n) -> {
            String id = ((ScalarNode) n).text();
            Optional<FontFamily> family = Optional.empty();
            try {
                family = catalog.family(id);
            } catch (SeparataException e) {
                problems.addAll(e.diagnostics());
                return;
            }
            if (family.isEmpty()) {
                problems.add(Diagnostic.error(n.location(), "the font family '" + id + "' is not in fonts/",
                        "use the name of a folder of fonts/ that holds a family.yaml, e.g. noto-serif"));
            } else {
                fonts.put(role, family.get());
            }
        });
        String template = text(m, "template").orElseThrow();
        String stylesheet = text(m, "stylesheet").orElseThrow();
        String labelsFile = text(m, "labels").orElseThrow();
        for (String key : List.of("template", "stylesheet", "labels", "issue-template")) {
            if (text(m, key).isEmpty()) {
                continue;
            }
            String file = text(m, key).orElseThrow();
            if (world.resource(root, file).isEmpty()) {
                problems.add(Diagnostic.error(m.get(key).orElseThrow().location(),
                        "the " + key + " file '" + file + "' is not in the pack", "add " + root.describe(file)
                                + " or correct the name"));
            }
        }
        Optional<String> logo = text(m, "logo");
        logo.ifPresent(l -> {
            if (world.resource(root, l).isEmpty()) {
                problems.add(Diagnostic.error(m.get("logo").orElseThrow().location(),
                        "the logo '" + l + "' is not in the pack", "add " + root.describe(l) + " or correct the name"));
            } else if (!l.matches("(?i).*\\.(png|jpe?g|gif)")) {
                problems.add(Diagnostic.error(m.get("logo").orElseThrow().location(),
                        "the logo '" + l + "' is not a PNG, JPEG or GIF image", "convert it to PNG"));
            }
        });
        Labels labels = null;
        if (problems.isEmpty()) {
            labels = loadLabels(world, root, labelsFile, problems);
        }
        if (!problems.isEmpty()) {
            throw SeparataException.invalid(problems);
        }
        Map<String, String> colors = new LinkedHashMap<>();
        m.get("colors").map(MapNode.class::cast)
                .ifPresent(c -> c.entries().forEach((k, v) -> colors.put(k, ((ScalarNode) v).text())));
        Map<String, Object> options = new LinkedHashMap<>();
        m.get("options").map(MapNode.class::cast).ifPresent(o -> o.entries().forEach((k, v) -> {
            ScalarNode s = (ScalarNode) v;
            options.put(k, switch (s.kind()) {
                case BOOLEAN -> Boolean.parseBoolean(s.text());
                case INTEGER, NUMBER -> Double.parseDouble(s.text());
                default -> s.text();
            });
        }));
        return new LayoutPack(text(m, "name").orElseThrow(), text(m, "description").orElse(""), root, geometry,
                fonts, colors, logo, template, stylesheet, labels, options, text(m, "issue-template"));
    }

    private static Labels loadLabels(World world, ResourceRoot root, String file, List<Diagnostic> problems) {
        String shown = root.describe(file);
        Node tree = DataParser.parse(world.resource(root, file).orElseThrow(), shown, DataFormat.YAML);
        Map<String, Map<String, String>> byLang = new LinkedHashMap<>();
        if (!(tree instanceof MapNode m)) {
            problems.add(Diagnostic.error(tree.location(), "labels must be a map of languages",
                    "write en:, es:, ru: … each with a map of label: text"));
            return new Labels(byLang);
        }
        m.entries().forEach((lang, n) -> {
            if (!(n instanceof MapNode labels)) {
                problems.add(Diagnostic.error(n.location(), "expected a map of labels for '" + lang + "'",
                        "write each label as key: text"));
                return;
            }
            Map<String, String> map = new LinkedHashMap<>();
            labels.entries().forEach((k, v) -> {
                if (v instanceof ScalarNode s && !s.isNull()) {
                    map.put(k, s.text());
                } else {
                    problems.add(Diagnostic.error(v.location(), "a label must be text", "write it as " + k + ": …"));
                }
            });
            byLang.put(lang, map);
        });
        if (!byLang.containsKey("en")) {
            problems.add(Diagnostic.error(tree.location(), "the labels have no 'en' section",
                    "English is the fallback for languages the pack lacks; add en:"));
        }
        return new Labels(byLang);
    }

    private static double number(MapNode m, String key, double fallback) {
        return m.get(key).map(n -> Double.parseDouble(((ScalarNode) n).text())).orElse(fallback);
    }

    private static Optional<String> text(MapNode m, String key) {
        return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text().strip());
    }
}
