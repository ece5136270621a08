package io.inrkit.codec.internal.quant;

import io.inrkit.core.internal.HalfFloats;

/**
 * Puts float tensors into a {@link TensorFormat}. Scaled formats search their scale per output
 * channel (column) for the smallest squared error of the column: integers over clipping points
 * (clipping a few outliers buys finer steps for all the other weights), minifloats over LLM-FP4's
 * range of clipping values (its real exponent bias), posits over powers of two; ternary takes
 * the tensor's mean |w| as BitNet b1.58 does.
 */
public final class Quantizer {

    /** INT8 codes are symmetric: -127..127. */
    static final int INT8_MAX = 127;
    /** Clipping candidates searched per column: fractions of the column's largest magnitude. */
    private static final int CLIP_STEPS = 40;
    /** LLM-FP4's search: clip = lambda max|w|, lambda in linspace(0.01, 1.2, 100). */
    private static final int FP_CANDIDATES = 100;
    private static final double FP_LAMBDA_MIN = 0.01;
    private static final double FP_LAMBDA_MAX = 1.2;

    private Quantizer() {
    }

    public static QuantizedTensor quantize(float[] values, int rows, int cols, TensorFormat format) {
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " x " + cols);
        }
        int[] codes = new int[values.length];
        float[] scales = new float[format.scaleCount(cols)];
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
            case PTQ161 -> {
                return Ptq161.quantize(values, rows, cols);
            }
            case TERNARY -> {
                double sum = 0;
                for (float v : values) {
                    sum += Math.abs(v);
                }
                float already = ternaryStep(values);
                scales[0] = already > 0 ? already : sum == 0 ? 1f : (float) (sum / values.length);
                for (int i = 0; i < values.length; i++) {
                    codes[i] = encode(format, values[i], scales[0]);
                }
            }
            default -> {
                for (int j = 0; j < cols; j++) {
                    scales[j] = bestScale(values, rows, cols, j, format);
                    for (int i = 0; i < rows; i++) {
                        codes[i * cols + j] = encode(format, values[i * cols + j], scales[j]);
                    }
                }
            }
        }
        return new QuantizedTensor(format, rows, cols, codes, scales);
    }

    /**
     * The step c of a tensor that is already ternary (every value -c, 0 or +c, as ternary training
     * leaves it), else 0: re-quantizing such a tensor must keep c, not take a new mean |w|.
     */
    static float ternaryStep(float[] values) {
        float c = 0;
        for (float v : values) {
            float a = Math.abs(v);
            if (a == 0) {
                continue;
            }
            if (c == 0) {
                c = a;
            } else if (a != c) {
                return 0;
            }
        }
        return c;
    }

    /** The INT8 scale of column {@code j} (kept for the tests of the INT8 search). */
    static float bestScale(float[] values, int rows, int cols, int j) {
        return bestScale(values, rows, cols, j, TensorFormat.INT8_CHANNEL);
    }

    /** The candidate scale of column {@code j} with the smallest squared error over the column. */
    static float bestScale(float[] values, int rows, int cols, int j, TensorFormat format) {
        float max = 0;
        for (int i = 0; i < rows; i++) {
            max = Math.max(max, Math.abs(values[i * cols + j]));
        }
        if (max == 0 || !Float.isFinite(max)) {
            return max == 0 ? 1f : Float.MAX_VALUE / 1e6f;
        }
        float best = Float.NaN;
        double bestErr = Double.MAX_VALUE;
        for (float scale : candidates(format, max)) {
            if (!(scale > 0) || !Float.isFinite(scale)) {
                continue;
            }
            double err = 0;
            for (int i = 0; i < rows; i++) {
                float v = values[i * cols + j];
                double d = v - format.gridValue(encode(format, v, scale)) * scale;
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                best = scale;
            }
        }
        return best;
    }

    /** Scales to try for a column whose largest magnitude is {@code max}, the unclipped one first. */
    private static float[] candidates(TensorFormat format, float max) {
        int qmax = format.integerMax();
        if (qmax > 0) {
            // INT8 keeps its original range (30% .. 100%); fewer bits profit from harder clipping.
            int lowest = format == TensorFormat.INT8_CHANNEL ? 12 : 2;
            float[] out = new float[CLIP_STEPS - lowest + 1];
            for (int s = CLIP_STEPS, k = 0; s >= lowest; s--, k++) {
                out[k] = s == CLIP_STEPS ? max / qmax : max * s / CLIP_STEPS / qmax;
            }
            return out;
        }
        MiniFloat mini = format.miniFloat();
        if (mini != null) {
            float[] out = new float[FP_CANDIDATES];
            for (int k = 0; k < FP_CANDIDATES; k++) {
                double lambda = FP_LAMBDA_MAX - (FP_LAMBDA_MAX - FP_LAMBDA_MIN) * k / (FP_CANDIDATES - 1);
                out[k] = (float) (lambda * max / mini.maxValue());
            }
            return out;
        }
        // Posits: powers of two that put the column's largest magnitude between 1/4 and 4 times
        // 1.0, where a posit's precision is finest, and a little beyond.
        int e = Math.getExponent(max);
        float[] out = new float[9];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.scalb(1f, e - 4 + k);
        }
        return out;
    }

    /** The code of {@code v} at {@code scale}. */
    static int encode(TensorFormat format, float v, float scale) {
        int qmax = format.integerMax();
        if (qmax > 0) {
            long q = Math.round(v / scale);
            return (int) Math.max(-qmax, Math.min(qmax, q));
        }
        Posit p = format.posit();
        double x = v / (double) scale;
        return p != null ? p.encode(x) : format.miniFloat().encode(x);
    }

    static int int8(float v, float scale) {
        return encode(TensorFormat.INT8_CHANNEL, v, scale);
    }
}
