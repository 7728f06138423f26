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
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        FontFamily f = families.get(id);
        if (f != null) {
            return Optional.of(f);
        }
        Optional<FontFamily> loaded = load(id);
        loaded.ifPresent(l -> families.putIfAbsent(id, l));
        return loaded.map(l -> families.get(id));
    }

    /**
     * Loads a family from the first font root that has it ({@link World#fontRoots}: the built-in
     * fonts, then any font folders given). Files are read through {@link World#resource}, so a font
     * folder's files must lie inside it and be regular files of bounded size.
     */
    private Optional<FontFamily> load(String id) {
        for (ResourceRoot root : world.fontRoots()) {
            Optional<byte[]> spec = world.resource(root, id + "/family.yaml");
            if (spec.isPresent()) {
                return Optional.of(load(root, id, spec.get()));
            }
        }
        return Optional.empty();
    }

    private FontFamily load(ResourceRoot root, String id, byte[] specBytes) {
        String dir = id;
        Optional<byte[]> spec = Optional.of(specBytes);
        String specName = root.describe(dir + "/family.yaml");
        Node tree = DataParser.parse(spec.get(), specName, DataFormat.YAML);
        if (!(tree instanceof MapNode m) || !(m.get("faces").orElse(null) instanceof MapNode faces)) {
            throw SeparataException.invalid(SourceLocation.of(specName), "has no 'faces' map",
                    "list the font files under faces: regular, italic, bold, bold-italic");
        }
        String name = text(m, "name").orElse(id);
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
                list.add(new FontFace(id + "/" + e.getKey(), name, file.text(), kind[0], kind[1] == 1, bytes));
            } catch (RuntimeException ex) {
                throw SeparataException.invalid(file.location(),
                        "'" + file.text() + "' is not a usable TrueType/OpenType font: " + ex.getMessage(),
                        "use a .ttf or .otf file with a Unicode cmap");
            }
        }
        return new FontFamily(id, name, license, list);
    }

    private static Optional<String> text(MapNode m, String key) {
        return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
    }

}
