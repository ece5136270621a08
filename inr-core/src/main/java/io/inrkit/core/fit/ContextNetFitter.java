package io.inrkit.core.fit;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Fits the codec's context network with DL4J: {@code inputs -> hidden} tanh units, one linear
 * output, L1 loss (the coder pays for an error's size, not its square), Adam at a fixed rate,
 * mini-batches drawn with a seeded generator. The codec decides what the inputs
 * and the target are; this class only fits {@code targets} from {@code features}.
 */
public final class ContextNetFitter {

    /** Samples a mini-batch holds. */
    public static final int BATCH = 512;
    /** A fixed rate did better than one decaying 20-fold over the steps (820 bytes saved on kodim23 against 577). */
    private static final double LEARNING_RATE = 2e-3;

    /**
     * A fitted network.
     *
     * @param weights1 inputs x hidden, row-major
     * @param bias1 hidden
     * @param weights2 hidden
     */
    public record Weights(int inputs, int hidden, float[] weights1, float[] bias1, float[] weights2, float bias2) {
    }

    private ContextNetFitter() {
    }

    /**
     * Fits {@code targets[k]} from row {@code k} of {@code features} ({@code inputs} values a
     * row) in {@code steps} mini-batches.
     */
    public static Weights fit(float[] features, float[] targets, int inputs, int hidden, int steps, long seed) {
        int n = targets.length;
        if (n == 0 || features.length != (long) n * inputs) {
            throw new IllegalArgumentException(features.length + " features for " + n + " samples of " + inputs);
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .updater(new Adam(LEARNING_RATE))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(hidden).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.L1).nIn(hidden).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        SplittableRandom random = new SplittableRandom(seed);
        int batch = Math.min(BATCH, n);
        float[] x = new float[batch * inputs];
        float[] y = new float[batch];
        for (int step = 0; step < steps; step++) {
            for (int b = 0; b < batch; b++) {
                int k = random.nextInt(n);
                System.arraycopy(features, k * inputs, x, b * inputs, inputs);
                y[b] = targets[k];
            }
            net.fit(Nd4j.create(x, new long[] {batch, inputs}, 'c'), Nd4j.create(y, new long[] {batch, 1}, 'c'));
        }
        INDArray w1 = net.getParam("0_W");
        INDArray b1 = net.getParam("0_b");
        INDArray w2 = net.getParam("1_W");
        float[] weights1 = new float[inputs * hidden];
        float[] bias1 = new float[hidden];
        float[] weights2 = new float[hidden];
        for (int j = 0; j < hidden; j++) {
            for (int i = 0; i < inputs; i++) {
                weights1[i * hidden + j] = w1.getFloat(i, j);
            }
            bias1[j] = b1.getFloat(0, j);
            weights2[j] = w2.getFloat(j, 0);
        }
        return new Weights(inputs, hidden, weights1, bias1, weights2, net.getParam("1_b").getFloat(0, 0));
    }
}
