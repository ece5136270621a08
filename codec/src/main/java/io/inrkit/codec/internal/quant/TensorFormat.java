package io.inrkit.codec.internal.quant;

import io.inrkit.codec.WeightFormat;

/**
 * How a tensor's numbers are stored in a .inr file. The id is written in the file, so ids never
 * change meaning; new formats take new ids (see docs/FORMAT.md). Each format has a name for the
 * command line ({@code --weights}).
 */
public enum TensorFormat {
    /** IEEE binary32, exact. */
    FP32(0, 32),
    /** IEEE binary16. */
    FP16(1, 16),
    /** bfloat16: binary32's exponent, 7 bits of mantissa. */
    BF16(2, 16),
    /** Signed 8-bit integers with one float32 scale per output channel (column). */
    INT8_CHANNEL(3, 8),
    /** Signed n-bit integers, symmetric (-(2^(n-1)-1) .. 2^(n-1)-1), one scale per column. */
    INT7_CHANNEL(4, 7),
    INT6_CHANNEL(5, 6),
    INT5_CHANNEL(6, 5),
    INT4_CHANNEL(7, 4),
    INT3_CHANNEL(8, 3),
    INT2_CHANNEL(9, 2),
    /** -1, 0, +1 times one scale per tensor, the mean |w| (BitNet b1.58's absmean). */
    TERNARY(10, 2),
    /** posit&lt;16,1&gt; with a power-of-two scale per column. */
    POSIT16(11, 16),
    /** posit&lt;8,0&gt; with a power-of-two scale per column. */
    POSIT8(12, 8),
    /** posit&lt;8,2&gt; with a power-of-two scale per column. */
    POSIT8_ES2(13, 8),
    /** FP8 E4M3 (all codes finite), one scale per column (LLM-FP4's real exponent bias). */
    FP8_E4M3(14, 8),
    /** FP8 E5M2 (all codes finite), one scale per column. */
    FP8_E5M2(15, 8),
    /** FP6 E3M2, one scale per column. */
    FP6_E3M2(16, 6),
    /** FP6 E2M3, one scale per column. */
    FP6_E2M3(17, 6),
    /** FP4 E2M1 (OCP MX FP4), one scale per column. */
    FP4_E2M1(18, 4),
    /**
     * PTQ1.61-style mixed precision: the 20% of input rows with the most weight energy in 4-bit
     * integers, the others binarized per output column as {@code mu +- alpha} ({@link Ptq161}).
     */
    PTQ161(19, 2);

    private final int id;
    private final int bits;

    TensorFormat(int id, int bits) {
        this.id = id;
        this.bits = bits;
    }

    public int id() {
        return id;
    }

    /** Bits per stored value, before entropy coding (ternary: 2, for 1.58 bits of information). */
    public int bits() {
        return bits;
    }

    /** The format with this id, or null for an unknown one. */
    public static TensorFormat byId(int id) {
        for (TensorFormat f : values()) {
            if (f.id == id) {
                return f;
            }
        }
        return null;
    }

    /** The public name of this format: the two enums hold the same constants in the same order. */
    public WeightFormat weightFormat() {
        return WeightFormat.valueOf(name());
    }

    /** The internal form of a public weight format. */
    public static TensorFormat of(WeightFormat format) {
        return valueOf(format.name());
    }

    /** The name {@code --weights} takes: fp32, fp16, bf16, int2..int8, ternary, posit16, posit8, fp8, fp4 ... */
    public String cliName() {
        return weightFormat().id();
    }

    /** Number of float32 scales stored before the codes of a tensor with {@code cols} columns. */
    public int scaleCount(int cols) {
        return switch (this) {
            case FP32, FP16, BF16 -> 0;
            case TERNARY -> 1;
            case PTQ161 -> 3 * cols;
            default -> cols;
        };
    }

    /** Bits per weight the format spends before entropy coding (PTQ1.61: 0.2 x 4 + 0.8 x 1). */
    public double nominalBits() {
        return this == PTQ161 ? Ptq161.NOMINAL_BITS : bits;
    }

    /** Whether {@code value} can be scale number {@code index} of a tensor with {@code cols} columns. */
    public boolean validScale(int index, int cols, float value) {
        if (!Float.isFinite(value)) {
            return false;
        }
        if (this == PTQ161 && index >= cols) {
            return index < 2 * cols || value >= 0; // mu: any; alpha: not negative
        }
        return value > 0;
    }

    /** The largest code magnitude of the symmetric integer formats (ternary: 1), else 0. */
    int integerMax() {
        return switch (this) {
            case INT8_CHANNEL, INT7_CHANNEL, INT6_CHANNEL, INT5_CHANNEL, INT4_CHANNEL, INT3_CHANNEL, INT2_CHANNEL ->
                (1 << (bits - 1)) - 1;
            case TERNARY -> 1;
            case PTQ161 -> Ptq161.INT_MAX;
            default -> 0;
        };
    }

    /** Whether codes are signed integers (INTn, ternary), stored as two's complement bytes. */
    public boolean signedCodes() {
        return integerMax() > 0;
    }

    /** The posit or minifloat behind a scaled format, else null. */
    Posit posit() {
        return switch (this) {
            case POSIT16 -> Posit.P16_1;
            case POSIT8 -> Posit.P8_0;
            case POSIT8_ES2 -> Posit.P8_2;
            default -> null;
        };
    }

    MiniFloat miniFloat() {
        return switch (this) {
            case FP8_E4M3 -> MiniFloat.E4M3;
            case FP8_E5M2 -> MiniFloat.E5M2;
            case FP6_E3M2 -> MiniFloat.E3M2;
            case FP6_E2M3 -> MiniFloat.E2M3;
            case FP4_E2M1 -> MiniFloat.E2M1;
            default -> null;
        };
    }

    /** Whether a stored code is one this format can produce (decoders refuse others as corrupt). */
    public boolean validCode(int code) {
        if (bits == 32) {
            return true;
        }
        if (this == PTQ161) {
            return Math.abs(code) <= Ptq161.INT_MAX || code == Ptq161.MINUS || code == Ptq161.PLUS;
        }
        int max = integerMax();
        if (max > 0) {
            return code >= -max && code <= max;
        }
        Posit p = posit();
        if (p != null) {
            return code >= 0 && code < (1 << p.bits()) && code != p.nar();
        }
        return code >= 0 && code < (1L << bits);
    }

    /**
     * The unscaled value of a code: integers and ternary as they are, posits and minifloats
     * decoded (exact in a double); the float formats are not scaled and do not use this.
     */
    double gridValue(int code) {
        if (integerMax() > 0) {
            return code;
        }
        Posit p = posit();
        return p != null ? p.decode(code) : miniFloat().decode(code);
    }
}
