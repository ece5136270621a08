package io.inrkit.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.BitProbabilities;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ternary network's reference evaluation: encoding, GELU, LayerNorm, refusals. */
class TernaryInrTest {

    private static final SignalSpec GRAY4 = SignalSpec.image(4, 3, 1, 4);

    @Test
    void encodingIsTheCoordinatesThenSineAndCosinePerFrequency() {
        float[] f = TernaryInr.features(new float[] {0.25f, -0.5f}, 2, 2);
        assertEquals(10, f.length);
        double[] want = {0.25, -0.5, Math.sin(Math.PI * 0.25), Math.cos(Math.PI * 0.25), Math.sin(-Math.PI * 0.5),
            Math.cos(-Math.PI * 0.5), Math.sin(2 * Math.PI * 0.25), Math.cos(2 * Math.PI * 0.25),
            Math.sin(-2 * Math.PI * 0.5), Math.cos(-2 * Math.PI * 0.5)};
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], f[i], 1e-7, "feature " + i);
        }
        assertEquals(2 * 15, TernaryInr.featureCount(2, 7), "the paper's 30 inputs for an image");
    }

    @Test
    void frequenciesAreThePapersUnlessAnAxisNeedsMore() {
        assertEquals(7, TernaryInr.frequenciesFor(SignalSpec.image(32, 32, 3, 8)));
        assertEquals(7, TernaryInr.frequenciesFor(SignalSpec.image(128, 1, 1, 8)));
        assertEquals(8, TernaryInr.frequenciesFor(SignalSpec.image(129, 256, 1, 8)));
        assertEquals(10, TernaryInr.frequenciesFor(SignalSpec.audio(1024, 2, 16, 48000)));
        assertEquals(11, TernaryInr.frequenciesFor(SignalSpec.audio(1025, 1, 24, 48000)));
        assertEquals(7, TernaryInr.frequenciesFor(SignalSpec.audio(1, 1, 16, 8000)));
    }

    @Test
    void geluIsTheTanhForm() {
        assertEquals(0, TernaryInr.gelu(0.0));
        assertEquals(0.8411920, TernaryInr.gelu(1.0), 1e-6);
        assertEquals(-0.1588080, TernaryInr.gelu(-1.0), 1e-6);
        assertEquals(3.0, TernaryInr.gelu(3.0), 0.004);
    }

    /** A one-layer network by hand: LayerNorm of the encoding, then codes times beta. */
    @Test
    void logitsFollowTheSpecifiedArithmetic() {
        SplittableRandom rnd = new SplittableRandom(3);
        int in = TernaryInr.featureCount(2, 1);
        int out = 4; // 1 channel x 4 planes
        byte[] codes = new byte[in * out];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (rnd.nextInt(3) - 1);
        }
        TernaryInr m = new TernaryInr(GRAY4, PlaneMapping.BINARY, 1, new int[] {in, out}, new byte[][] {codes},
                new float[] {0.75f});
        float[] pos = {-1f, 0.5f};
        double[] x = {-1, 0.5, Math.sin(-Math.PI), Math.cos(-Math.PI), Math.sin(Math.PI / 2), Math.cos(Math.PI / 2)};
        double mean = 0;
        for (double v : x) {
            mean += v / in;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / in;
        }
        double[] got = new double[out];
        m.logits(pos, 0, got);
        for (int j = 0; j < out; j++) {
            double a = 0;
            for (int i = 0; i < in; i++) {
                a += codes[i * out + j] * (x[i] - mean) / Math.sqrt(var + 1e-5);
            }
            assertEquals(0.75 * a, got[j], 1e-9, "logit " + j);
        }
    }

    /** The evaluation equals docs/FORMAT.md's formula, written out densely, to the last bit. */
    @Test
    void logitsAreExactlyTheDenseFormula() {
        SignalSpec spec = SignalSpec.image(7, 5, 3, 8);
        TernaryInr m = random(spec, 3, 16, 21);
        float[] pos = new float[2];
        double[] got = new double[24];
        for (int p = 0; p < spec.positions(); p++) {
            io.inrkit.core.internal.CoordinateGrid.fillPosition(spec, p, pos, 0);
            m.logits(pos, 0, got);
            double[] want = dense(m, pos);
            for (int k = 0; k < want.length; k++) {
                assertEquals(Double.doubleToLongBits(want[k]), Double.doubleToLongBits(got[k]), "position " + p + " logit " + k);
            }
        }
    }

    /** docs/FORMAT.md's evaluation, term by term over every input, zero codes included. */
    private static double[] dense(TernaryInr m, float[] pos) {
        int[] dims = m.dims();
        int k = m.frequencies();
        double[] x = new double[2 + 4 * k];
        x[0] = pos[0];
        x[1] = pos[1];
        for (int q = 0; q < k; q++) {
            for (int d = 0; d < 2; d++) {
                double t = (Math.PI * Math.pow(2, q)) * pos[d];
                x[2 + 4 * q + 2 * d] = StrictMath.sin(t);
                x[3 + 4 * q + 2 * d] = StrictMath.cos(t);
            }
        }
        for (int l = 0; l < m.layers(); l++) {
            int in = dims[l];
            int outs = dims[l + 1];
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= in;
            double var = 0;
            for (double v : x) {
                var += (v - mean) * (v - mean);
            }
            var /= in;
            double inv = 1 / StrictMath.sqrt(var + 1e-5);
            byte[] c = m.codes(l);
            double[] y = new double[outs];
            for (int j = 0; j < outs; j++) {
                double a = 0;
                for (int i = 0; i < in; i++) {
                    a += c[i * outs + j] * ((x[i] - mean) * inv);
                }
                a *= m.beta(l);
                y[j] = l < m.layers() - 1 ? 0.5 * a * (1 + StrictMath.tanh(Math.sqrt(2 / Math.PI) * (a + 0.044715 * (a * a * a)))) : a;
            }
            x = y;
        }
        return x;
    }

    @Test
    void probabilitiesAndThresholdsAgreeWithTheLogits() {
        TernaryInr m = random(GRAY4, 2, 8, 11);
        BitProbabilities p = BitProbabilities.compute(m, 2);
        long[][] bits = m.predictBits();
        assertArrayEquals(bits, p.thresholdedBits(), "a logit above 0 is a probability above 2048");
        BitProbabilities again = BitProbabilities.compute(m, 1);
        for (int pos = 0; pos < GRAY4.positions(); pos++) {
            for (int b = 0; b < 4; b++) {
                assertEquals(p.probability(pos, 0, b), again.probability(pos, 0, b), "threads change nothing");
            }
        }
    }

    @Test
    void malformedNetworksAreRefused() {
        int in = TernaryInr.featureCount(2, 1);
        byte[] ok = new byte[in * 4];
        byte[] bad = ok.clone();
        bad[5] = 2;
        assertThrows(IllegalArgumentException.class, () -> new TernaryInr(GRAY4, PlaneMapping.BINARY, 1,
                new int[] {in, 4}, new byte[][] {bad}, new float[] {1}), "code 2");
        assertThrows(IllegalArgumentException.class, () -> new TernaryInr(GRAY4, PlaneMapping.BINARY, 1,
                new int[] {in, 4}, new byte[][] {ok}, new float[] {0}), "scale 0");
        assertThrows(IllegalArgumentException.class, () -> new TernaryInr(GRAY4, PlaneMapping.BINARY, 1,
                new int[] {in, 4}, new byte[][] {ok}, new float[] {Float.NaN}), "scale NaN");
        assertThrows(IllegalArgumentException.class, () -> new TernaryInr(GRAY4, PlaneMapping.BINARY, 2,
                new int[] {in, 4}, new byte[][] {ok}, new float[] {1}), "encoding and first layer disagree");
        assertThrows(IllegalArgumentException.class, () -> new TernaryInr(GRAY4, PlaneMapping.BINARY, 1,
                new int[] {in, 3}, new byte[][] {new byte[in * 3]}, new float[] {1}), "3 logits for 4 planes");
        assertThrows(IllegalArgumentException.class, () -> new TernaryInr(GRAY4, PlaneMapping.BINARY, 17,
                new int[] {TernaryInr.featureCount(2, 17), 4}, new byte[][] {new byte[TernaryInr.featureCount(2, 17) * 4]},
                new float[] {1}), "17 frequencies");
        assertTrue(new TernaryInr(GRAY4, PlaneMapping.BINARY, 1, new int[] {in, 4}, new byte[][] {ok},
                new float[] {1}).weightCount() == in * 4);
    }

    /** A random ternary network for {@code spec}: one hidden layer of {@code width}. */
    static TernaryInr random(SignalSpec spec, int frequencies, int width, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] dims = {TernaryInr.featureCount(spec.rank(), frequencies), width, spec.channels() * spec.bitDepth()};
        byte[][] codes = new byte[2][];
        for (int l = 0; l < 2; l++) {
            codes[l] = new byte[dims[l] * dims[l + 1]];
            for (int i = 0; i < codes[l].length; i++) {
                codes[l][i] = (byte) (rnd.nextInt(3) - 1);
            }
        }
        return new TernaryInr(spec, PlaneMapping.BINARY, frequencies, dims, codes, new float[] {0.5f, 0.25f});
    }
}
