package io.inrkit.codec.internal.quant;

import io.inrkit.core.internal.HalfFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberFormatsTest {

    /** bfloat16 with round to nearest, ties to even: exact values, both kinds of tie, overflow to infinity. */
    @Test
    void bfloat16KnownVectors() {
        assertEquals(0x3F80, HalfFloats.toBfloat16(1.0f));
        assertEquals(0x4049, HalfFloats.toBfloat16((float) Math.PI));
        assertEquals(0x3F80, HalfFloats.toBfloat16(1 + 0x1p-8f), "tie to even");
        assertEquals(0x3F82, HalfFloats.toBfloat16(1 + 3 * 0x1p-8f), "tie to even");
        assertEquals(0xC020, HalfFloats.toBfloat16(-2.5f));
        assertEquals(0x7F80, HalfFloats.toBfloat16(3.4e38f), "overflows to +inf");
        assertTrue(Float.isNaN(HalfFloats.fromBfloat16(HalfFloats.toBfloat16(Float.NaN))));
    }

    /** Every finite binary16 value decodes to a float that encodes back to it. */
    @Test
    void everyHalfRoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.fromHalf(h);
            if (Float.isNaN(f)) {
                assertTrue((h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0, "NaN only from NaN patterns");
                continue;
            }
            assertEquals(h, HalfFloats.toHalf(f), String.format("0x%04X -> %s", h, f));
        }
        assertEquals(0x3C00, HalfFloats.toHalf(1f));
        assertEquals(0x7BFF, HalfFloats.toHalf(65504f), "max finite");
        assertEquals(0x7C00, HalfFloats.toHalf(65520f), "rounds up to infinity");
        assertEquals(0x0001, HalfFloats.toHalf(0x1p-24f), "smallest subnormal");
        assertEquals(0x0000, HalfFloats.toHalf(0x1p-25f), "tie to even: zero");
        assertEquals(0x8000, HalfFloats.toHalf(-0f));
    }

    /** Random floats go to the nearest half; halfway cases to the even pattern. */
    @Test
    void halfRoundsToNearestEven() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) ((rnd.nextDouble() * 2 - 1) * Math.pow(2, rnd.nextInt(-26, 17)));
            if (Math.abs(f) >= 65520f) {
                assertEquals(Float.POSITIVE_INFINITY, Math.abs(HalfFloats.fromHalf(HalfFloats.toHalf(f))), "IEEE overflow");
                continue;
            }
            int h = HalfFloats.toHalf(f);
            double err = Math.abs((double) f - HalfFloats.fromHalf(h));
            for (int n : new int[] {h - 1, h + 1}) {
                float g = HalfFloats.fromHalf(n & 0xFFFF);
                if (Float.isFinite(g) && ((n ^ h) & 0x8000) == 0) {
                    double e2 = Math.abs((double) f - g);
                    assertTrue(err < e2 || (err == e2 && (h & 1) == 0), f + " -> " + HalfFloats.fromHalf(h));
                }
            }
        }
    }

    @Test
    void int8PerChannelKeepsEachColumnsScale() {
        // column 0 tiny, column 1 large: per-column scales keep the small one precise
        float[] w = {0.001f, 3f, -0.002f, -2.5f, 0.0005f, 1f};
        QuantizedTensor q = Quantizer.quantize(w, 3, 2, TensorFormat.INT8_CHANNEL);
        float[] back = q.dequantize();
        for (int i = 0; i < w.length; i++) {
            double step = q.scales()[i % 2];
            assertTrue(Math.abs(w[i] - back[i]) <= step / 2 + 1e-12, w[i] + " -> " + back[i]);
            assertTrue(Math.abs(q.codes()[i]) <= 127);
        }
        assertTrue(q.scales()[0] < 1e-4 && q.scales()[1] > 0.01);
    }

    /**
     * The clipping search returns the candidate of least squared error, never worse than scaling
     * to the column's maximum. (At 8 bits clipping rarely pays: clipping one weight by d costs d^2,
     * more than finer steps save over a column of a few thousand weights.)
     */
    @Test
    void int8ClippingSearchFindsTheLeastError() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 64 + rnd.nextInt(2000);
            float[] w = new float[rows];
            float max = 0;
            for (int i = 0; i < rows; i++) {
                double u = rnd.nextDouble() - 0.5;
                w[i] = (float) (-0.01 * Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
                max = Math.max(max, Math.abs(w[i]));
            }
            float chosen = Quantizer.bestScale(w, rows, 1, 0);
            double best = Double.MAX_VALUE;
            for (int step = 40; step >= 12; step--) {
                best = Math.min(best, mse(w, step == 40 ? max / 127 : max * step / 40 / 127));
            }
            assertEquals(best, mse(w, chosen), 0.0, "least error of the grid");
            assertTrue(mse(w, chosen) <= mse(w, max / 127));
        }
    }

    @Test
    void floatFormatsDequantizeToTheirValues() {
        float[] w = {1.5f, -0.1f, 3.14159f};
        assertEquals(-0.1f, Quantizer.quantize(w, 1, 3, TensorFormat.FP32).dequantize()[1]);
        assertEquals(1.5f, Quantizer.quantize(w, 1, 3, TensorFormat.FP16).dequantize()[0]);
        assertEquals(3.140625f, Quantizer.quantize(w, 1, 3, TensorFormat.BF16).dequantize()[2]);
    }

    private static double mse(float[] w, float scale) {
        double s = 0;
        for (float v : w) {
            double d = v - Quantizer.int8(v, scale) * scale;
            s += d * d;
        }
        return s;
    }
}
