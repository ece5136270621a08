package io.inrkit.codec.internal.cm;

/**
 * The logistic domain that models and mixers work in. Probabilities are 12-bit integers
 * (1..4095 for 1/4096..4095/4096); "stretch" is {@code 256 ln(p / (1 - p))}, clamped to
 * -2047..2047, and "squash" its inverse. Both are tables computed once with {@link StrictMath},
 * so they are identical on every JVM and machine.
 */
public final class Probability {

    /** Probability scale: 12 bits. */
    public static final int ONE = 4096;
    public static final int MAX_STRETCH = 2047;

    private static final int[] SQUASH = new int[4096]; // index d + 2048 for d in -2048..2047
    private static final short[] STRETCH = new short[4096];

    static {
        for (int d = -2048; d < 2048; d++) {
            double p = ONE / (1 + StrictMath.exp(-d / 256.0));
            SQUASH[d + 2048] = clamp((int) StrictMath.floor(p + 0.5));
        }
        // stretch(p): the d whose squash is closest to p from below, so squash(stretch(p)) ~ p.
        int d = -2047;
        for (int p = 0; p < 4096; p++) {
            while (d < 2047 && SQUASH[d + 1 + 2048] <= p) {
                d++;
            }
            STRETCH[p] = (short) d;
        }
    }

    private Probability() {
    }

    /** 12-bit probability of logistic value {@code d} (256 per nat). */
    public static int squash(int d) {
        if (d > 2047) {
            return SQUASH[4095];
        }
        if (d < -2048) {
            return SQUASH[0];
        }
        return SQUASH[d + 2048];
    }

    /** Logistic value of a 12-bit probability (0..4095), in -2047..2047. */
    public static int stretch(int p) {
        return STRETCH[p];
    }

    public static int clamp(int p) {
        return p < 1 ? 1 : Math.min(p, ONE - 1);
    }

    /** {@code p} if it is a usable coding probability; a bug otherwise. */
    static long check(int p) {
        if (p < 1 || p >= ONE) {
            throw new IllegalArgumentException("probability " + p + " outside 1..4095");
        }
        return p;
    }

    /** Cost in bits of coding {@code bit} with probability {@code p1} of a 1. */
    public static double cost(int bit, int p1) {
        return -StrictMath.log((bit != 0 ? p1 : ONE - p1) / (double) ONE) / StrictMath.log(2);
    }
}
