package org.separata.diag;

/** The documented exit codes of the command line, one per class of failure. */
public enum ExitCode {
    OK(0, "ok"),
    /** A bug or an unexpected failure inside Separata. */
    INTERNAL(1, "internal error: a bug (please report it), or the Java machine ran out of memory or stack (one "
            + "short message names the article and says what to do)"),
    /** The command line itself is wrong: unknown option, missing argument. */
    USAGE(2, "usage: a wrong command line (an unknown option, a bad option value, an unknown layout, a file given "
            + "to the wrong command), an output that names an input, an ambiguous default output"),
    /** The input (manifest, JATS, layout pack, fonts) cannot be typeset as given. */
    INVALID_INPUT(3, "invalid input: a manifest, JATS file, profile or layout pack that cannot be typeset as given "
            + "(with --warnings-as-errors, one with warnings)"),
    /** A batch finished, but some of its articles failed. */
    PARTIAL_FAILURE(4, "some articles of an issue failed"),
    /**
     * The output cannot be written where it was asked for: the place is a folder (or a file where a
     * folder is wanted), a device, a FIFO or a symbolic link, permission is denied, the disk is full.
     */
    OUTPUT(5, "the output cannot be written: a folder, link, device or FIFO where a file goes, a file where a "
            + "folder goes, a folder of other files, permission denied, a full disk"),
    /** Interrupted (Ctrl-C); nothing half-made is left behind. 128 + SIGINT, as shells report it. */
    INTERRUPTED(130, "interrupted (Ctrl-C); an issue's output folder is left as it was");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code means, in the words of the README's table and the manual page. */
    public String meaning() {
        return meaning;
    }
}
