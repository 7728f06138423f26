package org.separata.layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.env.ResourceRoot;
import org.separata.env.World;
import org.separata.fonts.FontCatalog;

/** Finds layout packs by name or folder and keeps each built-in one loaded for the process. */
public final class Layouts {

    private final World world;
    private final FontCatalog fonts;
    private final Map<String, LayoutPack> builtInPacks = new ConcurrentHashMap<>();
    private final Map<String, XhtmlLayout> builtIn = new ConcurrentHashMap<>();

    public Layouts(World world, FontCatalog fonts) {
        this.world = world;
        this.fonts = fonts;
    }

    /**
     * The layout named {@code nameOrPath}: a folder holding a layout.yaml (read afresh each time, so
     * edits show), or a built-in pack (loaded once).
     */
    public XhtmlLayout get(String nameOrPath) {
        return get(nameOrPath, SourceLocation.of("--layout " + nameOrPath));
    }

    /** Like {@link #get(String)}; {@code where} is the place that names the pack, for the error. */
    public XhtmlLayout get(String nameOrPath, SourceLocation where) {
        return get(nameOrPath, where, java.util.List.of());
    }

    /**
     * Like {@link #get(String, SourceLocation)}; a pack in a folder also finds its font families
     * in {@code fontFolders} ({@code --font-path}).
     */
    public XhtmlLayout get(String nameOrPath, SourceLocation where, List<Path> fontFolders) {
        return withTemplates(pack(nameOrPath, where, fontFolders));
    }

    /** A pack loaded with {@link #pack}, with its templates (a built-in pack's are loaded once). */
    public XhtmlLayout withTemplates(LayoutPack pack) {
        if (pack.root().directory().isPresent()) {
            return new XhtmlLayout(pack, world);
        }
        return builtIn.computeIfAbsent(pack.root().classpathPrefix(), k -> new XhtmlLayout(pack, world));
    }

    /**
     * The pack named {@code nameOrPath}, loaded and checked, without its templates: what a command
     * that does not lay out (validate, layouts) needs, without loading the template engine. A pack
     * in a folder also finds its font families in {@code fontFolders} ({@code --font-path}).
     */
    public LayoutPack pack(String nameOrPath, SourceLocation where, List<Path> fontFolders) {
        ResourceRoot root = root(nameOrPath, where);
        return root.directory().isPresent()
                ? LayoutPack.load(world, fonts, root, fontFolders.stream().map(ResourceRoot::directory).toList())
                : builtInPack(root);
    }

    private LayoutPack builtInPack(ResourceRoot root) {
        return builtInPacks.computeIfAbsent(root.classpathPrefix(), k -> LayoutPack.load(world, fonts, root));
    }

    private ResourceRoot root(String nameOrPath, SourceLocation where) {
        return world.layout(nameOrPath).orElseThrow(() -> SeparataException.invalid(
                where, "no such layout pack '" + nameOrPath + "'",
                "use one of the built-in packs (" + String.join(", ", world.builtInLayouts())
                        + ") or the path of a folder that holds a layout.yaml"));
    }

    /** Every built-in pack, loaded, in the order of {@code layouts/index.txt}. */
    public List<LayoutPack> builtIn() {
        return world.builtInLayouts().stream().map(n -> pack(n, SourceLocation.of("layouts/index.txt"), List.of())).toList();
    }
}
