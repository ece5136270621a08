package io.inrkit.codec.quant;

/**
 * A weight or bias tensor in a stored format: integer codes (the values' bit patterns for the
 * float formats, the integers for INT8) and, for INT8, one scale per column.
 *
 * @param rows first dimension (inputs; 1 for a bias)
 * @param cols second dimension (outputs)
 * @param codes rows x cols stored values, row-major
 * @param scales per-column scales (INT8), else empty
 */
public record QuantizedTensor(TensorFormat format, int rows, int cols, int[] codes, float[] scales) {

    /** The numbers these codes stand for; the same floats on every machine. */
    public float[] dequantize() {
        float[] out = new float[codes.length];
        for (int i = 0; i < out.length; i++) {
            int q = codes[i];
            out[i] = switch (format) {
                case FP32 -> Float.intBitsToFloat(q);
                case FP16 -> HalfFloats.fromHalf(q);
                case BF16 -> HalfFloats.fromBfloat16(q);
                case INT8_CHANNEL -> q * scales[i % cols];
            };
        }
        return out;
    }
}
