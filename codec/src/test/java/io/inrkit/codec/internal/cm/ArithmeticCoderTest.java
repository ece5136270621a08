package io.inrkit.codec.internal.cm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArithmeticCoderTest {

    /** Random bits at random probabilities, extremes included, decode exactly. */
    @Test
    void decodesWhatWasEncoded() {
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 200_000;
        int[] bits = new int[n];
        int[] ps = new int[n];
        ArithmeticEncoder enc = new ArithmeticEncoder(1024);
        for (int i = 0; i < n; i++) {
            ps[i] = i % 97 == 0 ? 1 : i % 89 == 0 ? 4095 : 1 + rnd.nextInt(4095);
            bits[i] = rnd.nextInt(4096) < ps[i] ? 1 : 0;
            enc.code(bits[i], ps[i]);
        }
        byte[] data = enc.finish();
        ArithmeticDecoder dec = new ArithmeticDecoder(data, 0, data.length);
        for (int i = 0; i < n; i++) {
            assertEquals(bits[i], dec.code(0, ps[i]), "bit " + i);
        }
    }

    /** The stream is as long as the information it carries (within a small margin). */
    @Test
    void sizeMatchesTheCodingCost() {
        SplittableRandom rnd = new SplittableRandom(2);
        ArithmeticEncoder enc = new ArithmeticEncoder(1024);
        double cost = 0;
        for (int i = 0; i < 100_000; i++) {
            int p = 200 + rnd.nextInt(3700);
            int bit = rnd.nextInt(4096) < p ? 1 : 0;
            cost += Probability.cost(bit, p);
            enc.code(bit, p);
        }
        double bytes = enc.finish().length;
        assertTrue(bytes >= cost / 8 && bytes < cost / 8 * 1.002 + 8, bytes + " bytes for " + cost / 8);
    }

    @Test
    void confidentCorrectPredictionsCostAlmostNothing() {
        ArithmeticEncoder enc = new ArithmeticEncoder(16);
        for (int i = 0; i < 1_000_000; i++) {
            enc.code(1, 4095);
        }
        assertTrue(enc.finish().length < 70, "a million certain bits");
    }

    @Test
    void probabilitiesOutsideTheScaleAreBugs() {
        ArithmeticEncoder enc = new ArithmeticEncoder(16);
        assertThrows(IllegalArgumentException.class, () -> enc.code(1, 0));
        assertThrows(IllegalArgumentException.class, () -> enc.code(1, 4096));
    }

    @Test
    void stretchAndSquashAreInverses() {
        for (int p = 1; p < 4096; p++) {
            int back = Probability.squash(Probability.stretch(p));
            assertTrue(Math.abs(back - p) <= Math.max(1, p / 64), p + " -> " + back);
        }
        assertEquals(2048, Probability.squash(0));
        assertTrue(Probability.squash(2047) >= 4094 && Probability.squash(-2047) <= 2);
    }
}
