package io.inrkit.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.testing.RawSignals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SignalComparisonTest {

    static Signal kodim03() {
        return RawSignals.pnm(Path.of("src", "test", "resources", "fixtures", "kodim03-64x64.ppm"));
    }

    @Test
    void identicalSignalsAreInfinitelyCloseAndFullySimilar() {
        Signal a = kodim03();
        SignalComparison c = SignalComparison.of(a, a);
        assertEquals(Double.POSITIVE_INFINITY, c.psnr());
        assertEquals(1.0, c.ssim(), 1e-12);
        assertEquals(0, c.maxAbsError());
        assertEquals(0, c.differingSamples());
        assertEquals(64 * 64 * 3, c.samples());
    }

    @Test
    void countsAndPsnrFollowTheirDefinitions() {
        SignalSpec spec = SignalSpec.audio(4, 1, 8, true, 8000);
        Signal a = Signal.of(spec, new int[] {-128, 0, 5, 127});
        Signal b = Signal.of(spec, new int[] {-128, 3, 1, 127});
        SignalComparison c = SignalComparison.of(a, b);
        assertEquals(4, c.maxAbsError());
        assertEquals(2, c.differingSamples());
        // MSE (9 + 16) / 4 = 6.25, peak 255
        assertEquals(10 * Math.log10(255.0 * 255.0 / 6.25), c.psnr(), 1e-9);
        assertTrue(Double.isNaN(c.ssim()), "no SSIM for audio");
    }

    @Test
    void ssimFallsWithDistortionAndIgnoresAConstantShiftLessThanNoise() {
        Signal a = kodim03();
        int[] shifted = a.toIntArray();
        int[] noisy = a.toIntArray();
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = Math.min(255, shifted[i] + 4);
            noisy[i] = Math.max(0, Math.min(255, noisy[i] + r.nextInt(9) - 4));
        }
        SignalComparison shift = SignalComparison.of(a, Signal.of(a.spec(), shifted));
        SignalComparison noise = SignalComparison.of(a, Signal.of(a.spec(), noisy));
        assertTrue(noise.ssim() < 0.99 && noise.ssim() > 0, "noise " + noise.ssim());
        // a brightness change keeps the structure: SSIM stays higher although the PSNR is lower
        assertTrue(shift.psnr() < noise.psnr(), shift.psnr() + " " + noise.psnr());
        assertTrue(shift.ssim() > noise.ssim(), shift.ssim() + " " + noise.ssim());
    }

    @Test
    void refusesSignalsOfDifferentSizeDepthOrKind() {
        Signal a = kodim03();
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> SignalComparison.of(a, a.crop(0, 0, 32, 64)));
        assertTrue(size.getMessage().startsWith("sizes differ"), size.getMessage());
        Signal deeper = Signal.of(a.spec().withBitDepth(16), a.toIntArray());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SignalComparison.of(a, deeper)).getMessage()
                .startsWith("bit depths differ"));
        Signal audio = Signal.of(SignalSpec.audio(4, 1, 8, true, 8000), new int[4]);
        assertThrows(IllegalArgumentException.class, () -> SignalComparison.of(a, audio));
    }
}
