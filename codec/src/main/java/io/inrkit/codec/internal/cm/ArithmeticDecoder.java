package io.inrkit.codec.internal.cm;

/**
 * Decoder for {@link ArithmeticEncoder}'s streams. Reading past the end of the data yields zero
 * bytes, so a truncated or corrupt stream decodes to wrong bits, never to an exception or a hang;
 * the container's checksums and the final SHA-256 catch it.
 */
public final class ArithmeticDecoder implements BinaryCoder {

    private final byte[] in;
    private final int end;
    private int pos;
    private long low;
    private long high = 0xFFFFFFFFL;
    /** The 32 bits of the stream under the coder's interval [low, high]. */
    private long value;

    public ArithmeticDecoder(byte[] in, int offset, int length) {
        this.in = in;
        this.pos = offset;
        this.end = offset + length;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | nextByte();
        }
    }

    @Override
    public int code(int ignored, int p1) {
        long mid = low + (((high - low) * Probability.check(p1)) >>> 12);
        int bit;
        if (value <= mid) {
            bit = 1;
            high = mid;
        } else {
            bit = 0;
            low = mid + 1;
        }
        while (((low ^ high) & 0xFF000000L) == 0) {
            low = (low << 8) & 0xFFFFFFFFL;
            high = ((high << 8) & 0xFFFFFFFFL) | 0xFF;
            value = ((value << 8) & 0xFFFFFFFFL) | nextByte();
        }
        return bit;
    }

    /** Bytes of the stream not yet read. */
    public int remaining() {
        return Math.max(0, end - pos);
    }

    private int nextByte() {
        return pos < end ? in[pos++] & 0xFF : 0;
    }
}
