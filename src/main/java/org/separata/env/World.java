package org.separata.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * The one place where Separata touches the outside: input files, the font and layout folders, the
 * clock and output files. Everything else receives bytes from here, so the same input gives the
 * same output. Built-in fonts and layout packs come from the classpath (they are packed into the
 * jar from the repository's {@code fonts/} and {@code layouts/}); a layout pack may also be a
 * folder on disk. Nothing is ever fetched from the network.
 */
public final class World {

    /** The last second a PDF date can hold: 9999-12-31T23:59:59Z. */
    public static final long MAX_SOURCE_DATE_EPOCH = 253_402_300_799L;

    private static final World DEFAULT = new World(System.getenv());

    private final Map<String, String> env;
    private final Clock clock;
    private final List<Path> fontFolders;
    private final Optional<Limits> fixedLimits;
    private volatile Limits limits;
    private final Map<String, byte[]> resourceCache = new ConcurrentHashMap<>();

    World(Map<String, String> env) {
        this(env, Clock.systemDefaultZone());
    }

    World(Map<String, String> env, Clock clock) {
        this(env, clock, List.of(), Optional.empty());
    }

    private World(Map<String, String> env, Clock clock, List<Path> fontFolders, Optional<Limits> limits) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.fontFolders = List.copyOf(fontFolders);
        this.fixedLimits = limits;
    }

    /** The process-wide world: the real environment and the classpath. */
    public static World system() {
        return DEFAULT;
    }

    /** A world with a fixed environment (for tests and reproducibility checks). */
    public static World withEnvironment(Map<String, String> env) {
        return new World(env);
    }

    /** A world with a fixed environment and clock (for tests of what prints the time). */
    public static World withEnvironment(Map<String, String> env, Clock clock) {
        return new World(env, clock);
    }

    /** This world with other limits than {@code SEPARATA_LIMITS} gives. */
    public World withLimits(Limits other) {
        return new World(env, clock, fontFolders, Optional.of(other));
    }

    /**
     * This world with more folders of font families, searched after the built-in ones in the
     * order given (each folder holds one folder per family, as {@code fonts/} does).
     */
    public World withFontFolders(List<Path> folders) {
        List<Path> all = new ArrayList<>(fontFolders);
        all.addAll(folders);
        return new World(env, clock, all, fixedLimits);
    }

    /**
     * The limits in force: the defaults, changed by {@code SEPARATA_LIMITS}.
     *
     * @throws SeparataException (invalid input) when {@code SEPARATA_LIMITS} cannot be read
     */
    public Limits limits() {
        Limits l = limits;
        if (l == null) {
            l = fixedLimits.orElseGet(() -> Limits.parse(env.get(Limits.VARIABLE)));
            limits = l;
        }
        return l;
    }

    // ---- inputs: every file Separata reads passes this gate --------------------------------------
    //
    // A file is read only if, once every symbolic link is followed, it lies inside the root it
    // belongs to, and it is a regular file (not a device, FIFO, socket or folder). What is read is
    // bounded by the bytes actually read, never by the size the file system reports. Files named on
    // the command line belong to their own folder; files named inside a file (a profile's logo, an
    // issue's articles, a pack's templates) belong to that file's root, and must be relative.

    /**
     * Reads a file named on the command line (an article, a journal profile, an issue manifest),
     * or found beside one. It must lie in its own folder once links are followed, be a regular file,
     * and hold at most {@link Limit#INPUT_MB} MiB.
     */
    public byte[] readInput(Path file) {
        return readInput(file, Limit.INPUT_MB);
    }

    /** Like {@link #readInput(Path)}, bounded by {@code sizeLimit} (a limit in MiB). */
    public byte[] readInput(Path file, Limit sizeLimit) {
        ResourceRoot own = ResourceRoot.folderOf(ResourceRoot.Role.FOLDER, file);
        String shown = file.toString();
        return gate(own, file, limits().bytes(sizeLimit), sizeLimit, SourceLocation.of(shown), shown, true)
                .orElseThrow();
    }

    /**
     * Reads {@code relative}, a path written in a file (forward slashes, relative to {@code root}),
     * for {@code namedAt}, the place that names it. Absolute paths are refused, and so is a file
     * that lies outside the root once links are followed.
     *
     * @throws SeparataException (invalid input) at {@code namedAt} when the file is not there, lies
     *                           outside the root, is not a regular file, or is too large
     */
    public byte[] read(ResourceRoot root, String relative, SourceLocation namedAt) {
        return read(root, relative, root.role().sizeLimit(), namedAt);
    }

    /** Like {@link #read(ResourceRoot, String, SourceLocation)}, bounded by {@code sizeLimit} (in MiB). */
    public byte[] read(ResourceRoot root, String relative, Limit sizeLimit, SourceLocation namedAt) {
        return read(root, root.directory().orElseThrow(() -> new IllegalArgumentException("not a folder: " + root)),
                relative, sizeLimit, namedAt);
    }

    /**
     * Reads {@code relative}, written in a file whose folder is {@code base} and relative to it,
     * which must lie inside {@code root} (an issue manifest's articles, with {@code --root}).
     */
    public byte[] read(ResourceRoot root, Path base, String relative, Limit sizeLimit, SourceLocation namedAt) {
        return gate(root, locate(root, base, relative, namedAt), limits().bytes(sizeLimit), sizeLimit, namedAt,
                "'" + relative + "'", true).orElseThrow();
    }

    /**
     * The file {@code relative} names inside {@code root}, resolved, if it is a safe relative
     * path. Whether it may be read is decided by {@link #read}.
     */
    public Path locate(ResourceRoot root, String relative, SourceLocation namedAt) {
        return locate(root, root.directory().orElseThrow(), relative, namedAt);
    }

    private static Path locate(ResourceRoot root, Path base, String relative, SourceLocation namedAt) {
        checkRelative(root, relative, namedAt);
        return base.resolve(relative);
    }

    /**
     * The folder {@code relative} names inside {@code root} (a layout pack a journal profile or an
     * issue names by path), as a real path that must lie inside the root.
     *
     * @throws SeparataException (invalid input) at {@code namedAt} when it is absolute, not a folder,
     *                           or leads outside the root
     */
    public Path folderInside(ResourceRoot root, String relative, SourceLocation namedAt) {
        return folderInside(root, root.directory().orElseThrow(), relative, namedAt);
    }

    /** Like {@link #folderInside(ResourceRoot, String, SourceLocation)}, {@code relative} to {@code base}. */
    public Path folderInside(ResourceRoot root, Path base, String relative, SourceLocation namedAt) {
        Path p = locate(root, base, relative, namedAt);
        Path real;
        Path rootReal;
        try {
            real = p.toRealPath();
            rootReal = root.directory().orElseThrow().toAbsolutePath().toRealPath();
        } catch (IOException e) {
            throw SeparataException.invalid(namedAt, "there is no folder '" + relative + "' in " + root.role().noun()
                    + " (looked for " + p + ")", "correct the path; it is relative to " + root.describe());
        }
        if (!real.startsWith(rootReal)) {
            throw SeparataException.invalid(namedAt, "'" + relative + "' leads outside " + root.role().noun()
                    + " (to " + real + ")", "put the folder inside " + rootReal + ", or name it on the command line");
        }
        if (!Files.isDirectory(real)) {
            throw SeparataException.invalid(namedAt, "'" + relative + "' is not a folder", "name the folder itself");
        }
        return real;
    }

    /** Whether a file is there (a link is followed; a broken link is not there). */
    public boolean exists(Path file) {
        return Files.exists(file);
    }

    public Optional<Instant> lastModified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code relative} is a path a file may use to name another: not absolute, no drive
     * letter or backslash. ({@code ..} is allowed as long as the file stays inside its root.)
     */
    public static boolean isRelativeName(String relative) {
        return !relative.isBlank() && !relative.startsWith("/") && !relative.startsWith("~")
                && !relative.contains("\\") && !relative.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*")
                && relative.indexOf('\0') < 0;
    }

    private static void checkRelative(ResourceRoot root, String relative, SourceLocation namedAt) {
        if (!isRelativeName(relative)) {
            throw SeparataException.invalid(namedAt, "'" + relative + "' is not a relative path",
                    "name files relative to " + root.role().noun() + " (" + root.describe()
                            + "), with forward slashes; files elsewhere on the machine are never read");
        }
    }

    /**
     * The gate. Resolves {@code file} to its real path, checks that it lies inside {@code root},
     * that it is a regular file, and reads at most {@code max} bytes of it.
     *
     * @param required whether a missing file is an error (else: empty)
     */
    private Optional<byte[]> gate(ResourceRoot root, Path file, long max, Limit sizeLimit, SourceLocation where,
                                  String shown, boolean required) {
        Path rootLexical = root.directory().orElseThrow().toAbsolutePath().normalize();
        if (!file.toAbsolutePath().normalize().startsWith(rootLexical)) {
            throw SeparataException.invalid(where, shown + " leads outside " + root.role().noun() + " (to "
                            + file.toAbsolutePath().normalize() + ")",
                    "Separata reads only files inside " + root.role().noun() + " (" + rootLexical
                            + "); copy the file there and name it relative to that folder"
                            + (root.role() == ResourceRoot.Role.ISSUE ? ", or give the issue a wider folder with "
                            + "--root DIR" : ""));
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            if (!required) {
                return Optional.empty();
            }
            if (Files.isSymbolicLink(file)) {
                throw SeparataException.invalid(where, shown + " is a symbolic link to a file that is not there",
                        "replace the link with the file itself");
            }
            throw SeparataException.invalid(where, shown + ": no such file",
                    file.isAbsolute() ? "check the path" : "check the path; it is relative to "
                            + (root.role() == ResourceRoot.Role.FOLDER ? "the current folder " + Path.of("").toAbsolutePath()
                            : root.role().noun() + " " + root.describe()));
        } catch (IOException e) {
            throw SeparataException.invalid(where, shown + " cannot be read: " + e.getMessage(), null);
        }
        Path rootReal;
        try {
            rootReal = root.directory().orElseThrow().toAbsolutePath().toRealPath();
        } catch (IOException e) {
            throw SeparataException.invalid(where, root.describe() + " cannot be read: " + e.getMessage(), null);
        }
        if (!real.startsWith(rootReal)) {
            throw SeparataException.invalid(where, shown + " is a symbolic link that leads outside "
                            + root.role().noun() + " (to " + real + ")",
                    "Separata reads only files inside " + root.role().noun() + " (" + rootReal
                            + "); copy the file there instead of linking to it");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            throw SeparataException.invalid(where, shown + " cannot be read: " + e.getMessage(), null);
        }
        if (attrs.isDirectory()) {
            throw SeparataException.invalid(where, shown + " is a folder, not a file",
                    "name the file itself");
        }
        if (!attrs.isRegularFile()) {
            throw SeparataException.invalid(where, shown + " is not a regular file (it is a device, a FIFO or a socket)",
                    "Separata reads only regular files; name the file itself");
        }
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(where, shown, max, sizeLimit);
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            throw SeparataException.invalid(where, shown + " cannot be read: " + e.getMessage(), null);
        }
    }

    /** An input over its size limit: what it is, the limit, and how to raise it. */
    private static SeparataException tooLarge(SourceLocation where, String shown, long max, Limit sizeLimit) {
        return SeparataException.invalid(where, shown + " is larger than " + max / (1024 * 1024) + " MiB, the limit "
                        + sizeLimit.key(),
                "check that this is the right file and not an archive or another kind of file; "
                        + sizeLimit.raiseHint(max / (1024 * 1024) * 4));
    }

    /**
     * A file of an article's bundle: {@code relative} (as the article names it, e.g. a JATS
     * {@code xlink:href}) inside {@code bundle}, the folder of the input, read through the gate as
     * any input is ({@link ResourceRoot.Role#ARTICLE}: it must lie inside the folder once links are
     * followed, be a regular file, and hold at most {@link Limit#IMAGE_MB} MiB). Empty when there
     * is no such file; a file that is there but may not be read is empty too, with the reason in
     * {@code refused} (an article's figure then keeps its placeholder).
     */
    public Optional<byte[]> readBundleFile(Path bundle, String relative, java.util.function.Consumer<String> refused) {
        ResourceRoot root = ResourceRoot.folder(ResourceRoot.Role.ARTICLE, bundle);
        try {
            return gate(root, locate(root, relative, SourceLocation.of(relative)), limits().bytes(Limit.IMAGE_MB),
                    Limit.IMAGE_MB, SourceLocation.of(relative), "'" + relative + "'", false);
        } catch (SeparataException e) {
            refused.accept(e.diagnostics().get(0).message());
            return Optional.empty();
        }
    }

    /**
     * A private folder for article bundles sent to {@code separata serve}, made in the system's
     * temporary folder; each request's bundle gets a folder inside it, which is the root its files
     * are read in (see {@link Bundles}). Closing it removes it.
     */
    public Bundles bundles() {
        return Bundles.create(Path.of(System.getProperty("java.io.tmpdir")), limits());
    }

    // ---- resources: layout packs, fonts, built-in files ---------------------------------------------

    /**
     * A file from a resource root: a folder on disk, or a classpath prefix such as
     * {@code layouts/classic}. Built-in files are cached per process. Names are checked so that
     * nothing outside the root can be reached: a name with {@code ..}, a leading {@code /} or a
     * scheme is not there, and a file of a folder that lies outside it once links are followed,
     * or is not a regular file, or is too large, is refused.
     *
     * @return the bytes, or empty when there is no such file
     * @throws SeparataException (invalid input) when the file is there but may not be read
     */
    public Optional<byte[]> resource(ResourceRoot root, String relative) {
        if (!isSafeRelative(relative)) {
            return Optional.empty();
        }
        if (root.directory().isPresent()) {
            Limit size = root.role().sizeLimit();
            return gate(root, root.directory().get().resolve(relative), limits().bytes(size), size,
                    SourceLocation.of(root.describe(relative)), root.describe(relative), false);
        }
        String key = root.classpathPrefix() + "|" + relative;
        byte[] cached = resourceCache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> loaded = readClasspath(root.classpathPrefix() + "/" + relative);
        loaded.ifPresent(b -> resourceCache.put(key, b));
        return loaded;
    }

    /**
     * The template library every layout pack shares ({@code layouts/lib}): macros, labels and
     * common assets. Templates reach it by the reserved prefix {@code /lib/}.
     */
    public ResourceRoot layoutLibrary() {
        return ResourceRoot.classpath("layouts/lib");
    }

    /**
     * The system's font folders, searched for a font when no font of the layout has a character:
     * {@code SEPARATA_SYSTEM_FONTS} (folders separated by ':') if it is set, which may be empty;
     * else /usr/share/fonts, /usr/local/share/fonts, ~/.local/share/fonts and ~/.fonts, those that exist.
     */
    public List<Path> systemFontFolders() {
        String set = env.get("SEPARATA_SYSTEM_FONTS");
        List<Path> out = new ArrayList<>();
        if (set != null) {
            for (String p : set.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p.strip()));
                }
            }
            return out;
        }
        out.add(Path.of("/usr/share/fonts"));
        out.add(Path.of("/usr/local/share/fonts"));
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            out.add(Path.of(home, ".local", "share", "fonts"));
            out.add(Path.of(home, ".fonts"));
        }
        return out.stream().filter(Files::isDirectory).toList();
    }

    /** The font files (.ttf, .otf, .ttc) in a folder and its subfolders, sorted; none when it is not a folder. */
    public List<Path> fontFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder, 6)) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .matches(".*\\.(ttf|otf|ttc)")).filter(Files::isRegularFile).toList());
            out.sort(null);
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /**
     * A font file of {@code folder} (from {@link #fontFiles}), read through the gate as a file of a
     * font folder ({@link ResourceRoot.Role#FONTS}: inside the folder once links are followed, a
     * regular file, at most {@link Limit#RESOURCE_MB} MiB); empty when it may not or cannot be read.
     */
    public Optional<byte[]> readFontFile(Path folder, Path file) {
        try {
            Limit size = ResourceRoot.Role.FONTS.sizeLimit();
            return gate(ResourceRoot.fonts(folder), file, limits().bytes(size), size, SourceLocation.of(file.toString()),
                    file.toString(), false);
        } catch (SeparataException e) {
            return Optional.empty();
        }
    }

    /** The root of the built-in font families ({@code fonts/}). */
    public ResourceRoot fonts() {
        return ResourceRoot.classpath("fonts");
    }

    /**
     * Where font families are looked for, in order: the built-in {@code fonts/}, then the folders
     * given with {@link #withFontFolders}.
     */
    public List<ResourceRoot> fontRoots() {
        List<ResourceRoot> out = new ArrayList<>();
        out.add(fonts());
        fontFolders.forEach(f -> out.add(ResourceRoot.folder(ResourceRoot.Role.FONTS, f)));
        return out;
    }

    /**
     * Whether {@code value} (of {@code --layout}, or a {@code layout:} in a file) names a folder
     * rather than a built-in pack: it has a slash or starts with a dot ({@code ./classic},
     * {@code layouts/mine}, {@code /srv/packs/x}). A bare name ({@code classic}) is always a
     * built-in pack, whatever folders the working directory holds.
     */
    public static boolean namesFolder(String value) {
        return value.contains("/") || value.contains("\\") || value.startsWith(".");
    }

    /**
     * A layout pack by name or path. A bare name is a built-in pack; a path ({@link #namesFolder})
     * is a folder that holds a {@code layout.yaml}, relative to the current folder.
     */
    public Optional<ResourceRoot> layout(String nameOrPath) {
        if (namesFolder(nameOrPath)) {
            Path p = Path.of(nameOrPath);
            try {
                Path real = p.toRealPath();
                if (Files.isDirectory(real) && Files.isRegularFile(real.resolve("layout.yaml"))) {
                    return Optional.of(ResourceRoot.folder(ResourceRoot.Role.PACK, real));
                }
            } catch (IOException | SecurityException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        if (nameOrPath.matches("[a-z0-9][a-z0-9-]*")) {
            ResourceRoot root = ResourceRoot.classpath("layouts/" + nameOrPath);
            if (resource(root, "layout.yaml").isPresent()) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }

    /** The names of the built-in layout packs, from {@code layouts/index.txt}. */
    public List<String> builtInLayouts() {
        return resource(ResourceRoot.classpath("layouts"), "index.txt")
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList())
                .orElse(List.of());
    }

    private static boolean isSafeRelative(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains(":")) {
            return false;
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static Optional<byte[]> readClasspath(String name) {
        try (InputStream in = World.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---- clock ------------------------------------------------------------------------------------

    /**
     * The build time fixed by {@code SOURCE_DATE_EPOCH} (seconds since 1970), if set. Separata never
     * reads the wall clock for anything that goes into a PDF.
     */
    public Optional<Instant> sourceDateEpoch() {
        String v = env.get("SOURCE_DATE_EPOCH");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw SeparataException.invalid(SourceLocation.of("SOURCE_DATE_EPOCH"),
                    "'" + v.strip() + "' is not a number of seconds", "set it to an integer, e.g. $(date +%s)");
        }
        if (seconds < 0 || seconds > MAX_SOURCE_DATE_EPOCH) {
            throw SeparataException.invalid(SourceLocation.of("SOURCE_DATE_EPOCH"),
                    seconds + " is not a date a PDF can hold (from 0, 1970-01-01, to " + MAX_SOURCE_DATE_EPOCH
                            + ", 9999-12-31)", "set it to the seconds since 1970 of the build, e.g. $(date +%s)");
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    /** Monotonic time for measuring durations (progress, reports); never written into a PDF. */
    public long nanoTime() {
        return System.nanoTime();
    }

    /**
     * The wall-clock time, in the local time zone, for messages to a person watching (when a watch
     * re-render finished). Never written into a PDF.
     */
    public ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    // ---- watching files ---------------------------------------------------------------------------

    /**
     * What is known of each file right now: its modification time, size and (below 4 MiB) a
     * checksum of its content, or that it is absent.
     * Two stamps differ when a file was written, created or removed.
     */
    public Map<Path, String> stamp(Collection<Path> files) {
        Map<Path, String> out = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                long size = Files.size(f);
                String content = "";
                if (size < 4L * 1024 * 1024 && Files.isRegularFile(f)) {
                    // an edit within a file system's timestamp granularity still shows in the content;
                    // only regular files are read (a FIFO would block, a device never end)
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    try (InputStream in = Files.newInputStream(f)) {
                        crc.update(in.readNBytes(4 * 1024 * 1024));
                    }
                    content = "/" + Long.toHexString(crc.getValue());
                }
                out.put(f, Files.getLastModifiedTime(f).toMillis() + "/" + size + content);
            } catch (IOException e) {
                out.put(f, "absent");
            }
        }
        return out;
    }

    /**
     * Waits until one of {@code files} differs from {@code before} (a {@link #stamp}): written,
     * created or removed. It checks every {@code interval} and returns the files that changed. Polling works on every file system,
     * including network shares and editors that replace a file on save.
     *
     * @throws InterruptedException when the thread is interrupted (Ctrl-C ends a watch this way)
     */
    public List<Path> awaitChange(Collection<Path> files, Map<Path, String> before, Duration interval)
            throws InterruptedException {
        while (true) {
            Thread.sleep(interval.toMillis());
            Map<Path, String> now = stamp(files);
            List<Path> changed = new ArrayList<>();
            now.forEach((f, s) -> {
                if (!s.equals(before.get(f))) {
                    changed.add(f);
                }
            });
            if (!changed.isEmpty()) {
                return changed;
            }
        }
    }

    /** Every file inside a folder on disk, at any depth (for watching a layout pack), sorted. */
    public List<Path> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir, 4)) {
            List<Path> out = new ArrayList<>(s.filter(Files::isRegularFile).toList());
            out.sort(null);
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    // ---- outputs ----------------------------------------------------------------------------------

    /**
     * Writes {@code bytes} to {@code target} atomically: into a temporary file in the same folder,
     * then moved into place. A failure or a kill never leaves a partial file at {@code target}. A
     * target that is a folder, a symbolic link or a special file (a device, a FIFO) is refused, and
     * a failure is named plainly ("permission denied", "the disk is full") at {@code target}.
     *
     * @throws SeparataException (output, exit 5) when it cannot be written
     */
    public void writeAtomically(Path target, byte[] bytes) {
        writeAtomically(target, out -> out.write(bytes));
    }

    /** Like {@link #writeAtomically(Path, byte[])}, streaming through {@code writer}. */
    public void writeAtomically(Path target, Writer writer) {
        Outputs.writeAtomically(target, writer);
    }

    /**
     * Checks, before anything is rendered, that a file may be written at {@code target}: it is
     * none of {@code inputs} (usage error, exit 2), not a folder, a symbolic link, a device or a
     * FIFO, and a file can be made in its folder (output error, exit 5).
     */
    public void checkOutputFile(Path target, Collection<Path> inputs) {
        Outputs.checkFile(target, inputs);
    }

    /**
     * Checks, before anything is rendered, that the folder {@code dir} may be replaced by a folder
     * of outputs: it holds none of {@code inputs} (usage error, exit 2); it is a folder or absent,
     * not a link; it is empty or was written by Separata and holds one of {@code replaces}
     * ("issue", "shards"); and a folder can be made beside it (output error, exit 5).
     */
    public void checkOutputFolder(Path dir, Collection<Path> inputs, List<String> replaces) {
        Outputs.checkFolder(dir, inputs, replaces);
    }

    /**
     * Begins a folder of outputs holding {@code kind}, built beside {@code place} and moved there
     * whole when it is done; see {@link Staging}. {@code replaces}: what a folder already at the
     * place may hold for it to be replaced.
     */
    public Staging stage(Path place, String kind, List<String> replaces) {
        return Staging.begin(place, kind, replaces);
    }

    /**
     * Makes {@code dir} (if it is not there) as a folder that several runs share, marked as
     * holding {@code kind}, after {@link #checkOutputFolder} checks.
     */
    public void shareOutputFolder(Path dir, Collection<Path> inputs, String kind) {
        Outputs.checkFolder(dir, inputs, List.of(kind));
        try {
            Files.createDirectories(dir);
            if (Outputs.kind(dir).isEmpty()) {
                Outputs.mark(dir, kind);
            }
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(dir.toString()), "cannot be made: " + Outputs.plain(e),
                    Outputs.hint(e));
        }
    }

    /** What a folder Separata wrote holds ("issue", "shard", "shards"), if Separata wrote it. */
    public Optional<String> outputKind(Path dir) {
        return Outputs.kind(dir);
    }

    /** Removes an output file Separata wrote into a folder of its own ({@link #outputKind}), if it is there. */
    public void removeOutput(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Outputs.kind(parent).isEmpty()) {
            throw new IllegalArgumentException(file + " is not in a folder Separata wrote");
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(file.toString()), "cannot be removed: "
                    + Outputs.plain(e), Outputs.hint(e));
        }
    }

    /** Lists the folders directly inside a folder on disk (links left out), sorted by name. */
    public List<Path> listFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .toList());
            out.sort(null);
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Lists the files directly inside a folder on disk, sorted by name. */
    public List<Path> listFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(Files::isRegularFile).toList());
            out.sort(null);
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether {@code path} is a folder (following links). */
    public boolean isFolder(Path path) {
        return Files.isDirectory(path);
    }

    /**
     * Makes the folder {@code dir} (and those above it) for outputs, if it is not there.
     *
     * @throws SeparataException (output, exit 5) when it cannot be made
     */
    public void makeFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(dir.toString()), "cannot be made: " + Outputs.plain(e),
                    Outputs.hint(e));
        }
    }

    // ---- the process and its terminal -------------------------------------------------------------

    /** An environment variable, if it is set (NO_COLOR, TERM…). */
    public Optional<String> environment(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /**
     * Whether the process's file descriptor {@code fd} (0 standard input, 1 standard output, 2
     * standard error) is a terminal. On Linux this reads where {@code /proc/self/fd/N} points
     * (a {@code /dev/pts/} or {@code /dev/tty} device); elsewhere only standard input and output
     * together can be told, through the JDK's console.
     */
    public boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fd != 2 && System.console() != null;
        }
    }

    /**
     * The {@link #nanoTime} at which the process started (the JVM's start included), so that a
     * figure of the run's duration counts all of it; the current time when that cannot be told.
     */
    public long processStartNanos() {
        long now = System.nanoTime();
        return ProcessHandle.current().info().startInstant()
                .map(start -> now - Math.max(0, Duration.between(start, Instant.now()).toNanos()))
                .orElse(now);
    }

    /**
     * Reads an input from a stream (standard input, the command line's {@code -}), bounded by
     * {@link Limit#INPUT_MB} as a file is (by the bytes read); {@code name} is what messages call it.
     */
    public byte[] readInput(InputStream in, String name) {
        long max = limits().bytes(Limit.INPUT_MB);
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(SourceLocation.of(name), name, max, Limit.INPUT_MB);
            }
            return bytes;
        } catch (IOException e) {
            throw SeparataException.invalid(SourceLocation.of(name), "cannot be read: " + e.getMessage(), null);
        }
    }

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
