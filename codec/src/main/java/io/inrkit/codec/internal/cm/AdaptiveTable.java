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

    /**
     * Per context, the 16-bit probability in the high half and the count of bits seen in the
     * low: one array, so that a lookup and its update touch one cache line (the value tables
     * are megabytes, and their misses were a fifth of the decode's time).
     */
    private final int[] cells;
    private final int limit;

    /** {@code size} contexts, each starting at probability 1/2; adaptation slows until {@code limit} bits. */
    public AdaptiveTable(int size, int limit) {
        if (limit < 1 || limit >= RATE.length) {
            throw new IllegalArgumentException("limit " + limit);
        }
        cells = new int[size];
        java.util.Arrays.fill(cells, 32768 << 16);
        this.limit = limit;
    }

    public int size() {
        return cells.length;
    }

    /** 12-bit probability of a 1 in context {@code cx}. */
    public int p(int cx) {
        return Probability.clamp(cells[cx] >>> 20);
    }

    public void update(int cx, int bit) {
        int cell = cells[cx];
        int c = cell & 0xFFFF;
        int p = cell >>> 16;
        int target = bit != 0 ? 65535 : 0;
        // p moves toward target by less than the distance, so it stays in 0..65535
        p += ((target - p) * RATE[c]) >> 16;
        cells[cx] = (p << 16) | (c < limit ? c + 1 : c);
    }
}
