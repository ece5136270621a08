package io.inrkit.codec.internal.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** ExMy minifloats against LLM-FP4's formulas (all codes finite) and OCP's E2M1 values. */
class MiniFloatTest {

    @Test
    void maxValuesAndSubnormalSpacingFollowTheFormulas() {
        assertEquals(6.0, MiniFloat.E2M1.maxValue(), "E2M1, b = 1");
        assertEquals(480.0, MiniFloat.E4M3.maxValue(), "E4M3, b = 7: every code finite");
        assertEquals(7, MiniFloat.E4M3.bias());
        assertEquals(15, MiniFloat.E5M2.bias());
        for (MiniFloat f : new MiniFloat[] {MiniFloat.E4M3, MiniFloat.E5M2, MiniFloat.E3M2, MiniFloat.E2M3, MiniFloat.E2M1}) {
            int e = Integer.parseInt(f.toString().substring(1, 2));
            int m = Integer.parseInt(f.toString().substring(3));
            assertEquals((2 - Math.scalb(1.0, -m)) * Math.scalb(1.0, (1 << e) - 1 - f.bias()), f.maxValue(), f.toString());
            assertEquals(Math.scalb(1.0, 1 - m - f.bias()), f.subnormalStep(), f + ": subnormal spacing 2^(1-M-b)");
        }
    }

    @Test
    void fp4IsOcpE2M1() {
        TreeSet<Double> values = new TreeSet<>();
        for (int c = 0; c < 16; c++) {
            values.add(MiniFloat.E2M1.decode(c));
        }
        values.remove(-0.0);
        assertArrayEquals(new double[] {-6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6},
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void everyCodeRoundTripsAndRoundingIsToNearestEven() {
        for (MiniFloat f : new MiniFloat[] {MiniFloat.E4M3, MiniFloat.E5M2, MiniFloat.E3M2, MiniFloat.E2M3, MiniFloat.E2M1}) {
            for (int c = 0; c < 1 << f.bits(); c++) {
                double v = f.decode(c);
                int expected = v == 0 ? 0 : c; // -0 has no code of its own
                assertEquals(expected, f.encode(v), f + " code " + c);
            }
        }
        assertEquals(MiniFloat.E2M1.encode(2.0), MiniFloat.E2M1.encode(2.5), "tie 2.5 between 2 (even) and 3");
        assertEquals(MiniFloat.E2M1.encode(4.0), MiniFloat.E2M1.encode(3.5), "tie 3.5 between 3 and 4 (even)");
        assertEquals(6.0, MiniFloat.E2M1.decode(MiniFloat.E2M1.encode(1e9)), "saturates");
        assertEquals(16.0, MiniFloat.E4M3.decode(MiniFloat.E4M3.encode(15.9)), "rounds up across a binade edge");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            double x = r.nextDouble(-500, 500);
            double q = MiniFloat.E4M3.decode(MiniFloat.E4M3.encode(x));
            for (int c = 0; c < 256; c++) {
                assertTrue(Math.abs(MiniFloat.E4M3.decode(c) - x) >= Math.abs(q - x), "nearest value");
            }
        }
    }
}
