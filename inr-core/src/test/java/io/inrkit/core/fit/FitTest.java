package io.inrkit.core.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fits of real crops to exactly lossless, every sample compared. */
class FitTest {

    static FitOptions.Builder small() {
        return FitOptions.builder().width(64).layers(3).learningRate(2e-3).maxIterations(1500);
    }

    @ParameterizedTest
    @EnumSource(Formulation.class)
    void eightBitCropBecomesExact(Formulation f) {
        Signal s = Fixtures.kodim23();
        FitResult r = InrFitter.fit(s, small().formulation(f).build(), FitListener.NONE);
        assertTrue(r.lossless(), f + ": " + r.bitErrors() + " bits wrong after " + r.iterations());
        assertEquals(s, r.reconstruction(), "every sample equal");
        assertEquals(Double.POSITIVE_INFINITY, r.psnr());
        assertModelReproducesTheBits(s, r.model());
    }

    /** Bit-depth expansion's fit: rows for the known upper planes only, exact on them. */
    @Test
    void upperPlanesAloneCanBeFittedExactly() {
        Signal s = Fixtures.kodim23().crop(0, 0, 8, 8);
        FitResult r = InrFitter.fitUpperPlanes(s, 5, small().formulation(Formulation.BIT_INPUT).build(), FitListener.NONE);
        assertTrue(r.lossless(), r.bitErrors() + " known bits wrong after " + r.iterations());
        assertEquals(8 * 8 * 3 * 3, r.totalBits(), "three known planes");
        long[][] predicted = r.model().predictBits();
        BitPlanes actual = BitPlanes.decompose(s, PlaneMapping.BINARY);
        for (int p = 5; p < 8; p++) {
            assertArrayEquals(actual.planeWords(p), predicted[p], "plane " + p);
        }
        assertThrows(IllegalArgumentException.class, () -> InrFitter.fitUpperPlanes(s, 5, small().build(), FitListener.NONE),
                "plane-heads has no output for a plane it was not given");
    }

    @Test
    void sixteenBitCropsBecomeExact() {
        for (Signal s : new Signal[] {Fixtures.m51(), Fixtures.rgb16()}) {
            FitResult r = InrFitter.fit(s, small().maxIterations(4000).build(), FitListener.NONE);
            assertTrue(r.lossless(), s + ": " + r.bitErrors() + " bits wrong after " + r.iterations());
            assertEquals(s, r.reconstruction());
            assertModelReproducesTheBits(s, r.model());
        }
    }

    @Test
    void grayCodedPlanesMiniBatchesAndMseAlsoReachExact() {
        Signal s = Fixtures.kodim23();
        FitResult gray = InrFitter.fit(s, small().mapping(PlaneMapping.GRAY).build(), FitListener.NONE);
        assertTrue(gray.lossless());
        assertEquals(s, gray.reconstruction());
        FitResult mini = InrFitter.fit(s, small().batchSize(512).build(), FitListener.NONE);
        assertTrue(mini.lossless(), "mini-batch: " + mini.bitErrors());
        assertEquals(s, mini.reconstruction());
        FitResult mse = InrFitter.fit(s, small().loss(Loss.MSE).learningRate(3e-3).maxIterations(3000).build(), FitListener.NONE);
        assertTrue(mse.lossless(), "mse: " + mse.bitErrors());
        assertEquals(s, mse.reconstruction());
    }

    @Test
    void dl4jEngineReachesExactToo() {
        Signal s = Fixtures.kodim23().crop(4, 4, 8, 8); // DL4J's reference engine is the slow one
        FitResult r = InrFitter.fit(s, small().engine(FitOptions.Engine.DL4J).build(), FitListener.NONE);
        assertTrue(r.lossless(), r.bitErrors() + " bits wrong after " + r.iterations());
        assertEquals(s, r.reconstruction());
        assertModelReproducesTheBits(s, r.model());
    }

    /** Per-plane error counts against a recount from the reconstruction's own planes. */
    @Test
    void bitErrorsAreCountedPerPlane() {
        Signal s = Fixtures.rgb16();
        FitResult r = InrFitter.fit(s, small().maxIterations(40).build(), FitListener.NONE);
        assertTrue(r.bitErrors() > 0, "stopped early on purpose");
        long[] recount = BitPlanes.decompose(s, PlaneMapping.BINARY)
                .differencesPerPlane(BitPlanes.decompose(r.reconstruction(), PlaneMapping.BINARY));
        assertArrayEquals(recount, r.bitErrorsPerPlane());
        long sum = 0;
        for (long e : recount) {
            sum += e;
        }
        assertEquals(sum, r.bitErrors());
        assertEquals((long) s.sampleCount() * 16, r.totalBits());
        assertEquals(40, r.iterations());
        assertEquals(41, r.history().size(), "one evaluation per step and one at the end");
        assertTrue(r.psnr() > 0 && Double.isFinite(r.psnr()));
    }

    @Test
    void sameSeedSameFitOnOneMachine() {
        Signal s = Fixtures.kodim23();
        FitOptions o = small().maxIterations(30).threads(2).build();
        FitResult a = InrFitter.fit(s, o, FitListener.NONE);
        FitResult b = InrFitter.fit(s, o, FitListener.NONE);
        for (int i = 0; i < a.history().size(); i++) {
            assertEquals(a.history().get(i).loss(), b.history().get(i).loss(), "loss at evaluation " + i);
        }
        assertArrayEquals(a.model().layers().get(1).weights(), b.model().layers().get(1).weights());
    }

    @Test
    void audioSegmentsEachGetANetwork() {
        Signal s = Fixtures.snare();
        SegmentedFitResult r = InrFitter.fitSegments(s, 128, small().maxIterations(4000).build(), (k, n, p) -> { });
        assertEquals(2, r.segments().size());
        assertTrue(r.lossless(), r.bitErrors() + " bits wrong");
        assertEquals(s, r.reconstruction(), "every 24-bit sample equal");
        assertEquals(2L * r.segments().get(0).model().parameterCount(), r.parameters());
    }

    @Test
    void firstLayerOmegaFollowsTheSignal() {
        FitOptions o = small().maxIterations(1).build();
        InrModel image = InrFitter.fit(Fixtures.kodim23(), o, FitListener.NONE).model();
        assertEquals(30f, image.layers().get(0).omega());
        assertEquals(30f, image.layers().get(1).omega());
        InrModel audio = InrFitter.fit(Fixtures.snare(), o, FitListener.NONE).model();
        assertEquals(0.5f * 255, audio.layers().get(0).omega(), "audio: half a radian per frame");
        assertEquals(30f, audio.layers().get(1).omega());
        assertEquals(0f, audio.layers().get(3).omega(), "linear output layer");
        InrModel chosen = InrFitter.fit(Fixtures.snare(), small().maxIterations(1).firstOmega(77).build(),
                FitListener.NONE).model();
        assertEquals(77f, chosen.layers().get(0).omega());
    }

    @Test
    void limitsStopAFitThatIsNotDone() {
        Signal s = Fixtures.rgb16();
        FitResult r = InrFitter.fit(s, small().maxIterations(100_000).timeLimitSeconds(0.3).build(), FitListener.NONE);
        assertTrue(!r.lossless() && r.seconds() < 5, r.seconds() + " s");
    }

    @Test
    void impossibleOptionsAreRefusedWithTheirName() {
        assertMessage("width must be 1..8192, got 0", () -> FitOptions.builder().width(0).build());
        assertMessage("layers must be 1..63, got 0", () -> FitOptions.builder().layers(0).build());
        assertMessage("layers must be 1..63, got 64", () -> FitOptions.builder()
                .layers(io.inrkit.core.internal.NetworkLimits.MAX_LAYERS).build());
        assertMessage("learning rate must be positive", () -> FitOptions.builder().learningRate(-1).build());
        assertMessage("omega must be a positive number", () -> FitOptions.builder().omega(Float.NaN).build());
        assertMessage("max iterations", () -> FitOptions.builder().maxIterations(0).build());
        assertMessage("segments are for audio", () -> InrFitter.fitSegments(Fixtures.kodim23(), 10,
                FitOptions.builder().build(), (k, n, p) -> { }));
    }

    /** The reference evaluation of the exported model predicts exactly the bits of the signal. */
    static void assertModelReproducesTheBits(Signal s, InrModel model) {
        long[][] bits = model.predictBits();
        assertEquals(s, BitPlanes.of(s.spec(), model.mapping(), bits).recompose(), "InrModel reference evaluation");
    }

    private static void assertMessage(String text, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
