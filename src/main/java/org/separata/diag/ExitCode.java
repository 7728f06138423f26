package org.separata.diag;

/** The documented exit codes of the command line, one per class of failure. */
public enum ExitCode {
    OK(0),
    /** A bug or an unexpected failure inside Separata. */
    INTERNAL(1),
    /** The command line itself is wrong: unknown option, missing argument. */
    USAGE(2),
    /** The input (manifest, JATS, layout pack, fonts) cannot be typeset as given. */
    INVALID_INPUT(3),
    /** A batch finished, but some of its articles failed. */
    PARTIAL_FAILURE(4),
    /**
     * The output cannot be written where it was asked for: the place is a folder (or a file where a
     * folder is wanted), a device, a FIFO or a symbolic link, permission is denied, the disk is full.
     */
    OUTPUT(5),
    /** Interrupted (Ctrl-C); nothing half-made is left behind. 128 + SIGINT, as shells report it. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
