package io.inrkit.core;

/**
 * A well-formed input that needs more than the caller allows: more memory to decode than the
 * limit it set, more pixels (audio: frames), or larger networks. As with xz-java's {@code MemoryLimitException},
 * the caller can read what was needed and what was allowed, and decide whether to raise the
 * limit and try again.
 */
public class MemoryLimitException extends BadInputException {

    private static final long serialVersionUID = 1L;

    /** What {@link #needed()} and {@link #limit()} count. */
    public enum Unit {
        /** Bytes of memory. */
        BYTES,
        /** Positions of the signal: an image's pixels, audio's frames. */
        PIXELS,
        /** Parameters (weights and biases) of the networks a file stores. */
        PARAMETERS
    }

    private final Unit unit;
    private final long needed;
    private final long limit;

    public MemoryLimitException(String message, Unit unit, long needed, long limit) {
        super(message);
        this.unit = unit;
        this.needed = needed;
        this.limit = limit;
    }

    private MemoryLimitException(String message, MemoryLimitException cause) {
        super(message, cause);
        this.unit = cause.unit;
        this.needed = cause.needed;
        this.limit = cause.limit;
    }

    /** Which limit was exceeded, and so what {@link #needed()} and {@link #limit()} count. */
    public Unit unit() {
        return unit;
    }

    /** What the input needs, in {@link #unit()}s. */
    public long needed() {
        return needed;
    }

    /** What the caller allowed, in {@link #unit()}s. */
    public long limit() {
        return limit;
    }

    @Override
    public MemoryLimitException withContext(String context) {
        return new MemoryLimitException(context + ": " + getMessage(), this);
    }
}
