package org.separata.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.separata.diag.SeparataException;
import org.separata.diag.SourceLocation;

/**
 * A folder of outputs being built: a hidden folder beside the place it is for, filled file by
 * file, then moved into place whole ({@link #commit}), kept beside it for inspection
 * ({@link #keepFailed}) or removed ({@link #discard}). Until it is committed, the folder at its
 * place stays exactly as it was. Made by {@link World#stage}. Thread-safe: once it is closed,
 * writes are refused, so a worker that finishes late cannot put a file back into a removed folder.
 */
public final class Staging {

    private final Path place;
    private final Path dir;
    private final String kind;
    private final List<String> replaces;
    /** Writes share it; closing takes it alone, so no write is under way once the folder is closed. */
    private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean closed;

    private Staging(Path place, Path dir, String kind, List<String> replaces) {
        this.place = place;
        this.dir = dir;
        this.kind = kind;
        this.replaces = List.copyOf(replaces);
    }

    /** Makes the hidden folder beside {@code place} and marks it as holding {@code kind}. */
    static Staging begin(Path place, String kind, List<String> replaces) {
        Path abs = place.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Path dir = createHidden(abs);
            Outputs.mark(dir, kind);
            return new Staging(abs, dir, kind, replaces);
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(place.toString()),
                    "cannot be written: " + Outputs.plain(e) + " (in " + abs.getParent() + ")", Outputs.hint(e));
        }
    }

    /**
     * A new hidden folder beside {@code place}, with the permissions a new folder gets (a temporary
     * folder would be private, and the output folder it becomes should not be).
     */
    private static Path createHidden(Path place) throws IOException {
        String stem = "." + place.getFileName() + ".staging-" + ProcessHandle.current().pid() + "-";
        for (int n = 1; ; n++) {
            try {
                return Files.createDirectory(place.resolveSibling(stem + n));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another build of the same folder, or a leftover: take the next number
            }
        }
    }

    /** The folder this one will replace. */
    public Path place() {
        return place;
    }

    /** Where the files are while the build runs (a hidden folder beside {@link #place}). */
    public Path dir() {
        return dir;
    }

    /**
     * Writes {@code relative} ("offprints/a.pdf") inside the folder, through a temporary file.
     *
     * @throws SeparataException (output) when it cannot be written, or the folder is already closed
     */
    public void write(String relative, byte[] bytes) {
        Path target = resolve(relative);
        lock.readLock().lock();
        try {
            if (closed) {
                throw SeparataException.output(SourceLocation.of(place.resolve(relative).toString()),
                        "not written: the build was stopped", null);
            }
            Outputs.writeAtomically(target, out -> out.write(bytes));
        } catch (SeparataException e) {
            // named where the user will look for it, not inside the hidden folder
            throw SeparataException.output(SourceLocation.of(place.resolve(relative).toString()),
                    e.diagnostics().get(0).message(), e.diagnostics().get(0).hint().orElse(null));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes {@code relative} from the folder, if it is there. */
    public void delete(String relative) {
        lock.readLock().lock();
        try {
            if (!closed) {
                Files.deleteIfExists(resolve(relative));
            }
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(place.resolve(relative).toString()),
                    "cannot be removed: " + Outputs.plain(e), Outputs.hint(e));
        } finally {
            lock.readLock().unlock();
        }
    }

    private Path resolve(String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) {
            throw new IllegalArgumentException("not a file inside the folder: " + relative);
        }
        return p;
    }

    /**
     * Puts the folder in its place: the folder there before (if any) is replaced as a whole. If
     * something else was put there since the build began, nothing is replaced.
     *
     * @throws SeparataException (output) when it cannot be moved; the folder at the place is then as it was
     */
    public synchronized void commit() {
        if (!close()) {
            throw new IllegalStateException("the staging folder " + dir + " is already closed");
        }
        try {
            if (!Outputs.isOurs(place, replaces)) {
                throw SeparataException.output(SourceLocation.of(place.toString()),
                        "now holds files Separata did not write, so it was not replaced",
                        "the finished build is in " + dir + "; move what you need out of the way and run again");
            }
            if (Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                Path old = dir.resolveSibling(dir.getFileName() + ".old");
                Outputs.move(place, old, false);
                try {
                    Outputs.move(dir, place, false);
                } catch (IOException e) {
                    Outputs.move(old, place, false);
                    throw e;
                }
                try {
                    Outputs.deleteTree(old);
                } catch (IOException e) {
                    // the old folder is hidden beside the new one; the new one is in place
                }
            } else {
                Outputs.move(dir, place, false);
            }
        } catch (IOException e) {
            throw SeparataException.output(SourceLocation.of(place.toString()),
                    "cannot be replaced: " + Outputs.plain(e), Outputs.hint(e));
        }
        removeStaleFailed();
    }

    /** A folder kept from an earlier failed build is out of date once a build succeeds. */
    private void removeStaleFailed() {
        Path failed = failedPlace();
        if (Outputs.kind(failed).filter(kind::equals).isPresent()) {
            try {
                Outputs.deleteTree(failed);
            } catch (IOException e) {
                // it stays, marked as failed by its report
            }
        }
    }

    private Path failedPlace() {
        return place.resolveSibling(place.getFileName() + ".failed");
    }

    /**
     * Keeps the folder for inspection beside its place, as {@code PLACE.failed} (replacing an older
     * one Separata wrote), and returns where it is. The folder at the place is left as it was.
     */
    public synchronized Path keepFailed() {
        if (!close()) {
            throw new IllegalStateException("the staging folder " + dir + " is already closed");
        }
        Path failed = failedPlace();
        for (int n = 2; !Outputs.isOurs(failed, List.of(kind)); n++) {
            failed = place.resolveSibling(place.getFileName() + ".failed-" + n);
        }
        try {
            Outputs.deleteTree(failed);
            Outputs.move(dir, failed, false);
            return failed;
        } catch (IOException e) {
            return dir;
        }
    }

    /**
     * Removes the folder and everything in it; the folder at the place is left as it was. Does
     * nothing once the folder is committed or kept.
     */
    public synchronized void discard() {
        if (!close()) {
            return;
        }
        try {
            Outputs.deleteTree(dir);
        } catch (IOException e) {
            // a hidden, partly removed folder beside the place; nothing else to do
        }
    }

    /** Whether the folder is still being built. */
    public boolean isOpen() {
        return !closed;
    }

    /** Closes the folder to writes, waiting for those under way; false if it was closed already. */
    private boolean close() {
        lock.writeLock().lock();
        try {
            boolean was = closed;
            closed = true;
            return !was;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
