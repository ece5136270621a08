package io.inrkit.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * INRKit's fused training step against DL4J's MultiLayerNetwork with INRKit's sine activation:
 * from the same parameters, the same logits and the same gradients (INRKit averages the loss
 * over every bit like PyTorch's BCELoss; DL4J's raw gradient is rows x outputs times larger).
 */
class EngineEquivalenceTest {

    @ParameterizedTest
    @EnumSource(Formulation.class)
    void sameLogitsAndGradientsAsDl4j(Formulation formulation) {
        FitOptions o = FitOptions.builder().formulation(formulation).width(32).layers(3).seed(3).build();
        TrainingSet data = new TrainingSet(Fixtures.kodim23(), formulation, PlaneMapping.BINARY);
        FusedSirenTrainer fused = new FusedSirenTrainer(data, o);
        Dl4jSirenTrainer dl4j = new Dl4jSirenTrainer(data, o);

        fused.computeGradients();

        MultiLayerNetwork net = dl4j.network();
        INDArray features = Nd4j.create(data.coordinates, new long[] {data.rows, data.inputs}, 'c');
        INDArray labels = Nd4j.create(data.target, new long[] {data.rows, data.outputs}, 'c');
        INDArray probabilities = net.output(features);
        float[] logits = fused.logits();
        double worst = 0;
        for (int i = 0; i < logits.length; i++) {
            double p = 1 / (1 + Math.exp(-logits[i]));
            worst = Math.max(worst, Math.abs(p - probabilities.getDouble(i / data.outputs, i % data.outputs)));
        }
        assertTrue(worst < 1e-4, "largest probability difference " + worst);

        net.setInput(features);
        net.setLabels(labels);
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        // DL4J sums the loss over a row's outputs and divides by the batch only in its updater.
        int scale = data.outputs * data.rows;
        for (int l = 0; l <= o.architecture().layers(); l++) {
            assertClose(fused.weightGradients()[l], g.getGradientFor(l + "_W"), scale, "layer " + l + " W");
            assertClose(fused.biasGradients()[l], g.getGradientFor(l + "_b"), scale, "layer " + l + " b");
        }
    }

    /**
     * The exported InrModel, evaluated by the reference code (double, StrictMath), predicts the
     * bits DL4J's network predicts, at a state far from lossless where many logits are small:
     * they may disagree only where the logit is within 1e-4 of the threshold.
     */
    @ParameterizedTest
    @EnumSource(Formulation.class)
    void exportedModelPredictsTheNetworksBits(Formulation formulation) {
        FitOptions o = FitOptions.builder().formulation(formulation).width(32).layers(3).seed(11).build();
        TrainingSet data = new TrainingSet(Fixtures.kodim23(), formulation, PlaneMapping.BINARY);
        Dl4jSirenTrainer dl4j = new Dl4jSirenTrainer(data, o);
        INDArray probabilities = dl4j.network().output(Nd4j.create(data.coordinates, new long[] {data.rows, data.inputs}, 'c'));
        InrModel model = dl4j.model();
        double[] logits = new double[data.outputs];
        int checked = 0;
        for (int row = 0; row < data.rows; row++) {
            model.logits(data.coordinates, row * data.inputs, logits);
            for (int k = 0; k < data.outputs; k++) {
                boolean dl4jBit = probabilities.getDouble(row, k) > 0.5;
                if (Math.abs(logits[k]) > 1e-4) {
                    assertEquals(logits[k] > 0, dl4jBit, "row " + row + " output " + k + " logit " + logits[k]);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0.99 * data.rows * data.outputs, checked + " bits compared");
    }

    private static void assertClose(float[] fused, INDArray dl4j, int scale, String what) {
        float[] d = dl4j.dup('c').data().asFloat();
        assertEquals(fused.length, d.length, what);
        double num = 0;
        double den = 0;
        for (int i = 0; i < d.length; i++) {
            double diff = fused[i] * scale - d[i];
            num += diff * diff;
            den += (double) d[i] * d[i];
        }
        double rel = Math.sqrt(num / Math.max(den, 1e-30));
        assertTrue(rel < 2e-3, what + ": relative difference " + rel);
    }
}
