package io.inrkit.core.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.quality.SignalComparison;
import io.inrkit.core.testing.RawSignals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BitDepthExpansionTest {

    static Signal fixture(String name) {
        return RawSignals.pnm(Path.of("src", "test", "resources", "fixtures", name));
    }

    static Signal snare() {
        return RawSignals.pcm(Path.of("src", "test", "resources", "fixtures", "snare-256f-2ch-48k.s24le"), 3, false, 2,
                48000);
    }

    /** A small, fast network: the tests check the plumbing, docs/BITDEPTH.md the quality. */
    static ExpansionOptions quickNetwork() {
        FitOptions n = FitOptions.builder().formulation(Formulation.BIT_INPUT).mapping(PlaneMapping.BINARY).width(32)
                .layers(2).maxIterations(30).threads(2).build();
        return new ExpansionOptions(n, 2, FitListener.NONE);
    }

    /** Every method keeps every known bit: reducing its output gives the input back, sample for sample. */
    @Test
    void everyMethodKeepsTheKnownBits() {
        Signal[][] cases = {
            {BitDepthExpansion.reduce(fixture("kodim23-16x16.ppm"), 4), null},
            {BitDepthExpansion.reduce(fixture("rgb16-16x16.ppm"), 8), null},
            {BitDepthExpansion.reduce(fixture("m51-16x16.pgm"), 6), null},
            {BitDepthExpansion.reduce(snare().segment(0, 64), 16), null}};
        int[] targets = {8, 16, 16, 24};
        for (int i = 0; i < cases.length; i++) {
            Signal low = cases[i][0];
            for (ExpansionMethod m : ExpansionMethod.values()) {
                Signal wide = BitDepthExpansion.expand(low, targets[i], m, quickNetwork());
                assertEquals(targets[i], wide.bitDepth());
                assertEquals(low, BitDepthExpansion.reduce(wide, low.bitDepth()), m.id() + " on " + low.spec().describe());
            }
        }
    }

    @Test
    void rulesGiveTheirDefiningValues() {
        Signal low = Signal.of(SignalSpec.image(4, 1, 1, 3), new int[] {0, 5, 3, 7});
        assertSamples(low, 8, ExpansionMethod.ZERO_PADDING, 0, 160, 96, 224);
        // 101 -> 101 101 10
        assertSamples(low, 8, ExpansionMethod.BIT_REPLICATION, 0, 0b10110110, 0b01101101, 255);
        // round(v * 255 / 7)
        assertSamples(low, 8, ExpansionMethod.IDEAL_GAIN, 0, 182, 109, 255);
        assertSamples(low, 8, ExpansionMethod.CENTRE, 16, 176, 112, 240);
        Signal one = Signal.of(SignalSpec.image(2, 1, 1, 1), new int[] {0, 1});
        assertSamples(one, 16, ExpansionMethod.BIT_REPLICATION, 0, 65535);
        assertSamples(one, 16, ExpansionMethod.IDEAL_GAIN, 0, 65535);
    }

    @Test
    void signedAudioExpandsInOffsetBinary() {
        SignalSpec spec = SignalSpec.audio(4, 1, 8, true, 8000);
        Signal low = Signal.of(spec, new int[] {-128, -1, 0, 127});
        assertSamples(low, 16, ExpansionMethod.ZERO_PADDING, -32768, -256, 0, 32512);
        assertSamples(low, 16, ExpansionMethod.CENTRE, -32768 + 128, -128, 128, 32640);
        assertSamples(low, 16, ExpansionMethod.IDEAL_GAIN, -32768, -129, 128, 32767);
        Signal back = BitDepthExpansion.reduce(Signal.of(spec.withBitDepth(16), new int[] {-32768, -1, 255, 32767}), 8);
        assertEquals(java.util.List.of(-128, -1, 0, 127), java.util.Arrays.stream(back.toIntArray()).boxed().toList());
    }

    /**
     * On smooth real content the contours carry what the centre throws away: 4 -> 8 bits on a
     * sky region of kodim03 and 8 -> 16 bits on M51's dark background both come out closer.
     */
    @Test
    void contourBeatsTheIntervalCentreOnSmoothRealContent() {
        check(fixture("kodim03-64x64.ppm"), 4);
        check(fixture("m51-48x48.pgm"), 8);
    }

    private static void check(Signal reference, int bits) {
        Signal low = BitDepthExpansion.reduce(reference, bits);
        int target = reference.bitDepth();
        double centre = SignalComparison.of(reference, BitDepthExpansion.expand(low, target, ExpansionMethod.CENTRE,
                quickNetwork())).psnr();
        double contour = SignalComparison.of(reference, BitDepthExpansion.expand(low, target, ExpansionMethod.CONTOUR,
                quickNetwork())).psnr();
        double zp = SignalComparison.of(reference, BitDepthExpansion.expand(low, target, ExpansionMethod.ZERO_PADDING,
                quickNetwork())).psnr();
        assertTrue(contour > centre && centre > zp, "zp " + zp + " centre " + centre + " contour " + contour);
    }

    @Test
    void refusesTargetsItCannotReach() {
        Signal img = fixture("kodim23-16x16.ppm");
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> BitDepthExpansion.expand(img, 8, ExpansionMethod.CENTRE, quickNetwork()));
        assertTrue(same.getMessage().contains("not above the input's 8 bits"), same.getMessage());
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
                () -> BitDepthExpansion.expand(img, 17, ExpansionMethod.CENTRE, quickNetwork()));
        assertTrue(deep.getMessage().contains("above the 16 bits"), deep.getMessage());
        Signal audio = snare().segment(0, 8);
        assertThrows(IllegalArgumentException.class, () -> BitDepthExpansion.expand(
                BitDepthExpansion.reduce(audio, 16), 25, ExpansionMethod.CENTRE, quickNetwork()));
        assertThrows(IllegalArgumentException.class, () -> BitDepthExpansion.reduce(img, 8));
        assertThrows(IllegalArgumentException.class, () -> BitDepthExpansion.reduce(img, 0));
        assertThrows(IllegalArgumentException.class, () -> ExpansionMethod.fromId("bicubic"));
    }

    @Test
    void optionsRefuseANetworkThatCannotPredictMissingPlanes() {
        FitOptions heads = FitOptions.builder().build();
        assertThrows(IllegalArgumentException.class, () -> new ExpansionOptions(heads, 1, FitListener.NONE));
        FitOptions gray = FitOptions.builder().formulation(Formulation.BIT_INPUT).mapping(PlaneMapping.GRAY).build();
        assertThrows(IllegalArgumentException.class, () -> new ExpansionOptions(gray, 1, FitListener.NONE));
    }

    private static void assertSamples(Signal low, int bits, ExpansionMethod m, int... expected) {
        Signal wide = BitDepthExpansion.expand(low, bits, m, quickNetwork());
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(wide.toIntArray()), m.id());
    }
}
