package io.inrkit.bench;

import io.inrkit.core.Signal;
import io.inrkit.core.depth.DepthPrior;
import io.inrkit.core.depth.DepthPriorFeatures;
import io.inrkit.core.internal.AtomicOutput;
import io.inrkit.core.internal.SampleCoding;
import io.inrkit.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
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
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Trains the learned depth prior ({@link DepthPrior}) with DL4J on the images
 * {@code docs/bitdepth/fetch-training-data.sh} fetched, and writes it where the jar takes it from.
 * Run by {@code docs/bitdepth/train.sh}.
 *
 * <pre>
 * DepthPriorTraining DATA OUT [--seed S] [--epochs E] [--crops K] [--per N] [--hidden 48,32]
 * </pre>
 *
 * Rows: from each image up to K random 192x192 crops, two per megapixel (images under half a
 * megapixel, most of them small sky photographs, are taken one in three); per crop, depth pair
 * and channel, N random samples (8N from the few 16-bit frames). The depth pairs teach one model several regimes, told apart by the depth features and
 * by how the local spread compares with the step: from 8-bit images 4 -> 8 and 6 -> 8; from the
 * 12-bit sums of 4x4 blocks of the large ones 6 -> 12, 4 -> 12 and 8 -> 12, and from the 16-bit
 * sums of their 16x16 blocks (two crops, 4N samples) 8 -> 16 and 10 -> 16 (the smooth, finely
 * quantised side); from the 16-bit frames 8 -> 16, 10 -> 16 and 12 -> 16. A quarter of the colour crops are
 * turned grey (the mean of the channels), so the grey path is trained too. JPEG sources are
 * box-reduced 4x first (their 8x8 block artefacts would otherwise be learnt).
 */
public final class DepthPriorTraining {

    private static final int CROP = 192;

    private DepthPriorTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long seed = 1;
        int epochs = 20;
        int crops = 8;
        int per = 400;
        int[] hidden = {48, 32};
        for (int i = 2; i < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--crops" -> crops = Integer.parseInt(args[i + 1]);
                case "--per" -> per = Integer.parseInt(args[i + 1]);
                case "--hidden" -> hidden = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"img8", "img16"}) {
            try (Stream<Path> s = Files.list(data.resolve(dir))) {
                s.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpg|jpeg)$")).sorted()
                        .forEach(files::add);
            }
        }
        Rows rows = collect(files, seed, crops, per);
        System.out.printf(Locale.ROOT, "%d rows from %d images (%s) in %.0f s%n", rows.count, files.size(),
                rows.packages, (System.nanoTime() - t0) / 1e9);
        float[] mean = new float[DepthPriorFeatures.COUNT];
        float[] scale = new float[DepthPriorFeatures.COUNT];
        normalise(rows, mean, scale);
        Trained t = train(rows, hidden, epochs, seed);
        String provenance = String.format(Locale.ROOT,
                "trained by docs/bitdepth/train.sh with DL4J 1.0.0-M2.1 (Adam, MSE, batch %d)%n"
                        + "data: %d images from Debian packages %s (docs/bitdepth/TRAINING-DATA.md), no test image%n"
                        + "rows: %d (up to %d crops of %dx%d per image, %d samples per crop, depth pair and channel)%n"
                        + "network: %d features -> %s -> 1, ReLU%n"
                        + "epochs: %d, steps: %d, seed: %d, validation MSE: %.5f step^2 (centre: %.5f)",
                Trained.BATCH, files.size(), rows.packages, rows.count, crops, CROP, CROP, per, DepthPriorFeatures.COUNT,
                Arrays.toString(hidden), epochs, t.steps, seed, t.validation, t.centreValidation);
        DepthPrior prior = new DepthPrior(provenance, mean, scale, t.weights, t.biases);
        AtomicOutput.write(out, true, prior::write);
        System.out.printf(Locale.ROOT, "wrote %s (%d parameters, %d bytes) in %.0f s%n%s%n", out, prior.parameters(),
                Files.size(out), (System.nanoTime() - t0) / 1e9, provenance);
    }

    /** Training rows: features and targets (the true value's offset from the middle, in steps). */
    static final class Rows {
        float[] x;
        float[] y;
        int count;
        String packages;
    }

    private static Rows collect(List<Path> files, long seed, int crops, int per) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<float[][]>> parts = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            long fileSeed = seed * 0x9E3779B97F4A7C15L + f;
            parts.add(pool.submit(() -> rowsOf(file, new SplittableRandom(fileSeed), crops, per)));
        }
        List<float[][]> done = new ArrayList<>();
        int count = 0;
        for (int f = 0; f < parts.size(); f++) {
            float[][] p = parts.get(f).get();
            done.add(p);
            count += p[1].length;
            if ((f + 1) % 50 == 0) {
                System.out.printf(Locale.ROOT, "  %d / %d images, %d rows%n", f + 1, files.size(), count);
            }
        }
        pool.shutdown();
        Rows r = new Rows();
        r.x = new float[count * DepthPriorFeatures.COUNT];
        r.y = new float[count];
        int at = 0;
        for (float[][] p : done) {
            System.arraycopy(p[0], 0, r.x, at * DepthPriorFeatures.COUNT, p[0].length);
            System.arraycopy(p[1], 0, r.y, at, p[1].length);
            at += p[1].length;
        }
        r.count = count;
        TreeSet<String> packages = new TreeSet<>();
        for (Path p : files) {
            packages.add(p.getFileName().toString().split("_", 2)[0]);
        }
        r.packages = String.join(", ", packages);
        return r;
    }

    /** The rows of one image: {features, targets}. */
    private static float[][] rowsOf(Path file, SplittableRandom random, int crops, int per) throws IOException {
        boolean jpeg = file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g$");
        // INRKit reads no JPEG (it is lossy); the JDK's reader does, for training only
        Plane image = jpeg ? Plane.of(javax.imageio.ImageIO.read(file.toFile())).boxMean(4)
                : Plane.of(ImageFiles.read(file).signal());
        List<float[]> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        // crops by size, so the hundreds of small sky images do not outweigh the large photographs
        double megapixels = image.width * (double) image.height / 1e6;
        int take = (int) Math.min(crops, Math.max(1, Math.round(2 * megapixels)));
        if (megapixels < 0.5 && random.nextInt(3) != 0) {
            take = 0;
        }
        List<Source> sources = new ArrayList<>();
        if (image.bits >= 16) {
            sources.add(new Source(image, take, 8 * per, new int[][] {{8, 8}, {10, 6}, {12, 4}})); // the few 16-bit frames
        } else {
            sources.add(new Source(image, take, per, new int[][] {{4, 4}, {6, 2}}));
            if (image.width >= 4 * CROP && image.height >= 4 * CROP) {
                sources.add(new Source(image.boxSum(4), take, per, new int[][] {{6, 6}, {4, 8}, {8, 4}}));
            }
            if (image.width >= 16 * 96 && image.height >= 16 * 96) {
                sources.add(new Source(image.boxSum(16), 2, 4 * per, new int[][] {{8, 8}, {10, 6}}));
            }
        }
        for (Source src : sources) {
            for (int k = 0; k < src.crops; k++) {
                Plane crop = src.plane.crop(random, CROP);
                if (crop.channels == 3 && random.nextInt(4) == 0) {
                    crop = crop.grey();
                }
                if (crop.flat()) {
                    continue;
                }
                for (int[] pair : src.pairs) {
                    sample(crop, pair[0], pair[1], random, src.samples, xs, ys);
                }
            }
        }
        float[] x = new float[xs.size() * DepthPriorFeatures.COUNT];
        float[] y = new float[ys.size()];
        for (int i = 0; i < xs.size(); i++) {
            System.arraycopy(xs.get(i), 0, x, i * DepthPriorFeatures.COUNT, DepthPriorFeatures.COUNT);
            y[i] = ys.get(i);
        }
        return new float[][] {x, y};
    }

    /** A version of an image, how many crops of it to take, samples per crop and which depth pairs. */
    private record Source(Plane plane, int crops, int samples, int[][] pairs) {
    }

    private static void sample(Plane crop, int bits, int missing, SplittableRandom random, int per,
            List<float[]> xs, List<Float> ys) {
        int shift = crop.bits - bits - missing; // drop what the pair does not use (none for the pairs above)
        int[] levels = new int[crop.values.length];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = crop.values[i] >>> (shift + missing);
        }
        DepthPriorFeatures f = new DepthPriorFeatures(levels, crop.width, crop.height, crop.channels, bits, missing,
                DepthPriorFeatures.histograms(levels, crop.channels, bits), 0, crop.height);
        double step = 1L << missing;
        double middle = ((1L << missing) - 1) / 2.0;
        for (int c = 0; c < crop.channels; c++) {
            for (int i = 0; i < per; i++) {
                int y = random.nextInt(crop.height);
                int x = random.nextInt(crop.width);
                float[] row = new float[DepthPriorFeatures.COUNT];
                f.fill(y, x, c, row, 0);
                int v = crop.values[(y * crop.width + x) * crop.channels + c] >>> shift;
                long lowest = (long) levels[(y * crop.width + x) * crop.channels + c] << missing;
                xs.add(row);
                ys.add((float) ((v - lowest - middle) / step));
            }
        }
    }

    private static void normalise(Rows r, float[] mean, float[] scale) {
        int n = DepthPriorFeatures.COUNT;
        double[] s = new double[n];
        double[] s2 = new double[n];
        for (int i = 0; i < r.count; i++) {
            for (int j = 0; j < n; j++) {
                double v = r.x[i * n + j];
                s[j] += v;
                s2[j] += v * v;
            }
        }
        for (int j = 0; j < n; j++) {
            double m = s[j] / r.count;
            double sd = Math.sqrt(Math.max(0, s2[j] / r.count - m * m));
            mean[j] = (float) m;
            scale[j] = (float) (1 / (sd + 1e-3));
        }
        for (int i = 0; i < r.count; i++) {
            for (int j = 0; j < n; j++) {
                r.x[i * n + j] = (r.x[i * n + j] - mean[j]) * scale[j];
            }
        }
    }

    /** The network's layers, input-major, and how it did on held-out rows. */
    static final class Trained {
        static final int BATCH = 1024;
        float[][] weights;
        float[][] biases;
        long steps;
        double validation;
        double centreValidation;
    }

    private static Trained train(Rows r, int[] hidden, int epochs, long seed) {
        int n = DepthPriorFeatures.COUNT;
        // shuffle once, hold out the last 2% for validation
        int[] order = new int[r.count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validation = Math.max(1, r.count / 50);
        int training = r.count - validation;
        long totalSteps = (long) epochs * (training / Trained.BATCH);
        double lr = 2e-3;
        double gamma = Math.pow(0.05, 1.0 / Math.max(1, totalSteps)); // decays to 1/20 of the rate
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, lr, gamma))).weightInit(WeightInit.RELU)
                .list();
        int in = n;
        for (int h : hidden) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.RELU).build());
            in = h;
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(1).activation(Activation.IDENTITY)
                .build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        float[] vx = new float[validation * n];
        float[] vy = new float[validation];
        for (int i = 0; i < validation; i++) {
            int row = order[training + i];
            System.arraycopy(r.x, row * n, vx, i * n, n);
            vy[i] = r.y[row];
        }
        INDArray valX = Nd4j.create(vx, new long[] {validation, n}, 'c');
        float[] bx = new float[Trained.BATCH * n];
        float[] by = new float[Trained.BATCH];
        long steps = 0;
        long t0 = System.nanoTime();
        double loss = Double.NaN;
        for (int e = 0; e < epochs; e++) {
            for (int i = training - 1; i > 0; i--) { // a new order of the training rows each epoch
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int b = 0; b + Trained.BATCH <= training; b += Trained.BATCH) {
                for (int i = 0; i < Trained.BATCH; i++) {
                    int row = order[b + i];
                    System.arraycopy(r.x, row * n, bx, i * n, n);
                    by[i] = r.y[row];
                }
                net.fit(Nd4j.create(bx, new long[] {Trained.BATCH, n}, 'c'), Nd4j.create(by, new long[] {Trained.BATCH, 1}, 'c'));
                steps++;
            }
            loss = mse(net.output(valX).toFloatVector(), vy);
            System.out.printf(Locale.ROOT, "epoch %d: %d steps, validation MSE %.5f step^2, %.0f s%n", e + 1, steps, loss,
                    (System.nanoTime() - t0) / 1e9);
        }
        Trained t = new Trained();
        t.weights = new float[hidden.length + 1][];
        t.biases = new float[hidden.length + 1][];
        for (int l = 0; l <= hidden.length; l++) {
            t.weights[l] = net.getLayer(l).getParam("W").dup('c').reshape(-1).toFloatVector();
            t.biases[l] = net.getLayer(l).getParam("b").dup('c').reshape(-1).toFloatVector();
        }
        t.steps = steps;
        t.validation = loss;
        t.centreValidation = mse(new float[validation], vy);
        return t;
    }

    private static double mse(float[] p, float[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = Math.max(-0.5, Math.min(0.5, p[i])) - y[i];
            s += d * d;
        }
        return s / y.length;
    }

    /** An image's unsigned samples, interleaved, with alpha dropped. */
    record Plane(int[] values, int width, int height, int channels, int bits) {

        static Plane of(Signal s) {
            int c = s.channels();
            int keep = c >= 3 ? 3 : 1;
            int positions = s.sampleCount() / c;
            int[] v = new int[positions * keep];
            for (int p = 0; p < positions; p++) {
                for (int k = 0; k < keep; k++) {
                    v[p * keep + k] = SampleCoding.toUnsigned(s.sample(p, k), s.bitDepth(), s.spec().signed());
                }
            }
            return new Plane(v, s.spec().width(), s.spec().height(), keep, s.bitDepth());
        }

        static Plane of(java.awt.image.BufferedImage img) {
            int w = img.getWidth();
            int h = img.getHeight();
            int[] v = new int[w * h * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    int p = (y * w + x) * 3;
                    v[p] = rgb >> 16 & 0xFF;
                    v[p + 1] = rgb >> 8 & 0xFF;
                    v[p + 2] = rgb & 0xFF;
                }
            }
            return new Plane(v, w, h, 3, 8);
        }

        /** Each f x f block summed: log2(f^2) more bits, real structure at finer quantisation. */
        Plane boxSum(int f) {
            int w = width / f;
            int h = height / f;
            int[] v = new int[w * h * channels];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < channels; c++) {
                        int sum = 0;
                        for (int dy = 0; dy < f; dy++) {
                            for (int dx = 0; dx < f; dx++) {
                                sum += values[((y * f + dy) * width + x * f + dx) * channels + c];
                            }
                        }
                        v[(y * w + x) * channels + c] = sum;
                    }
                }
            }
            return new Plane(v, w, h, channels, bits + 2 * Integer.numberOfTrailingZeros(f));
        }

        /** Each f x f block averaged, rounded: the same depth. */
        Plane boxMean(int f) {
            Plane s = boxSum(f);
            int area = f * f;
            int[] v = new int[s.values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (s.values[i] + area / 2) / area;
            }
            return new Plane(v, s.width, s.height, channels, bits);
        }

        Plane crop(SplittableRandom random, int size) {
            int w = Math.min(size, width);
            int h = Math.min(size, height);
            int x0 = random.nextInt(width - w + 1);
            int y0 = random.nextInt(height - h + 1);
            int[] v = new int[w * h * channels];
            for (int y = 0; y < h; y++) {
                System.arraycopy(values, ((y0 + y) * width + x0) * channels, v, y * w * channels, w * channels);
            }
            return new Plane(v, w, h, channels, bits);
        }

        Plane grey() {
            int positions = width * height;
            int[] v = new int[positions];
            for (int p = 0; p < positions; p++) {
                v[p] = (values[3 * p] + values[3 * p + 1] + values[3 * p + 2]) / 3;
            }
            return new Plane(v, width, height, 1, bits);
        }

        /** Nearly constant crops (black sky) teach nothing. */
        boolean flat() {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return max - min < (1 << (bits - 4));
        }
    }
}
