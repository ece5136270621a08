package io.inrkit.core;

/**
 * Compact storage for interleaved samples: one byte per sample up to 8 bits, two up to 16, four
 * above. A 16-bit RGB image therefore costs exactly its raw size in memory.
 *
 * <p>Package-private: {@link Signal} and {@link Signal.Builder} are the only users, so bounds and
 * ranges are checked there, once.
 */
abstract class SampleStore {

    abstract int get(int index);

    abstract void set(int index, int value);

    abstract int length();

    /** The narrowest store able to hold every value of {@code spec}. */
    static SampleStore allocate(SignalSpec spec) {
        int n = spec.sampleCount();
        if (spec.bitDepth() <= 8) {
            return new Bytes(new byte[n], spec.signed());
        }
        if (spec.bitDepth() <= 16) {
            return new Shorts(new short[n], spec.signed());
        }
        return new Ints(new int[n]);
    }

    private static final class Bytes extends SampleStore {
        private final byte[] data;
        private final boolean signed;

        Bytes(byte[] data, boolean signed) {
            this.data = data;
            this.signed = signed;
        }

        @Override
        int get(int index) {
            return signed ? data[index] : data[index] & 0xFF;
        }

        @Override
        void set(int index, int value) {
            data[index] = (byte) value;
        }

        @Override
        int length() {
            return data.length;
        }

    }

    private static final class Shorts extends SampleStore {
        private final short[] data;
        private final boolean signed;

        Shorts(short[] data, boolean signed) {
            this.data = data;
            this.signed = signed;
        }

        @Override
        int get(int index) {
            return signed ? data[index] : data[index] & 0xFFFF;
        }

        @Override
        void set(int index, int value) {
            data[index] = (short) value;
        }

        @Override
        int length() {
            return data.length;
        }

    }

    private static final class Ints extends SampleStore {
        private final int[] data;

        Ints(int[] data) {
            this.data = data;
        }

        @Override
        int get(int index) {
            return data[index];
        }

        @Override
        void set(int index, int value) {
            data[index] = value;
        }

        @Override
        int length() {
            return data.length;
        }

    }
}
