package io.inrkit.core;

import java.io.IOException;

/**
 * An input that INRKit cannot use: missing, unreadable, not a file, or one of the more specific
 * cases {@link UnsupportedFormatException}, {@link CorruptInputException} and
 * {@link MemoryLimitException}. The command line maps every BadInputException to exit code 3.
 */
public class BadInputException extends IOException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The same kind of exception with {@code context} (usually the file name) in front of the
     * message, e.g. {@code photo.png: truncated PNG ...}.
     */
    public BadInputException withContext(String context) {
        return new BadInputException(context + ": " + getMessage(), this);
    }
}
