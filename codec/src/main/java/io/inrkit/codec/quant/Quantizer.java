package io.inrkit.codec.quant;

/** Puts float tensors into a {@link TensorFormat}. */
public final class Quantizer {

    /** INT8 codes are symmetric: -127..127. */
    static final int INT8_MAX = 127;
    /** Clipping candidates searched per column: fractions of the column's largest magnitude. */
    private static final int CLIP_STEPS = 40;

    private Quantizer() {
    }

    public static QuantizedTensor quantize(float[] values, int rows, int cols, TensorFormat format) {
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " x " + cols);
        }
        int[] codes = new int[values.length];
        float[] scales = new float[0];
        switch (format) {
            case FP32 -> {
                for (int i = 0; i < values.length; i++) {
                    codes[i] = Float.floatToRawIntBits(values[i]);
                }
            }
            case FP16 -> {
                for (int i = 0; i < values.length; i++) {
                    codes[i] = HalfFloats.toHalf(values[i]);
                }
            }
            case BF16 -> {
                for (int i = 0; i < values.length; i++) {
                    codes[i] = HalfFloats.toBfloat16(values[i]);
                }
            }
            case INT8_CHANNEL -> {
                scales = new float[cols];
                for (int j = 0; j < cols; j++) {
                    scales[j] = bestScale(values, rows, cols, j);
                    for (int i = 0; i < rows; i++) {
                        codes[i * cols + j] = int8(values[i * cols + j], scales[j]);
                    }
                }
            }
            default -> throw new IllegalStateException(format.toString());
        }
        return new QuantizedTensor(format, rows, cols, codes, scales);
    }

    /**
     * The scale of column {@code j} whose INT8 rounding error (squared, summed over the column)
     * is smallest, searching clipping points from 30% to 100% of the column's largest magnitude:
     * clipping a few outliers buys finer steps for all the other weights.
     */
    static float bestScale(float[] values, int rows, int cols, int j) {
        float max = 0;
        for (int i = 0; i < rows; i++) {
            max = Math.max(max, Math.abs(values[i * cols + j]));
        }
        if (max == 0 || !Float.isFinite(max)) {
            return max == 0 ? 1f : Float.MAX_VALUE / INT8_MAX;
        }
        float best = max / INT8_MAX;
        double bestErr = Double.MAX_VALUE;
        for (int s = CLIP_STEPS; s >= 12; s--) {
            float scale = s == CLIP_STEPS ? max / INT8_MAX : max * s / CLIP_STEPS / INT8_MAX;
            double err = 0;
            for (int i = 0; i < rows; i++) {
                float v = values[i * cols + j];
                double d = v - int8(v, scale) * scale;
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                best = scale;
            }
        }
        return best;
    }

    static int int8(float v, float scale) {
        long q = Math.round(v / scale);
        return (int) Math.max(-INT8_MAX, Math.min(INT8_MAX, q));
    }
}
