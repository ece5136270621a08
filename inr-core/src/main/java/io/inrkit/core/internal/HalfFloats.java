package io.inrkit.core.internal;

/**
 * IEEE 754 binary16 and bfloat16 conversions, rounding to nearest, ties to even. Written here
 * because Java 17 has neither ({@code Float.floatToFloat16} arrives in Java 20, and there is no
 * bfloat16 in the JDK); both are a few lines of bit manipulation with exhaustive tests.
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** bfloat16: the top 16 bits of the float, rounded to nearest even; NaN stays NaN. */
    public static int toBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (bits >>> 16) | 0x0040; // quiet NaN, sign kept
        }
        int lsb = (bits >>> 16) & 1;
        return ((bits + 0x7FFF + lsb) >>> 16) & 0xFFFF;
    }

    public static float fromBfloat16(int b) {
        return Float.intBitsToFloat((b & 0xFFFF) << 16);
    }

    /** IEEE binary16 of {@code f}: subnormals, overflow to infinity, NaN kept. */
    public static int toHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7FFFFF;
        if (exp == 0xFF) {
            return sign | 0x7C00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0);
        }
        int e = exp - 127 + 15;
        if (e >= 0x1F) {
            return sign | 0x7C00; // too large: infinity
        }
        if (e <= 0) {
            if (e < -10) {
                return sign; // below half the smallest subnormal: zero
            }
            // subnormal: shift the implicit 1 into the mantissa, then round
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rem = m & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) != 0)) {
                half++;
            }
            return sign | half;
        }
        int half = (e << 10) | (mant >>> 13);
        int rem = mant & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) != 0)) {
            half++; // may carry into the exponent, up to infinity: still correct rounding
        }
        return sign | half;
    }

    public static float fromHalf(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float v = mant / 1024f / 16384f; // mant * 2^-24, exact
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
