package io.inrkit.core.fit;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.Signal;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * INRKit's SIREN training loop. The large matrix products run in ND4J (oneDNN where available);
 * everything element-wise (bias, sin and cos, the sine derivative, the loss, Adam) runs in Java
 * loops over heap arrays that the JIT vectorises, copied to and from ND4J's buffers around each
 * product.
 *
 * <p>A step goes through its rows in blocks of at most {@link #BLOCK_FLOATS} activations per
 * layer: forward, loss and backward for one block, gradients accumulated over blocks (GEMM with
 * beta 1), then one Adam update. Mathematically this is the full-batch step, and memory no longer
 * grows with the signal (a 256x256 16-bit bit-input fit would otherwise hold 1 GB per layer).
 * All buffers are allocated once.
 *
 * <p>Layer l maps {@code dims[l]} to {@code dims[l + 1]} units: layers 0..L-1 are sine layers
 * {@code sin(omega (x W + b))}, layer L is the linear output (logits).
 */
final class FusedSirenTrainer {

    /**
     * Floats of one layer's activations in a block: 8 MiB (8192 rows at width 256). Smaller
     * blocks multiply ND4J's fixed per-call overhead (a quarter of the rows makes four times the
     * GEMM calls a step); larger ones only cost memory (docs/FITTING.md, "Two engines").
     */
    private static final int BLOCK_FLOATS = 1 << 21;

    private final TrainingSet data;
    private final FitOptions options;
    private final int sineLayers;
    private final int[] dims;
    /** Omega of each sine layer. */
    private final float[] omegas;
    /** Rows of one optimizer step: all of them (full batch) or the batch size. */
    private final int stepRows;
    /** Rows of one block. */
    private final int block;
    private final float[][] weights;
    private final float[][] biases;
    private final float[][] weightGradients;
    private final float[][] biasGradients;
    private final Adam[] adamW;
    private final Adam[] adamB;

    // One block: act[l] is the input of layer l (act[0] the coordinates), cos[l] the cosine that
    // produced act[l]; scratch for pre-activations and back-propagated deltas.
    private final float[][] act;
    private final float[][] cos;
    private final float[] preActivations;
    private final float[] delta;
    private final float[] blockLogits;
    private final float[] dLogits;
    private final float[] blockTarget;
    private final int[] blockRows;
    private int valid;

    // Logits of every row of the last pass (full batch) or evaluation.
    private final float[] logits;

    // ND4J mirrors: nAct[0] the block's coordinates, nAct[l] layer l's input; gradient
    // accumulators for every layer's weights and biases; a row of ones for column sums.
    private final INDArray[] nAct;
    private final INDArray[] nWeights;
    private final INDArray[] nWeightGradients;
    private final INDArray[] nBiasGradients;
    private final INDArray nOnes;
    private final INDArray nPreActivations;
    private final INDArray nDelta;
    private final INDArray nLogits;
    private final INDArray nDLogits;

    private final RowParallel parallel;

    FusedSirenTrainer(TrainingSet data, FitOptions o) {
        this.data = data;
        this.options = o;
        this.sineLayers = o.architecture().layers();
        this.dims = new int[sineLayers + 2];
        dims[0] = data.inputs;
        for (int l = 1; l <= sineLayers; l++) {
            dims[l] = o.architecture().width();
        }
        dims[sineLayers + 1] = data.outputs;
        this.omegas = omegas(o);
        this.stepRows = o.optimizer().batchSize() == FitOptions.FULL_BATCH ? data.rows : Math.min(o.optimizer().batchSize(), data.rows);
        this.block = Math.min(stepRows, Math.max(64, BLOCK_FLOATS / o.architecture().width()));
        int layers = sineLayers + 1;
        weights = new float[layers][];
        biases = new float[layers][];
        weightGradients = new float[layers][];
        biasGradients = new float[layers][];
        adamW = new Adam[layers];
        adamB = new Adam[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = new float[dims[l] * dims[l + 1]];
            biases[l] = new float[dims[l + 1]];
            weightGradients[l] = new float[weights[l].length];
            biasGradients[l] = new float[biases[l].length];
            adamW[l] = new Adam(weights[l].length);
            adamB[l] = new Adam(biases[l].length);
        }
        SirenInit.fill(dims, weights, biases, o.siren().omega(), o.optimizer().seed());

        act = new float[layers][];
        cos = new float[layers][];
        act[0] = new float[block * dims[0]];
        for (int l = 1; l <= sineLayers; l++) {
            act[l] = new float[block * dims[l]];
            cos[l] = new float[block * dims[l]];
        }
        preActivations = new float[block * o.architecture().width()];
        delta = new float[block * o.architecture().width()];
        blockLogits = new float[block * data.outputs];
        dLogits = new float[block * data.outputs];
        blockTarget = new float[block * data.outputs];
        blockRows = new int[block];
        logits = new float[data.rows * data.outputs];

        nAct = new INDArray[layers];
        nWeights = new INDArray[layers];
        nWeightGradients = new INDArray[layers];
        nBiasGradients = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            nAct[l] = Nd4j.create(DataType.FLOAT, block, dims[l]);
            nWeights[l] = Nd4j.create(DataType.FLOAT, dims[l], dims[l + 1]);
            nWeightGradients[l] = Nd4j.create(DataType.FLOAT, dims[l], dims[l + 1]);
            nBiasGradients[l] = Nd4j.create(DataType.FLOAT, 1, dims[l + 1]);
        }
        nOnes = Nd4j.ones(DataType.FLOAT, 1, block);
        nPreActivations = Nd4j.create(DataType.FLOAT, block, o.architecture().width());
        nDelta = Nd4j.create(DataType.FLOAT, block, o.architecture().width());
        nLogits = Nd4j.create(DataType.FLOAT, block, data.outputs);
        nDLogits = Nd4j.create(DataType.FLOAT, block, data.outputs);
        parallel = new RowParallel(o.budget().threads());
    }

    float[][] weightGradients() {
        return weightGradients;
    }

    float[][] biasGradients() {
        return biasGradients;
    }

    /** Logits of every row from the last full pass, row-major. */
    float[] logits() {
        return logits;
    }

    FitResult fit(Signal signal, FitListener listener) {
        try {
            return train(signal, listener);
        } finally {
            close();
        }
    }

    /** Stops the worker threads. */
    void close() {
        parallel.close();
    }

    private FitResult train(Signal signal, FitListener listener) {
        long start = System.nanoTime();
        boolean full = stepRows == data.rows;
        int evalEvery = full ? 1 : Math.max(1, Math.min(50, data.rows / stepRows));
        SplittableRandom shuffle = new SplittableRandom(options.optimizer().seed() ^ 0x9E3779B97F4A7C15L);
        int[] all = identity(data.rows);
        int[] order = identity(data.rows);
        int cursor = data.rows;
        List<FitProgress> history = new ArrayList<>();
        long[][] predicted = null;
        FitProgress last = null;
        int iteration = 0;
        Snapshot lossless = null; // the last lossless state while polishing
        int polishUntil = -1;
        while (true) {
            boolean evaluate = iteration % evalEvery == 0 || iteration == options.budget().maxIterations()
                    || options.budget().timeUp(start);
            double loss = 0;
            if (evaluate) {
                predicted = new long[data.spec.bitDepth()][BitPlanes.wordsPerPlane(data.spec.sampleCount())];
                long[] perPlane = new long[data.spec.bitDepth()];
                // Full batch: this pass is also the step's forward and backward pass.
                loss = pass(all, 0, data.rows, full, perPlane, predicted);
                last = FitProgress.of(iteration, loss, perPlane, start, options);
                history.add(last);
                listener.onEvaluation(last);
                if (last.bitErrors() == 0 && options.budget().polish() > 0) {
                    if (polishUntil < 0) {
                        polishUntil = iteration + Math.max(20, (int) Math.ceil(iteration * options.budget().polish()));
                    }
                    lossless = new Snapshot(last, predicted);
                }
                boolean polishing = polishUntil >= 0 && iteration < polishUntil;
                if (last.bitErrors() == 0 && !polishing || iteration >= options.budget().maxIterations() || options.budget().timeUp(start)
                        || polishUntil >= 0 && !polishing) {
                    break;
                }
            }
            if (!full) {
                if (cursor + stepRows > data.rows) {
                    shuffle(order, shuffle);
                    cursor = 0;
                }
                pass(order, cursor, stepRows, true, null, null);
                cursor += stepRows;
            }
            iteration++;
            double lr = options.optimizer().schedule().rate(options.optimizer().learningRate(), iteration - 1, options.budget().maxIterations());
            for (int l = 0; l < weights.length; l++) {
                adamW[l].step(weights[l], weightGradients[l], lr, iteration);
                adamB[l].step(biases[l], biasGradients[l], lr, iteration);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        InrModel model = model();
        if (lossless != null && last.bitErrors() > 0) { // polishing lost a bit: back to the last lossless state
            model = lossless.model;
            last = lossless.progress;
            predicted = lossless.predicted;
        }
        Signal reconstruction = BitPlanes.of(data.spec, data.mapping, predicted).recompose();
        return new FitResult(model, last.iteration(), seconds, last.bitErrors() == 0, last.bitErrors(),
                last.bitErrorsPerPlane(), data.bits(), List.copyOf(history), reconstruction,
                FitResult.psnr(signal, reconstruction), FitOptions.Engine.FUSED);
    }

    /** A lossless state kept while polishing. */
    private final class Snapshot {
        final FitProgress progress;
        final long[][] predicted;
        final InrModel model;

        Snapshot(FitProgress progress, long[][] predicted) {
            this.progress = progress;
            this.predicted = predicted;
            this.model = model();
        }
    }

    /**
     * One pass over {@code count} rows {@code rows[from..]}, a block at a time: forward, and when
     * {@code train}, the loss gradient (mean over the pass's bits) and backward, accumulating the
     * gradients of every parameter. Counts wrong bits and marks predicted ones when asked.
     * Returns the mean loss over the pass's bits.
     */
    double pass(int[] rows, int from, int count, boolean train, long[] errorsPerPlane, long[][] predicted) {
        putWeights();
        if (train) {
            zeroGradients();
        }
        float scale = 1f / ((float) count * data.outputs);
        double loss = 0;
        for (int done = 0; done < count; done += block) {
            loadBlock(rows, from + done, Math.min(block, count - done));
            forward();
            loss += lossAndGradient(scale, errorsPerPlane, predicted);
            if (train) {
                backward();
            }
        }
        if (train) {
            for (int l = 0; l < weights.length; l++) {
                Nd4jCopy.get(nWeightGradients[l], weightGradients[l]);
                Nd4jCopy.get(nBiasGradients[l], biasGradients[l]);
            }
        }
        return loss / ((double) count * data.outputs);
    }

    /**
     * Loads rows {@code rows[from .. from+n)} into the block; a short block is padded with copies
     * of its last row, whose loss gradient is then zero.
     */
    private void loadBlock(int[] rows, int from, int n) {
        int in = data.inputs;
        int out = data.outputs;
        valid = n;
        for (int i = 0; i < block; i++) {
            int r = rows[from + Math.min(i, n - 1)];
            blockRows[i] = r;
            System.arraycopy(data.coordinates, r * in, act[0], i * in, in);
            System.arraycopy(data.target, r * out, blockTarget, i * out, out);
        }
    }

    /** Logits of the loaded block. */
    private void forward() {
        int width = options.architecture().width();
        for (int l = 0; l < sineLayers; l++) {
            float omega = omegas[l];
            Nd4jCopy.put(act[l], nAct[l]);
            Nd4j.gemm(nAct[l], nWeights[l], nPreActivations, false, false, 1.0, 0.0);
            Nd4jCopy.get(nPreActivations, preActivations);
            int layer = l;
            parallel.run(block, (part, from, to) -> Kernels.sineForward(preActivations, biases[layer], from, to,
                    width, omega, act[layer + 1], cos[layer + 1]));
        }
        int out = sineLayers;
        Nd4jCopy.put(act[out], nAct[out]);
        Nd4j.gemm(nAct[out], nWeights[out], nLogits, false, false, 1.0, 0.0);
        Nd4jCopy.get(nLogits, blockLogits);
        Kernels.addBias(blockLogits, 0, block, data.outputs, biases[out]);
    }

    /**
     * Loss of the block's valid rows and its gradient with respect to every logit, scaled by
     * {@code scale} (one over the pass's bits: the mean, as PyTorch's BCELoss); zero for padding.
     * Keeps the logits, counts wrong bits per plane and marks predicted 1 bits when asked.
     */
    private double lossAndGradient(float scale, long[] errorsPerPlane, long[][] predicted) {
        int out = data.outputs;
        int n = valid * out;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            float y = blockLogits[i];
            float t = blockTarget[i];
            float p = (float) (1 / (1 + Math.exp(-y)));
            if (options.optimizer().loss() == Loss.BCE) {
                loss += Math.max(y, 0) - y * t + Math.log1p(Math.exp(-Math.abs(y)));
                dLogits[i] = (p - t) * scale;
            } else {
                float d = p - t;
                loss += d * d;
                dLogits[i] = 2 * d * p * (1 - p) * scale;
            }
        }
        java.util.Arrays.fill(dLogits, n, block * out, 0f); // padding rows
        for (int r = 0; r < valid; r++) {
            int row = blockRows[r];
            System.arraycopy(blockLogits, r * out, logits, row * out, out);
            if (errorsPerPlane == null && predicted == null) {
                continue;
            }
            for (int k = 0; k < out; k++) {
                boolean one = blockLogits[r * out + k] > 0;
                if (errorsPerPlane != null && one != (blockTarget[r * out + k] > 0.5f)) {
                    errorsPerPlane[data.plane(row, k)]++;
                }
                if (one && predicted != null) {
                    int s = data.sample(row, k);
                    predicted[data.plane(row, k)][s >>> 6] |= 1L << (s & 63);
                }
            }
        }
        return loss;
    }

    private void zeroGradients() {
        for (int l = 0; l < weights.length; l++) {
            nWeightGradients[l].assign(0);
            nBiasGradients[l].assign(0);
        }
    }

    /**
     * Adds the block's gradients of every parameter to the accumulators. Every sum over rows is a
     * matrix product (bias gradients: a row of ones times the deltas): C2 does not vectorise
     * column-sum loops, which made them the slowest part of the step.
     */
    private void backward() {
        int width = options.architecture().width();
        int outLayer = sineLayers;
        Nd4jCopy.put(dLogits, nDLogits);
        Nd4j.gemm(nAct[outLayer], nDLogits, nWeightGradients[outLayer], true, false, 1.0, 1.0);
        Nd4j.gemm(nOnes, nDLogits, nBiasGradients[outLayer], false, false, 1.0, 1.0);
        Nd4j.gemm(nDLogits, nWeights[outLayer], nPreActivations, false, true, 1.0, 0.0); // dL/d act[L]
        Nd4jCopy.get(nPreActivations, preActivations);
        for (int l = sineLayers - 1; l >= 0; l--) {
            int layer = l;
            float omega = omegas[l];
            parallel.run(block, (part, from, to) -> Kernels.sineDerivative(preActivations, cos[layer + 1],
                    from * width, to * width, omega, delta));
            Nd4jCopy.put(delta, nDelta);
            Nd4j.gemm(nAct[l], nDelta, nWeightGradients[l], true, false, 1.0, 1.0);
            Nd4j.gemm(nOnes, nDelta, nBiasGradients[l], false, false, 1.0, 1.0);
            if (l > 0) {
                Nd4j.gemm(nDelta, nWeights[l], nPreActivations, false, true, 1.0, 0.0);
                Nd4jCopy.get(nPreActivations, preActivations);
            }
        }
    }

    InrModel model() {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            layers.add(l < sineLayers ? DenseLayer.sine(dims[l], dims[l + 1], weights[l], biases[l], omegas[l])
                    : DenseLayer.linear(dims[l], dims[l + 1], weights[l], biases[l]));
        }
        return new InrModel(data.spec, data.formulation, data.mapping, layers);
    }

    /** Loss gradients and logits of every row at the current parameters (a full-batch pass). */
    double computeGradients() {
        return pass(identity(data.rows), 0, data.rows, true, null, null);
    }

    /** Omega of every sine layer: the first layer's own, then the hidden omega. */
    static float[] omegas(FitOptions o) {
        float[] om = new float[o.architecture().layers()];
        java.util.Arrays.fill(om, o.siren().omega());
        om[0] = o.siren().firstOmega() > 0 ? o.siren().firstOmega() : o.siren().omega();
        return om;
    }

    /** Copies the heap weights into their ND4J mirrors. */
    private void putWeights() {
        for (int l = 0; l < weights.length; l++) {
            Nd4jCopy.put(weights[l], nWeights[l]);
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
