package io.inrkit.core.fit;

/**
 * The element-wise parts of a SIREN training step, as plain loops over heap arrays that the JIT
 * vectorises: a polynomial sin+cos in float is many times faster than ND4J's sin, which is the
 * bottleneck of a SIREN step otherwise (docs/FITTING.md, "Two engines", has the timings). Each
 * works on a row range, so {@link RowParallel} can split it across threads.
 * Training only: the codec evaluates models with its own deterministic code.
 */
final class Kernels {

    private static final float INV_2PI = (float) (1 / (2 * Math.PI));
    /** 1.5 * 2^23: adding and subtracting it rounds a float to the nearest integer without a branch. */
    private static final float ROUND = 12582912f;
    private static final float TWO_PI_HI = 6.28318548f;
    private static final float TWO_PI_LO = (float) (2 * Math.PI - 6.28318548);
    // Least-squares fits on [-pi, pi]: sin to 9.7e-8, cos to 1.1e-8 (fitted with numpy, see docs/FITTING.md).
    private static final float S1 = 9.9999959990e-01f;
    private static final float S3 = -1.6666552631e-01f;
    private static final float S5 = 8.3324029612e-03f;
    private static final float S7 = -1.9808632625e-04f;
    private static final float S9 = 2.6997138290e-06f;
    private static final float S11 = -2.0362212139e-08f;
    private static final float C0 = 9.9999998904e-01f;
    private static final float C2 = -4.9999989103e-01f;
    private static final float C4 = 4.1666489217e-02f;
    private static final float C6 = -1.3887803574e-03f;
    private static final float C8 = 2.4769882916e-05f;
    private static final float C10 = -2.7079024316e-07f;
    private static final float C12 = 1.7245068706e-09f;

    private Kernels() {
    }

    /**
     * For every row r and unit j: {@code a = z[r, j] + bias[j]} (left in z), then
     * {@code sin[r, j] = sin(omega a)} and {@code cos[r, j] = cos(omega a)}. Two passes because
     * C2 (JDK 17) does not vectorise the loop with the bias fused in (docs/FITTING.md, "Two
     * engines").
     */
    static void sineForward(float[] z, float[] bias, int from, int to, int width, float omega, float[] sin,
            float[] cos) {
        addBias(z, from, to, width, bias);
        sinCos(z, from * width, to * width, omega, sin, cos);
    }

    /** {@code sin[i] = sin(omega z[i])}, {@code cos[i] = cos(omega z[i])} for i in [from, to). */
    static void sinCos(float[] z, int from, int to, float omega, float[] sin, float[] cos) {
        for (int i = from; i < to; i++) {
            float x = omega * z[i];
            float k = (x * INV_2PI + ROUND) - ROUND;
            float t = (x - k * TWO_PI_HI) - k * TWO_PI_LO;
            float t2 = t * t;
            sin[i] = t * (S1 + t2 * (S3 + t2 * (S5 + t2 * (S7 + t2 * (S9 + t2 * S11)))));
            cos[i] = C0 + t2 * (C2 + t2 * (C4 + t2 * (C6 + t2 * (C8 + t2 * (C10 + t2 * C12)))));
        }
    }

    /** {@code d[i] = dh[i] * omega * cos[i]} for i in [from, to): the sine's chain rule. */
    static void sineDerivative(float[] dh, float[] cos, int from, int to, float omega, float[] d) {
        for (int i = from; i < to; i++) {
            d[i] = dh[i] * omega * cos[i];
        }
    }

    /** {@code y[r, j] += bias[j]} for rows [from, to). */
    static void addBias(float[] y, int from, int to, int width, float[] bias) {
        for (int r = from; r < to; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                y[base + j] += bias[j];
            }
        }
    }
}
