package io.inrkit.core.fit;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.CoordinateGrid;
import io.inrkit.core.model.TernaryInr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the paper's extreme-quantization network (its {@code BitINR}, after BitNet b1.58): a
 * positional encoding of the coordinates, then BitLinear layers with GELU between them, one logit
 * per channel and plane. A BitLinear layer normalises its input (no affine parameters), and
 * multiplies by ternary weights {@code beta * {-1, 0, 1}} with {@code beta = mean |W|}; there are
 * no biases. The forward pass uses the ternary weights; gradients reach the float weights straight
 * through the rounding.
 *
 * <p>Differences from the paper's code, and why: one network with {@code C x P} outputs instead of
 * P parallel networks (P times fewer weights; the planes share their features); the activation
 * quantisation (16-bit per row in the paper, nearly the identity) is left out; GELU is the tanh
 * form, which {@link TernaryInr} can evaluate with {@link StrictMath}. Full batch: every position
 * in every step.
 */
final class BitLinearTrainer {

    /**
     * Positions one full-batch pass may hold. At width 256, 65,536 positions (a 256x256 image) keep
     * eight 64 MiB arrays a layer (half on the heap, half in ND4J's memory): about 2.3 GiB in all.
     */
    static final int MAX_ROWS = 1 << 16;

    private final SignalSpec spec;
    private final PlaneMapping mapping;
    private final FitOptions options;
    private final int frequencies;
    private final int rows;
    private final int outputs;
    private final int layers;
    private final int[] dims;
    private final float[] target;

    private final float[][] weights;
    private final float[][] weightGradients;
    private final Adam[] adam;
    /**
     * normalisedInputs[l]: layer l's normalised input; preActivations[l]: its output before GELU
     * (the logits for the last layer); tanh[l]: GELU's tanh there (kept for the derivative); act[l]:
     * GELU(preActivations[l]), the next layer's input; rstd[l]: 1/sigma per row.
     */
    private final float[][] normalisedInputs;
    private final float[][] preActivations;
    private final float[][] tanh;
    private final float[][] act;
    private final float[][] rstd;
    private final float[] features;
    private final float[] dLogits;
    /**
     * Back-propagation scratch, the width of the widest layer input: the loss gradient with respect
     * to a layer's normalised input, then to its input (which GELU's derivative turns, in place, into
     * the gradient of the previous layer's pre-activations).
     */
    private final float[] dNormalised;
    private final float[] dInputs;

    private final INDArray[] nNormalisedInputs;
    private final INDArray[] nWeights;
    private final INDArray[] nPreActivations;
    private final INDArray[] nWeightGradients;
    private final INDArray[] nDNormalised;
    private final INDArray[] nDPreActivations;

    BitLinearTrainer(Signal signal, FitOptions o) {
        this.frequencies = o.ternary().encodingFrequencies() == FitOptions.AUTO_FREQUENCIES
                ? TernaryInr.frequenciesFor(signal.spec()) : o.ternary().encodingFrequencies();
        this.spec = signal.spec();
        this.mapping = o.architecture().mapping();
        this.options = o;
        if (spec.positions() > MAX_ROWS) {
            throw new IllegalArgumentException("ternary BitLinear training takes at most " + MAX_ROWS
                    + " positions in one piece; " + spec.describe() + " has " + spec.positions() + "; crop it");
        }
        this.rows = spec.positions();
        this.outputs = spec.channels() * spec.bitDepth();
        this.layers = o.architecture().layers() + 1;
        this.dims = new int[layers + 1];
        dims[0] = TernaryInr.featureCount(spec.rank(), frequencies);
        for (int l = 1; l < layers; l++) {
            dims[l] = o.architecture().width();
        }
        dims[layers] = outputs;
        BitPlanes planes = BitPlanes.decompose(signal, mapping);
        this.target = new float[rows * outputs];
        int c = spec.channels();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < outputs; k++) {
                target[r * outputs + k] = planes.bit(k / c, r * c + k % c) ? 1f : 0f;
            }
        }
        this.features = TernaryInr.features(CoordinateGrid.positions(spec), spec.rank(), frequencies);

        weights = new float[layers][];
        weightGradients = new float[layers][];
        adam = new Adam[layers];
        normalisedInputs = new float[layers][];
        preActivations = new float[layers][];
        tanh = new float[layers][];
        act = new float[layers][];
        rstd = new float[layers][];
        nNormalisedInputs = new INDArray[layers];
        nWeights = new INDArray[layers];
        nPreActivations = new INDArray[layers];
        nWeightGradients = new INDArray[layers];
        nDNormalised = new INDArray[layers];
        nDPreActivations = new INDArray[layers];
        SplittableRandom rnd = new SplittableRandom(o.optimizer().seed());
        for (int l = 0; l < layers; l++) {
            int in = dims[l];
            int out = dims[l + 1];
            weights[l] = new float[in * out];
            // PyTorch's nn.Linear default: uniform in +-1/sqrt(fan_in).
            double bound = 1 / Math.sqrt(in);
            for (int i = 0; i < weights[l].length; i++) {
                weights[l][i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            }
            weightGradients[l] = new float[in * out];
            adam[l] = new Adam(in * out);
            normalisedInputs[l] = new float[rows * in];
            preActivations[l] = new float[rows * out];
            if (l < layers - 1) {
                tanh[l] = new float[rows * out];
                act[l] = new float[rows * out];
            }
            rstd[l] = new float[rows];
            nNormalisedInputs[l] = Nd4j.create(DataType.FLOAT, rows, in);
            nWeights[l] = Nd4j.create(DataType.FLOAT, in, out);
            nPreActivations[l] = Nd4j.create(DataType.FLOAT, rows, out);
            nWeightGradients[l] = Nd4j.create(DataType.FLOAT, in, out);
            nDNormalised[l] = Nd4j.create(DataType.FLOAT, rows, in);
            nDPreActivations[l] = Nd4j.create(DataType.FLOAT, rows, out);
        }
        int widest = 0;
        for (int l = 1; l < layers; l++) {
            widest = Math.max(widest, dims[l]);
        }
        dLogits = new float[rows * outputs];
        dNormalised = new float[rows * widest];
        dInputs = new float[rows * widest];
    }

    TernaryFitResult fit(Signal signal, FitListener listener) {
        long start = System.nanoTime();
        List<FitProgress> history = new ArrayList<>();
        int iteration = 0;
        FitProgress last;
        long[][] predicted;
        while (true) {
            predicted = new long[spec.bitDepth()][BitPlanes.wordsPerPlane(spec.sampleCount())];
            long[] perPlane = new long[spec.bitDepth()];
            double loss = forward(perPlane, predicted);
            last = FitProgress.of(iteration, loss, perPlane, start, options);
            history.add(last);
            listener.onEvaluation(last);
            if (last.bitErrors() == 0 || iteration >= options.budget().maxIterations() || options.budget().timeUp(start)) {
                break;
            }
            backward();
            iteration++;
            double lr = options.optimizer().schedule().rate(options.optimizer().learningRate(), iteration - 1, options.budget().maxIterations());
            for (int l = 0; l < layers; l++) {
                adam[l].step(weights[l], weightGradients[l], lr, iteration);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Signal reconstruction = BitPlanes.of(spec, mapping, predicted).recompose();
        return new TernaryFitResult(model(), last.iteration(), seconds, last.bitErrors() == 0, last.bitErrors(),
                last.bitErrorsPerPlane(), (long) rows * outputs, List.copyOf(history), reconstruction,
                FitResult.psnr(signal, reconstruction));
    }

    /** The network with its current ternary weights. */
    private TernaryInr model() {
        byte[][] codes = new byte[layers][];
        float[] betas = new float[layers];
        for (int l = 0; l < layers; l++) {
            betas[l] = beta(weights[l]);
            codes[l] = new byte[weights[l].length];
            for (int i = 0; i < codes[l].length; i++) {
                codes[l][i] = code(weights[l][i], betas[l]);
            }
        }
        return new TernaryInr(spec, mapping, frequencies, dims, codes, betas);
    }

    /**
     * Logits of every position, their loss (mean BCE) and its gradient in {@code dLogits}; counts
     * wrong bits per plane and marks predicted ones.
     */
    private double forward(long[] perPlane, long[][] predicted) {
        float[] a = features;
        for (int l = 0; l < layers; l++) {
            int in = dims[l];
            normalise(a, in, normalisedInputs[l], rstd[l]);
            Nd4jCopy.put(normalisedInputs[l], nNormalisedInputs[l]);
            Nd4jCopy.put(ternary(weights[l]), nWeights[l]);
            Nd4j.gemm(nNormalisedInputs[l], nWeights[l], nPreActivations[l], false, false, 1.0, 0.0);
            Nd4jCopy.get(nPreActivations[l], preActivations[l]);
            if (l < layers - 1) {
                gelu(preActivations[l], tanh[l], act[l]);
                a = act[l];
            }
        }
        float[] logits = preActivations[layers - 1];
        double loss = 0;
        float scale = 1f / logits.length;
        int c = spec.channels();
        for (int i = 0; i < logits.length; i++) {
            float z = logits[i];
            float t = target[i];
            loss += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
            dLogits[i] = ((float) (1 / (1 + Math.exp(-z))) - t) * scale;
            boolean one = z > 0;
            int plane = (i % outputs) / c;
            if (one != (t > 0.5f)) {
                perPlane[plane]++;
            }
            if (one) {
                int s = (i / outputs) * c + i % c;
                predicted[plane][s >>> 6] |= 1L << (s & 63);
            }
        }
        return loss / logits.length;
    }

    /** Gradients of every layer's float weights from the logits' gradient (straight through). */
    private void backward() {
        Nd4jCopy.put(dLogits, nDPreActivations[layers - 1]);
        for (int l = layers - 1; l >= 0; l--) {
            Nd4j.gemm(nNormalisedInputs[l], nDPreActivations[l], nWeightGradients[l], true, false, 1.0, 0.0);
            Nd4jCopy.get(nWeightGradients[l], weightGradients[l]);
            if (l == 0) {
                break;
            }
            Nd4j.gemm(nDPreActivations[l], nWeights[l], nDNormalised[l], false, true, 1.0, 0.0);
            Nd4jCopy.get(nDNormalised[l], dNormalised);
            normaliseBackward(dNormalised, normalisedInputs[l], rstd[l], dims[l], dInputs);
            geluBackward(dInputs, preActivations[l - 1], tanh[l - 1], rows * dims[l]);
            Nd4jCopy.put(dInputs, nDPreActivations[l - 1]);
        }
    }

    private static final float GELU_C = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_A = 0.044715f;

    /**
     * {@code out = GELU(y)} in its tanh form, keeping the tanh for the derivative. Training only,
     * so tanh comes from {@link Math#exp} (an intrinsic; StrictMath's tanh cost more than the
     * matrix products); {@link TernaryInr} evaluates the reference with StrictMath.
     */
    static void gelu(float[] y, float[] t, float[] out) {
        for (int i = 0; i < y.length; i++) {
            float a = y[i];
            float u = GELU_C * (a + GELU_A * a * a * a);
            float th = (float) (1 - 2 / (Math.exp(2.0 * u) + 1));
            t[i] = th;
            out[i] = 0.5f * a * (1 + th);
        }
    }

    /** {@code d[i] *= GELU'(y[i])}, from the kept tanh. */
    static void geluBackward(float[] d, float[] y, float[] t, int n) {
        for (int i = 0; i < n; i++) {
            float a = y[i];
            float th = t[i];
            d[i] *= 0.5f * (1 + th) + 0.5f * a * (1 - th * th) * GELU_C * (1 + 3 * GELU_A * a * a);
        }
    }

    /** Row-wise LayerNorm without affine parameters: {@code xh = (a - mean) / sqrt(var + eps)}. */
    private void normalise(float[] a, int width, float[] out, float[] rs) {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double mean = 0;
            for (int j = 0; j < width; j++) {
                mean += a[base + j];
            }
            mean /= width;
            double var = 0;
            for (int j = 0; j < width; j++) {
                double d = a[base + j] - mean;
                var += d * d;
            }
            var /= width;
            float inv = (float) (1 / Math.sqrt(var + TernaryInr.LN_EPS));
            rs[r] = inv;
            for (int j = 0; j < width; j++) {
                out[base + j] = (float) ((a[base + j] - mean) * inv);
            }
        }
    }

    /** LayerNorm's input gradient into {@code dx}: {@code rstd (g - mean(g) - xh mean(g xh))} per row. */
    private void normaliseBackward(float[] g, float[] xhat, float[] rs, int width, float[] dx) {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double mg = 0;
            double mgx = 0;
            for (int j = 0; j < width; j++) {
                mg += g[base + j];
                mgx += g[base + j] * xhat[base + j];
            }
            mg /= width;
            mgx /= width;
            for (int j = 0; j < width; j++) {
                dx[base + j] = (float) (rs[r] * (g[base + j] - mg - xhat[base + j] * mgx));
            }
        }
    }

    static float beta(float[] weights) {
        double sum = 0;
        for (float v : weights) {
            sum += Math.abs(v);
        }
        return sum == 0 ? 1f : (float) (sum / weights.length);
    }

    static byte code(float weight, float beta) {
        return (byte) Math.max(-1, Math.min(1, Math.round(weight / beta)));
    }

    private static float[] ternary(float[] weights) {
        float beta = beta(weights);
        float[] q = new float[weights.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = code(weights[i], beta) * beta;
        }
        return q;
    }

}
