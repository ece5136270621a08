package io.inrkit.codec;

import io.inrkit.core.IdentifiedEnum;

/**
 * How the encoder stores a SIREN's weights ({@link EncodeOptions.Builder#weightFormat}); docs/FORMAT.md
 * specifies each. The id is the name {@code --weights} takes.
 */
public enum WeightFormat implements IdentifiedEnum {
    /** IEEE binary32, exact. */
    FP32("fp32"),
    /** IEEE binary16. */
    FP16("fp16"),
    /** bfloat16: binary32's exponent, 7 bits of mantissa. */
    BF16("bf16"),
    /** Signed 8-bit integers with one scale per output channel. */
    INT8_CHANNEL("int8"),
    /** Signed n-bit integers, symmetric, one scale per output channel. */
    INT7_CHANNEL("int7"),
    INT6_CHANNEL("int6"),
    INT5_CHANNEL("int5"),
    INT4_CHANNEL("int4"),
    INT3_CHANNEL("int3"),
    INT2_CHANNEL("int2"),
    /** -1, 0, +1 times one scale per tensor (BitNet b1.58's absmean). */
    TERNARY("ternary"),
    /** posit&lt;16,1&gt; with a power-of-two scale per output channel. */
    POSIT16("posit16"),
    /** posit&lt;8,0&gt; with a power-of-two scale per output channel. */
    POSIT8("posit8"),
    /** posit&lt;8,2&gt; with a power-of-two scale per output channel. */
    POSIT8_ES2("posit8es2"),
    /** FP8 E4M3, one scale per output channel. */
    FP8_E4M3("fp8"),
    /** FP8 E5M2, one scale per output channel. */
    FP8_E5M2("fp8e5m2"),
    /** FP6 E3M2, one scale per output channel. */
    FP6_E3M2("fp6"),
    /** FP6 E2M3, one scale per output channel. */
    FP6_E2M3("fp6e2m3"),
    /** FP4 E2M1 (OCP MX FP4), one scale per output channel. */
    FP4_E2M1("fp4"),
    /** PTQ1.61-style mixed precision: the most energetic 20% of input rows in 4 bits, the rest binarized. */
    PTQ161("ptq161");

    private final String id;

    WeightFormat(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The format named {@code id} on the command line, in any case. */
    public static WeightFormat fromId(String id) {
        return IdentifiedEnum.fromIdIgnoringCase(WeightFormat.class, "weight format", id);
    }

    /** Every id, in declaration order: "fp32, fp16, ...". */
    public static String ids() {
        return IdentifiedEnum.ids(WeightFormat.class);
    }
}
