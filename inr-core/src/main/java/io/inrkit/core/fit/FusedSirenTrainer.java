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
 * everything element-wise (bias, sin and cos in one pass, the sine derivative, the loss, Adam)
 * runs in fused Java loops over heap arrays, copied to and from ND4J's off-heap buffers around
 * each product. All buffers are allocated once; a step allocates nothing.
 *
 * <p>Layer l maps {@code dims[l]} to {@code dims[l + 1]} units: layers 0..L-1 are sine layers
 * {@code sin(omega (x W + b))}, layer L is the linear output (logits).
 */
final class FusedSirenTrainer {

    private final TrainingSet data;
    private final FitOptions o;
    private final int sineLayers;
    private final int[] dims;
    private final int batch;
    private final float[][] w;
    private final float[][] b;
    private final float[][] gw;
    private final float[][] gb;
    private final Adam[] adamW;
    private final Adam[] adamB;

    // Java-side activations: act[l] is the input of layer l (act[0] the coordinates); cos[l] the
    // cosine that produced act[l]. Then scratch for pre-activations and back-propagated deltas.
    private final float[][] act;
    private final float[][] cos;
    private final float[] z;
    private final float[] delta;
    private final float[] logits;
    private final float[] dLogits;
    private final float[] batchTarget;
    private final int[] batchRows;

    // ND4J-side mirrors for the matrix products.
    private final INDArray[] nAct;
    private final INDArray[] nW;
    private final INDArray[] nGw;
    private final INDArray nZ;
    private final INDArray nDelta;
    private final INDArray nLogits;
    private final INDArray nDLogits;

    private final RowParallel par;
    private final float[][] partialW0;
    private final float[][] partialB;

    private double lastLoss;

    FusedSirenTrainer(TrainingSet data, FitOptions o) {
        this.data = data;
        this.o = o;
        this.sineLayers = o.layers;
        this.dims = new int[sineLayers + 2];
        dims[0] = data.inputs;
        for (int l = 1; l <= sineLayers; l++) {
            dims[l] = o.width;
        }
        dims[sineLayers + 1] = data.outputs;
        this.batch = o.batchSize == FitOptions.FULL_BATCH ? data.rows : Math.min(o.batchSize, data.rows);
        int layers = sineLayers + 1;
        w = new float[layers][];
        b = new float[layers][];
        gw = new float[layers][];
        gb = new float[layers][];
        adamW = new Adam[layers];
        adamB = new Adam[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = new float[dims[l] * dims[l + 1]];
            b[l] = new float[dims[l + 1]];
            gw[l] = new float[w[l].length];
            gb[l] = new float[b[l].length];
            adamW[l] = new Adam(w[l].length);
            adamB[l] = new Adam(b[l].length);
        }
        SirenInit.fill(dims, w, b, o.omega, o.seed);

        act = new float[layers][];
        cos = new float[layers][];
        act[0] = new float[batch * dims[0]];
        for (int l = 1; l <= sineLayers; l++) {
            act[l] = new float[batch * dims[l]];
            cos[l] = new float[batch * dims[l]];
        }
        z = new float[batch * o.width];
        delta = new float[batch * o.width];
        logits = new float[batch * data.outputs];
        dLogits = new float[batch * data.outputs];
        batchTarget = new float[batch * data.outputs];
        batchRows = new int[batch];

        nAct = new INDArray[layers];
        nW = new INDArray[layers];
        nGw = new INDArray[layers];
        for (int l = 1; l < layers; l++) {
            nAct[l] = Nd4j.create(DataType.FLOAT, batch, dims[l]);
            nW[l] = Nd4j.create(DataType.FLOAT, dims[l], dims[l + 1]);
            nGw[l] = Nd4j.create(DataType.FLOAT, dims[l], dims[l + 1]);
        }
        par = new RowParallel(o.threads);
        partialW0 = new float[par.parts()][dims[0] * o.width];
        partialB = new float[par.parts()][Math.max(o.width, data.outputs)];
        nZ = Nd4j.create(DataType.FLOAT, batch, o.width);
        nDelta = Nd4j.create(DataType.FLOAT, batch, o.width);
        nLogits = Nd4j.create(DataType.FLOAT, batch, data.outputs);
        nDLogits = Nd4j.create(DataType.FLOAT, batch, data.outputs);
    }

    /** Loads new parameters (tests and the DL4J comparison use this). */
    void setParameters(float[][] weights, float[][] biases) {
        for (int l = 0; l < w.length; l++) {
            System.arraycopy(weights[l], 0, w[l], 0, w[l].length);
            System.arraycopy(biases[l], 0, b[l], 0, b[l].length);
        }
    }

    float[][] weights() {
        return w;
    }

    float[][] biases() {
        return b;
    }

    float[][] weightGradients() {
        return gw;
    }

    float[][] biasGradients() {
        return gb;
    }

    float[] logits() {
        return logits;
    }

    double lastLoss() {
        return lastLoss;
    }

    FitResult fit(Signal signal, FitListener listener) {
        try (par) {
            return train(signal, listener);
        }
    }

    private FitResult train(Signal signal, FitListener listener) {
        long start = System.nanoTime();
        boolean full = batch == data.rows;
        int evalEvery = full ? 1 : Math.max(1, Math.min(50, data.rows / batch));
        SplittableRandom shuffle = new SplittableRandom(o.seed ^ 0x9E3779B97F4A7C15L);
        int[] order = identity(data.rows);
        int cursor = data.rows;
        List<FitProgress> history = new ArrayList<>();
        long[][] predicted = null;
        FitProgress last = null;
        int iteration = 0;
        while (true) {
            boolean evaluate = iteration % evalEvery == 0 || iteration == o.maxIterations || timeUp(start);
            if (evaluate) {
                predicted = new long[data.spec.bitDepth()][BitPlanes.wordsPerPlane(data.spec.sampleCount())];
                last = full ? evaluateFullBatch(iteration, start, predicted) : evaluateAll(iteration, start, predicted);
                history.add(last);
                listener.onEvaluation(last);
                if (last.bitErrors() == 0 || iteration >= o.maxIterations || timeUp(start)) {
                    break;
                }
            }
            if (!full) {
                if (cursor + batch > data.rows) {
                    shuffle(order, shuffle);
                    cursor = 0;
                }
                loadBatch(order, cursor);
                cursor += batch;
                forward();
                lossAndGradient(batch, null, null);
            } // full batch: the evaluation above already left this step's gradient of the loss
            backward();
            iteration++;
            double lr = o.schedule.rate(o.learningRate, iteration - 1, o.maxIterations);
            for (int l = 0; l < w.length; l++) {
                adamW[l].step(w[l], gw[l], lr, iteration);
                adamB[l].step(b[l], gb[l], lr, iteration);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Signal reconstruction = BitPlanes.of(data.spec, data.mapping, predicted).recompose();
        return new FitResult(model(), last.iteration(), seconds, last.bitErrors() == 0, last.bitErrors(),
                last.bitErrorsPerPlane(), data.bits(), List.copyOf(history), reconstruction,
                FitResult.psnr(signal, reconstruction), FitOptions.Engine.FUSED);
    }

    private boolean timeUp(long start) {
        return o.timeLimitSeconds > 0 && (System.nanoTime() - start) / 1e9 >= o.timeLimitSeconds;
    }

    /** Full batch: the forward pass that evaluates is also the step's forward pass. */
    private FitProgress evaluateFullBatch(int iteration, long start, long[][] predicted) {
        loadBatch(null, 0);
        forward();
        long[] perPlane = new long[data.spec.bitDepth()];
        lossAndGradient(batch, perPlane, predicted);
        return progress(iteration, lastLoss, perPlane, start);
    }

    /** Mini-batch: a forward pass over every row, a batch at a time (the last one padded). */
    private FitProgress evaluateAll(int iteration, long start, long[][] predicted) {
        long[] perPlane = new long[data.spec.bitDepth()];
        double loss = 0;
        int[] rows = new int[batch];
        for (int first = 0; first < data.rows; first += batch) {
            int valid = Math.min(batch, data.rows - first);
            for (int i = 0; i < batch; i++) {
                rows[i] = first + Math.min(i, valid - 1);
            }
            loadBatch(rows, 0);
            forward();
            lossAndGradient(valid, perPlane, predicted);
            loss += lastLoss * valid;
        }
        lastLoss = loss / data.rows;
        return progress(iteration, lastLoss, perPlane, start);
    }

    private FitProgress progress(int iteration, double loss, long[] perPlane, long start) {
        long errors = 0;
        for (long e : perPlane) {
            errors += e;
        }
        return new FitProgress(iteration, loss, errors, perPlane, (System.nanoTime() - start) / 1e9,
                o.maxIterations, o.timeLimitSeconds);
    }

    /** Copies the inputs and targets of {@code rows[from..from+batch)} (or rows 0.. when null). */
    void loadBatch(int[] rows, int from) {
        int in = data.inputs;
        int out = data.outputs;
        if (rows == null) {
            System.arraycopy(data.x, 0, act[0], 0, batch * in);
            System.arraycopy(data.target, 0, batchTarget, 0, batch * out);
            for (int i = 0; i < batch; i++) {
                batchRows[i] = i;
            }
            return;
        }
        for (int i = 0; i < batch; i++) {
            int r = rows[from + i];
            batchRows[i] = r;
            System.arraycopy(data.x, r * in, act[0], i * in, in);
            System.arraycopy(data.target, r * out, batchTarget, i * out, out);
        }
    }

    /** Logits of the loaded batch. */
    void forward() {
        int width = o.width;
        float omega = o.omega;
        par.run(batch, (part, from, to) -> {
            Kernels.smallInputProduct(act[0], from, to, dims[0], w[0], width, z);
            Kernels.sineForward(z, b[0], from, to, width, omega, act[1], cos[1]);
        });
        for (int l = 1; l < sineLayers; l++) {
            put(act[l], nAct[l]);
            put(w[l], nW[l]);
            Nd4j.gemm(nAct[l], nW[l], nZ, false, false, 1.0, 0.0);
            get(nZ, z);
            int layer = l;
            par.run(batch, (part, from, to) -> Kernels.sineForward(z, b[layer], from, to, width, omega,
                    act[layer + 1], cos[layer + 1]));
        }
        int out = sineLayers;
        put(act[out], nAct[out]);
        put(w[out], nW[out]);
        Nd4j.gemm(nAct[out], nW[out], nLogits, false, false, 1.0, 0.0);
        get(nLogits, logits);
        Kernels.addBias(logits, 0, batch, data.outputs, b[out]);
    }

    /**
     * Mean loss over the first {@code valid} rows' logits and, for the whole batch, the loss
     * gradient with respect to every logit (mean over batch x outputs, as PyTorch's BCELoss).
     * Counts wrong bits per plane and marks predicted 1 bits when asked.
     */
    void lossAndGradient(int valid, long[] errorsPerPlane, long[][] predicted) {
        int out = data.outputs;
        float scale = 1f / ((float) batch * out);
        double loss = 0;
        for (int i = 0; i < batch * out; i++) {
            float y = logits[i];
            float t = batchTarget[i];
            float p = (float) (1 / (1 + Math.exp(-y)));
            float g;
            if (o.loss == Loss.BCE) {
                if (i < valid * out) {
                    loss += Math.max(y, 0) - y * t + Math.log1p(Math.exp(-Math.abs(y)));
                }
                g = p - t;
            } else {
                float d = p - t;
                if (i < valid * out) {
                    loss += d * d;
                }
                g = 2 * d * p * (1 - p);
            }
            dLogits[i] = g * scale;
        }
        lastLoss = loss / (valid * out);
        if (errorsPerPlane != null) {
            for (int r = 0; r < valid; r++) {
                int row = batchRows[r];
                for (int k = 0; k < out; k++) {
                    boolean one = logits[r * out + k] > 0;
                    if (one != (batchTarget[r * out + k] > 0.5f)) {
                        errorsPerPlane[data.plane(row, k)]++;
                    }
                    if (one && predicted != null) {
                        int s = data.sample(row, k);
                        predicted[data.plane(row, k)][s >>> 6] |= 1L << (s & 63);
                    }
                }
            }
        }
    }

    /** Gradients of every parameter from {@link #dLogits} and the stored activations. */
    void backward() {
        int width = o.width;
        float omega = o.omega;
        int outLayer = sineLayers;
        Kernels.columnSums(dLogits, 0, batch, data.outputs, gb[outLayer]);
        put(dLogits, nDLogits);
        Nd4j.gemm(nAct[outLayer], nDLogits, nGw[outLayer], true, false, 1.0, 0.0);
        get(nGw[outLayer], gw[outLayer]);
        Nd4j.gemm(nDLogits, nW[outLayer], nZ, false, true, 1.0, 0.0); // dL/d act[L]
        get(nZ, z);
        for (int l = sineLayers - 1; l >= 0; l--) {
            int layer = l;
            par.run(batch, (part, from, to) -> {
                Kernels.sineBackward(z, cos[layer + 1], from, to, width, omega, delta, partialB[part]);
                if (layer == 0) {
                    Kernels.smallInputWeightGradient(act[0], from, to, dims[0], delta, width, partialW0[part]);
                }
            });
            sumParts(partialB, width, gb[l]);
            if (l == 0) {
                sumParts(partialW0, gw[0].length, gw[0]);
            } else {
                put(delta, nDelta);
                Nd4j.gemm(nAct[l], nDelta, nGw[l], true, false, 1.0, 0.0);
                get(nGw[l], gw[l]);
                Nd4j.gemm(nDelta, nW[l], nZ, false, true, 1.0, 0.0);
                get(nZ, z);
            }
        }
    }

    /** {@code out = sum over parts of parts[p][0..n)}, in part order (the same order every run). */
    private void sumParts(float[][] parts, int n, float[] out) {
        System.arraycopy(parts[0], 0, out, 0, n);
        for (int p = 1; p < par.parts(); p++) {
            float[] q = parts[p];
            for (int i = 0; i < n; i++) {
                out[i] += q[i];
            }
        }
    }

    InrModel model() {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < w.length; l++) {
            layers.add(new DenseLayer(dims[l], dims[l + 1], w[l], b[l], l < sineLayers));
        }
        return new InrModel(data.spec, data.formulation, data.mapping, o.omega, layers);
    }

    /** Floating-point operations of one training step's matrix products (forward and backward). */
    long flopsPerStep() {
        long f = 0;
        for (int l = 0; l < w.length; l++) {
            long mac = (long) batch * dims[l] * dims[l + 1];
            f += 2 * mac; // forward
            f += 2 * mac; // weight gradient
            if (l > 0) {
                f += 2 * mac; // input gradient
            }
        }
        return f;
    }

    private static void put(float[] src, INDArray dst) {
        dst.data().asNioFloat().put(0, src, 0, (int) dst.length());
    }

    private static void get(INDArray src, float[] dst) {
        src.data().asNioFloat().get(0, dst, 0, (int) src.length());
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
