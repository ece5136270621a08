package io.inrkit.codec.internal.cm;

/**
 * One side of binary arithmetic coding. Models run the same code for encoding and decoding:
 * they compute a probability, call {@link #code}, and learn from the bit it returns. The encoder
 * codes the bit it is given and returns it; the decoder ignores it and returns the decoded bit.
 */
public interface BinaryCoder {

    /**
     * Codes one bit.
     *
     * @param bit the bit to encode (ignored when decoding)
     * @param p1 probability that the bit is 1, in 1/4096: 1..4095
     * @return the bit
     */
    int code(int bit, int p1);
}
