package io.inrkit.core.fit;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.Signal;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The SIREN as a DL4J {@link MultiLayerNetwork}: dense layers with {@link SineActivation} and
 * {@link SirenWeightInit}, a sigmoid output layer with binary cross-entropy, Adam. It starts
 * from the same parameters as {@link FusedSirenTrainer} (same seed, same numbers), so the two
 * engines can be compared step for step; DL4J's loss is summed over a row's outputs where
 * INRKit's is averaged, a constant factor that Adam's normalisation removes.
 */
final class Dl4jSirenTrainer {

    private final TrainingSet data;
    private final FitOptions options;
    private final MultiLayerNetwork net;

    Dl4jSirenTrainer(TrainingSet data, FitOptions o) {
        this.data = data;
        this.options = o;
        this.net = new MultiLayerNetwork(configuration(data.inputs, data.outputs, o));
        net.init();
        int[] dims = dims();
        float[][] w = new float[o.architecture().layers() + 1][];
        float[][] b = new float[o.architecture().layers() + 1][];
        for (int l = 0; l <= o.architecture().layers(); l++) {
            w[l] = new float[dims[l] * dims[l + 1]];
            b[l] = new float[dims[l + 1]];
        }
        SirenInit.fill(dims, w, b, o.siren().omega(), o.optimizer().seed());
        setParameters(w, b);
    }

    /** The network: {@code layers} sine layers of {@code width} units and a sigmoid output layer. */
    static MultiLayerConfiguration configuration(int inputs, int outputs, FitOptions o) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(o.optimizer().seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(new ScheduleAdapter(o.optimizer().learningRate(), o.budget().maxIterations(), o.optimizer().schedule())))
                .list();
        int in = inputs;
        float[] omegas = FusedSirenTrainer.omegas(o);
        for (int l = 0; l < o.architecture().layers(); l++) {
            list.layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(in).nOut(o.architecture().width())
                    .activation(new SineActivation(omegas[l])).weightInit(new SirenWeightInit(l == 0, o.siren().omega())).build());
            in = o.architecture().width();
        }
        list.layer(new OutputLayer.Builder(o.optimizer().loss() == Loss.BCE ? new LossBinaryXENT() : new LossMSE())
                .nIn(in).nOut(outputs).activation(Activation.SIGMOID).weightInit(new SirenWeightInit(false, o.siren().omega())).build());
        return list.build();
    }

    MultiLayerNetwork network() {
        return net;
    }

    private int[] dims() {
        int[] dims = new int[options.architecture().layers() + 2];
        dims[0] = data.inputs;
        for (int l = 1; l <= options.architecture().layers(); l++) {
            dims[l] = options.architecture().width();
        }
        dims[options.architecture().layers() + 1] = data.outputs;
        return dims;
    }

    /** Loads parameters laid out as {@link DenseLayer}: weights input-major. */
    void setParameters(float[][] w, float[][] b) {
        int[] dims = dims();
        for (int l = 0; l < w.length; l++) {
            net.getLayer(l).setParam("W", Nd4j.create(w[l], new long[] {dims[l], dims[l + 1]}, 'c'));
            net.getLayer(l).setParam("b", Nd4j.create(b[l], new long[] {1, dims[l + 1]}, 'c'));
        }
    }

    FitResult fit(Signal signal, FitListener listener) {
        long start = System.nanoTime();
        boolean full = options.optimizer().batchSize() == FitOptions.FULL_BATCH || options.optimizer().batchSize() >= data.rows;
        int batch = full ? data.rows : options.optimizer().batchSize();
        int evalEvery = full ? 1 : Math.max(1, Math.min(50, data.rows / batch));
        INDArray features = Nd4j.create(data.coordinates, new long[] {data.rows, data.inputs}, 'c');
        INDArray labels = Nd4j.create(data.target, new long[] {data.rows, data.outputs}, 'c');
        DataSet all = new DataSet(features, labels);
        SplittableRandom shuffle = new SplittableRandom(options.optimizer().seed() ^ 0x9E3779B97F4A7C15L);
        List<FitProgress> history = new ArrayList<>();
        FitProgress last = null;
        long[][] predicted = null;
        int iteration = 0;
        while (true) {
            if (iteration % evalEvery == 0 || iteration >= options.budget().maxIterations() || options.budget().timeUp(start)) {
                // A forward pass of its own: the reference engine favours plainness over speed.
                float[] output = net.output(features, false).dup('c').data().asFloat();
                predicted = new long[data.spec.bitDepth()][BitPlanes.wordsPerPlane(data.spec.sampleCount())];
                last = evaluate(output, iteration, start, predicted);
                history.add(last);
                listener.onEvaluation(last);
                if (last.bitErrors() == 0 || iteration >= options.budget().maxIterations() || options.budget().timeUp(start)) {
                    break;
                }
            }
            if (full) {
                net.fit(all);
            } else {
                fitBatch(shuffle, batch, features, labels);
            }
            iteration++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Signal reconstruction = BitPlanes.of(data.spec, data.mapping, predicted).recompose();
        return new FitResult(model(), last.iteration(), seconds, last.bitErrors() == 0, last.bitErrors(),
                last.bitErrorsPerPlane(), data.bits(), List.copyOf(history), reconstruction,
                FitResult.psnr(signal, reconstruction), FitOptions.Engine.DL4J);
    }

    private void fitBatch(SplittableRandom rnd, int batch, INDArray features, INDArray labels) {
        long[] rows = new long[batch];
        for (int i = 0; i < batch; i++) {
            rows[i] = rnd.nextInt(data.rows);
        }
        net.fit(new DataSet(features.getRows(toInt(rows)), labels.getRows(toInt(rows))));
    }

    private static int[] toInt(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }

    private FitProgress evaluate(float[] probabilities, int iteration, long start, long[][] predicted) {
        long[] perPlane = new long[data.spec.bitDepth()];
        double loss = 0;
        int out = data.outputs;
        for (int row = 0; row < data.rows; row++) {
            for (int k = 0; k < out; k++) {
                float p = probabilities[row * out + k];
                float t = data.target[row * out + k];
                boolean one = p > 0.5f;
                if (one != (t > 0.5f)) {
                    perPlane[data.plane(row, k)]++;
                }
                if (one) {
                    int s = data.sample(row, k);
                    predicted[data.plane(row, k)][s >>> 6] |= 1L << (s & 63);
                }
                double q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
                loss += options.optimizer().loss() == Loss.BCE ? -(t * Math.log(q) + (1 - t) * Math.log(1 - q)) : (p - t) * (p - t);
            }
        }
        return FitProgress.of(iteration, loss / ((double) data.rows * out), perPlane, start, options);
    }

    InrModel model() {
        int[] dims = dims();
        float[] omegas = FusedSirenTrainer.omegas(options);
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l <= options.architecture().layers(); l++) {
            float[] w = net.getLayer(l).getParam("W").dup('c').data().asFloat();
            float[] b = net.getLayer(l).getParam("b").dup('c').data().asFloat();
            layers.add(l < options.architecture().layers() ? DenseLayer.sine(dims[l], dims[l + 1], w, b, omegas[l])
                    : DenseLayer.linear(dims[l], dims[l + 1], w, b));
        }
        return new InrModel(data.spec, data.formulation, data.mapping, layers);
    }
}
