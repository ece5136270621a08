package io.inrkit.codec.internal.search;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.StoredContextNet;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.ContextNet;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.ContextNetFitter;

/**
 * Fits an image's context network and finds out whether it pays (issue 13). The samples it
 * learns from are collected while the encoder codes the image without it ({@link #samplers}),
 * so they cost no extra pass. After the fit, the weight formats are chosen per tensor from the
 * network's error on those samples; then a few tiles are coded with the network and compared
 * with the same tiles without it, and only when the gain they show, scaled to the whole image,
 * exceeds the network's bytes is the whole image coded again with it. The caller keeps the
 * smaller file.
 */
public final class ContextNetSearch {

    /**
     * Coded bytes below which the network is not tried: on the full Kodak images it saved at
     * most 0.33% of the coded bits and costs 450-650 bytes (docs/CODEC.md), so below 100 kB it
     * cannot pay and its fit would be time lost.
     */
    public static final long MIN_CODED_BYTES = 100_000;
    /** Training samples collected from an image, at most. */
    static final int SAMPLES = 1 << 17;
    /** Tiles coded with the network to estimate its gain before it codes them all. */
    static final int TRIAL_TILES = 6;
    /**
     * Tensor formats tried for the output layer's weights, smallest first; a format is taken
     * when the network's error with it is within {@link #ERROR_TOLERANCE} of its error with that
     * layer in float.
     */
    private static final TensorFormat[] WEIGHT_FORMATS = {TensorFormat.INT4_CHANNEL, TensorFormat.INT5_CHANNEL,
        TensorFormat.INT6_CHANNEL, TensorFormat.INT8_CHANNEL, TensorFormat.FP16};
    private static final double ERROR_TOLERANCE = 0.002;
    /**
     * The first layer's format at {@code --weights auto}, which it is trained for. Rounded after
     * training, int5 weights missed the float network's error by 4-11% on Kodak images and the search
     * above fell back to int8 or binary16 (628 bytes of network on average); trained for, they
     * come within 2% and the network is about 416 bytes: on the full Kodak set the files came to
     * 9,870,533 bytes against 9,876,122, the network kept on 23 images against 21. int4 saved
     * fewer bytes (on four images, 1,089 fewer).
     */
    static final TensorFormat AWARE_FORMAT = TensorFormat.INT5_CHANNEL;
    /** Quantization-aware steps after the float fit: a quarter of the default preset's fit. */
    static final int AWARE_STEPS = 2000;
    /** Their rate: a fortieth of the fit's, which at a tenth moved the network off its fit. */
    static final double AWARE_RATE = 5e-5;

    /**
     * The outcome.
     *
     * @param net the stored network
     * @param container the whole file coded with it, or null when the trial tiles showed it would not pay
     * @param trialGain bytes the trial tiles saved, scaled to the whole image (may be negative)
     * @param fitSeconds time to fit and quantize
     */
    public record Result(StoredContextNet net, InrContainer container, long trialGain, double fitSeconds) {
    }

    private ContextNetSearch() {
    }

    /**
     * Whether {@code s} is large enough that its coded bits could reach {@link #MIN_CODED_BYTES}:
     * a sample of n bits codes to at most about n bits.
     */
    public static boolean worthCollecting(Signal s) {
        return (long) s.spec().sampleCount() * s.spec().bitDepth() >= 8 * MIN_CODED_BYTES;
    }

    /** Where each tile of {@code s} collects its training samples while coded in mode context2. */
    public static ContextNet.Samples[] samplers(Signal s, Tiling tiling) {
        int tiles = Math.toIntExact(tiling.count(s.spec()));
        int stride = (int) Math.max(1, (long) s.spec().sampleCount() / SAMPLES); // in pixels: every channel of each
        ContextNet.Samples[] out = new ContextNet.Samples[tiles];
        for (int i = 0; i < tiles; i++) {
            int samples = tiling.tile(s.spec(), i).positions() * s.spec().channels();
            out[i] = new ContextNet.Samples(ContextNet.IMAGE_INPUTS, stride, samples / stride + 1);
        }
        return out;
    }

    /**
     * Fits the network on what {@code samplers} collected while {@code context} was coded, and
     * codes the image with it where the trial says it pays.
     *
     * @param weights the weights' format, or null to choose per tensor
     */
    public static Result search(Signal s, byte[] sha, Tiling tiling, TiledBits context, int contextMode,
            ContextNet.Samples[] samplers, int hidden, int steps, TensorFormat weights, long seed, int threads) {
        int mode = InrFormat.netMode(contextMode);
        long start = System.nanoTime();
        int total = 0;
        for (ContextNet.Samples t : samplers) {
            total += t.count();
        }
        float[] features = new float[total * ContextNet.IMAGE_INPUTS];
        float[] targets = new float[total];
        int at = 0;
        for (ContextNet.Samples t : samplers) { // in tile order: the same samples whatever the threads
            t.copyInto(features, targets, at);
            at += t.count();
        }
        ContextNetFitter.Weights fitted = ContextNetFitter.fit(features, targets, ContextNet.IMAGE_INPUTS, hidden,
                steps, seed);
        StoredContextNet net = weights != null ? store(fitted, weights, weights)
                : quantizationAware(fitted, features, targets, seed);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        ContextNet evaluated = ContextNet.of(net);
        int netBytes = InrContainer.contextNetBytes(s.spec(), net);
        TiledBits bits = null;
        long gain;
        if (context.streams().size() <= TRIAL_TILES) { // the trial would be the whole image
            bits = codeWith(s, mode, evaluated, tiling, threads);
            gain = context.codedBytes() - bits.codedBytes();
        } else {
            gain = trialGain(s, mode, tiling, context, evaluated, threads);
            if (gain > netBytes) {
                bits = codeWith(s, mode, evaluated, tiling, threads);
            }
        }
        InrContainer container = bits == null || gain <= netBytes ? null
                : InrContainer.withContextNet(s.spec(), sha, net, mode, bits);
        return new Result(net, container, gain, fitSeconds);
    }

    private static TiledBits codeWith(Signal s, int mode, ContextNet net, Tiling tiling, int threads) {
        return TiledCoding.encode(s, null, mode, net, null, tiling, threads);
    }

    /**
     * The bytes the network saves on {@link #TRIAL_TILES} tiles spread over the image, scaled
     * by the image's coded bytes over theirs.
     */
    private static long trialGain(Signal s, int mode, Tiling tiling, TiledBits context, ContextNet net, int threads) {
        int tiles = context.streams().size();
        int[] trial = new int[TRIAL_TILES];
        long without = 0;
        for (int k = 0; k < TRIAL_TILES; k++) {
            trial[k] = (int) ((2L * k + 1) * tiles / (2L * TRIAL_TILES));
            without += context.streams().get(trial[k]).length;
        }
        long with = TiledCoding.codedBytes(s, mode, net, tiling, trial, threads);
        return Math.round((double) (without - with) * context.codedBytes() / Math.max(1, without));
    }

    /**
     * The weights as {@code --weights auto} stores them: the first layer trained on for
     * {@link #AWARE_STEPS} steps with its weights rounded to {@link #AWARE_FORMAT} in every
     * forward pass, then stored in that format; the output layer in the smallest of
     * {@link #WEIGHT_FORMATS} whose error on the training samples stays within
     * {@link #ERROR_TOLERANCE} of the network's with it in float; biases in FP16.
     */
    private static StoredContextNet quantizationAware(ContextNetFitter.Weights fitted, float[] features,
            float[] targets, long seed) {
        int inputs = fitted.inputs();
        int hidden = fitted.hidden();
        ContextNetFitter.Weights aware = ContextNetFitter.fit(features, targets, inputs, hidden, AWARE_STEPS,
                seed + 1, AWARE_RATE, fitted, w -> Quantizer.quantize(w, inputs, hidden, AWARE_FORMAT).dequantize());
        double limit = error(store(aware, AWARE_FORMAT, TensorFormat.FP32), features, targets) * (1 + ERROR_TOLERANCE);
        for (TensorFormat f : WEIGHT_FORMATS) {
            StoredContextNet candidate = store(aware, AWARE_FORMAT, f);
            if (error(candidate, features, targets) <= limit) {
                return candidate;
            }
        }
        return store(aware, AWARE_FORMAT, TensorFormat.FP16);
    }

    private static StoredContextNet store(ContextNetFitter.Weights w, TensorFormat first, TensorFormat output) {
        QuantizedTensor w1 = Quantizer.quantize(w.weights1(), w.inputs(), w.hidden(), first);
        QuantizedTensor b1 = Quantizer.quantize(w.bias1(), 1, w.hidden(), TensorFormat.FP16);
        QuantizedTensor w2 = Quantizer.quantize(w.weights2(), w.hidden(), 1, output);
        QuantizedTensor b2 = Quantizer.quantize(new float[] {w.bias2()}, 1, 1, TensorFormat.FP16);
        return new StoredContextNet(w.inputs(), w.hidden(), w1, b1, w2, b2);
    }

    /** Mean absolute error of {@code n} on the samples. */
    private static double error(StoredContextNet n, float[] features, float[] targets) {
        ContextNet net = ContextNet.of(n);
        int inputs = n.inputs();
        double[] in = new double[inputs];
        double[] scratch = net.scratch();
        double sum = 0;
        for (int k = 0; k < targets.length; k++) {
            for (int i = 0; i < inputs; i++) {
                in[i] = features[k * inputs + i];
            }
            sum += Math.abs(net.output(in, scratch) - targets[k]);
        }
        return sum / Math.max(1, targets.length);
    }
}
