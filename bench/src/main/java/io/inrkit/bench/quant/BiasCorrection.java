package io.inrkit.bench.quant;

import java.util.ArrayList;
import java.util.List;

/**
 * Bias corrections of a quantized network against its float original, with exact statistics:
 * an INR's whole input distribution is its coordinate grid, so every expectation below is taken
 * over all of it rather than estimated.
 * <ul>
 * <li>{@link #correctLayers}: DFQ's bias correction. Quantizing W to W~ moves each pre-activation's
 * mean by E[x~ W~] - E[x W]; layer by layer (so that later layers see the corrected earlier
 * ones), the bias takes that shift back.</li>
 * <li>{@link #matchMeanProbabilities}: the analogue of softmax bias correction (Pandey et al.,
 * 2023) for the sigmoid outputs the coder uses: each output's bias is moved until the mean
 * probability over the grid equals the float network's.</li>
 * <li>{@link #refitOutputBias}: each output's bias refitted against the true bits (the binary
 * cross-entropy is convex in one bias: Newton steps).</li>
 * </ul>
 */
public final class BiasCorrection {

    private static final int NEWTON_STEPS = 30;

    private BiasCorrection() {
    }

    /** DFQ bias correction of every layer of {@code quantized}, against {@code original}. */
    public static Mlp correctLayers(Mlp original, Mlp quantized, double[][] inputs) {
        List<Mlp.Layer> layers = new ArrayList<>(quantized.layers());
        double[][] xs = inputs;
        double[][] xq = inputs;
        for (int l = 0; l < layers.size(); l++) {
            Mlp.Layer f = original.layers().get(l);
            Mlp.Layer q = layers.get(l);
            double[] shift = new double[q.outputs()];
            for (int n = 0; n < inputs.length; n++) {
                double[] zf = f.preActivation(xs[n]);
                double[] zq = q.preActivation(xq[n]);
                for (int j = 0; j < shift.length; j++) {
                    shift[j] += zf[j] - zq[j];
                }
            }
            double[] b = q.biases().clone();
            for (int j = 0; j < b.length; j++) {
                b[j] += shift[j] / inputs.length;
            }
            Mlp.Layer corrected = new Mlp.Layer(q.inputs(), q.outputs(), q.weights(), b, q.activation(), q.omega());
            layers.set(l, corrected);
            double[][] nextF = new double[inputs.length][];
            double[][] nextQ = new double[inputs.length][];
            for (int n = 0; n < inputs.length; n++) {
                nextF[n] = f.forward(xs[n]);
                nextQ[n] = corrected.forward(xq[n]);
            }
            xs = nextF;
            xq = nextQ;
        }
        return new Mlp(layers);
    }

    /** Output biases moved so that each output's mean sigmoid over the inputs equals the original's. */
    public static Mlp matchMeanProbabilities(Mlp original, Mlp quantized, double[][] inputs) {
        double[][] zf = logits(original, inputs);
        double[][] zq = logits(quantized, inputs);
        int outputs = zf[0].length;
        double[] delta = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            double sum = 0;
            for (double[] z : zf) {
                sum += sigmoid(z[j]);
            }
            double target = sum / inputs.length;
            delta[j] = solve(zq, j, (p, y) -> p - target, null);
        }
        return withOutputShift(quantized, delta);
    }

    /** Output biases refitted to the true bits by Newton's method on the binary cross-entropy. */
    public static Mlp refitOutputBias(Mlp quantized, double[][] inputs, boolean[][] targets) {
        double[][] zq = logits(quantized, inputs);
        int outputs = zq[0].length;
        double[] delta = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            delta[j] = solve(zq, j, (p, y) -> p - (y ? 1 : 0), targets);
        }
        return withOutputShift(quantized, delta);
    }

    /** Gradient of one sample's term given its probability and target bit. */
    private interface Residual {
        double of(double p, boolean y);
    }

    /** The shift d of output j's logits that zeroes the mean residual (Newton; the residual rises with d). */
    private static double solve(double[][] z, int j, Residual r, boolean[][] targets) {
        double d = 0;
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double g = 0;
            double h = 0;
            for (int n = 0; n < z.length; n++) {
                double p = sigmoid(z[n][j] + d);
                g += r.of(p, targets != null && targets[n][j]);
                h += p * (1 - p);
            }
            if (h < 1e-12) {
                break;
            }
            double move = Math.max(-4, Math.min(4, g / h));
            d -= move;
            if (Math.abs(move) < 1e-9) {
                break;
            }
        }
        return d;
    }

    private static double[][] logits(Mlp net, double[][] inputs) {
        double[][] out = new double[inputs.length][];
        for (int n = 0; n < inputs.length; n++) {
            out[n] = net.forward(inputs[n]);
        }
        return out;
    }

    private static Mlp withOutputShift(Mlp net, double[] delta) {
        List<Mlp.Layer> layers = new ArrayList<>(net.layers());
        Mlp.Layer last = layers.get(layers.size() - 1);
        double[] b = last.biases().clone();
        for (int j = 0; j < b.length; j++) {
            b[j] += delta[j];
        }
        layers.set(layers.size() - 1, new Mlp.Layer(last.inputs(), last.outputs(), last.weights(), b, last.activation(),
                last.omega()));
        return new Mlp(layers);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
