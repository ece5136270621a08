package io.inrkit.codec.internal.quant;

/**
 * Posit&lt;n, es&gt; numbers (Gustafson's type III unums, 2022 standard rules) for n up to 16:
 * decoding of a pattern, and encoding with the standard's rounding (round to nearest on the
 * pattern, ties to the even pattern, never to zero or NaR for a finite nonzero value). No JVM
 * library offers posits, so they are written here; the encoder leans on the property that posit
 * patterns order like two's-complement integers: it binary-searches the table of positive
 * values and rounds at the value of the (n+1)-bit posit between two neighbours, which is where
 * the standard puts the midpoint (geometric when the cut falls in the regime or exponent).
 */
public final class Posit {

    /** posit&lt;16,1&gt;, posit&lt;8,0&gt; and posit&lt;8,2&gt;: the formats INRKit stores. */
    public static final Posit P16_1 = new Posit(16, 1);
    public static final Posit P8_0 = new Posit(8, 0);
    public static final Posit P8_2 = new Posit(8, 2);

    /** n and es of posit&lt;n, es&gt;: bits in a pattern, and the most exponent bits. */
    private final int bits;
    private final int exponentBits;
    /** Values of the positive patterns 0 .. 2^(n-1) - 1 (index = pattern), increasing. */
    private final double[] positive;

    public Posit(int n, int es) {
        if (n < 3 || n > 16 || es < 0 || es > 4) {
            throw new IllegalArgumentException("posit<" + n + "," + es + "> not supported (n 3..16, es 0..4)");
        }
        this.bits = n;
        this.exponentBits = es;
        positive = new double[1 << (n - 1)];
        for (int p = 1; p < positive.length; p++) {
            positive[p] = decodePositive(p, n, es);
        }
    }

    public int bits() {
        return bits;
    }

    /** The NaR (not a real) pattern, 1 followed by zeros. */
    public int nar() {
        return 1 << (bits - 1);
    }

    public double maxpos() {
        return positive[positive.length - 1];
    }

    public double minpos() {
        return positive[1];
    }

    /** The value of an n-bit pattern (low n bits of {@code pattern}); NaN for NaR. */
    public double decode(int pattern) {
        int p = pattern & mask();
        if (p == nar()) {
            return Double.NaN;
        }
        boolean negative = (p & nar()) != 0;
        double v = positive[negative ? (-p) & mask() : p];
        return negative ? -v : v;
    }

    /** The pattern nearest {@code x} by the standard's rounding; NaN and infinities give NaR. */
    public int encode(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return nar();
        }
        if (x == 0) {
            return 0;
        }
        int p = encodePositive(Math.abs(x));
        return x < 0 ? (-p) & mask() : p;
    }

    private int encodePositive(double a) {
        int last = positive.length - 1;
        if (a >= positive[last]) {
            return last;
        }
        if (a <= positive[1]) {
            return 1;
        }
        int lo = 1;
        int hi = last; // positive[lo] <= a < positive[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (positive[mid] <= a) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double midpoint = decodePositive(lo << 1 | 1, bits + 1, exponentBits);
        if (a < midpoint) {
            return lo;
        }
        if (a > midpoint) {
            return hi;
        }
        return (lo & 1) == 0 ? lo : hi;
    }

    private int mask() {
        return (1 << bits) - 1;
    }

    /** The value of a positive pattern 1 .. 2^(w-1) - 1 of a w-bit posit (exact in a double). */
    static double decodePositive(int p, int w, int es) {
        int bit = w - 2;
        int r0 = (p >>> bit) & 1;
        int run = 0;
        while (bit >= 0 && ((p >>> bit) & 1) == r0) {
            run++;
            bit--;
        }
        bit--; // the terminating bit, if any
        int k = r0 == 1 ? run - 1 : -run;
        int e = 0;
        for (int i = 0; i < es; i++) {
            e <<= 1;
            if (bit >= 0) {
                e |= (p >>> bit) & 1;
                bit--;
            }
        }
        int fractionBits = Math.max(bit + 1, 0);
        int f = fractionBits == 0 ? 0 : p & ((1 << fractionBits) - 1);
        double fraction = 1 + f / (double) (1 << fractionBits);
        return Math.scalb(fraction, k * (1 << es) + e);
    }
}
