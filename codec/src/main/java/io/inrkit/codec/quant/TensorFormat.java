package io.inrkit.codec.quant;

/**
 * How a tensor's numbers are stored in a .inr file. The id is written in the file, so ids never
 * change meaning; new formats take new ids (see docs/FORMAT.md).
 */
public enum TensorFormat {
    /** IEEE binary32, exact. */
    FP32(0, 32),
    /** IEEE binary16. */
    FP16(1, 16),
    /** bfloat16: binary32's exponent, 7 bits of mantissa. */
    BF16(2, 16),
    /** Signed 8-bit integers with one float32 scale per output channel (column). */
    INT8_CHANNEL(3, 8);

    private final int id;
    private final int bits;

    TensorFormat(int id, int bits) {
        this.id = id;
        this.bits = bits;
    }

    public int id() {
        return id;
    }

    /** Bits per stored value, before entropy coding. */
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

    public String id(boolean lower) {
        return lower ? name().toLowerCase(java.util.Locale.ROOT).replace("_channel", "") : name();
    }
}
