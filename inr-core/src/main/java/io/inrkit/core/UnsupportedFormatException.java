package io.inrkit.core;

/** A well-formed input in a format, encoding, layout or bit depth that INRKit does not handle. */
public class UnsupportedFormatException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(String message) {
        super(message);
    }

    public UnsupportedFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public UnsupportedFormatException withContext(String context) {
        return new UnsupportedFormatException(context + ": " + getMessage(), this);
    }
}
