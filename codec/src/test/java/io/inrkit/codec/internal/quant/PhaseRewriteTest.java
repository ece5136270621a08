package io.inrkit.codec.internal.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.CodecFixtures;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.internal.CoordinateGrid;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import org.junit.jupiter.api.Test;

class PhaseRewriteTest {

    @Test
    void sameFunctionWithBiasesFoldedIntoHalfAPeriod() {
        Signal s = CodecFixtures.image("kodim23-16x16.ppm");
        InrModel m = InrFitter.fit(s, FitOptions.builder().width(32).maxIterations(150).build(), FitListener.NONE).model();
        InrModel r = PhaseRewrite.apply(m);
        boolean folded = false;
        for (int l = 0; l < r.layers().size() - 1; l++) {
            DenseLayer before = m.layers().get(l);
            DenseLayer after = r.layers().get(l);
            double bound = Math.PI / (2 * after.omega()) * (1 + 1e-6);
            for (int j = 0; j < after.outputs(); j++) {
                assertTrue(Math.abs(after.bias(j)) <= bound, "layer " + l + " bias " + after.bias(j));
                folded |= Math.abs(before.bias(j)) > bound;
            }
        }
        assertTrue(folded, "the fitted model had phases outside [-pi/2, pi/2] to fold");
        float[] row = new float[2];
        double[] a = new double[r.outputDimension()];
        double[] b = new double[r.outputDimension()];
        double worst = 0;
        for (int pos = 0; pos < s.spec().positions(); pos++) {
            CoordinateGrid.fillPosition(s.spec(), pos, row, 0);
            m.logits(row, 0, a);
            r.logits(row, 0, b);
            for (int k = 0; k < a.length; k++) {
                worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(a[k])));
            }
        }
        assertTrue(worst < 1e-5, "largest relative logit change " + worst);
    }
}
