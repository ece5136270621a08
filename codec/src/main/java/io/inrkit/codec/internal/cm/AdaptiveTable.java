package io.inrkit.codec.internal.cm;

/**
 * A table of adaptive bit probabilities, one per context. Each learns from the bits seen in its
 * context at rate 1/(n + 1.5) for its n-th bit, down to 1/(limit + 1.5): fast at first, stable
 * later. 16-bit probabilities, integer arithmetic.
 */
public final class AdaptiveTable {

    private static final int[] RATE = new int[1024];

    static {
        for (int n = 0; n < RATE.length; n++) {
            RATE[n] = (int) (65536 / (n + 1.5));
        }
    }

    private final char[] probabilities;
    private final short[] counts;
    private final int limit;

    /** {@code size} contexts, each starting at probability 1/2; adaptation slows until {@code limit} bits. */
    public AdaptiveTable(int size, int limit) {
        if (limit < 1 || limit >= RATE.length) {
            throw new IllegalArgumentException("limit " + limit);
        }
        probabilities = new char[size];
        counts = new short[size];
        java.util.Arrays.fill(probabilities, (char) 32768);
        this.limit = limit;
    }

    public int size() {
        return probabilities.length;
    }

    /** 12-bit probability of a 1 in context {@code cx}. */
    public int p(int cx) {
        return Probability.clamp(probabilities[cx] >>> 4);
    }

    public void update(int cx, int bit) {
        int c = counts[cx];
        int target = bit != 0 ? 65535 : 0;
        probabilities[cx] = (char) (probabilities[cx] + (((target - probabilities[cx]) * RATE[c]) >> 16));
        if (c < limit) {
            counts[cx] = (short) (c + 1);
        }
    }
}
