package io.inrkit.core.internal;

/**
 * Maps samples to the unsigned n-bit values that bit planes are taken from, and back.
 * Signed samples are offset by 2^(n-1) (docs/DESIGN.md, "Signals and samples"); for an n-bit
 * two's complement value that offset is exactly a flip of bit n-1, which never overflows, even at
 * n = 32.
 */
public final class SampleCoding {

    private SampleCoding() {
    }

    /** All-ones mask of the low {@code bits} bits (1..32). */
    public static int mask(int bits) {
        return bits == 32 ? -1 : (1 << bits) - 1;
    }

    /** The unsigned n-bit pattern of a sample. */
    public static int toUnsigned(int sample, int bits, boolean signed) {
        return signed ? (sample ^ (1 << (bits - 1))) & mask(bits) : sample;
    }

    /** Inverse of {@link #toUnsigned}: the sample whose unsigned pattern is {@code value}. */
    public static int fromUnsigned(int value, int bits, boolean signed) {
        if (!signed) {
            return value;
        }
        int shifted = value ^ (1 << (bits - 1));
        return (shifted << (32 - bits)) >> (32 - bits); // sign-extend from n bits
    }
}
