package io.inrkit.codec.internal.cm;

/**
 * Decoder for {@link ArithmeticEncoder}'s streams. It reads in step with what the encoder wrote:
 * four bytes ahead from the start, and one byte whenever the encoder wrote one, so a stream the
 * encoder made ends exactly where its last bit's four closing bytes end. A read past the end is
 * therefore corruption, and it is reported at once ({@link Overrun}) rather than decoding zeros
 * for however many samples the file declares: a tiny file claiming a huge signal costs
 * microseconds, not a full decode before the SHA-256 check.
 */
public final class ArithmeticDecoder implements BinaryCoder {

    private final byte[] in;
    private final int start;
    private final int end;
    private int pos;
    private long low;
    private long high = 0xFFFFFFFFL;
    /** The 32 bits of the stream under the coder's interval [low, high]. */
    private long value;

    public ArithmeticDecoder(byte[] in, int offset, int length) {
        this.in = in;
        this.start = offset;
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

    /** Bytes of the stream not yet read: 0 once a stream the encoder made is fully decoded. */
    public int remaining() {
        return end - pos;
    }

    private int nextByte() {
        if (pos == end) {
            throw new Overrun(end - start);
        }
        return in[pos++] & 0xFF;
    }

    /**
     * The decoder needed a byte past the end of its stream: the stream is truncated or corrupt.
     * Unchecked, as {@link BinaryCoder#code} is on the hot path of every bit; whoever runs a
     * decoder turns it into the container's typed error, with its own offsets.
     */
    public static final class Overrun extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Overrun(int length) {
            super("its " + length + " bytes end before the last bit is decoded", null, false, false);
        }
    }
}
