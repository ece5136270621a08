package io.inrkit.codec.internal.cm;

import java.io.ByteArrayOutputStream;

/**
 * Binary arithmetic encoder over a 32-bit interval [low, high], carry-less: the interval is
 * split in proportion to the bit's probability, and whenever low and high share their top byte,
 * that byte is final and is written out. All arithmetic is integer, so the decoder follows it
 * exactly on any machine.
 */
public final class ArithmeticEncoder implements BinaryCoder {

    private final ByteArrayOutputStream out;
    private long low;
    private long high = 0xFFFFFFFFL;
    private long bits;

    public ArithmeticEncoder(int expectedBytes) {
        out = new ByteArrayOutputStream(Math.max(16, expectedBytes));
    }

    @Override
    public int code(int bit, int p1) {
        long mid = low + (((high - low) * Probability.check(p1)) >>> 12);
        if (bit != 0) {
            high = mid;
        } else {
            low = mid + 1;
        }
        while (((low ^ high) & 0xFF000000L) == 0) {
            out.write((int) (high >>> 24));
            low = (low << 8) & 0xFFFFFFFFL;
            high = ((high << 8) & 0xFFFFFFFFL) | 0xFF;
        }
        bits++;
        return bit;
    }

    /** Bits coded so far. */
    public long bitsCoded() {
        return bits;
    }

    /** Ends the stream and returns every byte written. */
    public byte[] finish() {
        // Four bytes of low pin the final interval down for the decoder, whatever follows.
        for (int i = 0; i < 4; i++) {
            out.write((int) (low >>> 24));
            low = (low << 8) & 0xFFFFFFFFL;
        }
        return out.toByteArray();
    }
}
