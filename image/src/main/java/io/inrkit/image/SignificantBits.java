package io.inrkit.image;

/**
 * Scaling between a signal's bit depth n and a file's wider container depth D (PNG holds only
 * 1, 2, 4, 8 or 16 bits). Values are widened by left bit replication, the scaling the PNG spec
 * recommends (so a 6-bit image displays at full brightness), and the container records n in an
 * sBIT chunk. Narrowing is a right shift, the exact inverse of replication.
 */
final class SignificantBits {

    private SignificantBits() {
    }

    /** {@code value} (n bits) widened to {@code container} bits by left bit replication. */
    static int widen(int value, int bits, int container) {
        int out = value << (container - bits);
        for (int filled = bits; filled < container; filled *= 2) {
            out |= out >>> filled;
        }
        return out;
    }

    /** The n-bit value a container value holds. */
    static int narrow(int value, int bits, int container) {
        return value >>> (container - bits);
    }

    /** Whether {@code value} is exactly the replication of an n-bit value. */
    static boolean isWidened(int value, int bits, int container) {
        return widen(narrow(value, bits, container), bits, container) == value;
    }
}
