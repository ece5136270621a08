package io.inrkit.core;

/**
 * How an unsigned n-bit sample value becomes the n-bit code whose bits are the planes.
 * Plane i of a code c is {@code (c >>> i) & 1}; plane 0 is the least significant bit.
 */
public enum PlaneMapping implements IdentifiedEnum {
    /** The code is the value itself (the paper's decomposition). */
    BINARY {
        @Override
        public int encode(int value) {
            return value;
        }

        @Override
        public int decode(int code) {
            return code;
        }
    },
    /**
     * Reflected binary Gray code: neighbouring values differ in one bit, so the carry chains
     * around mid-scale (0111 -> 1000) become a single flip.
     */
    GRAY {
        @Override
        public int encode(int value) {
            return value ^ (value >>> 1);
        }

        @Override
        public int decode(int code) {
            int v = code;
            v ^= v >>> 16;
            v ^= v >>> 8;
            v ^= v >>> 4;
            v ^= v >>> 2;
            v ^= v >>> 1;
            return v;
        }
    };

    /** Code of an unsigned value; both are n-bit patterns held in an int (n up to 32). */
    public abstract int encode(int value);

    /** Inverse of {@link #encode(int)}. */
    public abstract int decode(int code);

    /** Parses {@link #id()} ("binary", "gray"). */
    public static PlaneMapping fromId(String id) {
        return IdentifiedEnum.fromId(PlaneMapping.class, "plane mapping", id);
    }
}
