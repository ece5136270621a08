package io.inrkit.core.depth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.internal.SampleCoding;
import io.inrkit.core.quality.SignalComparison;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearnedExpansionTest {

    /**
     * The bundled prior places samples better than the contour rule on real photographs it was
     * not trained on: 4 -> 8 bits on two Kodak crops (sky and a textured parrot).
     */
    @Test
    void learnedBeatsContourOnRealPhotographs() {
        for (String name : new String[] {"kodim03-64x64.ppm", "kodim01-32x32.ppm"}) {
            Signal reference = BitDepthExpansionTest.fixture(name);
            Signal low = BitDepthExpansion.reduce(reference, 4);
            double contour = psnr(reference, low, ExpansionMethod.CONTOUR);
            double learned = psnr(reference, low, ExpansionMethod.LEARNED);
            assertTrue(learned > contour + 0.3, name + ": learned " + learned + " dB, contour " + contour + " dB");
        }
    }

    /**
     * From 8 known bits the prior first predicts the image's own lowest known bits; on M51's
     * smooth sky, where contour does that better, the learned method gives contour's samples.
     */
    @Test
    void selfCheckFallsBackToContourWhereContourPredictsTheKnownBitsBetter() {
        Signal reference = BitDepthExpansionTest.fixture("m51-48x48.pgm");
        Signal low = BitDepthExpansion.reduce(reference, 8);
        int[] levels = unsigned(low);
        assertTrue(!LearnedExpansion.usePrior(low.spec(), levels, 8, 1), "the self-check keeps contour on M51's sky");
        Signal learned = BitDepthExpansion.expand(low, 16, ExpansionMethod.LEARNED, BitDepthExpansionTest.quickNetwork());
        Signal contour = BitDepthExpansion.expand(low, 16, ExpansionMethod.CONTOUR, BitDepthExpansionTest.quickNetwork());
        assertEquals(contour, learned);
        // below 6 known bits there is no self-check: the prior always runs
        Signal four = BitDepthExpansion.reduce(reference, 4);
        assertTrue(LearnedExpansion.usePrior(four.spec(), unsigned(four), 4, 1));
    }

    /** Strips are computed on their own: any thread count gives the same samples. */
    @Test
    void threadsDoNotChangeTheResult() {
        Signal low = BitDepthExpansion.reduce(BitDepthExpansionTest.fixture("kodim03-64x64.ppm"), 5);
        int[] levels = unsigned(low);
        DepthPrior prior = DepthPrior.bundled();
        int[] one = LearnedExpansion.expand(prior, levels, 64, 64, 3, 5, 3, 1);
        int[] three = LearnedExpansion.expand(prior, levels, 64, 64, 3, 5, 3, 3);
        assertArrayEquals(one, three);
    }

    /** A strip's features equal those of the whole image at the same samples. */
    @Test
    void stripFeaturesEqualWholeImageFeatures() {
        Signal low = BitDepthExpansion.reduce(BitDepthExpansionTest.fixture("kodim03-64x64.ppm"), 4);
        int[] levels = unsigned(low);
        double[][] h = DepthPriorFeatures.histograms(levels, 3, 4);
        DepthPriorFeatures whole = new DepthPriorFeatures(levels, 64, 64, 3, 4, 4, h, 0, 64);
        DepthPriorFeatures strip = new DepthPriorFeatures(levels, 64, 64, 3, 4, 4, h, 32, 40);
        float[] a = new float[DepthPriorFeatures.COUNT];
        float[] b = new float[DepthPriorFeatures.COUNT];
        for (int y = 32; y < 40; y++) {
            for (int x = 0; x < 64; x += 7) {
                for (int c = 0; c < 3; c++) {
                    whole.fill(y, x, c, a, 0);
                    strip.fill(y, x, c, b, 0);
                    assertArrayEquals(a, b, "(" + y + ", " + x + ", " + c + ")");
                }
            }
        }
    }

    @Test
    void priorRoundTripsAndRefusesDamage() throws IOException {
        DepthPrior prior = DepthPrior.bundled();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        prior.write(out);
        byte[] bytes = out.toByteArray();
        DepthPrior back = DepthPrior.read(new ByteArrayInputStream(bytes));
        assertEquals(prior.provenance(), back.provenance());
        assertArrayEquals(prior.sizes(), back.sizes());
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[DepthPrior.BATCH * DepthPriorFeatures.COUNT];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-4, 4);
        }
        float[] a = new float[DepthPrior.BATCH];
        float[] b = new float[DepthPrior.BATCH];
        prior.predict(x, DepthPrior.BATCH, a, prior.scratch());
        back.predict(x, DepthPrior.BATCH, b, back.scratch());
        assertArrayEquals(a, b);
        // a sample's answer does not depend on the batch it is in
        float[] one = new float[1];
        float[] alone = Arrays.copyOfRange(x, 5 * DepthPriorFeatures.COUNT, 6 * DepthPriorFeatures.COUNT);
        prior.predict(alone, 1, one, prior.scratch());
        assertEquals(a[5], one[0]);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        assertThrows(CorruptInputException.class, () -> DepthPrior.read(new ByteArrayInputStream(flipped)));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 10);
        assertThrows(CorruptInputException.class, () -> DepthPrior.read(new ByteArrayInputStream(cut)));
    }

    /** The shipped weights are small and say where they came from. */
    @Test
    void bundledPriorIsSmallAndDocumented() {
        DepthPrior prior = DepthPrior.bundled();
        assertTrue(prior.parameters() * 2L < 2_000_000, prior.parameters() + " parameters");
        assertTrue(prior.provenance().contains("seed: "), prior.provenance());
        assertTrue(prior.provenance().contains("no test image"), prior.provenance());
    }

    private static double psnr(Signal reference, Signal low, ExpansionMethod m) {
        Signal wide = BitDepthExpansion.expand(low, reference.bitDepth(), m, BitDepthExpansionTest.quickNetwork());
        return SignalComparison.of(reference, wide).psnr();
    }

    private static int[] unsigned(Signal s) {
        int[] v = new int[s.sampleCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = SampleCoding.toUnsigned(s.sample(i), s.bitDepth(), s.spec().signed());
        }
        return v;
    }
}
