package org.separata.layout;

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

    /** The masthead fields a pack may show, in the order the schema lists them. */
    public static final List<String> MASTHEAD_FIELDS = List.of("logo", "journal", "publisher", "issn", "year",
            "volume", "number", "pages", "doi", "section");

    public LayoutPack {
        fonts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fonts));
        colors = Map.copyOf(colors);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Whether the design starts every article on a right-hand (odd) page; issue assembly honours it. */
    public boolean rectoStart() {
        return Boolean.TRUE.equals(options.get("recto-start"));
    }

    /** The masthead fields the first page shows ({@code options.masthead}; all when not given). */
    @SuppressWarnings("unchecked")
    public List<String> masthead() {
        Object m = options.get("masthead");
        return m instanceof List<?> l ? (List<String>) l : MASTHEAD_FIELDS;
    }

    /** The language of the generated how-to-cite line ({@code options.citation-language}, else en). */
    public String citationLanguage() {
        return String.valueOf(options.getOrDefault("citation-language", "en"));
    }

    /** The schema, parsed once per process. */
    private static final class Schema {
        static final SchemaChecker CHECKER = SchemaChecker.builtIn("layout.schema.json");
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
        return load(world, catalog, root, List.of());
    }

    /**
     * The pack's own {@code fonts/} folder, if a pack in a folder has one, as a real path that lies
     * inside the pack (it is then a font root of its own, so it may not be a link to elsewhere).
     *
     * @throws SeparataException (invalid input) when {@code fonts} leads outside the pack
     */
    public static Optional<java.nio.file.Path> ownFonts(World world, ResourceRoot root) {
        return root.directory().filter(d -> world.exists(d.resolve("fonts")))
                .map(d -> world.folderInside(root, "fonts", SourceLocation.of(root.describe("fonts"))));
    }

    /**
     * Loads the pack at {@code root}; its font families are looked for in its own {@code fonts/}
     * folder, then in {@code fontFolders} ({@code --font-path}), then among the built-in ones.
     */
    public static LayoutPack load(World world, FontCatalog catalog, ResourceRoot root, List<ResourceRoot> fontFolders) {
        List<ResourceRoot> fontRoots = new ArrayList<>();
        ownFonts(world, root).ifPresent(d -> fontRoots.add(ResourceRoot.fonts(d)));
        fontRoots.addAll(fontFolders);
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
                    "use " + PageGeometry.namedSizes() + ", or width and height in mm such as '170mm 240mm'"));
        } else if (!PageGeometry.plausible(size.get()[0], size.get()[1])) {
            problems.add(Diagnostic.error(sizeNode.location(), "a page of " + sizeNode.text() + " is not plausible",
                    "give width and height in mm, between 50 and 1200, e.g. '170mm 240mm'"));
        } else {
            try {
                geometry = new PageGeometry(size.get()[0], size.get()[1], number(pageNode, "margin-top", 25),
                        number(pageNode, "margin-bottom", 25), number(pageNode, "margin-inner", 25),
                        number(pageNode, "margin-outer", 25));
            } catch (IllegalArgumentException e) {
                problems.add(Diagnostic.error(pageNode.location(), e.getMessage(),
                        "check the margins (in mm) against the page size"));
            }
        }
        Map<String, FontFamily> fonts = new LinkedHashMap<>();
        ((MapNode) m.get("fonts").orElseThrow()).entries().forEach((role, n) -> {
            String id = ((ScalarNode) n).text();
            Optional<FontFamily> family = Optional.empty();
            try {
                family = catalog.family(id, fontRoots);
            } catch (SeparataException e) {
                problems.addAll(e.diagnostics());
                return;
            }
            if (family.isEmpty()) {
                problems.add(Diagnostic.error(n.location(), "the font family '" + id + "' is not in the pack's fonts/ "
                        + "folder, in a --font-path folder, nor among the built-in fonts",
                        "put a folder " + id + "/ with the font files and a family.yaml into the pack's fonts/ "
                                + "(see layouts/README.md), or use a built-in family, e.g. noto-serif"));
            } else {
                fonts.put(role, family.get());
            }
        });
        String template = text(m, "template").orElseThrow();
        String stylesheet = text(m, "stylesheet").orElseThrow();
        Optional<String> labelsFile = text(m, "labels");
        for (String key : List.of("template", "stylesheet", "labels", "issue-template")) {
            text(m, key).ifPresent(file -> {
                if (world.resource(root, file).isEmpty()) {
                    problems.add(Diagnostic.error(m.get(key).orElseThrow().location(),
                            "the " + key + " file '" + file + "' is not in the pack", "add " + root.describe(file)
                                    + " or correct the name"));
                }
            });
        }
        Optional<String> logo = text(m, "logo");
        logo.ifPresent(l -> {
            Optional<byte[]> bytes = world.resource(root, l);
            if (bytes.isEmpty()) {
                problems.add(Diagnostic.error(m.get("logo").orElseThrow().location(),
                        "the logo '" + l + "' is not in the pack", "add " + root.describe(l) + " or correct the name"));
            } else {
                try {
                    ImageKind.check(bytes.get(), root.describe(l), m.get("logo").orElseThrow().location(),
                            ImageKind.LOGO, world.limits());
                } catch (SeparataException e) {
                    problems.addAll(e.diagnostics());
                }
            }
        });
        Labels labels = null;
        if (problems.isEmpty()) {
            ResourceRoot library = world.layoutLibrary();
            Map<String, Map<String, String>> shared = loadLabels(world, library, "labels.yaml", true, problems);
            Map<String, Map<String, String>> own = labelsFile.map(f -> loadLabels(world, root, f, false, problems))
                    .orElse(Map.of());
            labels = Labels.layered(shared, own);
        }
        if (!problems.isEmpty()) {
            throw SeparataException.invalid(problems);
        }
        Map<String, String> colors = new LinkedHashMap<>();
        m.get("colors").map(MapNode.class::cast)
                .ifPresent(c -> c.entries().forEach((k, v) -> colors.put(k, ((ScalarNode) v).text())));
        Map<String, Object> options = new LinkedHashMap<>();
        m.get("options").map(MapNode.class::cast).ifPresent(o -> o.entries().forEach((k, v) -> {
            if (v instanceof Node.ListNode list) {
                options.put(k, list.items().stream().map(i -> ((ScalarNode) i).text()).toList());
                return;
            }
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

    /** Reads a labels file: language → label → text. The shared one must have English, the fallback. */
    private static Map<String, Map<String, String>> loadLabels(World world, ResourceRoot root, String file,
                                                             boolean requireEnglish, List<Diagnostic> problems) {
        String shown = root.describe(file);
        Optional<byte[]> bytes = world.resource(root, file);
        if (bytes.isEmpty()) {
            problems.add(Diagnostic.error(SourceLocation.of(shown), "the labels file is missing",
                    "the shared labels live in layouts/lib/labels.yaml; reinstall Separata if it is gone"));
            return Map.of();
        }
        Node tree = DataParser.parse(bytes.get(), shown, DataFormat.YAML);
        Map<String, Map<String, String>> byLang = new LinkedHashMap<>();
        if (!(tree instanceof MapNode m)) {
            problems.add(Diagnostic.error(tree.location(), "labels must be a map of languages",
                    "write en:, es:, ru: … each with a map of label: text"));
            return byLang;
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
        if (requireEnglish && !byLang.containsKey("en")) {
            problems.add(Diagnostic.error(tree.location(), "the labels have no 'en' section",
                    "English is the fallback for languages the pack lacks; add en:"));
        }
        return byLang;
    }

    private static double number(MapNode m, String key, double fallback) {
        return m.get(key).map(n -> Double.parseDouble(((ScalarNode) n).text())).orElse(fallback);
    }

    private static Optional<String> text(MapNode m, String key) {
        return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text().strip());
    }
}
