package io.inrkit.codec.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdlibmTanhTest {

    /** The port must give StrictMath's bits exactly: context-network files depend on it. */
    @Test
    void tanhAndExpm1GiveStrictMathsBits() {
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 0x1p-56, 0x1p-55, 0x1p-54, 0x1p-28, 0.25,
            -0.25, 0.3465735902799726, 0.34657359027997264, 0.5, 1.0397207708399179, 1.0, -1.0, 0.9999999999999999,
            2.0, 19.9, 20.0, 21.99999, 22.0, 38.8, 39.0, 40.0, 56 * Math.log(2), 700.0, 709.78, 709.79, 1e300,
            Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : edges) {
            check(x);
            check(-x);
            check(Math.nextUp(x));
            check(Math.nextDown(x));
        }
        SplittableRandom random = new SplittableRandom(29);
        for (int i = 0; i < 1_000_000; i++) {
            check((random.nextDouble() - 0.5) * 16); // where the context network's units live
            check((random.nextDouble() - 0.5) * 120);
            check(Double.longBitsToDouble(random.nextLong())); // every exponent
        }
        for (int k = -60; k <= 60; k++) { // every branch of expm1's argument reduction
            for (int j = 0; j < 2000; j++) {
                double x = (k + random.nextDouble() - 0.5) * Math.log(2);
                assertEquals(Double.doubleToRawLongBits(StrictMath.expm1(x)),
                        Double.doubleToRawLongBits(FdlibmTanh.expm1(x)), () -> "expm1(" + x + ")");
            }
        }
    }

    private static void check(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.tanh(x)), Double.doubleToRawLongBits(FdlibmTanh.tanh(x)),
                () -> "tanh(" + x + ")");
        assertEquals(Double.doubleToRawLongBits(StrictMath.expm1(x)), Double.doubleToRawLongBits(FdlibmTanh.expm1(x)),
                () -> "expm1(" + x + ")");
    }
}
