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
    PARTIAL_FAILURE(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
