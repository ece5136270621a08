package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.format.StoredContextNet;
import java.util.Arrays;

/**
 * The context network (issue 13): a small MLP fitted to one image, which sees what the decoder
 * already knows at each sample (the causal neighbours, the stronger model's predictions, the
 * residuals of the channels already coded at this pixel, the first least-squares predictor's
 * recent error) and predicts the sample; its prediction joins {@code context2}'s as one more
 * ({@link ImageModel}, docs/FORMAT.md "Context network"). Because it sees the neighbourhood it
 * only has to learn how this image departs from the context model's predictions, and a few
 * hundred weights are enough; a coordinate network has to memorise the image.
 *
 * <p>Every input and the output are differences from the first least-squares prediction, in
 * units of 2^bits / 16 (one unit is 16 levels of an 8-bit image), clipped to
 * +-{@link #LIMIT}. Evaluated once a sample, in binary64 in a fixed order, from the stored
 * weights widened from float, with fdlibm's tanh: the same on every machine, as the
 * least-squares predictors are.
 */
public final class ContextNet {

    /** Inputs of the image network: 12 neighbours, 9 predictions, 2 residuals, 1 error, 3 slots. */
    public static final int IMAGE_INPUTS = 27;
    /** Inputs and outputs are clipped to +-LIMIT units. */
    public static final double LIMIT = 8;

    private final int inputs;
    private final int hidden;
    /** First layer, inputs x hidden (as stored: a row an input), so one input reaches every unit in one pass. */
    private final double[] weights1;
    private final double[] bias1;
    private final double[] weights2;
    private final double bias2;

    /**
     * @param weights1 inputs x hidden, row-major (as stored: a row an input)
     * @param weights2 hidden x 1
     */
    public ContextNet(int inputs, int hidden, float[] weights1, float[] bias1, float[] weights2, float bias2) {
        if (weights1.length != inputs * hidden || bias1.length != hidden || weights2.length != hidden) {
            throw new IllegalArgumentException("a " + inputs + "-" + hidden + "-1 network needs " + inputs * hidden
                    + ", " + hidden + " and " + hidden + " weights");
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.weights1 = toDouble(weights1);
        this.bias1 = toDouble(bias1);
        this.weights2 = toDouble(weights2);
        this.bias2 = bias2;
    }

    /** The stored network, its weights as their formats give them back. */
    public static ContextNet of(StoredContextNet n) {
        return new ContextNet(n.inputs(), n.hidden(), n.weights1().dequantize(), n.bias1().dequantize(),
                n.weights2().dequantize(), n.bias2().dequantize()[0]);
    }

    /**
     * Room for {@link #output}'s hidden units: one a caller (a tile's model, a loop over training
     * samples), as the network is shared by the tiles' threads.
     */
    public double[] scratch() {
        return new double[hidden];
    }

    /**
     * The output for {@code in} ({@link #inputs} values): {@code b2 + sum_j w2_j tanh(b1_j +
     * sum_i in_i w1_ij)}, every sum in index order, clipped to +-{@link #LIMIT}. {@code tanh} is
     * fdlibm's ({@link FdlibmTanh}, StrictMath's bits), so it gives the same bits on every machine
     * (tanh beat a hard tanh, 820 bytes saved on kodim23 against 623). The first layer's sums
     * advance eight units together, an input at a time, in registers: each unit's sum still runs
     * in input order, so the result is the same as one unit at a time, in 0.4 of the time.
     *
     * @param a at least {@code hidden} values, overwritten
     */
    public double output(double[] in, double[] a) {
        int j0 = 0;
        for (; j0 + 8 <= hidden; j0 += 8) {
            sumsOfEight(in, a, j0);
        }
        for (int j = j0; j < hidden; j++) {
            double sum = bias1[j];
            for (int i = 0, at = j; i < inputs; i++, at += hidden) {
                sum += in[i] * weights1[at];
            }
            a[j] = sum;
        }
        double out = bias2;
        for (int j = 0; j < hidden; j++) {
            out += weights2[j] * FdlibmTanh.tanh(a[j]);
        }
        return clip(out);
    }

    /** Units {@code j0 .. j0 + 7}'s first-layer sums into {@code a}. */
    private void sumsOfEight(double[] in, double[] a, int j0) {
        double[] w = weights1;
        double a0 = bias1[j0];
        double a1 = bias1[j0 + 1];
        double a2 = bias1[j0 + 2];
        double a3 = bias1[j0 + 3];
        double a4 = bias1[j0 + 4];
        double a5 = bias1[j0 + 5];
        double a6 = bias1[j0 + 6];
        double a7 = bias1[j0 + 7];
        for (int i = 0, r = j0; i < inputs; i++, r += hidden) {
            double v = in[i];
            a0 += v * w[r];
            a1 += v * w[r + 1];
            a2 += v * w[r + 2];
            a3 += v * w[r + 3];
            a4 += v * w[r + 4];
            a5 += v * w[r + 5];
            a6 += v * w[r + 6];
            a7 += v * w[r + 7];
        }
        a[j0] = a0;
        a[j0 + 1] = a1;
        a[j0 + 2] = a2;
        a[j0 + 3] = a3;
        a[j0 + 4] = a4;
        a[j0 + 5] = a5;
        a[j0 + 6] = a6;
        a[j0 + 7] = a7;
    }

    static double clip(double v) {
        return v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : v;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * Training samples an encoder collects while it codes a tile without the network: the inputs
     * of every channel of every {@code stride}-th pixel and the value the network should have
     * given, up to {@code capacity}. One a tile, filled by its own thread.
     */
    public static final class Samples {

        private final int inputs;
        private final int stride;
        private float[] features;
        private float[] targets;
        private int count;
        private int pixels;
        private boolean taking;

        private final int capacity;

        public Samples(int inputs, int stride, int capacity) {
            this.inputs = inputs;
            this.stride = Math.max(1, stride);
            this.capacity = capacity;
            this.features = new float[Math.min(capacity, 1 << 12) * inputs];
            this.targets = new float[Math.min(capacity, 1 << 12)];
        }

        /** One sample's inputs and target; {@code firstOfPixel} for the first channel coded at a pixel. */
        void offer(double[] in, double target, boolean firstOfPixel) {
            if (firstOfPixel) {
                taking = pixels++ % stride == 0;
            }
            if (!taking || count == capacity) {
                return;
            }
            if (count == targets.length) {
                int grown = Math.min(capacity, count * 2);
                features = Arrays.copyOf(features, grown * inputs);
                targets = Arrays.copyOf(targets, grown);
            }
            for (int i = 0; i < inputs; i++) {
                features[count * inputs + i] = (float) in[i];
            }
            targets[count++] = (float) target;
        }

        public int count() {
            return count;
        }

        /**
         * Copies the collected inputs ({@link #count} rows) and targets into {@code allFeatures}
         * and {@code allTargets} from sample {@code at} on.
         */
        public void copyInto(float[] allFeatures, float[] allTargets, int at) {
            System.arraycopy(features, 0, allFeatures, at * inputs, count * inputs);
            System.arraycopy(targets, 0, allTargets, at, count);
        }
    }
}
