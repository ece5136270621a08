package io.inrkit.codec.internal.quant;

/**
 * PTQ1.61-style weights (Zhao et al., ACL 2025), data-free. A one-dimensional structured mask
 * over input rows keeps the {@link #SALIENT_FRACTION} of rows with the most weight energy
 * ({@code sum_j w_ij^2}) in 4-bit symmetric integers with a per-column scale; every other weight
 * is binarized per output column as {@code mu_j + sign(w - mu_j) alpha_j}, where mu_j is the
 * column's mean over those rows and alpha_j = mean |w - mu_j| (the alpha that minimizes the
 * squared error for fixed signs). The paper's learnt two-sided scales and its calibration data are
 * left out: an INR has no activations to calibrate on other than its own grid.
 *
 * <p>Stored as a tensor of codes: -7..7 for salient rows, {@link #MINUS} / {@link #PLUS} for
 * binarized ones, so the row mask is implied by the codes (a row must be all one kind), and
 * 3 x cols scales: the 4-bit scales, then mu, then alpha.
 */
public final class Ptq161 {

    public static final double SALIENT_FRACTION = 0.2;
    public static final double NOMINAL_BITS = SALIENT_FRACTION * 4 + (1 - SALIENT_FRACTION) * 1;
    static final int INT_MAX = 7;
    /** Codes of the binarized weights. */
    public static final int MINUS = 16;
    public static final int PLUS = 17;

    private Ptq161() {
    }

    /** The salient (4-bit) input rows of a rows x cols tensor: the top 20% by energy, at least one. */
    public static boolean[] salientRows(float[] w, int rows, int cols) {
        double[] energy = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                energy[i] += (double) w[i * cols + j] * w[i * cols + j];
            }
        }
        int keep = Math.max(1, (int) Math.ceil(SALIENT_FRACTION * rows));
        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> energy[b] != energy[a] ? Double.compare(energy[b], energy[a]) : a - b);
        boolean[] salient = new boolean[rows];
        for (int k = 0; k < keep; k++) {
            salient[order[k]] = true;
        }
        return salient;
    }

    static QuantizedTensor quantize(float[] w, int rows, int cols) {
        boolean[] salient = salientRows(w, rows, cols);
        int[] codes = new int[w.length];
        float[] scales = new float[3 * cols];
        for (int j = 0; j < cols; j++) {
            int salientCount = 0;
            float[] column = new float[rows];
            double sum = 0;
            int binary = 0;
            for (int i = 0; i < rows; i++) {
                if (salient[i]) {
                    column[salientCount++] = w[i * cols + j];
                } else {
                    sum += w[i * cols + j];
                    binary++;
                }
            }
            float scale = Quantizer.bestScale(java.util.Arrays.copyOf(column, salientCount), salientCount, 1, 0,
                    TensorFormat.INT4_CHANNEL);
            float mu = binary == 0 ? 0f : (float) (sum / binary);
            double spread = 0;
            for (int i = 0; i < rows; i++) {
                if (!salient[i]) {
                    spread += Math.abs(w[i * cols + j] - mu);
                }
            }
            float alpha = binary == 0 ? 0f : (float) (spread / binary);
            scales[j] = scale;
            scales[cols + j] = mu;
            scales[2 * cols + j] = alpha;
            for (int i = 0; i < rows; i++) {
                float v = w[i * cols + j];
                codes[i * cols + j] = salient[i] ? Quantizer.encode(TensorFormat.INT4_CHANNEL, v, scale)
                        : v >= mu ? PLUS : MINUS;
            }
        }
        return new QuantizedTensor(TensorFormat.PTQ161, rows, cols, codes, scales);
    }

    /** The value of code {@code q} in column {@code j}: exact products in double, rounded once. */
    static float value(int q, int j, int cols, float[] scales) {
        if (q == PLUS || q == MINUS) {
            return (float) (scales[cols + j] + (q == PLUS ? 1 : -1) * (double) scales[2 * cols + j]);
        }
        return (float) (q * (double) scales[j]);
    }

    /** Whether every row is all 4-bit codes or all binary codes (the mask is one-dimensional). */
    public static boolean structured(int[] codes, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            boolean binary = isBinary(codes[i * cols]);
            for (int j = 1; j < cols; j++) {
                if (isBinary(codes[i * cols + j]) != binary) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isBinary(int q) {
        return q == PLUS || q == MINUS;
    }
}
