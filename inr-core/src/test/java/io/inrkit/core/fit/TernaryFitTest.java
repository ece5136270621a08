package io.inrkit.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.model.TernaryInr;
import org.junit.jupiter.api.Test;

/** The paper's ternary network, trained: exact on a real crop, by the reference evaluation too. */
class TernaryFitTest {

    @Test
    void aRealCropBecomesExactWithTernaryWeights() {
        Signal s = Fixtures.kodim23();
        TernaryFitResult r = InrFitter.fitTernary(s, FitOptions.ternaryBuilder().width(128).layers(3).maxIterations(3000)
                .seed(1).build(), FitListener.NONE);
        assertTrue(r.lossless(), r.bitErrors() + " bits wrong after " + r.iterations());
        assertEquals(s, r.reconstruction(), "every sample equal");
        TernaryInr m = r.model();
        for (int l = 0; l < m.layers(); l++) {
            for (byte c : m.codes(l)) {
                assertTrue(c >= -1 && c <= 1);
            }
        }
        Signal reference = BitPlanes.of(s.spec(), PlaneMapping.BINARY, m.predictBits()).recompose();
        assertEquals(s, reference, "the deterministic evaluation reproduces every sample");
        assertEquals(16 * 16 * 3 * 8, r.totalBits());
    }

    @Test
    void trainingGeluAgreesWithTheReferenceAndItsDerivative() {
        float[] y = new float[81];
        for (int i = 0; i < y.length; i++) {
            y[i] = -4 + i * 0.1f;
        }
        float[] t = new float[y.length];
        float[] g = new float[y.length];
        BitLinearTrainer.gelu(y, t, g);
        float[] d = new float[y.length];
        java.util.Arrays.fill(d, 1f);
        BitLinearTrainer.geluBackward(d, y, t, y.length);
        for (int i = 0; i < y.length; i++) {
            assertEquals(TernaryInr.gelu(y[i]), g[i], 2e-6, "gelu at " + y[i]);
            double numeric = (TernaryInr.gelu(y[i] + 1e-4) - TernaryInr.gelu(y[i] - 1e-4)) / 2e-4;
            assertEquals(numeric, d[i], 2e-5, "derivative at " + y[i]);
        }
    }

    @Test
    void signalsTooLargeForOnePieceAreRefused() {
        Signal big = Signal.of(SignalSpec.image(257, 256, 1, 1), new int[257 * 256]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InrFitter.fitTernary(big, FitOptions.ternaryBuilder().maxIterations(1).build(), FitListener.NONE));
        assertTrue(e.getMessage().contains("crop it"), e.getMessage());
    }
}
