package io.inrkit.bench;

import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.SideInformation;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.core.Signal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Can a small network that sees the causal neighbourhood pay for its bytes (issue 13)? An upper
 * bound, before any format work: per image, a DL4J MLP is fitted to predict each sample from
 * its causal neighbours (relative to the median-edge prediction, plus the already-coded
 * channels' residuals at this pixel), its prediction joins the stronger context model as one
 * more prediction (mixed2 mode, through the side-information hook), and the coded bytes are
 * compared with context2 alone. The network is evaluated here from the true samples, which is
 * what a decoder evaluating it in the loop would see; its weights are not stored, so the gain
 * must exceed their bytes (about one a parameter at int8) for the network to pay.
 *
 * <pre>java -cp ... io.inrkit.bench.ContextNetStudy HIDDEN FILE...</pre>
 */
public final class ContextNetStudy {

    private static final int[][] NEIGHBOURS = {{-1, 0}, {0, -1}, {-1, -1}, {1, -1}, {-2, 0}, {0, -2}, {1, -2}, {-2, -1},
        {2, -1}, {-1, -2}};
    private static final int TRAIN = 1 << 16;
    private static final int STEPS = 3000;
    private static final int BATCH = 512;

    private ContextNetStudy() {
    }

    public static void main(String[] args) throws Exception {
        int hidden = Integer.parseInt(args[0]);
        System.out.println(String.format(Locale.ROOT, "%-28s %10s %10s %8s %8s %9s", "file", "context2", "+net", "saved",
                "params", "pays by"));
        for (int i = 1; i < args.length; i++) {
            Path f = Path.of(args[i]);
            Signal s = StudyFiles.read(f);
            Features features = new Features(s);
            MultiLayerNetwork net = fit(features, hidden);
            long params = net.numParams();
            long[] p16 = features.predict(net);
            Tiling tiling = Tiling.standard(s.spec());
            long alone = TiledCoding.encode(s, null, InrFormat.MODE_CONTEXT2, tiling, 2).codedBytes();
            SideInformation side = new SideInformation() {
                @Override
                public int probability(int position, int channel, int plane) {
                    return 2048;
                }

                @Override
                public long expected16(int position, int channel) {
                    return p16[position * s.spec().channels() + channel];
                }
            };
            long with = TiledCoding.encode(s, side, InrFormat.MODE_MIXED2, tiling, 2).codedBytes();
            System.out.println(String.format(Locale.ROOT, "%-28s %10d %10d %+7.2f%% %8d %9d", f.getFileName(), alone,
                    with, 100.0 * (with - alone) / alone, params, alone - with - params));
        }
    }

    private static MultiLayerNetwork fit(Features f, int hidden) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(2e-3))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(f.width).nOut(hidden).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.L1).nIn(hidden).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        SplittableRandom random = new SplittableRandom(11);
        int n = f.count;
        int train = Math.min(TRAIN, n);
        float[][] x = new float[train][];
        float[][] y = new float[train][1];
        for (int i = 0; i < train; i++) {
            int k = random.nextInt(n);
            x[i] = f.features(k);
            y[i][0] = f.target(k);
        }
        INDArray all = Nd4j.create(x);
        INDArray labels = Nd4j.create(y);
        for (int step = 0; step < STEPS; step++) {
            int at = (step * BATCH) % (train - BATCH + 1);
            net.fit(all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + BATCH),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()),
                    labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + BATCH),
                            org.nd4j.linalg.indexing.NDArrayIndex.all()));
        }
        return net;
    }

    /** Every sample's inputs, in the context model's coding order (green first for RGB). */
    private static final class Features {
        final Signal s;
        final int w;
        final int h;
        final int channels;
        final int count;
        final int width;
        final int[] order;
        final double unit;

        Features(Signal s) {
            this.s = s;
            this.w = s.spec().width();
            this.h = s.spec().height();
            this.channels = s.spec().channels();
            this.count = s.sampleCount();
            this.order = channels == 3 ? new int[] {1, 0, 2} : channels == 4 ? new int[] {1, 0, 2, 3}
                    : java.util.stream.IntStream.range(0, channels).toArray();
            this.width = NEIGHBOURS.length + 2 + channels;
            this.unit = (1 << s.spec().bitDepth()) / 16.0;
        }

        private int at(int x, int y, int xx, int yy, int c) {
            xx = Math.max(0, Math.min(w - 1, xx));
            yy = Math.max(0, yy);
            if (yy > y || yy == y && xx >= x) {
                return x > 0 ? value(x - 1, y, c) : y > 0 ? value(x, y - 1, c) : 1 << (s.spec().bitDepth() - 1);
            }
            return value(xx, yy, c);
        }

        private int value(int x, int y, int c) {
            return s.sample((y * w + x) * channels + c);
        }

        private int base(int x, int y, int c) {
            int a = at(x, y, x - 1, y, c);
            int b = at(x, y, x, y - 1, c);
            int d = at(x, y, x - 1, y - 1, c);
            int mx = Math.max(a, b);
            int mn = Math.min(a, b);
            return d >= mx ? mn : d <= mn ? mx : a + b - d;
        }

        float[] features(int index) {
            int c = index % channels;
            int p = index / channels;
            int x = p % w;
            int y = p / w;
            int ci = 0;
            while (order[ci] != c) {
                ci++;
            }
            int base = base(x, y, c);
            float[] f = new float[width];
            int k = 0;
            for (int[] d : NEIGHBOURS) {
                f[k++] = (float) ((at(x, y, x + d[0], y + d[1], c) - base) / unit);
            }
            for (int r = 0; r < 2; r++) { // residuals of the channels coded before this one, at this pixel
                f[k++] = r < ci ? (float) ((value(x, y, order[r]) - base(x, y, order[r])) / unit) : 0;
            }
            f[k + ci] = 1;
            return f;
        }

        float target(int index) {
            int c = index % channels;
            int p = index / channels;
            return (float) ((s.sample(index) - base(p % w, p / w, c)) / unit);
        }

        long[] predict(MultiLayerNetwork net) {
            long[] out = new long[count];
            long max16 = ((1L << s.spec().bitDepth()) - 1) << 4;
            int chunk = 1 << 15;
            for (int from = 0; from < count; from += chunk) {
                int n = Math.min(chunk, count - from);
                float[][] x = new float[n][];
                for (int i = 0; i < n; i++) {
                    x[i] = features(from + i);
                }
                INDArray y = net.output(Nd4j.create(x));
                for (int i = 0; i < n; i++) {
                    int index = from + i;
                    int c = index % channels;
                    int p = index / channels;
                    double v = base(p % w, p / w, c) + y.getDouble(i, 0) * unit;
                    out[index] = Math.max(0, Math.min(max16, Math.round(v * 16)));
                }
            }
            return out;
        }
    }
}
