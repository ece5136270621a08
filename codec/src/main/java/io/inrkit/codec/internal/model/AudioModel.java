package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.cm.BinaryCoder;
import java.util.stream.IntStream;

/**
 * Context-mixing model of PCM audio, coded frame by frame, channel by channel, each sample's
 * (offset, unsigned) bits from the most significant down. The same mixing as
 * {@link ImageModel}, over audio's predictions: FLAC's fixed polynomials of orders 1 to 3, two
 * normalised LMS filters (orders 32 and 256), for later channels the first channel's current
 * sample, and an error-weighted blend. The LMS filters use plain double arithmetic, which Java
 * evaluates identically everywhere (strict IEEE 754 since Java 17).
 *
 * <p>The stronger model ({@code context2}) adds a cascade after Sac's (least squares over both
 * channels, then LMS stages on its residual), keys each prediction's probabilities by that
 * prediction's own recent error, and mixes in two layers.
 *
 * <p>The window modes code each sample's high bits as one decision (is it in a window about the
 * blend?); the lean one ({@code context2+lean}) also leaves out the first model's LMS and LPC
 * predictions and codes the planes below a quarter of the error light: 1.6-1.75 times as fast
 * as {@code context2+window} for 0.12% more bytes (docs/CODEC.md).
 */
public final class AudioModel {

    private static final int P1 = 0;
    private static final int P2 = 1;
    private static final int P3 = 2;
    private static final int LMS_SHORT = 3;
    private static final int LMS_LONG = 4;
    private static final int STEREO = 5;
    private static final int STEREO_P2 = 6;
    private static final int LPC = 7;
    private static final int LPC_LMS = 8;
    private static final int BLEND = 9;
    private static final int PREDICTIONS = 10;
    /**
     * The stronger model's cascade (after Sac): least squares over both channels' recent
     * samples, then normalised LMS stages of orders 256, 32 and 16, each on the residual of the
     * stages before it; the predictions are the running sums, so the mixer weighs every depth.
     */
    private static final int OLS = 10;
    private static final int CASCADE_256 = 11;
    private static final int CASCADE_32 = 12;
    private static final int CASCADE_16 = 13;
    private static final int STRONG_PREDICTIONS = 14;
    /** Samples of each channel the least-squares stage sees. */
    private static final int OLS_HISTORY = 16;

    /** Decay of the per-prediction error averages that weight the blend and set the scale. */
    private static final double ERROR_DECAY = 0.92;

    private final int frames;
    private final int channels;
    private final int bits;
    private final SideInformation side;
    private final int predictors;
    /** The samples coded so far, interleaved by frame (the decoder's output). */
    private final int[] samples;
    /** Each predictor's prediction of the current sample, in 1/16. */
    private final long[] predictions16;
    private final int[] sideProbability;
    private final double[][] errors; // [channel][prediction] decayed |error|, in 1/16
    private final Lms[] shortLms;
    private final Lms[] longLms;
    private final Lpc[] lpc;
    private final Lms[] residualLms;

    private final BitMixer mixer;
    private final boolean strong;
    private final int sideIndex;
    /** The stronger model's: per channel, the least-squares stage and the LMS stages after it. */
    private final Ols[] ols;
    private final Lms[][] cascade;
    private final double[] stagePrediction;
    private final int[] scales;
    private final int[] selectors;

    /** The first model (version 2's {@code context} modes). */
    public AudioModel(int frames, int channels, int bits, SideInformation side) {
        this(frames, channels, bits, side, false, false, false);
    }

    /**
     * The window modes: a sample's window reaches at least {@code WINDOW_SCALE} times the blend's
     * recent error, plus {@code WINDOW_MARGIN}, on either side of the blend's prediction: wide
     * enough that few samples fall outside (for Laplacian errors, under 0.3%), and a window half
     * as wide or twice as wide changed 30 s of music by under 0.1% (docs/CODEC.md).
     */
    private static final long WINDOW_SCALE = 6;
    private static final long WINDOW_MARGIN = 4;
    /** The window modes' refits and solves, four times further apart: a third of the predicting time. */
    private static final int WINDOW_LPC_INTERVAL = 1024;
    private static final int WINDOW_OLS_INTERVAL = 32;

    /**
     * The lean window mode's window: half as wide as the other window modes' (on 62 s of music,
     * speech and clips, no larger and about 8% faster: docs/CODEC.md).
     */
    private static final long LEAN_WINDOW_SCALE = 3;
    private static final long LEAN_WINDOW_MARGIN = 2;
    /**
     * The lean mode codes a plane whose weight is at most a quarter of the error (2^(b+2) <=
     * scale/16) by one small mix ({@link BitMixer}'s light planes: 4 inputs, not 12, and no maps):
     * such a plane is all but a coin toss.
     */
    private static final int LIGHT_PLANE_SHIFT = 2 + 4;

    private final boolean windowed;
    private final boolean lean;
    /** The predictions mixed and blended, in order: every one but in the lean mode. */
    private final int[] mixed;
    /** The window modes' decision, per channel and activity, whether the sample lies in its window. */
    private final SampleWindow window;

    /**
     * @param strong the stronger model (version 2's {@code context2} modes)
     * @param windowed whether each sample's high bits are coded as one decision
     * @param lean the lean window mode: the stronger model through a narrower window, without the
     *     first model's LMS and LPC predictions (the cascade's stages do their work), its lowest
     *     planes coded light
     */
    public AudioModel(int frames, int channels, int bits, SideInformation side, boolean strong, boolean windowed,
            boolean lean) {
        if (lean && !(strong && windowed)) {
            throw new IllegalArgumentException("the lean mode is a window mode of the stronger model");
        }
        this.windowed = windowed;
        this.lean = lean;
        this.frames = frames;
        this.channels = channels;
        this.bits = bits;
        this.side = side;
        this.strong = strong;
        this.sideIndex = strong ? STRONG_PREDICTIONS : PREDICTIONS;
        this.predictors = sideIndex + (side != null ? 1 : 0);
        this.samples = new int[frames * channels];
        this.predictions16 = new long[predictors];
        this.window = new SampleWindow(channels * Buckets.WIDE_ACTIVITY, predictors);
        this.errors = new double[channels][predictors];
        this.shortLms = new Lms[channels];
        this.longLms = new Lms[channels];
        this.lpc = new Lpc[channels];
        this.residualLms = new Lms[channels];
        for (int c = 0; c < channels && !lean; c++) {
            shortLms[c] = new Lms(32, 0.004, windowed);
            longLms[c] = new Lms(256, 0.002, windowed);
            lpc[c] = new Lpc(32, 4096, windowed ? WINDOW_LPC_INTERVAL : 256);
            residualLms[c] = new Lms(16, 0.003, windowed);
        }
        this.sideProbability = new int[bits];
        this.ols = strong ? new Ols[channels] : null;
        this.cascade = strong ? new Lms[channels][] : null;
        this.stagePrediction = new double[4];
        this.scales = strong ? new int[predictors] : null;
        this.selectors = strong ? new int[1] : null;
        if (strong) {
            for (int c = 0; c < channels; c++) {
                ols[c] = new Ols(OLS_HISTORY * Math.min(channels, 2) + (c > 0 ? 1 : 0), 0.998, 1.0,
                        windowed ? WINDOW_OLS_INTERVAL : 8);
                cascade[c] = new Lms[] {new Lms(256, 0.002, windowed), new Lms(32, 0.004, windowed),
                        new Lms(16, 0.004, windowed)};
            }
        }
        this.mixed = mixedPredictions(predictors, lean);
        this.mixer = new BitMixer(channels, bits, Buckets.WIDE_ACTIVITY, mixed, 0, side != null,
                strong ? new int[] {predictors} : null, lean, null);
    }

    private static int[] mixedPredictions(int predictors, boolean lean) {
        return IntStream.range(0, predictors)
                .filter(k -> !lean || k != LMS_SHORT && k != LMS_LONG && k != LPC && k != LPC_LMS).toArray();
    }

    /**
     * Codes every sample (unsigned: signed PCM plus 2^(bits-1)), interleaved by frame. When
     * decoding {@code source} is null. Returns the samples.
     */
    public int[] code(BinaryCoder coder, int[] source) {
        for (int t = 0; t < frames; t++) {
            for (int c = 0; c < channels; c++) {
                int index = t * channels + c;
                long scale = predict(t, c);
                int value = codeSample(coder, t, c, scale, source == null ? 0 : source[index]);
                samples[index] = value;
                learn(t, c, value);
            }
        }
        return samples;
    }

    private int codeSample(BinaryCoder coder, int t, int c, long scale, int value) {
        if (side != null) {
            for (int b = 0; b < bits; b++) {
                sideProbability[b] = side.probability(t, c, b);
            }
        }
        int scale16 = (int) Math.min(Integer.MAX_VALUE - 256, scale);
        int activity = Buckets.wideActivity(scale);
        if (windowed) {
            long half = lean ? LEAN_WINDOW_SCALE * scale / 16 + LEAN_WINDOW_MARGIN
                    : WINDOW_SCALE * scale / 16 + WINDOW_MARGIN;
            int planes = window.open(coder, value, bits, half, predictions16[BLEND], c * Buckets.WIDE_ACTIVITY + activity,
                    predictions16);
            if (planes > 0) {
                // planes below heavyFrom are light: 2^(b+2) <= scale/16
                int heavyFrom = lean ? Math.max(0, 32 - Integer.numberOfLeadingZeros(scale16) - LIGHT_PLANE_SHIFT) : 0;
                return window.lo() + mixer.code(coder, window.offset(value), planes, heavyFrom, -1, c, activity, scale16,
                        window.shifted(), BLEND, 0, sideProbability, strong ? CASCADE_16 : BLEND, selectors, scales);
            }
        }
        return mixer.code(coder, value, c, activity, scale16, predictions16, BLEND, 0, sideProbability,
                strong ? CASCADE_16 : BLEND, selectors, scales);
    }

    private int sample(int t, int c) {
        return t >= 0 ? samples[t * channels + c] : 1 << (bits - 1);
    }

    /** Fills {@link #predictions16} for sample (t, c); returns the local error scale in 1/16. */
    private long predict(int t, int c) {
        long max = ((1L << bits) - 1) << 4;
        long s1 = sample(t - 1, c);
        long s2 = sample(t - 2, c);
        long s3 = sample(t - 3, c);
        predictions16[P1] = s1 << 4;
        predictions16[P2] = clamp((2 * s1 - s2) << 4, max);
        predictions16[P3] = clamp((3 * s1 - 3 * s2 + s3) << 4, max);
        long mid = 1L << (bits - 1);
        if (!lean) {
            predictions16[LMS_SHORT] = clamp(Math.round((shortLms[c].predict() + mid) * 16), max);
            predictions16[LMS_LONG] = clamp(Math.round((longLms[c].predict() + mid) * 16), max);
            double lpcPrediction = lpc[c].predict();
            predictions16[LPC] = clamp(Math.round((lpcPrediction + mid) * 16), max);
            predictions16[LPC_LMS] = clamp(Math.round((lpcPrediction + residualLms[c].predict() + mid) * 16), max);
        }
        if (c > 0) {
            long r0 = sample(t, 0);
            predictions16[STEREO] = clamp((r0 + s1 - sample(t - 1, 0)) << 4, max);
            predictions16[STEREO_P2] = clamp((r0 + (2 * s1 - s2) - (2L * sample(t - 1, 0) - sample(t - 2, 0))) << 4, max);
        } else {
            predictions16[STEREO] = predictions16[P2];
            predictions16[STEREO_P2] = predictions16[lean ? P3 : LMS_SHORT];
        }
        if (strong) {
            predictCascade(t, c, max, mid);
        }
        if (side != null) {
            predictions16[sideIndex] = side.expected16(t, c);
        }
        double sum = 0;
        double wsum = 0;
        double[] e = errors[c];
        double best = Double.MAX_VALUE;
        for (int k : mixed) {
            if (scales != null) {
                scales[k] = (int) Math.min(1 << 30, (long) e[k]);
                if (k != BLEND && e[k] < best) {
                    best = e[k];
                    selectors[0] = k;
                }
            }
            if (k == BLEND) {
                continue;
            }
            double wk = 1.0 / ((e[k] + 16) * (e[k] + 16));
            sum += wk * predictions16[k];
            wsum += wk;
        }
        predictions16[BLEND] = Math.round(sum / wsum);
        return (long) e[BLEND];
    }

    /** The cascade's predictions of sample (t, c): least squares, then each LMS stage added. */
    private void predictCascade(int t, int c, long max, long mid) {
        Ols o = ols[c];
        double[] in = o.x;
        int at = 0;
        for (int i = 1; i <= OLS_HISTORY; i++) {
            in[at++] = sample(t - i, c) - mid;
        }
        if (channels > 1) {
            int other = c == 0 ? 1 : 0;
            for (int i = c > 0 ? 0 : 1; i <= OLS_HISTORY; i++) {
                in[at++] = sample(t - i, other) - mid;
            }
        }
        double p = o.predict();
        stagePrediction[0] = p;
        predictions16[OLS] = clamp(Math.round((p + mid) * 16), max);
        Lms[] stages = cascade[c];
        for (int k = 0; k < stages.length; k++) {
            p += stages[k].predict();
            stagePrediction[k + 1] = p;
            predictions16[CASCADE_256 + k] = clamp(Math.round((p + mid) * 16), max);
        }
    }

    private void learn(int t, int c, int value) {
        long v16 = (long) value << 4;
        double[] e = errors[c];
        for (int k : mixed) {
            e[k] = ERROR_DECAY * e[k] + (1 - ERROR_DECAY) * Math.abs(predictions16[k] - v16);
        }
        double centred = value - (double) (1L << (bits - 1));
        if (!lean) {
            shortLms[c].learn(centred);
            longLms[c].learn(centred);
            residualLms[c].learn(centred - lpc[c].lastPrediction());
            lpc[c].learn(centred);
        }
        if (strong) {
            ols[c].update(centred);
            Lms[] stages = cascade[c];
            for (int k = 0; k < stages.length; k++) {
                stages[k].learn(centred - stagePrediction[k]);
            }
        }
    }

    private static long clamp(long v16, long max) {
        return v16 < 0 ? 0 : Math.min(v16, max);
    }

    /**
     * Backward-adaptive linear prediction: every {@code interval} samples, the coefficients are
     * refitted (autocorrelation with a Hann-like taper, Levinson-Durbin) to the last
     * {@code window} samples already coded, so the decoder refits the same coefficients from the
     * same decoded samples; no coefficient is stored. FLAC fits its coefficients to each block
     * and stores them; this adapts to the music the same way without side information.
     */
    static final class Lpc {
        private final double[] coefficients;
        private final double[] history;
        private final int order;
        private final int interval;
        /** The tapered window of a refit, and the taper of its length: kept between refits. */
        private final double[] windowed;
        private final double[] taper;
        private int taperLength;
        private int count;
        private double prediction;

        Lpc(int order, int window, int interval) {
            this.order = order;
            this.coefficients = new double[order];
            this.history = new double[window];
            this.interval = interval;
            this.windowed = new double[window];
            this.taper = new double[window];
        }

        double predict() {
            int n = history.length;
            double p = 0;
            for (int i = 0; i < order; i++) {
                p += coefficients[i] * history[(count - 1 - i + n * 2) % n];
            }
            prediction = p;
            return p;
        }

        double lastPrediction() {
            return prediction;
        }

        void learn(double actual) {
            history[count % history.length] = actual;
            count++;
            if (count % interval == 0 && count >= 2 * order) {
                refit();
            }
        }

        private void refit() {
            int n = Math.min(count, history.length);
            if (n != taperLength) {
                // The taper depends only on n, which stops changing once the window is full: the
                // same values, computed once instead of 4096 StrictMath.cos calls every refit.
                for (int i = 0; i < n; i++) {
                    taper[i] = 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * (i + 0.5) / n);
                }
                taperLength = n;
            }
            double[] x = windowed;
            for (int i = 0; i < n; i++) {
                x[i] = history[(count - n + i) % history.length] * taper[i];
            }
            double[] r = new double[order + 1];
            for (int lag = 0; lag <= order; lag++) {
                double sum = 0;
                for (int i = lag; i < n; i++) {
                    sum += x[i] * x[i - lag];
                }
                r[lag] = sum;
            }
            if (r[0] <= 0) {
                return;
            }
            r[0] *= 1 + 1e-9; // a little white noise keeps the recursion stable
            double[] coef = new double[order];
            double[] tmp = new double[order];
            double error = r[0];
            for (int i = 0; i < order; i++) {
                double acc = r[i + 1];
                for (int j = 0; j < i; j++) {
                    acc -= coef[j] * r[i - j];
                }
                double k = acc / error;
                for (int j = 0; j < i; j++) {
                    tmp[j] = coef[j] - k * coef[i - 1 - j];
                }
                System.arraycopy(tmp, 0, coef, 0, i);
                coef[i] = k;
                error *= 1 - k * k;
                if (!(error > 0)) {
                    return; // singular: keep the previous coefficients
                }
            }
            System.arraycopy(coef, 0, coefficients, 0, order);
        }
    }

    /**
     * Normalised least-mean-squares linear predictor over the last {@code order} samples:
     * {@code w += mu * e * x / (eps + |x|^2)} for weights w, step size mu, prediction error e and
     * the last samples x, in a fixed order of double operations.
     */
    static final class Lms {
        private final double[] weights;
        /**
         * The last samples, newest first from {@link #at}, written twice (at {@code at} and
         * {@code at + order}) so that they always lie in one run: no shifting on each sample.
         */
        private final double[] history;
        private final int order;
        private final double stepSize;
        /** Whether the prediction sums four interleaved partial sums (the window modes'). */
        private final boolean fourSums;
        private int at;
        private double power;
        private double prediction;

        /** @param fourSums sum the prediction in four interleaved parts (order a multiple of 4) */
        Lms(int order, double stepSize, boolean fourSums) {
            if (fourSums && order % 4 != 0) {
                throw new IllegalArgumentException("order " + order);
            }
            this.order = order;
            this.weights = new double[order];
            this.history = new double[2 * order];
            this.stepSize = stepSize;
            this.fourSums = fourSums;
        }

        double predict() {
            double[] w = weights;
            double[] h = history;
            int a = at;
            double p;
            if (fourSums) {
                // four independent chains: the same sums on every machine, without one long
                // dependency through every addition
                double p0 = 0;
                double p1 = 0;
                double p2 = 0;
                double p3 = 0;
                for (int i = 0; i < order; i += 4) {
                    p0 += w[i] * h[a + i];
                    p1 += w[i + 1] * h[a + i + 1];
                    p2 += w[i + 2] * h[a + i + 2];
                    p3 += w[i + 3] * h[a + i + 3];
                }
                p = (p0 + p1) + (p2 + p3);
            } else {
                p = 0;
                for (int i = 0; i < order; i++) {
                    p += w[i] * h[a + i];
                }
            }
            prediction = p;
            return p;
        }

        void learn(double actual) {
            double e = actual - prediction;
            double g = stepSize * e / (1.0 + power);
            double[] w = weights;
            double[] h = history;
            int a = at;
            for (int i = 0; i < order; i++) {
                w[i] += g * h[a + i];
            }
            double oldest = h[a + order - 1];
            a = a == 0 ? order - 1 : a - 1;
            h[a] = actual;
            h[a + order] = actual;
            at = a;
            power += actual * actual - oldest * oldest;
            if (power < 0) {
                power = 0;
            }
        }
    }
}
