package io.inrkit.codec.internal.format;

import io.inrkit.core.CorruptInputException;

/**
 * Little-endian reads from a byte range, every one bounds-checked into a {@link CorruptInputException}.
 * Positions are offsets in the whole file (a section's reader shares the file's array), so an
 * error can say where in the file the defect is.
 */
final class ByteReader {

    private final byte[] data;
    private final int end;
    private final String what;
    private int pos;

    ByteReader(byte[] data, int offset, int length, String what) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        this.what = what;
    }

    /**
     * Refuses corrupt input: {@code reason} and the byte {@code offset} in the file where the
     * defect is, as aircompressor's zstd {@code Util.verify} does. {@code reason} is built
     * whether or not it is needed, so loops over many values test first and call {@link #corrupt}.
     */
    static void verify(boolean condition, int offset, String reason) throws CorruptInputException {
        if (!condition) {
            throw corrupt(offset, reason);
        }
    }

    /** The exception {@link #verify} throws. */
    static CorruptInputException corrupt(int offset, String reason) {
        return new CorruptInputException(reason + " at byte " + offset);
    }

    /** {@link #corrupt(int, String)} for a defect found as {@code cause}. */
    static CorruptInputException corrupt(int offset, String reason, Throwable cause) {
        return new CorruptInputException(reason + " at byte " + offset, cause);
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    private void need(int n) throws CorruptInputException {
        if (n < 0 || end - pos < n) {
            throw corrupt(pos, "truncated " + what + ": needs " + n + " more bytes, has " + (end - pos));
        }
    }

    int u8() throws CorruptInputException {
        need(1);
        return data[pos++] & 0xFF;
    }

    int u16() throws CorruptInputException {
        need(2);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    long u32() throws CorruptInputException {
        need(4);
        long v = (data[pos] & 0xFFL) | (data[pos + 1] & 0xFFL) << 8 | (data[pos + 2] & 0xFFL) << 16
                | (data[pos + 3] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    /** A u32 that must fit in {@code max}. */
    int u32Max(long max, String field) throws CorruptInputException {
        int at = pos;
        long v = u32();
        verify(v <= max, at, what + ": " + field + " " + v + " exceeds " + max);
        return (int) v;
    }

    float f32() throws CorruptInputException {
        return Float.intBitsToFloat((int) u32());
    }

    double f64() throws CorruptInputException {
        long lo = u32();
        long hi = u32();
        return Double.longBitsToDouble(hi << 32 | lo);
    }

    byte[] bytes(int n) throws CorruptInputException {
        need(n);
        byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    /** Skips {@code n} bytes after checking they are there; returns where they start. */
    int skip(int n) throws CorruptInputException {
        need(n);
        int at = pos;
        pos += n;
        return at;
    }

    byte[] data() {
        return data;
    }
}
