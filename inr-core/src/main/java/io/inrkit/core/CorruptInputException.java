package io.inrkit.core;

/** An input that claims a supported format but breaks it: truncated, bad checksum, lying lengths. */
public class CorruptInputException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public CorruptInputException(String message) {
        super(message);
    }

    public CorruptInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public CorruptInputException withContext(String context) {
        return new CorruptInputException(context + ": " + getMessage(), this);
    }
}
