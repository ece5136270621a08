package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.cm.BinaryCoder;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Context-mixing model of image samples, coded in raster order, channel by channel within a
 * pixel (green first for RGB: the others predict from its error), each sample's bits from the
 * most significant down.
 *
 * <p>Every bit mixes: for each of several predictions of the sample (neighbours, gradients,
 * median-edge, inter-channel corrections, an error-weighted blend of them all, and the INR's
 * expectation when there is one), an adaptive probability keyed by where that prediction lies
 * relative to the value at which this bit turns to 1, in units of the local error; the
 * probability of the decoded prefix itself; and the INR's own probability for the bit. Two
 * adaptive probability maps refine the mix.
 *
 * <p>The stronger model ({@code context2}) adds two online least-squares predictions over the
 * causal neighbourhood and the channels already coded at this pixel, keys each prediction's
 * probabilities by that prediction's own recent error, and mixes in two layers
 * ({@link BitMixer}); docs/FORMAT.md specifies both. Its value modes (images of at most 8 bits)
 * also give the mixer the sample's histogram given two predictions' values, and the residuals of
 * the channels coded before it at this pixel.
 */
public final class ImageModel {

    // Predictions, in this order.
    private static final int W = 0;
    private static final int N = 1;
    private static final int NE = 2;
    private static final int MED = 3;
    private static final int GRAD = 4;
    private static final int AVG = 5;
    private static final int N_NE = 6;
    private static final int W_NE = 7;
    private static final int GAP = 8;
    private static final int CH_MED = 9;
    private static final int CH_W = 10;
    private static final int CH_N = 11;
    private static final int BLEND = 12;
    private static final int CH_BLEND = 13;
    /** The stronger model's online least-squares predictions follow; then the INR's, if any. */
    private static final int OLS_FIRST = 14;

    /** Added to a prediction's recent error (1/16 units) before weighting the blend by its inverse square. */
    private static final double BLEND_OFFSET = 32;
    /**
     * The window mode: a sample's window reaches at least 3 times its local error scale (twice
     * the blend's mean error at the coded neighbours), plus 2, on either side of the blend. On
     * four Kodak images, all fourteen predictions mixed, the first model's file was 0.12% larger
     * through it and coded in 0.77 of the time; twice as wide, 0.06% and 0.87; two-thirds as
     * wide, 0.20% and 0.73 (docs/CODEC.md).
     */
    private static final long WINDOW_SCALE = 3;
    private static final long WINDOW_MARGIN = 2;
    /**
     * The stronger model's window modes (10 and 11) reach 2 times the scale, plus 2: on four
     * Kodak images, with the context network, 0.08% larger files than at 3 times, in 0.92 of the
     * time (docs/CODEC.md).
     */
    private static final long STRONG_WINDOW_SCALE = 2;
    /**
     * The predictions the window mode mixes: the neighbours, the inter-channel corrections and
     * the blends. The other seven still shape the blend; mixing them too gave no smaller a file
     * (0.01% larger on four Kodak images) in 1.5 times the time (docs/CODEC.md).
     */
    private static final int[] WINDOW_MIXED = {W, N, NE, CH_W, CH_N, BLEND, CH_BLEND};
    /** Values of the texture pattern: six neighbours, above or below the blend. */
    private static final int TEXTURES = 64;
    private final int width;
    private final int height;
    private final int channels;
    private final int bits;
    private final int[] order;
    private final SideInformation side;
    private final int predictors;

    /**
     * The last {@link #ROWS} rows of samples coded, a ring: every context reads the current row
     * and the two above it, so the model holds three rows whatever the image's height (the
     * decoded samples go to the caller's {@link SampleSink}).
     */
    private final int[] samples;
    private static final int ROWS = 3;
    /** |prediction - value| in 1/16, per channel and prediction, for the current and previous row. */
    private final int[][][] errors;
    /** Each predictor's prediction of the current sample, in 1/16. */
    private final long[] predictions16;
    /** The blend prediction of each channel at the current pixel, for the channels coded after it. */
    private final long[] lastBlend;
    /** Which of six neighbours lie above the blend: CALIC-style texture context. */
    private int texturePattern;
    private final int[] sideProbability;
    private final BitMixer mixer;
    /** The window mode's decision, per slot and activity, whether the sample lies in its window; else null. */
    private final SampleWindow window;
    /** The stronger model's: per coding slot, its least-squares predictors; null in the first model. */
    private final Ols[][] ols;
    private final int sideIndex;
    /**
     * The stronger model's mixer selectors: the texture pattern, the predictor best nearby, and
     * the spread between the two least-squares predictions and the blend.
     */
    private final int[] selectors;
    /**
     * Whether the network's distance from the first least-squares prediction selects mixer weights
     * (mode 5): in mode 11 the set cost 3% of the time for 0.01% of the bytes (docs/CODEC.md).
     */
    private final boolean netSelector;
    /** The window's reach, in local error scales (window modes). */
    private final long windowScale;
    private int bestNearby;
    /** The stronger model: each prediction's own local error, in 1/16 (the blends get the blend's). */
    private final int[] scales;
    /** The context network, or null; its prediction is the last. */
    private final ContextNet net;
    private final int netIndex;
    /** Where an encoder collects the network's training samples, or null. */
    private final ContextNet.Samples capture;
    /** The network's inputs for the current sample, when it has a network or collects for one. */
    private final double[] netInput;
    /** The network's hidden units, this tile's own: the network is shared by the tiles' threads. */
    private final double[] netScratch;
    /** 2^-bits: one input unit is 2^bits / 16 of a sample's 1/16 units. */
    private final double netUnit;
    /** The first least-squares prediction of each channel at the current pixel, for those coded after it. */
    private final long[] lastOls;
    /** The value modes' contexts of the current sample ({@link BitMixer}), or null. */
    private final int[] valueContexts;
    /** The value modes: each channel's residual at the current pixel against its blend, in 1/16. */
    private final long[] residuals;

    /** The first model (version 2's {@code context} modes). */
    public ImageModel(int width, int height, int channels, int bits, SideInformation side) {
        this(width, height, channels, bits, side, false);
    }

    /**
     * @param strong the stronger model (version 2's {@code context2} modes): least-squares
     *     predictors, two-layer mixing
     */
    public ImageModel(int width, int height, int channels, int bits, SideInformation side, boolean strong) {
        this(width, height, channels, bits, side, strong, null, null);
    }

    /**
     * The stronger model with a context network ({@code net}, version 2's {@code context2+net}
     * mode), or collecting training samples for one ({@code capture}, encoders only); either may be null.
     */
    public ImageModel(int width, int height, int channels, int bits, SideInformation side, boolean strong,
            ContextNet net, ContextNet.Samples capture) {
        this(width, height, channels, bits, side, strong, net, capture, false);
    }

    /**
     * @param windowed an image window mode (version 2's mode 9 with the first model, 10 and 11 with
     *     the stronger): each sample's high bits coded as one decision, whether it lies in a window
     *     about its blend prediction, and fewer predictions mixed ({@link #windowMixed})
     */
    public ImageModel(int width, int height, int channels, int bits, SideInformation side, boolean strong,
            ContextNet net, ContextNet.Samples capture, boolean windowed) {
        this(width, height, channels, bits, side, strong, net, capture, windowed, false);
    }

    /**
     * @param values a value mode (version 2's 12 and 13: the stronger model's window modes with
     *     value tables, at most 8 bits)
     */
    public ImageModel(int width, int height, int channels, int bits, SideInformation side, boolean strong,
            ContextNet net, ContextNet.Samples capture, boolean windowed, boolean values) {
        if (values && !(strong && windowed && bits <= 8)) {
            throw new IllegalArgumentException("the value modes code images of at most 8 bits through the stronger model's window");
        }
        if ((net != null || capture != null) && !strong) {
            throw new IllegalArgumentException("the context network works with the stronger model");
        }
        if (windowed && side != null) {
            throw new IllegalArgumentException("the image window modes code with a context model alone");
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.bits = bits;
        this.side = side;
        this.order = codingOrder(channels);
        this.ols = strong ? newOls(channels, windowed) : null;
        int olsCount = strong ? ols[0].length : 0;
        this.sideIndex = OLS_FIRST + olsCount;
        this.netIndex = sideIndex + (side != null ? 1 : 0);
        this.predictors = netIndex + (net != null ? 1 : 0);
        this.net = net;
        this.capture = capture;
        this.netInput = net != null || capture != null ? new double[ContextNet.IMAGE_INPUTS] : null;
        this.netScratch = net != null ? net.scratch() : null;
        this.netUnit = Math.scalb(1.0, -bits);
        this.lastOls = new long[channels];
        this.valueContexts = values ? new int[BitMixer.VALUE_TABLES + 1] : null;
        this.residuals = new long[channels];
        this.netSelector = net != null && !windowed;
        this.selectors = strong ? new int[netSelector ? 4 : 3] : null;
        this.scales = strong ? new int[predictors] : null;
        this.lastBlend = new long[channels];
        this.samples = new int[ROWS * width * channels];
        this.errors = new int[channels][predictors][2 * width];
        this.predictions16 = new long[predictors];
        this.sideProbability = new int[bits];
        this.windowScale = strong ? STRONG_WINDOW_SCALE : WINDOW_SCALE;
        this.window = windowed ? new SampleWindow(channels * Buckets.ACTIVITY, predictors) : null;
        this.mixer = new BitMixer(channels, bits, Buckets.ACTIVITY,
                windowed ? windowMixed(strong, net != null) : IntStream.range(0, predictors).toArray(), TEXTURES, side != null,
                !strong ? null : netSelector ? new int[] {TEXTURES, predictors, Buckets.ACTIVITY, Buckets.ACTIVITY}
                        : new int[] {TEXTURES, predictors, Buckets.ACTIVITY}, false, valueContexts);
    }

    /**
     * The predictions a window mode mixes: {@link #WINDOW_MIXED}, and in the stronger model's
     * (modes 10 and 11) the two least-squares predictions and the network's after them.
     */
    private static int[] windowMixed(boolean strong, boolean net) {
        if (!strong) {
            return WINDOW_MIXED;
        }
        int[] m = Arrays.copyOf(WINDOW_MIXED, WINDOW_MIXED.length + 2 + (net ? 1 : 0));
        for (int i = WINDOW_MIXED.length; i < m.length; i++) {
            m[i] = OLS_FIRST + i - WINDOW_MIXED.length;
        }
        return m;
    }

    /** Neighbours of the sample's own channel that the least-squares predictors see: (dx, dy). */
    private static final int[][] OLS_NEIGHBOURS = {
        {-1, 0}, {0, -1}, {-1, -1}, {1, -1}, {-2, 0}, {0, -2}, {-2, -1}, {2, -1}, {-1, -2}, {1, -2}, {-3, 0}, {3, -1},
    };
    /** Of each channel coded before it at this pixel: the sample itself and these neighbours. */
    private static final int[][] OLS_CROSS = {{0, 0}, {-1, 0}, {0, -1}, {1, -1}};

    /**
     * Updates between the least-squares predictors' solves: in the window modes four times as many
     * (16 and 32), the solves being a third of what a window mode spends a sample; on four Kodak
     * images mode 10's file was 0.05% larger for it, in 0.87 of the time (docs/CODEC.md).
     */
    private static final int[] OLS_INTERVALS = {4, 8};
    private static final int[] WINDOW_OLS_INTERVALS = {16, 32};

    private static Ols[][] newOls(int channels, boolean windowed) {
        int[] intervals = windowed ? WINDOW_OLS_INTERVALS : OLS_INTERVALS;
        Ols[][] o = new Ols[channels][];
        for (int ci = 0; ci < channels; ci++) {
            int n = OLS_NEIGHBOURS.length + Math.min(ci, 2) * OLS_CROSS.length;
            o[ci] = new Ols[] {new Ols(n, 0.998, 0.5, intervals[0]), new Ols(n, 0.9995, 0.5, intervals[1])};
        }
        return o;
    }

    /** Green first for RGB(A), so red and blue can use its prediction error. */
    static int[] codingOrder(int channels) {
        return switch (channels) {
            case 3 -> new int[] {1, 0, 2};
            case 4 -> new int[] {1, 0, 2, 3};
            default -> IntStream.range(0, channels).toArray();
        };
    }

    /**
     * Codes every sample. When encoding, {@code source} holds the samples (unsigned, interleaved);
     * when decoding it is null. Every sample coded (unsigned, with its interleaved index) goes to
     * {@code out}.
     */
    public void code(BinaryCoder coder, int[] source, SampleSink out) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int ci = 0; ci < channels; ci++) {
                    int c = order[ci];
                    int index = (y * width + x) * channels + c;
                    int value = codeSample(coder, x, y, ci, c, source == null ? 0 : source[index]);
                    samples[((y % ROWS) * width + x) * channels + c] = value;
                    out.set(index, value);
                    learn(x, y, ci, c, value);
                }
            }
        }
    }

    private int codeSample(BinaryCoder coder, int x, int y, int ci, int c, int value) {
        int scale = predict(x, y, ci, c);
        if (side != null) {
            int position = y * width + x;
            for (int b = 0; b < bits; b++) {
                sideProbability[b] = side.probability(position, c, b);
            }
        }
        if (selectors != null) {
            selectors[0] = texturePattern;
            selectors[1] = bestNearby;
            long lo = Math.min(predictions16[OLS_FIRST], Math.min(predictions16[BLEND], predictions16[OLS_FIRST + 1]));
            long hi = Math.max(predictions16[OLS_FIRST], Math.max(predictions16[BLEND], predictions16[OLS_FIRST + 1]));
            selectors[2] = Buckets.activity((int) Math.min(1 << 20, hi - lo));
            if (netSelector) { // how far the network moves away from the least-squares prediction
                selectors[3] = Buckets.activity((int) Math.min(1 << 20,
                        Math.abs(predictions16[netIndex] - predictions16[NET_BASE])));
            }
        }
        int activity = Buckets.activity(scale);
        if (valueContexts != null) {
            valueContexts[0] = (int) (predictions16[CH_W] >> 4);
            valueContexts[1] = (int) (predictions16[CH_N] >> 4);
            // The samples already coded at this pixel: the first channel's and the one just
            // before; the first channel itself takes its W and N neighbours instead.
            valueContexts[2] = ci > 0 ? sample(x, y, order[0]) : (int) (predictions16[W] >> 4);
            valueContexts[3] = ci > 0 ? sample(x, y, order[ci - 1]) : (int) (predictions16[N] >> 4);
            valueContexts[4] = ci == 0 ? 0 : residualLevel(residuals[order[0]], scale) * 9
                    + (ci > 1 ? residualLevel(residuals[order[1]], scale) : 4);
        }
        if (window != null) {
            int planes = window.open(coder, value, bits, windowScale * scale / 16 + WINDOW_MARGIN, predictions16[BLEND],
                    ci * Buckets.ACTIVITY + activity, predictions16);
            if (planes > 0) { // the prefix table keeps reading the sample's own high bits: the image's histogram
                return window.lo() + mixer.code(coder, window.offset(value), planes, 0, window.lo(), ci, activity,
                        scale, window.shifted(), BLEND, texturePattern, sideProbability, OLS_FIRST, selectors, scales);
            }
        }
        return mixer.code(coder, value, ci, activity, scale, predictions16, BLEND, texturePattern,
                sideProbability, OLS_FIRST, selectors, scales);
    }

    /**
     * A residual (1/16 units) in 9 levels, 0 .. 8, relative to the sample's scale: {@code
     * trunc(2 r / (scale + 16))} clipped to -4 .. 4, plus 4.
     */
    static int residualLevel(long r16, int scale16) {
        long t = r16 * 2 / (scale16 + 16);
        return (int) Math.max(-4, Math.min(4, t)) + 4;
    }

    private int sample(int x, int y, int c) {
        return samples[((y % ROWS) * width + x) * channels + c];
    }

    /** Fills {@link #predictions16} for sample (x, y, c); returns the local error scale in 1/16. */
    private int predict(int x, int y, int ci, int c) {
        int mid = 1 << (bits - 1);
        int w = x > 0 ? sample(x - 1, y, c) : y > 0 ? sample(x, y - 1, c) : mid;
        int n = y > 0 ? sample(x, y - 1, c) : w;
        int nw = x > 0 && y > 0 ? sample(x - 1, y - 1, c) : n;
        int ne = y > 0 && x < width - 1 ? sample(x + 1, y - 1, c) : n;
        int ww = x > 1 ? sample(x - 2, y, c) : w;
        int nn = y > 1 ? sample(x, y - 2, c) : n;
        int nne = y > 1 && x < width - 1 ? sample(x + 1, y - 2, c) : ne;
        long max = ((1L << bits) - 1) << 4;
        predictions16[W] = (long) w << 4;
        predictions16[N] = (long) n << 4;
        predictions16[NE] = (long) ne << 4;
        predictions16[MED] = (long) med(w, n, nw) << 4;
        predictions16[GRAD] = clamp(((long) w + n - nw) << 4, max);
        predictions16[AVG] = ((long) w + n) << 3;
        predictions16[N_NE] = clamp(((long) n + ne - nne) << 4, max);
        predictions16[W_NE] = clamp(((long) w + ne - n) << 4, max);
        predictions16[GAP] = clamp(gap(w, n, nw, ne, ww, nn, nne), max);
        if (ci > 0) {
            int r = order[0];
            int rw = x > 0 ? sample(x - 1, y, r) : y > 0 ? sample(x, y - 1, r) : mid;
            int rn = y > 0 ? sample(x, y - 1, r) : rw;
            int rnw = x > 0 && y > 0 ? sample(x - 1, y - 1, r) : rn;
            int rv = sample(x, y, r);
            predictions16[CH_MED] = clamp(((long) med(w, n, nw) + rv - med(rw, rn, rnw)) << 4, max);
            predictions16[CH_W] = clamp(((long) w + rv - rw) << 4, max);
            predictions16[CH_N] = clamp(((long) n + rv - rn) << 4, max);
        } else {
            predictions16[CH_MED] = predictions16[MED];
            predictions16[CH_W] = predictions16[GRAD];
            predictions16[CH_N] = predictions16[N_NE];
        }
        if (ols != null) {
            predictOls(x, y, ci, max);
        }
        if (side != null) {
            predictions16[sideIndex] = side.expected16(y * width + x, c);
        }
        if (netInput != null) {
            netInputs(x, y, ci, c);
            if (net != null) {
                predictions16[netIndex] = clamp(predictions16[NET_BASE]
                        + Math.round(Math.scalb(net.output(netInput, netScratch), bits)), max);
            }
        }
        // Error-weighted blend: each prediction weighted by 1 / (its recent error near here)^2.
        int[][] e = errors[c];
        double sum = 0;
        double wsum = 0;
        long bestError = Long.MAX_VALUE;
        for (int k = 0; k < predictors; k++) {
            if (k == BLEND || k == CH_BLEND) {
                continue;
            }
            long err = neighbourError(e[k], x, y);
            if (scales != null) { // the stronger model's per-prediction scales and best-predictor selector
                scales[k] = (int) Math.min(1 << 24, err >> 1);
                if (err < bestError) {
                    bestError = err;
                    bestNearby = k;
                }
            }
            double wk = 1.0 / ((err + BLEND_OFFSET) * (err + BLEND_OFFSET));
            sum += wk * predictions16[k];
            wsum += wk;
        }
        predictions16[BLEND] = Math.round(sum / wsum);
        lastBlend[c] = predictions16[BLEND];
        if (ci > 0) {
            int r = order[0];
            predictions16[CH_BLEND] = clamp(predictions16[BLEND] + ((long) sample(x, y, r) << 4) - lastBlend[r], max);
        } else {
            predictions16[CH_BLEND] = predictions16[BLEND];
        }
        long b16 = predictions16[BLEND];
        texturePattern = (((long) w << 4) > b16 ? 1 : 0) | (((long) n << 4) > b16 ? 2 : 0)
                | (((long) nw << 4) > b16 ? 4 : 0) | (((long) ne << 4) > b16 ? 8 : 0)
                | (((long) ww << 4) > b16 ? 16 : 0) | (((long) nn << 4) > b16 ? 32 : 0);
        int scale = neighbourError(e[BLEND], x, y);
        if (scales != null) {
            scales[BLEND] = scale >> 1;
            scales[CH_BLEND] = scale >> 1;
        }
        return scale >> 1;
    }

    /**
     * The int sum of one prediction's errors {@code e} (two rows, {@link #errors}) at the coded
     * W, N, NW and NE neighbours of (x, y), those that exist: docs/FORMAT.md's {@code eps_k}.
     */
    private int neighbourError(int[] e, int x, int y) {
        int cur = (y & 1) * width;
        int prev = ((y + 1) & 1) * width;
        return (x > 0 ? e[cur + x - 1] : 0) + (y > 0 ? e[prev + x] : 0)
                + (x > 0 && y > 0 ? e[prev + x - 1] : 0) + (y > 0 && x < width - 1 ? e[prev + x + 1] : 0);
    }

    /** The least-squares predictions of sample (x, y) of the channel in slot {@code ci}. */
    private void predictOls(int x, int y, int ci, long max) {
        int c = order[ci];
        Ols[] slot = ols[ci];
        double[] in = slot[0].x;
        int at = 0;
        for (int[] d : OLS_NEIGHBOURS) {
            in[at++] = causal(x, y, x + d[0], y + d[1], c);
        }
        for (int r = 0; r < Math.min(ci, 2); r++) {
            for (int[] d : OLS_CROSS) {
                in[at++] = d[0] == 0 && d[1] == 0 ? sample(x, y, order[r]) : causal(x, y, x + d[0], y + d[1], order[r]);
            }
        }
        System.arraycopy(in, 0, slot[1].x, 0, at);
        for (int k = 0; k < slot.length; k++) {
            predictions16[OLS_FIRST + k] = clamp(Math.round(slot[k].predict() * 16), max);
        }
        lastOls[c] = predictions16[OLS_FIRST];
    }

    /** The context network's inputs and output are differences from this prediction. */
    private static final int NET_BASE = OLS_FIRST;
    /** Predictions the context network sees, after the least-squares ones: median-edge, GAP, ... */
    private static final int[] NET_PREDICTIONS = {MED, GAP, GRAD, N_NE, W_NE, OLS_FIRST + 1, CH_MED, CH_W, CH_N};

    /**
     * Fills {@link #netInput} for sample (x, y) of the channel in slot {@code ci}: differences from
     * the first least-squares prediction in units of 2^bits / 16, clipped (docs/FORMAT.md lists them).
     */
    private void netInputs(int x, int y, int ci, int c) {
        double[] in = netInput;
        long base = predictions16[NET_BASE];
        double[] neighbours = ols[ci][0].x;
        int k = 0;
        for (int i = 0; i < OLS_NEIGHBOURS.length; i++) {
            in[k++] = unit((long) neighbours[i] * 16 - base);
        }
        for (int p : NET_PREDICTIONS) {
            in[k++] = unit(predictions16[p] - base);
        }
        for (int r = 0; r < 2; r++) { // residuals of the channels coded before this one, at this pixel
            in[k++] = r < ci ? unit(((long) sample(x, y, order[r]) << 4) - lastOls[order[r]]) : 0;
        }
        in[k++] = unit(neighbourError(errors[c][OLS_FIRST], x, y));
        for (int slot = 0; slot < 3; slot++) {
            in[k++] = slot == Math.min(ci, 2) ? 1 : 0;
        }
    }

    /** {@code v16} (1/16 units) in the network's units, clipped. */
    private double unit(long v16) {
        return ContextNet.clip(v16 * netUnit);
    }

    /**
     * Sample (xx, yy) of channel c as seen while coding (x, y): positions outside the image are
     * clamped into it, and a position not yet coded becomes the nearest coded one (west, else
     * north, else the middle value).
     */
    private int causal(int x, int y, int xx, int yy, int c) {
        xx = Math.max(0, Math.min(width - 1, xx));
        yy = Math.max(0, yy);
        if (yy > y || yy == y && xx >= x) {
            return x > 0 ? sample(x - 1, y, c) : y > 0 ? sample(x, y - 1, c) : 1 << (bits - 1);
        }
        return sample(xx, yy, c);
    }

    private void learn(int x, int y, int ci, int c, int value) {
        if (capture != null) {
            capture.offer(netInput, unit(((long) value << 4) - predictions16[NET_BASE]), ci == 0);
        }
        if (ols != null) { // both saw the same inputs (predictOls)
            Ols.update(ols[ci][0], ols[ci][1], value);
        }
        long v16 = (long) value << 4;
        residuals[c] = v16 - predictions16[BLEND];
        int cur = (y & 1) * width;
        for (int k = 0; k < predictors; k++) {
            errors[c][k][cur + x] = (int) Math.min(Integer.MAX_VALUE, Math.abs(predictions16[k] - v16));
        }
    }

    private static int med(int a, int b, int c) {
        int mx = Math.max(a, b);
        int mn = Math.min(a, b);
        return c >= mx ? mn : c <= mn ? mx : a + b - c;
    }

    /** CALIC's gradient-adjusted prediction, in 1/16. */
    private static long gap(int w, int n, int nw, int ne, int ww, int nn, int nne) {
        long dh = (long) Math.abs(w - ww) + Math.abs(n - nw) + Math.abs(n - ne);
        long dv = (long) Math.abs(w - nw) + Math.abs(n - nn) + Math.abs(ne - nne);
        long base16 = (((long) w + n) << 3) + (((long) ne - nw) << 2);
        if (dv - dh > 80) {
            return (long) w << 4;
        }
        if (dh - dv > 80) {
            return (long) n << 4;
        }
        if (dv - dh > 32) {
            return (base16 + ((long) w << 4)) >> 1;
        }
        if (dv - dh > 8) {
            return (3 * base16 + ((long) w << 4)) >> 2;
        }
        if (dh - dv > 32) {
            return (base16 + ((long) n << 4)) >> 1;
        }
        if (dh - dv > 8) {
            return (3 * base16 + ((long) n << 4)) >> 2;
        }
        return base16;
    }

    private static long clamp(long v16, long max) {
        return v16 < 0 ? 0 : Math.min(v16, max);
    }
}
