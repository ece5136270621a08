package io.inrkit.codec.internal.model;

/** Quantisers shared by the sample models: small integers that index context tables. */
final class Buckets {

    /** Buckets of {@link #signedDistance}: -{@code HALF}..+{@code HALF}. */
    static final int HALF = 18;
    static final int DISTANCE = 2 * HALF + 1;
    /** Buckets of {@link #activity}. */
    static final int ACTIVITY = 12;
    /** Buckets of {@link #wideActivity}, for audio, whose errors span far more octaves. */
    static final int WIDE_ACTIVITY = 24;

    private static final int[] MAGNITUDE = new int[256];
    /** Distance scale: {@code (prediction - split) * Z_MUL / (scale + Z_ADD)}; tuned on Kodak crops. */
    private static final long Z_MUL = 64;
    private static final long Z_ADD = 128;

    static {
        int[] upper = {0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 26, 32, 48, 64, 96, 128};
        int b = 0;
        for (int m = 0; m < 256; m++) {
            while (b < upper.length - 1 && m > upper[b]) {
                b++;
            }
            MAGNITUDE[m] = m > upper[upper.length - 1] ? HALF : b;
        }
    }

    private Buckets() {
    }

    /**
     * Where a prediction lies relative to the value at which the next bit turns from 0 to 1,
     * in units of the local error scale: {@code (prediction - split) * 64 / (scale + 128)}, all in
     * 1/16 of a sample, bucketed finely near 0 and coarsely far away. Index 0..DISTANCE-1.
     * The definition (docs/FORMAT.md's); the models call the equal reciprocal form below, and
     * BucketsTest holds it to this one.
     */
    static int signedDistance(long prediction16, long split16, int scale16) {
        long z = (prediction16 - split16) * Z_MUL / (scale16 + Z_ADD);
        int m = (int) Math.min(255, Math.abs(z));
        int q = MAGNITUDE[m];
        return z < 0 ? HALF - q : HALF + q;
    }

    /** The divisor {@link #signedDistance} divides by for an error scale (1/16 sample). */
    static long divisor(int scale16) {
        return scale16 + Z_ADD;
    }

    /**
     * {@link #signedDistance} with its divisor ({@link #divisor}) and the divisor's reciprocal
     * computed once per sample: the same bucket, exactly (the quotient from the reciprocal is off
     * by at most one, and corrected), without a 64-bit division per bit.
     */
    static int signedDistance(long prediction16, long split16, long divisor, double inverse) {
        long d = prediction16 - split16;
        long a = Math.abs(d) * Z_MUL;
        long m;
        if (a >= 256 * divisor) {
            m = 255;
        } else {
            m = (long) (a * inverse);
            if (m * divisor > a) {
                m--;
            } else if ((m + 1) * divisor <= a) {
                m++;
            }
        }
        int q = MAGNITUDE[(int) m];
        return d < 0 ? HALF - q : HALF + q;
    }

    /** Log-scale bucket of an error scale in 1/16 sample: 0..ACTIVITY-1. */
    static int activity(int scale16) {
        int b = 32 - Integer.numberOfLeadingZeros(scale16 >> 3); // 0 for < 8 (half a sample)
        return Math.min(ACTIVITY - 1, b);
    }

    /** {@link #activity} over 0..WIDE_ACTIVITY-1. */
    static int wideActivity(long scale16) {
        int b = 64 - Long.numberOfLeadingZeros(scale16 >> 3);
        return Math.min(WIDE_ACTIVITY - 1, b);
    }
}
