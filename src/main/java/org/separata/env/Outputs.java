package org.separata.env;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * The output side of {@link World}: where Separata may write, and how. Outputs are regular files
 * written through a temporary file and moved into place; an output never names an input of the
 * run, a folder, a device, a FIFO or a symbolic link; a folder of outputs is built beside its place
 * and moved there whole. Problems are named plainly ("permission denied", "is a folder", "the disk
 * is full") at the path the user gave, never at a hidden temporary file.
 */
final class Outputs {

    /** The file that marks a folder as written by Separata, with what it holds. */
    static final String MARKER = ".separata";

    private Outputs() {
    }

    // ---- checks ---------------------------------------------------------------------------------

    /**
     * Checks, before anything is rendered, that {@code target} may receive a file: it is not an
     * input, not a folder, link or special file, and its folder can be written.
     */
    static void checkFile(Path target, Collection<Path> inputs) {
        Optional<Path> input = sameAsInput(target, inputs);
        if (input.isPresent()) {
            throw SeparataException.usage(SourceLocation.of(target.toString()),
                    "is an input of this run" + (input.get().equals(target) ? "" : " (" + input.get() + ")")
                            + "; writing the PDF there would destroy it",
                    "name another file with -o, e.g. " + siblingPdf(target));
        }
        checkNotSpecial(target, "the PDF file itself, e.g. " + target.resolve("article.pdf"));
        probeFolder(target.toAbsolutePath().getParent(), target);
    }

    /**
     * Checks, before anything is rendered, that {@code dir} may be replaced by a folder of outputs:
     * it holds no input, is a folder (or absent), is not a link, and holds nothing Separata did not
     * write ({@code kinds} are the marks accepted); its parent can be written.
     */
    static void checkFolder(Path dir, Collection<Path> inputs, List<String> kinds) {
        Path abs = dir.toAbsolutePath().normalize();
        for (Path in : inputs) {
            // a file that is not there (where a journal profile would be found, say) cannot be lost
            if (Files.exists(in, LinkOption.NOFOLLOW_LINKS) && inside(in, abs)) {
                throw SeparataException.usage(SourceLocation.of(dir.toString()),
                        "holds " + in + ", an input of this run; the folder is replaced as a whole, which would "
                                + "destroy it",
                        "name an output folder of its own, e.g. " + Optional.ofNullable(abs.getParent())
                                .map(p -> p.resolve("out")).orElse(Path.of("out")));
            }
        }
        if (Files.isSymbolicLink(abs)) {
            throw SeparataException.output(SourceLocation.of(dir.toString()),
                    "is a symbolic link; Separata does not replace links", "name the folder the link points to");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw SeparataException.output(SourceLocation.of(dir.toString()), "is a file, not a folder",
                    "name a folder for the outputs; it is made if it does not exist");
        }
        if (!isOurs(abs, kinds)) {
            throw SeparataException.output(SourceLocation.of(dir.toString()),
                    "holds files Separata did not write; the output folder is replaced as a whole, so they would be lost",
                    "name a new or empty folder, or one that Separata wrote before");
        }
        probeFolder(abs.getParent(), dir);
    }

    /** The input {@code target} is (the same file, through any path or link), if any. */
    private static Optional<Path> sameAsInput(Path target, Collection<Path> inputs) {
        if (!Files.exists(target)) {
            return Optional.empty();
        }
        for (Path in : inputs) {
            try {
                if (Files.exists(in) && Files.isSameFile(target, in)) {
                    return Optional.of(in);
                }
            } catch (IOException e) {
                // an input that cannot be compared cannot be the target either
            }
        }
        return Optional.empty();
    }

    /** Whether {@code file} lies in {@code dir} (or is it), by real paths where they exist. */
    private static boolean inside(Path file, Path dir) {
        Path f = real(file);
        Path d = real(dir);
        return f.startsWith(d);
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            return parent == null ? abs : real(parent).resolve(abs.getFileName());
        }
    }

    /** Refuses a target that is a folder, a link or a special file (a device, a FIFO, a socket). */
    private static void checkNotSpecial(Path target, String folderHint) {
        if (Files.isSymbolicLink(target)) {
            throw SeparataException.output(SourceLocation.of(target.toString()),
                    "is a symbolic link; Separata writes only regular files and does not replace links",
                    "name the file the link points to, or another file");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw SeparataException.output(SourceLocation.of(target.toString()), "is a folder", "name " + folderHint);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw SeparataException.output(SourceLocation.of(target.toString()),
                    "is " + special(target) + ", not a regular file; Separata writes only regular files",
                    "name a file in a folder of yours, e.g. ./article.pdf");
        }
    }

    private static String special(Path p) {
        try {
            Object kind = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int type = ((Integer) kind) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static Path siblingPdf(Path target) {
        String name = target.getFileName() == null ? "article" : target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return target.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-offprint.pdf");
    }

    /**
     * Checks that a file can be made in {@code folder} (or, if it does not exist yet, in the
     * nearest folder above it that does) by making one and removing it again.
     */
    private static void probeFolder(Path folder, Path shown) {
        Path f = folder == null ? Path.of("").toAbsolutePath() : folder;
        while (!Files.exists(f, LinkOption.NOFOLLOW_LINKS) && f.getParent() != null) {
            f = f.getParent();
        }
        if (!Files.isDirectory(f)) {
            throw SeparataException.output(SourceLocation.of(shown.toString()),
                    f + " is a file, not a folder", "name a path whose folders are folders");
        }
        try {
            Path probe = Files.createTempFile(f, ".separata-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(shown.toString()),
                    "cannot be written: " + plain(e) + " (in " + f + ")", hint(e));
        }
    }

    // ---- files --------------------------------------------------------------------------------------

    /** Writes a file through a temporary file beside it, then moves it into place. */
    static void writeAtomically(Path target, World.Writer writer) {
        Path abs = target.toAbsolutePath();
        checkNotSpecial(abs, "the file itself");
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            readableByAll(tmp);
            move(tmp, abs, true);
            tmp = null;
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(target.toString()), "cannot be written: " + plain(e),
                    hint(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named .part; nothing else to do
                }
            }
        }
    }

    /** Temporary files are created private; an output gets the usual rw-r--r--. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    static void move(Path from, Path to, boolean replace) throws IOException {
        StandardCopyOption[] atomic = replace
                ? new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}
                : new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE};
        try {
            Files.move(from, to, atomic);
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        }
    }

    // ---- folders ------------------------------------------------------------------------------------

    /** Whether a folder may be replaced: it does not exist, is empty, or carries one of {@code kinds}. */
    static boolean isOurs(Path dir, List<String> kinds) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return !Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        }
        try (Stream<Path> s = Files.list(dir)) {
            // the mark, or a mark being written by a run that made the folder a moment ago, is nothing to lose
            if (s.allMatch(p -> isMarkOrMarkBeingWritten(p.getFileName().toString()))) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        return kind(dir).filter(kinds::contains).isPresent();
    }

    /**
     * Whether {@code name} is the mark, the temporary file {@link #writeAtomically} writes it
     * through ({@code ..separata.NNN.part}) or a probe of {@link #probeFolder}: what a run that
     * made the folder a moment ago may have put there before the mark is in place.
     */
    static boolean isMarkOrMarkBeingWritten(String name) {
        return name.startsWith(MARKER) || (name.startsWith("." + MARKER + ".") && name.endsWith(".part"));
    }

    /** What a folder Separata wrote holds ("issue", "shard", "shards"), from its mark. */
    static Optional<String> kind(Path dir) {
        Path marker = dir.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) && Files.size(marker) < 1024) {
                String text = Files.readString(marker).strip();
                int space = text.lastIndexOf(' ');
                return Optional.of(space < 0 ? text : text.substring(space + 1));
            }
        } catch (IOException e) {
            // an unreadable mark is no mark
        }
        return Optional.empty();
    }

    /** Marks {@code dir} as a folder Separata wrote, holding {@code kind}. */
    static void mark(Path dir, String kind) throws IOException {
        try {
            writeAtomically(dir.resolve(MARKER), out -> out.write(("written by separata: " + kind + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (SeparataException e) {
            throw new IOException(e.diagnostics().get(0).message(), e);
        }
    }

    /** Removes a folder and everything in it; links are removed, never followed. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ---- messages -----------------------------------------------------------------------------------

    /** What went wrong, in the words a person uses, without the temporary file's name. */
    static String plain(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("operation not permitted")) {
            return "permission denied";
        }
        if (lower.contains("no space left")) {
            return "the disk is full";
        }
        if (lower.contains("quota")) {
            return "the disk quota is used up";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "a folder on the way is a file";
        }
        if (e instanceof FileAlreadyExistsException) {
            return ((FileSystemException) e).getFile() + " is a file, not a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a folder that is not empty";
        }
        return e instanceof FileSystemException ? reason : e.getClass().getSimpleName() + ": " + reason;
    }

    static String hint(IOException e) {
        String what = plain(e);
        return switch (what) {
            case "permission denied" -> "write somewhere you may write, or ask for write access to the folder";
            case "the disk is full", "the disk quota is used up" -> "free some space and run again; nothing "
                    + "half-written was left behind";
            case "the file system is read-only" -> "write to a folder on a writable disk";
            default -> "check the path and that its folder is writable";
        };
    }
}
