package io.inrkit.cli;

/** A command line that cannot be carried out as written; exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
