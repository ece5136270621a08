package io.inrkit.cli;

/** The inrkit command's exit codes, as documented in the README. */
final class ExitCode {
    static final int OK = 0;
    /** A bug: anything not foreseen. */
    static final int INTERNAL = 1;
    /** Bad command line: unknown option, bad value, existing output without --force. */
    static final int USAGE = 2;
    /** An input that is missing, unreadable, unsupported or corrupt. */
    static final int BAD_INPUT = 3;
    /** Reading or writing failed for another reason: permissions, missing directory, full disk. */
    static final int IO_FAILURE = 4;

    private ExitCode() {
    }
}
