package io.inrkit.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * Everything about a {@link Signal} except its samples: kind, shape, channel count, bit depth,
 * signedness and (audio) sample rate. Immutable and validated on construction, so every holder
 * of a spec can trust its numbers.
 *
 * <p>Limits: every axis is at least 1; the total sample count (positions x channels) fits a Java
 * array ({@link #MAX_SAMPLES}); bit depth is 1..16 for images and 1..32 for audio; images have 1..4
 * channels (gray, gray+alpha, RGB, RGBA). Audio is normally signed PCM (0 is silence); images are
 * normally unsigned, though signed images (e.g. signed 16-bit TIFF scans) are allowed.
 */
public final class SignalSpec {

    /** Largest number of samples (positions x channels) a signal may hold: the JVM's array limit. */
    public static final long MAX_SAMPLES = Integer.MAX_VALUE - 8L;

    private final SignalKind kind;
    private final int[] shape;
    private final int channels;
    private final int bitDepth;
    private final boolean signed;
    private final double sampleRate;

    private SignalSpec(SignalKind kind, int[] shape, int channels, int bitDepth, boolean signed,
            double sampleRate) {
        if (kind == null) {
            throw new IllegalArgumentException("signal kind is required");
        }
        if (shape == null || shape.length != kind.rank()) {
            throw new IllegalArgumentException(kind.displayName() + " shape needs " + kind.rank()
                    + " axes, got " + (shape == null ? "none" : Arrays.toString(shape)));
        }
        for (int extent : shape) {
            if (extent < 1) {
                throw new IllegalArgumentException("every axis must be at least 1, got shape "
                        + Arrays.toString(shape));
            }
        }
        if (channels < 1 || channels > kind.maxChannels()) {
            throw new IllegalArgumentException(kind.displayName() + " channels must be 1.."
                    + kind.maxChannels() + ", got " + channels);
        }
        if (bitDepth < 1 || bitDepth > kind.maxBitDepth()) {
            throw new IllegalArgumentException("unsupported bit depth " + bitDepth + " for "
                    + kind.displayName() + " (1.." + kind.maxBitDepth() + ")");
        }
        if (bitDepth == 32 && !signed) {
            // Unsigned 32-bit values do not fit Java's int; no supported file format produces them.
            throw new IllegalArgumentException("unsigned 32-bit samples are not supported");
        }
        long samples = channels;
        for (int extent : shape) {
            samples *= extent;
            if (samples > MAX_SAMPLES) {
                throw new IllegalArgumentException("signal too large: shape " + Arrays.toString(shape)
                        + " x " + channels + " channels exceeds " + MAX_SAMPLES + " samples");
            }
        }
        if (kind == SignalKind.AUDIO) {
            if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
                throw new IllegalArgumentException("audio sample rate must be a positive number, got "
                        + sampleRate);
            }
        } else if (sampleRate != 0) {
            throw new IllegalArgumentException("images have no sample rate, got " + sampleRate);
        }
        this.kind = kind;
        this.shape = shape.clone();
        this.channels = channels;
        this.bitDepth = bitDepth;
        this.signed = signed;
        this.sampleRate = sampleRate;
    }

    /** An unsigned image spec. */
    public static SignalSpec image(int width, int height, int channels, int bitDepth) {
        return new SignalSpec(SignalKind.IMAGE, new int[] {height, width}, channels, bitDepth, false, 0);
    }

    /** An image spec with explicit signedness (signed images are rare: some scientific TIFFs). */
    public static SignalSpec image(int width, int height, int channels, int bitDepth, boolean signed) {
        return new SignalSpec(SignalKind.IMAGE, new int[] {height, width}, channels, bitDepth, signed, 0);
    }

    /** A signed PCM audio spec. */
    public static SignalSpec audio(int frames, int channels, int bitDepth, double sampleRate) {
        return new SignalSpec(SignalKind.AUDIO, new int[] {frames}, channels, bitDepth, true, sampleRate);
    }

    /** An audio spec with explicit signedness. */
    public static SignalSpec audio(int frames, int channels, int bitDepth, boolean signed,
            double sampleRate) {
        return new SignalSpec(SignalKind.AUDIO, new int[] {frames}, channels, bitDepth, signed, sampleRate);
    }

    /** The same spec with another shape (crops and segments keep everything else). */
    public SignalSpec withShape(int... newShape) {
        return new SignalSpec(kind, newShape, channels, bitDepth, signed, sampleRate);
    }

    /** The same spec with another bit depth (bit-depth reduction and expansion). */
    public SignalSpec withBitDepth(int newBitDepth) {
        return new SignalSpec(kind, shape, channels, newBitDepth, signed, sampleRate);
    }

    public SignalKind kind() {
        return kind;
    }

    /** Axis extents, slowest first: {@code [height, width]} or {@code [frames]}. A copy. */
    public int[] shape() {
        return shape.clone();
    }

    /** Extent of one axis (0 = slowest). */
    public int extent(int axis) {
        return shape[axis];
    }

    public int rank() {
        return shape.length;
    }

    public int width() {
        requireKind(SignalKind.IMAGE, "width");
        return shape[1];
    }

    public int height() {
        requireKind(SignalKind.IMAGE, "height");
        return shape[0];
    }

    public int frames() {
        requireKind(SignalKind.AUDIO, "frames");
        return shape[0];
    }

    public int channels() {
        return channels;
    }

    public int bitDepth() {
        return bitDepth;
    }

    public boolean signed() {
        return signed;
    }

    /** Samples per second per channel; 0 for images. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Number of positions (pixels or frames). */
    public int positions() {
        int n = 1;
        for (int extent : shape) {
            n *= extent;
        }
        return n;
    }

    /** Number of samples: positions x channels. */
    public int sampleCount() {
        return positions() * channels;
    }

    /** Smallest sample value allowed by bit depth and signedness. */
    public int minValue() {
        return signed ? (int) -(1L << (bitDepth - 1)) : 0;
    }

    /** Largest sample value allowed by bit depth and signedness. */
    public int maxValue() {
        return signed ? (int) ((1L << (bitDepth - 1)) - 1) : (int) ((1L << bitDepth) - 1);
    }

    /** Whether {@code value} is a legal sample for this spec. */
    public boolean inRange(int value) {
        return value >= minValue() && value <= maxValue();
    }

    /** A short human description, e.g. {@code image 64x48 3ch 16-bit unsigned}. */
    public String describe() {
        String size = kind == SignalKind.IMAGE ? width() + "x" + height() : frames() + " frames";
        String rate = kind == SignalKind.AUDIO ? String.format(Locale.ROOT, " %.0f Hz", sampleRate) : "";
        return kind.displayName() + " " + size + " " + channels + "ch " + bitDepth + "-bit "
                + (signed ? "signed" : "unsigned") + rate;
    }

    private void requireKind(SignalKind required, String what) {
        if (kind != required) {
            throw new IllegalStateException(kind.displayName() + " signals have no " + what);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SignalSpec other)) {
            return false;
        }
        return kind == other.kind && Arrays.equals(shape, other.shape) && channels == other.channels
                && bitDepth == other.bitDepth && signed == other.signed
                && Double.compare(sampleRate, other.sampleRate) == 0;
    }

    @Override
    public int hashCode() {
        int h = kind.hashCode();
        h = 31 * h + Arrays.hashCode(shape);
        h = 31 * h + channels;
        h = 31 * h + bitDepth;
        h = 31 * h + Boolean.hashCode(signed);
        return 31 * h + Double.hashCode(sampleRate);
    }

    @Override
    public String toString() {
        return describe();
    }
}
