package io.inrkit.codec.internal.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Posits against known vectors (Rosetta Code's posit tasks, and values worked out exactly by the
 * 2022 Posit Standard's rules: regime, exponent, fraction, ties to the even pattern, never 0 or NaR
 * for a finite nonzero value), and exhaustively.
 */
class PositTest {

    static final Posit P8_1 = new Posit(8, 1);
    static final Posit P16_2 = new Posit(16, 2);
    static final Posit P16_3 = new Posit(16, 3);

    @Test
    void knownVectors() {
        assertEquals(0x4D, Posit.P8_2.encode(Math.PI), "Rosetta Code 'Posit numbers/encoding'");
        assertEquals(477.0 / 134217728.0, P16_3.decode(0b0000110111011101), "Rosetta Code 'decoding'");
        Posit[] formats = {Posit.P8_0, P8_1, Posit.P8_2, Posit.P16_1, P16_2};
        int[][] table = { // 1.0, -1.0, 0.5, 3.0
            {0x40, 0xC0, 0x20, 0x68}, {0x40, 0xC0, 0x30, 0x58}, {0x40, 0xC0, 0x38, 0x4C},
            {0x4000, 0xC000, 0x3000, 0x5800}, {0x4000, 0xC000, 0x3800, 0x4C00}};
        double[] maxpos = {64, 4096, 0x1p24, 0x1p28, 0x1p56};
        for (int f = 0; f < formats.length; f++) {
            Posit p = formats[f];
            assertEquals(table[f][0], p.encode(1.0));
            assertEquals(table[f][1], p.encode(-1.0));
            assertEquals(table[f][2], p.encode(0.5));
            assertEquals(table[f][3], p.encode(3.0));
            assertEquals(maxpos[f], p.maxpos());
            assertEquals(1 / maxpos[f], p.minpos());
        }
        assertEquals(0xED, Posit.P8_0.encode(-0.3));
        assertEquals(-0.296875, Posit.P8_0.decode(0xED));
        assertEquals(0x14CD, Posit.P16_1.encode(0.1));
        assertEquals(0.100006103515625, Posit.P16_1.decode(0x14CD));
        assertEquals(0x01, Posit.P8_0.encode(1e-9), "minpos, never zero");
        assertEquals(0x7F, Posit.P8_0.encode(1e9), "maxpos, never NaR");
        assertEquals(0x7E, Posit.P8_2.encode(3e6), "geometric midpoint 2^22: rounds down to 2^20");
        assertEquals(0x7F, Posit.P8_2.encode(5e6));
        assertEquals(0x80, Posit.P8_0.encode(Double.NaN));
        assertTrue(Double.isNaN(Posit.P8_0.decode(0x80)));
        assertEquals(0, Posit.P8_0.encode(0.0));
    }

    /** decode(encode(decode(P))) == P for every pattern but NaR; order like two's complement integers. */
    @Test
    void everyPatternOfEveryStoredFormatRoundTripsInOrder() {
        for (Posit p : new Posit[] {Posit.P8_0, P8_1, Posit.P8_2, Posit.P16_1, P16_2}) {
            int n = p.bits();
            double previous = Double.NEGATIVE_INFINITY;
            for (int signed = -(1 << (n - 1)) + 1; signed < (1 << (n - 1)); signed++) {
                int pattern = signed & ((1 << n) - 1);
                double v = p.decode(pattern);
                assertEquals(pattern, p.encode(v), "posit<" + n + "> pattern " + pattern);
                assertTrue(v > previous, "monotone at " + pattern);
                previous = v;
            }
        }
    }

    @Test
    void roundsToNearestSymmetricallyAndNeverToZeroOrNar() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double x = Math.scalb(r.nextDouble(1, 2), r.nextInt(-40, 40)) * (r.nextBoolean() ? 1 : -1);
            for (Posit p : new Posit[] {Posit.P8_0, Posit.P8_2, Posit.P16_1}) {
                int code = p.encode(x);
                assertNotEquals(0, code);
                assertNotEquals(p.nar(), code);
                assertEquals((-code) & ((1 << p.bits()) - 1), p.encode(-x), "encode(-x) is the two's complement");
                double v = p.decode(code);
                if (Math.abs(x) < p.maxpos() && Math.abs(x) > p.minpos()) {
                    double below = p.decode(code - 1);
                    double above = p.decode(code + 1);
                    assertTrue(v == x || Math.signum(below - x) != Math.signum(above - x), "neighbours straddle x");
                }
            }
        }
    }
}
