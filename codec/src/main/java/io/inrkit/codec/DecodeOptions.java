package io.inrkit.codec;

import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.core.MemoryLimitException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;

/**
 * How a decode may run: threads evaluating the models, and how large a signal and how large
 * networks the caller lets a file declare. A file states its signal's size in a few bytes, so an untrusted one can ask for
 * any amount of memory; the limits let the caller refuse it with a {@link MemoryLimitException}
 * before decoding, as xz-java's {@code SingleXZInputStream(in, memoryLimit)} does. Build with
 * {@link #builder()}; values are checked in build().
 */
public final class DecodeOptions {

    /**
     * The default pixel limit: every signal the format can hold (at most {@link SignalSpec#MAX_SAMPLES}
     * samples), a 40000x40000 scan included; the memory limit is what bounds real files.
     */
    public static final long DEFAULT_MAX_PIXELS = Integer.MAX_VALUE;

    /**
     * The default model-size limit: every model the format holds ({@value} parameters in all, the
     * format's own bound). Lower it where decode time matters: the models are evaluated at every
     * position, so their size multiplies the work.
     */
    public static final long DEFAULT_MAX_PARAMETERS = InrFormat.MAX_PARAMETERS_TOTAL;

    private final int threads;
    private final long maxMemory;
    private final long maxPixels;
    private final long maxParameters;

    private DecodeOptions(Builder b) {
        threads = b.threads;
        maxMemory = b.maxMemory;
        maxPixels = b.maxPixels;
        maxParameters = b.maxParameters;
    }

    /** All cores, and the default limits. */
    public static DecodeOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Threads evaluating the models. */
    public int threads() {
        return threads;
    }

    /** Bytes a decode may need, as the decoder estimates them before it starts. Default: the JVM's maximum heap. */
    public long maxMemory() {
        return maxMemory;
    }

    /** Positions a file may declare: an image's pixels, audio's frames. Default {@link #DEFAULT_MAX_PIXELS}. */
    public long maxPixels() {
        return maxPixels;
    }

    /** Parameters (weights and biases) a file's networks may hold in all. Default {@link #DEFAULT_MAX_PARAMETERS}. */
    public long maxParameters() {
        return maxParameters;
    }

    /**
     * A context model's tables and history, per channel, for each tile being decoded: by the sizes
     * of its tables, about 1 MiB for images of either model and up to 1.7 MiB for 24-bit audio
     * with the stronger one (its 14 tables of 24 planes x 24 error levels x 37 distances).
     */
    static final long MODEL_STATE_BYTES_PER_CHANNEL = 7L << 18;

    /**
     * About what decoding {@code spec} takes: the decoded samples at their own width (1, 2 or 4
     * bytes); with models, a 16-bit probability for each of their bits; and for each tile decoded
     * at once (at most {@code threads}), the tile's samples again with a model's state.
     *
     * @param spec what the caller gets: the signal, or the region asked for
     * @param whole the file's signal, which the models' probabilities cover
     * @param models whether the file has models
     * @param tileSamples samples of the largest tile
     * @param tiles tiles decoded
     */
    long memoryNeeded(SignalSpec spec, SignalSpec whole, boolean models, long tileSamples, long tiles) {
        long store = spec.bitDepth() <= 8 ? 1 : spec.bitDepth() <= 16 ? 2 : 4;
        long bytes = spec.sampleCount() * store;
        if (models) {
            bytes += whole.sampleCount() * 2L * whole.bitDepth();
        }
        long inFlight = Math.min(threads, tiles);
        return bytes + inFlight * (tileSamples * (store + 4) + whole.channels() * MODEL_STATE_BYTES_PER_CHANNEL);
    }

    /**
     * Refuses a decode over either limit: of {@code spec} (the signal or the region asked for) from
     * a file of signal {@code whole} in tiles of {@code tileSamples} samples, {@code tiles} of them
     * to decode.
     */
    void check(SignalSpec spec, SignalSpec whole, boolean models, long tileSamples, long tiles)
            throws MemoryLimitException {
        checkPixels(spec);
        checkMemory(spec, memoryNeeded(spec, whole, models, tileSamples, tiles));
    }

    /**
     * Refuses a streamed decode of {@code whole} over either limit: its frames, and the memory of
     * its blocks of {@code blockSamples} samples in flight, as many decoded and waiting to be
     * written as there are threads decoding.
     */
    void checkStream(SignalSpec whole, long blockSamples, long blocks) throws MemoryLimitException {
        checkPixels(whole);
        long held = Math.min(whole.frames(), blockSamples / whole.channels() * Math.min(threads, blocks));
        checkMemory(whole, memoryNeeded(whole.withShape((int) held), whole, false, blockSamples, blocks));
    }

    private void checkPixels(SignalSpec spec) throws MemoryLimitException {
        long pixels = spec.kind() == SignalKind.AUDIO ? spec.frames() : spec.positions();
        String counted = spec.kind() == SignalKind.AUDIO ? " frames" : " pixels";
        if (pixels > maxPixels) {
            throw new MemoryLimitException("the file declares " + spec.describe() + ", " + pixels + counted
                    + ", over the limit of " + maxPixels + counted + " (raise it with --max-pixels)",
                    MemoryLimitException.Unit.PIXELS, pixels, maxPixels);
        }
    }

    private void checkMemory(SignalSpec spec, long bytes) throws MemoryLimitException {
        if (bytes > maxMemory) {
            throw new MemoryLimitException("the file declares " + spec.describe() + ", which needs about "
                    + bytes(bytes) + " to decode, over the limit of " + bytes(maxMemory)
                    + " (raise it with --max-memory; the default is the JVM's maximum heap, -Xmx in JAVA_OPTS)",
                    MemoryLimitException.Unit.BYTES, bytes, maxMemory);
        }
    }

    /** Refuses networks of {@code parameters} in all when they are over the model-size limit. */
    void checkModels(long parameters) throws MemoryLimitException {
        if (parameters > maxParameters) {
            throw new MemoryLimitException("the file's networks hold " + parameters + " parameters, over the limit of "
                    + maxParameters + " (raise it with --max-parameters)",
                    MemoryLimitException.Unit.PARAMETERS, parameters, maxParameters);
        }
    }

    /** {@code 1024 bytes}, or {@code 6291456 bytes (6 MiB)} from a mebibyte on. */
    private static String bytes(long n) {
        return n + " bytes" + (n >= 1 << 20 ? " (" + (n >> 20) + " MiB)" : "");
    }

    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        // The configured maximum, not what is free now: whether a file decodes must not depend
        // on the garbage collector's state at the moment of the check.
        private long maxMemory = Runtime.getRuntime().maxMemory();
        private long maxPixels = DEFAULT_MAX_PIXELS;
        private long maxParameters = DEFAULT_MAX_PARAMETERS;

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder maxMemory(long bytes) {
            maxMemory = bytes;
            return this;
        }

        public Builder maxPixels(long v) {
            maxPixels = v;
            return this;
        }

        public Builder maxParameters(long v) {
            maxParameters = v;
            return this;
        }

        public DecodeOptions build() {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
            }
            if (maxMemory < 1) {
                throw new IllegalArgumentException("the memory limit must be 1 byte or more, got " + maxMemory);
            }
            if (maxPixels < 1) {
                throw new IllegalArgumentException("the pixel limit must be 1 or more, got " + maxPixels);
            }
            if (maxParameters < 0) {
                throw new IllegalArgumentException("the parameter limit must be 0 or more, got " + maxParameters);
            }
            return new DecodeOptions(this);
        }
    }
}
