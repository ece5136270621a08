package io.inrkit.codec.internal.cm;

/**
 * Adaptive probability map (secondary estimation): refines a probability given a context by
 * interpolating between 33 learnt points along the logistic axis, and learns the point nearer to
 * the input after each bit.
 */
public final class Apm {

    private final char[] points;
    private final int rate;
    private int index;

    public Apm(int contexts, int rate) {
        this.points = new char[contexts * 33];
        this.rate = rate;
        for (int c = 0; c < contexts; c++) {
            for (int j = 0; j < 33; j++) {
                points[c * 33 + j] = (char) Math.min(65535, Probability.squash((j - 16) * 128) * 16);
            }
        }
    }

    /** Refined 12-bit probability of {@code p} in context {@code cx}. */
    public int refine(int p, int cx) {
        int s = Probability.stretch(p) + 2048; // 1..4095
        int lo = s >> 7;
        int w = s & 127;
        int i = cx * 33 + lo;
        index = w < 64 ? i : i + 1;
        return Probability.clamp((points[i] * (128 - w) + points[i + 1] * w) >> 11);
    }

    public void update(int bit) {
        int target = bit != 0 ? 65535 : 0;
        points[index] = (char) (points[index] + ((target - points[index]) >> rate));
    }
}
