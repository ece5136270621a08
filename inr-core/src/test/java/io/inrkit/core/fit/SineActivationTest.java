package io.inrkit.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SineActivationTest {

    @Test
    void activationIsSinOfOmegaZ() {
        INDArray z = Nd4j.create(new double[] {-0.7, -0.01, 0, 0.2, 1.3}, new long[] {1, 5}, DataType.DOUBLE);
        INDArray a = new SineActivation(30).getActivation(z.dup(), true);
        for (int i = 0; i < 5; i++) {
            assertEquals(Math.sin(30 * z.getDouble(i)), a.getDouble(i), 1e-12);
        }
    }

    /** backprop against central differences of sum(epsilon * sin(omega z)), in double precision. */
    @Test
    void gradientMatchesNumericalDifferences() {
        SplittableRandom rnd = new SplittableRandom(5);
        double omega = 30;
        int n = 64;
        double[] z = new double[n];
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (rnd.nextDouble() * 2 - 1) * 0.5;
            eps[i] = rnd.nextDouble() * 2 - 1;
        }
        SineActivation act = new SineActivation(omega);
        INDArray in = Nd4j.create(z, new long[] {8, 8}, DataType.DOUBLE);
        INDArray epsilon = Nd4j.create(eps, new long[] {8, 8}, DataType.DOUBLE);
        Pair<INDArray, INDArray> grad = act.backprop(in.dup(), epsilon);
        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            double numeric = eps[i] * (Math.sin(omega * (z[i] + h)) - Math.sin(omega * (z[i] - h))) / (2 * h);
            assertEquals(numeric, grad.getFirst().getDouble(i / 8, i % 8), 1e-6 * Math.max(1, Math.abs(numeric)), "element " + i);
        }
        assertEquals(null, grad.getSecond(), "no parameters");
    }

    /** DL4J writes its configurations as JSON (cloning, saving): the custom classes survive it. */
    @Test
    void networkConfigurationSurvivesJson() {
        FitOptions o = FitOptions.builder().width(16).layers(2).omega(25).schedule(Schedule.COSINE).build();
        MultiLayerConfiguration conf = Dl4jSirenTrainer.configuration(3, 3, o);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertTrue(conf.toJson().contains("SineActivation"));
    }
}
