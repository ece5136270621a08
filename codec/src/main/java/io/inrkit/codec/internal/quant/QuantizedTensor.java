package io.inrkit.codec.internal.quant;

import io.inrkit.core.internal.HalfFloats;

/**
 * A weight or bias tensor in a stored format: integer codes (the values' bit patterns for the
 * float and posit/minifloat formats, the integers for INTn and ternary) and the scales the
 * format keeps ({@link TensorFormat#scaleCount}).
 *
 * @param rows first dimension (inputs; 1 for a bias)
 * @param cols second dimension (outputs)
 * @param codes rows x cols stored values, row-major
 * @param scales per-column scales, one per tensor (ternary), or none (float formats)
 */
public record QuantizedTensor(TensorFormat format, int rows, int cols, int[] codes, float[] scales) {

    /**
     * The numbers these codes stand for; the same floats on every machine: a scaled code is its
     * exact grid value times its scale in double, rounded once to float.
     */
    public float[] dequantize() {
        float[] out = new float[codes.length];
        for (int i = 0; i < out.length; i++) {
            int q = codes[i];
            out[i] = switch (format) {
                case FP32 -> Float.intBitsToFloat(q);
                case FP16 -> HalfFloats.fromHalf(q);
                case BF16 -> HalfFloats.fromBfloat16(q);
                case TERNARY -> (float) (q * (double) scales[0]);
                case PTQ161 -> Ptq161.value(q, i % cols, cols, scales);
                default -> (float) (format.gridValue(q) * scales[i % cols]);
            };
        }
        return out;
    }

    /** Same format, shape, codes and scales (a record compares arrays by reference). */
    @Override
    public boolean equals(Object o) {
        return o instanceof QuantizedTensor t && format == t.format && rows == t.rows && cols == t.cols
                && java.util.Arrays.equals(codes, t.codes) && java.util.Arrays.equals(scales, t.scales);
    }

    @Override
    public int hashCode() {
        return (format.hashCode() * 31 + rows * 17 + cols) * 31 + java.util.Arrays.hashCode(codes);
    }
}
