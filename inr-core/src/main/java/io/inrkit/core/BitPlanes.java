package io.inrkit.core;

import io.inrkit.core.internal.SampleCoding;

/**
 * The bit planes of a signal: for every plane p (0 = least significant) and every interleaved
 * sample index i, the bit {@code (code(i) >>> p) & 1}, where code is the {@link PlaneMapping} of the
 * sample's unsigned value ({@link SampleCoding}). Planes are packed 64 samples to a long.
 *
 * <p>Immutable; {@link #recompose()} gives back exactly the signal that was decomposed.
 */
public final class BitPlanes {

    private final SignalSpec spec;
    private final PlaneMapping mapping;
    private final long[][] words;

    private BitPlanes(SignalSpec spec, PlaneMapping mapping, long[][] words) {
        this.spec = spec;
        this.mapping = mapping;
        this.words = words;
    }

    /** Number of longs that hold one plane of {@code samples} bits. */
    public static int wordsPerPlane(int samples) {
        return (samples + 63) >>> 6;
    }

    public static BitPlanes decompose(Signal signal, PlaneMapping mapping) {
        SignalSpec spec = signal.spec();
        int bits = spec.bitDepth();
        int n = spec.sampleCount();
        long[][] words = new long[bits][wordsPerPlane(n)];
        for (int i = 0; i < n; i++) {
            int code = mapping.encode(SampleCoding.toUnsigned(signal.sample(i), bits, spec.signed()));
            int w = i >>> 6;
            long bit = 1L << (i & 63);
            for (int p = 0; p < bits; p++) {
                if (((code >>> p) & 1) != 0) {
                    words[p][w] |= bit;
                }
            }
        }
        return new BitPlanes(spec, mapping, words);
    }

    /**
     * Planes from packed words, e.g. a model's thresholded predictions. {@code planes[p]} holds
     * plane p; bits past the last sample must be zero. The arrays are copied.
     */
    public static BitPlanes of(SignalSpec spec, PlaneMapping mapping, long[][] planes) {
        int n = spec.sampleCount();
        int perPlane = wordsPerPlane(n);
        if (planes.length != spec.bitDepth()) {
            throw new IllegalArgumentException("expected " + spec.bitDepth() + " planes, got " + planes.length);
        }
        long[][] copy = new long[planes.length][];
        long tailMask = (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
        for (int p = 0; p < planes.length; p++) {
            if (planes[p].length != perPlane) {
                throw new IllegalArgumentException("plane " + p + " has " + planes[p].length
                        + " words, expected " + perPlane);
            }
            if ((planes[p][perPlane - 1] & ~tailMask) != 0) {
                throw new IllegalArgumentException("plane " + p + " has bits past sample " + n);
            }
            copy[p] = planes[p].clone();
        }
        return new BitPlanes(spec, mapping, copy);
    }

    public SignalSpec spec() {
        return spec;
    }

    public PlaneMapping mapping() {
        return mapping;
    }

    public int planeCount() {
        return words.length;
    }

    /** Number of bits per plane: the signal's sample count. */
    public int length() {
        return spec.sampleCount();
    }

    /** Bit of {@code plane} for interleaved sample {@code index}. */
    public boolean bit(int plane, int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + length());
        }
        return ((words[plane][index >>> 6] >>> (index & 63)) & 1) != 0;
    }

    /** A copy of one plane's packed words. */
    public long[] planeWords(int plane) {
        return words[plane].clone();
    }

    /** Number of 1 bits in {@code plane}. */
    public long ones(int plane) {
        long count = 0;
        for (long w : words[plane]) {
            count += Long.bitCount(w);
        }
        return count;
    }

    /** Per plane, the number of samples whose bit differs from {@code other}'s. */
    public long[] differencesPerPlane(BitPlanes other) {
        if (!spec.equals(other.spec) || mapping != other.mapping) {
            throw new IllegalArgumentException("bit planes of different signals: " + spec.describe()
                    + " / " + mapping + " vs " + other.spec.describe() + " / " + other.mapping);
        }
        long[] diff = new long[words.length];
        for (int p = 0; p < words.length; p++) {
            long[] a = words[p];
            long[] b = other.words[p];
            for (int w = 0; w < a.length; w++) {
                diff[p] += Long.bitCount(a[w] ^ b[w]);
            }
        }
        return diff;
    }

    /** The signal these planes describe. */
    public Signal recompose() {
        int bits = spec.bitDepth();
        int n = spec.sampleCount();
        Signal.Builder b = Signal.builder(spec);
        for (int i = 0; i < n; i++) {
            int w = i >>> 6;
            int shift = i & 63;
            int code = 0;
            for (int p = 0; p < bits; p++) {
                code |= (int) ((words[p][w] >>> shift) & 1L) << p;
            }
            b.set(i, SampleCoding.fromUnsigned(mapping.decode(code), bits, spec.signed()));
        }
        return b.build();
    }
}
