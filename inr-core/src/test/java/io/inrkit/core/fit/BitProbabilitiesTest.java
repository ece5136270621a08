package io.inrkit.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.Signal;
import io.inrkit.core.internal.BitProbabilities;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BitProbabilitiesTest {

    @Test
    void probabilityIsMonotoneAndClamped() {
        assertEquals(2048, BitProbabilities.probability12(0));
        assertEquals(1, BitProbabilities.probability12(-50));
        assertEquals(4095, BitProbabilities.probability12(50));
        int last = 0;
        for (double x = -12; x <= 12; x += 0.01) {
            int p = BitProbabilities.probability12(x);
            assertTrue(p >= last && p >= 1 && p <= 4095);
            last = p;
        }
    }

    /** Any thread count gives the same numbers, and they threshold to the model's own bits. */
    @ParameterizedTest
    @EnumSource(Formulation.class)
    void independentOfThreadsAndAgreesWithTheModel(Formulation f) {
        Signal s = Fixtures.kodim23();
        InrModel m = InrFitter.fit(s, FitOptions.builder().formulation(f).width(32).maxIterations(60).build(),
                FitListener.NONE).model();
        BitProbabilities one = BitProbabilities.compute(m, 1);
        BitProbabilities three = BitProbabilities.compute(m, 3);
        for (int pos = 0; pos < s.spec().positions(); pos++) {
            for (int c = 0; c < 3; c++) {
                for (int b = 0; b < 8; b++) {
                    assertEquals(one.probability(pos, c, b), three.probability(pos, c, b));
                }
                assertEquals(one.expected16(pos, c), three.expected16(pos, c));
            }
        }
        // Thresholds agree except where the logit is so near 0 that its probability rounds to 1/2.
        float[] row = new float[m.inputDimension()];
        double[] logits = new double[m.outputDimension()];
        int checked = 0;
        for (int pos = 0; pos < s.spec().positions(); pos++) {
            io.inrkit.core.internal.CoordinateGrid.fillPosition(s.spec(), pos, row, 0);
            for (int b = 0; b < 8; b++) {
                if (f == Formulation.BIT_INPUT) {
                    row[2] = io.inrkit.core.internal.CoordinateGrid.bitCoordinate(b, 8);
                }
                m.logits(row, 0, logits);
                for (int c = 0; c < 3; c++) {
                    double logit = f == Formulation.BIT_INPUT ? logits[c] : logits[b * 3 + c];
                    boolean modelBit = logit > 0;
                    boolean engineBit = one.probability(pos, c, b) > 2048;
                    if (modelBit != engineBit) {
                        assertTrue(Math.abs(logit) < 1.0 / 1024, "bit disagrees at logit " + logit);
                    }
                    checked++;
                }
            }
        }
        assertEquals(16 * 16 * 3 * 8, checked);
    }
}
