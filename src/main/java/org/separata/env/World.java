package org.separata.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    /** Inputs larger than this are refused: no article manifest or JATS file comes near it. */
    public static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

    private static final World DEFAULT = new World(System.getenv());

    private final Map<String, String> env;
    private final Clock clock;
    private final Map<String, byte[]> resourceCache = new ConcurrentHashMap<>();

    World(Map<String, String> env) {
        this(env, Clock.systemDefaultZone());
    }

    World(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
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

    // ---- inputs ---------------------------------------------------------------------------------

    /** Reads an input file, bounded in size; a missing or unreadable file is invalid input. */
    public byte[] readInput(Path file) {
        String shown = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw SeparataException.invalid(SourceLocation.of(shown), "is a folder, not a file",
                        "name the manifest (.yaml, .json) or JATS (.xml) file itself");
            }
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) {
                throw SeparataException.invalid(SourceLocation.of(shown),
                        "is " + size / (1024 * 1024) + " MiB, more than the " + MAX_INPUT_BYTES / (1024 * 1024)
                                + " MiB an input may have",
                        "check that this is an article file and not an archive or an image");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw SeparataException.invalid(SourceLocation.of(shown), "no such file",
                    "check the path; it is relative to the current folder " + Path.of("").toAbsolutePath());
        } catch (IOException e) {
            throw SeparataException.invalid(SourceLocation.of(shown), "cannot be read: " + e.getMessage(), null);
        }
    }

    /** Files an article bundle holds beside the article (its figures' images) are at most this large. */
    public static final long MAX_BUNDLE_FILE_BYTES = 64L * 1024 * 1024;

    /**
     * A file of an article's bundle: {@code relative} (as the article names it, e.g. a JATS
     * {@code xlink:href}) inside {@code bundle}, the folder of the input. Only a regular file whose
     * real path lies inside the bundle's real path is read, bounded in size: no absolute paths, no
     * {@code ..}, no URLs, no symlinks out of the bundle, no devices. Empty when there is no such
     * file; a file that is there but may not be read is empty too, with the reason in {@code refused}.
     */
    public Optional<byte[]> readBundleFile(Path bundle, String relative, java.util.function.Consumer<String> refused) {
        if (!isSafeRelative(relative)) {
            refused.accept("'" + relative + "' is not a plain relative file name inside the article's folder");
            return Optional.empty();
        }
        try {
            Path root = bundle.toAbsolutePath().toRealPath();
            Path file = root.resolve(relative).normalize();
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                refused.accept("'" + relative + "' leads outside the article's folder");
                return Optional.empty();
            }
            if (!Files.isRegularFile(real)) {
                refused.accept("'" + relative + "' is not a regular file");
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(real)) {
                byte[] bytes = in.readNBytes((int) MAX_BUNDLE_FILE_BYTES + 1);
                if (bytes.length > MAX_BUNDLE_FILE_BYTES) {
                    refused.accept("'" + relative + "' is larger than " + MAX_BUNDLE_FILE_BYTES / (1024 * 1024) + " MiB");
                    return Optional.empty();
                }
                return Optional.of(bytes);
            }
        } catch (IOException | RuntimeException e) {
            refused.accept("'" + relative + "' cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

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

    // ---- built-in resources: fonts/ and layouts/ --------------------------------------------------

    /**
     * A file from a resource root: a folder on disk, or a classpath prefix such as
     * {@code layouts/classic}. Cached per process. Names are checked so that nothing outside the
     * root can be reached.
     */
    public Optional<byte[]> resource(ResourceRoot root, String relative) {
        if (!isSafeRelative(relative)) {
            return Optional.empty();
        }
        String key = root + "|" + relative;
        byte[] cached = resourceCache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> loaded = root.directory().isPresent()
                ? readDisk(root.directory().get().resolve(relative))
                : readClasspath(root.classpathPrefix() + "/" + relative);
        loaded.ifPresent(b -> {
            if (root.directory().isEmpty()) {
                resourceCache.put(key, b);
            }
        });
        return loaded;
    }

    /**
     * The template library every layout pack shares ({@code layouts/lib}): macros, labels and
     * common assets. Templates reach it by the reserved prefix {@code /lib/}.
     */
    public ResourceRoot layoutLibrary() {
        return ResourceRoot.classpath("layouts/lib");
    }

    /** Font files are at most this large (Debian's Noto CJK collections are 20 to 27 MiB). */
    public static final long MAX_FONT_FILE_BYTES = 64L * 1024 * 1024;

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

    /** A font file's bytes, bounded in size; empty when it cannot be read. */
    public Optional<byte[]> readFontFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FONT_FILE_BYTES + 1);
            return bytes.length > MAX_FONT_FILE_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The root of the built-in font families ({@code fonts/}). */
    public ResourceRoot fonts() {
        return ResourceRoot.classpath("fonts");
    }

    /**
     * A layout pack by name or path: a folder on disk that holds a {@code layout.yaml}, else the
     * built-in pack of that name.
     */
    public Optional<ResourceRoot> layout(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p.resolve("layout.yaml"))) {
            return Optional.of(ResourceRoot.directory(p.toAbsolutePath().normalize()));
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

    private static Optional<byte[]> readDisk(Path p) {
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
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
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            throw SeparataException.invalid(SourceLocation.of("SOURCE_DATE_EPOCH"),
                    "'" + v + "' is not a number of seconds", "set it to an integer, e.g. $(date +%s)");
        }
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
                if (size < 4L * 1024 * 1024) {
                    // an edit within a file system's timestamp granularity still shows in the content
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(Files.readAllBytes(f));
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
     * Reads an input from a stream (standard input, the command line's {@code -}), bounded like
     * a file; {@code name} is what messages call it.
     */
    public byte[] readInput(InputStream in, String name) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_INPUT_BYTES + 1);
            if (bytes.length > MAX_INPUT_BYTES) {
                throw SeparataException.invalid(SourceLocation.of(name), "is more than the "
                        + MAX_INPUT_BYTES / (1024 * 1024) + " MiB an input may have",
                        "check that this is an article file and not an archive or an image");
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
