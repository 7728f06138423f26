package org.separata.layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.separata.diag.Diagnostic;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;
import org.separata.diag.Suggestions;
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
     * The layout named {@code nameOrPath}: a built-in pack by its name ({@code classic}), or a
     * folder holding a layout.yaml by its path ({@code ./classic}, {@code layouts/mine}; read
     * afresh each time, so edits show). A bare name never means a folder, so a folder in the
     * working directory cannot stand in for a built-in pack.
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
                ? LayoutPack.load(world, fonts, root, fontFolders.stream().map(ResourceRoot::fonts).toList())
                : builtInPack(root);
    }

    private LayoutPack builtInPack(ResourceRoot root) {
        return builtInPacks.computeIfAbsent(root.classpathPrefix(), k -> LayoutPack.load(world, fonts, root));
    }

    private ResourceRoot root(String nameOrPath, SourceLocation where) {
        return world.layout(nameOrPath).orElseThrow(() -> notFound(nameOrPath, where));
    }

    /**
     * Why {@code nameOrPath} names no layout pack, if it names none: the error to report at
     * {@code where} (the command line turns it into a usage error for {@code --layout}).
     */
    public java.util.Optional<Diagnostic> missing(String nameOrPath, SourceLocation where) {
        if (world.layout(nameOrPath).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(notFound(nameOrPath, where).diagnostics().get(0));
    }

    private SeparataException notFound(String nameOrPath, SourceLocation where) {
        List<String> builtIn = world.builtInLayouts();
        String builtIns = String.join(", ", builtIn);
        if (World.namesFolder(nameOrPath)) {
            return SeparataException.invalid(where, world.isFolder(Path.of(nameOrPath))
                            ? "'" + nameOrPath + "' is a folder without a layout.yaml, not a layout pack"
                            : "no layout pack in the folder '" + nameOrPath + "'",
                    "a pack is a folder that holds a layout.yaml; or use a built-in pack (" + builtIns + ")");
        }
        boolean folderHere = world.exists(Path.of(nameOrPath).resolve("layout.yaml"));
        return SeparataException.invalid(where, "no built-in layout pack '" + nameOrPath + "'",
                Suggestions.didYouMean(nameOrPath, builtIn) + (folderHere ? "a bare name means a built-in pack; to "
                        + "use the folder '" + nameOrPath + "', write it as a path: ./" + nameOrPath
                        : "use one of the built-in packs (" + builtIns + "; 'separata layouts' lists them) or the path "
                        + "of a folder that holds a layout.yaml (./mine, layouts/mine)"));
    }

    /**
     * A {@code layout:} value written in a file (a journal profile, an issue manifest) whose
     * folder is {@code base}, made ready for {@link #get}: a bare name stays a built-in pack's
     * name; a path must be relative, and the folder it names must lie inside {@code base} once
     * links are followed. It is returned as that folder's real path.
     *
     * @throws SeparataException (invalid input) at {@code where}
     */
    public String resolveIn(ResourceRoot base, String value, SourceLocation where) {
        return resolveIn(base, base.directory().orElseThrow(), value, where);
    }

    /** Like {@link #resolveIn(ResourceRoot, String, SourceLocation)}, a path relative to {@code folder}. */
    public String resolveIn(ResourceRoot root, Path folder, String value, SourceLocation where) {
        if (!World.namesFolder(value)) {
            return value;
        }
        return world.folderInside(root, folder, value, where).toString();
    }

    /** The folder a layout value names, when it names one that holds a pack (for --watch). */
    public java.util.Optional<Path> folder(String nameOrPath) {
        return world.layout(nameOrPath).flatMap(ResourceRoot::directory);
    }

    /** Every built-in pack, loaded, in the order of {@code layouts/index.txt}. */
    public List<LayoutPack> builtIn() {
        return world.builtInLayouts().stream().map(n -> pack(n, SourceLocation.of("layouts/index.txt"), List.of())).toList();
    }
}
