package org.separata.fonts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.data.DataFormat;
import org.separata.data.DataParser;
import org.separata.data.Node;
import org.separata.data.Node.MapNode;
import org.separata.data.Node.ScalarNode;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.ResourceRoot;
import org.separata.env.World;

/**
 * The font families in {@code fonts/}, each loaded once per process from bytes. A family folder
 * holds the font files, their licence, and a {@code family.yaml}:
 *
 * <pre>
 * name: Noto Serif
 * license: OFL.txt
 * faces:
 *   regular: NotoSerif-Regular.ttf
 *   italic: NotoSerif-Italic.ttf
 *   bold: NotoSerif-Bold.ttf
 *   bold-italic: NotoSerif-BoldItalic.ttf
 * </pre>
 */
public final class FontCatalog {

    private static final Map<String, int[]> FACE_KINDS = Map.of(
            "regular", new int[] {400, 0}, "italic", new int[] {400, 1},
            "bold", new int[] {700, 0}, "bold-italic", new int[] {700, 1});

    private final World world;
    private final Map<String, FontFamily> families = new ConcurrentHashMap<>();

    public FontCatalog(World world) {
        this.world = world;
    }

    /** The family in {@code fonts/<id>/}, if there is one. Loaded on first use. */
    public Optional<FontFamily> family(String id) {
        return family(id, List.of());
    }

    /**
     * The family {@code <id>/} of the first of {@code folders} that has it (a layout pack's own
     * {@code fonts/}, folders given with {@code --font-path}), else of {@link World#fontRoots} (the
     * built-in {@code fonts/}, then folders given with {@link World#withFontFolders}).
     * Each is loaded once per process.
     */
    public Optional<FontFamily> family(String id, List<ResourceRoot> folders) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        List<ResourceRoot> roots = new ArrayList<>(folders);
        roots.addAll(world.fontRoots());
        for (ResourceRoot root : roots) {
            String key = root + "|" + id;
            FontFamily f = families.get(key);
            if (f != null) {
                return Optional.of(f);
            }
            Optional<FontFamily> loaded = load(root, id);
            if (loaded.isPresent()) {
                families.putIfAbsent(key, loaded.get());
                return Optional.of(families.get(key));
            }
        }
        return Optional.empty();
    }

    /**
     * The built-in fallback chain ({@code fonts/fallback.txt}): the families a character is looked
     * for in, in order, when a layout's own fonts lack it.
     */
    public List<String> fallbackIds() {
        return world.resource(world.fonts(), "fallback.txt")
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList())
                .orElse(List.of());
    }

    /**
     * Loads family {@code id} of {@code root}. Files are read through {@link World#resource}, so a
     * font folder's files must lie inside it and be regular files of bounded size.
     */
    private Optional<FontFamily> load(ResourceRoot root, String id) {
        String dir = id;
        Optional<byte[]> spec = world.resource(root, dir + "/family.yaml");
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String specName = root.describe(dir + "/family.yaml");
        Node tree = DataParser.parse(spec.get(), specName, DataFormat.YAML);
        if (!(tree instanceof MapNode m) || !(m.get("faces").orElse(null) instanceof MapNode faces)) {
            throw SeparataException.invalid(SourceLocation.of(specName), "has no 'faces' map",
                    "list the font files under faces: regular, italic, bold, bold-italic");
        }
        String name = text(m, "name").orElse(id);
        // a family of a pack or of --font-path is told apart from a built-in one of the same name
        String familyId = root.equals(world.fonts()) ? id : root.describe(id);
        String license = text(m, "license").orElseThrow(() -> SeparataException.invalid(
                SourceLocation.of(specName), "names no licence file", "add license: OFL.txt (the file beside it)"));
        if (world.resource(root, dir + "/" + license).isEmpty()) {
            throw SeparataException.invalid(SourceLocation.of(specName),
                    "its licence file '" + license + "' is missing", "put the font's licence text beside the fonts");
        }
        List<FontFace> list = new ArrayList<>();
        for (Map.Entry<String, Node> e : faces.entries().entrySet()) {
            int[] kind = FACE_KINDS.get(e.getKey());
            if (kind == null || !(e.getValue() instanceof ScalarNode file)) {
                throw SeparataException.invalid(e.getValue().location(), "unknown face '" + e.getKey() + "'",
                        "use regular, italic, bold or bold-italic, each naming a .ttf or .otf file");
            }
            byte[] bytes = world.resource(root, dir + "/" + file.text()).orElseThrow(() ->
                    SeparataException.invalid(file.location(), "the font file '" + file.text() + "' is missing",
                            "put it in " + root.describe(dir) + " or correct the name"));
            try {
                // the build stores each built-in font's coverage beside it (CoverageFile)
                java.util.Optional<java.util.BitSet> coverage = world.resource(root, dir + "/" + file.text()
                        + CoverageFile.SUFFIX).flatMap(c -> CoverageFile.read(c, bytes));
                list.add(new FontFace(familyId + "/" + e.getKey(), name, file.text(), kind[0], kind[1] == 1, bytes,
                        coverage));
            } catch (RuntimeException ex) {
                throw SeparataException.invalid(file.location(),
                        "'" + file.text() + "' is not a usable TrueType/OpenType font: " + ex.getMessage(),
                        "use a .ttf or .otf file with a Unicode cmap");
            }
        }
        return Optional.of(new FontFamily(familyId, name, license, list));
    }

    private static Optional<String> text(MapNode m, String key) {
        return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
    }

}
