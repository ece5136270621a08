package io.inrkit.codec.internal.quant;

/**
 * Small floating-point formats ExMy (1 sign, E exponent, M mantissa bits) in LLM-FP4's variant:
 * every code is finite (no Inf or NaN), exponent bias 2^(E-1) - 1 with E2M1's bias 1, subnormals
 * at exponent field 0. LLM-FP4's real-valued exponent bias is the same thing as a real scale, so
 * tensors carry one scale per output channel (searched by {@link Quantizer}) and the codes stay
 * the plain format. E4M3 here reaches 480 (OCP's E4M3FN stops at 448, keeping S.1111.111 for NaN);
 * E2M1 is OCP's FP4: +-{0, 0.5, 1, 1.5, 2, 3, 4, 6}.
 */
public final class MiniFloat {

    public static final MiniFloat E4M3 = new MiniFloat(4, 3);
    public static final MiniFloat E5M2 = new MiniFloat(5, 2);
    public static final MiniFloat E3M2 = new MiniFloat(3, 2);
    public static final MiniFloat E2M3 = new MiniFloat(2, 3);
    public static final MiniFloat E2M1 = new MiniFloat(2, 1);

    private final int exponentBits;
    private final int mantissaBits;
    private final int bias;
    /** Values of the positive codes (sign bit clear), index = code, increasing. */
    private final double[] positive;

    public MiniFloat(int exponentBits, int mantissaBits) {
        if (exponentBits < 1 || mantissaBits < 0 || 1 + exponentBits + mantissaBits > 8) {
            throw new IllegalArgumentException("E" + exponentBits + "M" + mantissaBits + ": at most 8 bits with a sign");
        }
        this.exponentBits = exponentBits;
        this.mantissaBits = mantissaBits;
        this.bias = Math.max(1, (1 << (exponentBits - 1)) - 1);
        positive = new double[1 << (exponentBits + mantissaBits)];
        for (int c = 0; c < positive.length; c++) {
            int e = c >>> mantissaBits;
            int m = c & ((1 << mantissaBits) - 1);
            positive[c] = e == 0 ? Math.scalb((double) m, 1 - bias - mantissaBits)
                    : Math.scalb(1 + m / (double) (1 << mantissaBits), e - bias);
        }
    }

    public int bits() {
        return 1 + exponentBits + mantissaBits;
    }

    public int bias() {
        return bias;
    }

    /** LLM-FP4's maxval: (2 - 2^-M) 2^(2^E - 1 - bias). */
    public double maxValue() {
        return positive[positive.length - 1];
    }

    /** The spacing of the subnormals, 2^(1 - M - bias). */
    public double subnormalStep() {
        return positive[1];
    }

    /** The value of a code (its low {@link #bits()} bits). */
    public double decode(int code) {
        int c = code & ((1 << bits()) - 1);
        double v = positive[c & (positive.length - 1)];
        return (c & positive.length) != 0 ? -v : v;
    }

    /** The nearest code, ties to the even code, saturating at the largest value; NaN gives 0. */
    public int encode(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double a = Math.abs(x);
        int last = positive.length - 1;
        int c;
        if (a >= positive[last]) {
            c = last;
        } else {
            int lo = 0;
            int hi = last; // positive[lo] <= a < positive[hi]
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (positive[mid] <= a) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double midpoint = (positive[lo] + positive[hi]) / 2; // exact: both are short binary fractions
            c = a < midpoint ? lo : a > midpoint ? hi : (lo & 1) == 0 ? lo : hi;
        }
        return x < 0 && c != 0 ? c | positive.length : c; // no -0: one code per value
    }

    @Override
    public String toString() {
        return "E" + exponentBits + "M" + mantissaBits;
    }
}
