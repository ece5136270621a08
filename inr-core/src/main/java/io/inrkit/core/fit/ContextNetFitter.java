package io.inrkit.core.fit;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Fits the codec's context network: {@code inputs -> hidden} tanh units, one linear output, L1
 * loss (the coder pays for an error's size, not its square), Adam at a fixed rate, mini-batches
 * drawn with a seeded generator, Xavier-uniform initial weights from the same generator. The
 * codec decides what the inputs and the target are; this class only fits {@code targets} from
 * {@code features}.
 *
 * <p>Written here rather than run on DL4J, as {@link FusedSirenTrainer} is: the encoder must
 * give the same bytes for the same input on every run, and DL4J's fit of this network did not
 * (three runs on kodim23 gave three networks, with int8, int5 and int4 weights chosen after
 * them). Every operation here is in a fixed order on one thread, and {@code tanh} is
 * {@link StrictMath}'s; for a 27-16-1 network the fit takes about a second, a fifth of DL4J's.
 */
public final class ContextNetFitter {

    /** Samples a mini-batch holds. */
    public static final int BATCH = 512;
    /** A fixed rate did better than one decaying 20-fold over the steps (in DL4J: 820 bytes saved on kodim23 against 577). */
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
        return fit(features, targets, inputs, hidden, steps, seed, LEARNING_RATE, null, null);
    }

    /**
     * Fits as {@link #fit(float[], float[], int, int, int, long)} does, from {@code start}'s
     * weights when it is not null, and quantization-aware when {@code firstLayerStored} is not
     * null: every step's forward pass uses the first layer's weights as they would be stored
     * ({@code firstLayerStored} maps the float weights to their dequantized values), and the
     * gradient reaches the float weights unchanged (the straight-through estimator), so the
     * weights settle where their rounded values serve.
     */
    public static Weights fit(float[] features, float[] targets, int inputs, int hidden, int steps, long seed,
            double rate, Weights start, UnaryOperator<float[]> firstLayerStored) {
        int n = targets.length;
        if (n == 0 || features.length != (long) n * inputs || inputs < 1 || hidden < 1) {
            throw new IllegalArgumentException(features.length + " features for " + n + " samples of " + inputs);
        }
        if (start != null && (start.inputs() != inputs || start.hidden() != hidden)) {
            throw new IllegalArgumentException("a start of " + start.inputs() + "-" + start.hidden() + " for "
                    + inputs + "-" + hidden);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] w1 = start != null ? start.weights1().clone() : xavier(random, inputs, hidden);
        float[] b1 = start != null ? start.bias1().clone() : new float[hidden];
        float[] w2 = start != null ? start.weights2().clone() : xavier(random, hidden, 1);
        float[] b2 = {start != null ? start.bias2() : 0};
        float[] gw1 = new float[w1.length];
        float[] gb1 = new float[hidden];
        float[] gw2 = new float[hidden];
        float[] gb2 = new float[1];
        Adam aw1 = new Adam(w1.length);
        Adam ab1 = new Adam(hidden);
        Adam aw2 = new Adam(hidden);
        Adam ab2 = new Adam(1);
        float[] a = new float[hidden];
        int batch = Math.min(BATCH, n);
        float unit = 1f / batch;
        for (int step = 1; step <= steps; step++) {
            float[] forward = firstLayerStored == null ? w1 : firstLayerStored.apply(w1);
            java.util.Arrays.fill(gw1, 0);
            java.util.Arrays.fill(gb1, 0);
            java.util.Arrays.fill(gw2, 0);
            gb2[0] = 0;
            for (int s = 0; s < batch; s++) {
                int k = random.nextInt(n);
                int row = k * inputs;
                System.arraycopy(b1, 0, a, 0, hidden);
                for (int i = 0; i < inputs; i++) {
                    float x = features[row + i];
                    for (int j = 0, at = i * hidden; j < hidden; j++) {
                        a[j] += x * forward[at + j];
                    }
                }
                float out = b2[0];
                for (int j = 0; j < hidden; j++) {
                    a[j] = (float) StrictMath.tanh(a[j]);
                    out += w2[j] * a[j];
                }
                float error = out - targets[k];
                float d = error > 0 ? unit : error < 0 ? -unit : 0; // the mean absolute error's gradient
                if (d == 0) {
                    continue;
                }
                gb2[0] += d;
                for (int j = 0; j < hidden; j++) {
                    gw2[j] += d * a[j];
                    float dh = d * w2[j] * (1 - a[j] * a[j]);
                    a[j] = dh;
                    gb1[j] += dh;
                }
                for (int i = 0; i < inputs; i++) {
                    float x = features[row + i];
                    for (int j = 0, at = i * hidden; j < hidden; j++) {
                        gw1[at + j] += x * a[j];
                    }
                }
            }
            aw1.step(w1, gw1, rate, step);
            ab1.step(b1, gb1, rate, step);
            aw2.step(w2, gw2, rate, step);
            ab2.step(b2, gb2, rate, step);
        }
        return new Weights(inputs, hidden, w1, b1, w2, b2[0]);
    }

    /** Glorot and Bengio's uniform initialisation of a {@code in x out} layer. */
    private static float[] xavier(SplittableRandom random, int in, int out) {
        double limit = Math.sqrt(6.0 / (in + out));
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return w;
    }
}
