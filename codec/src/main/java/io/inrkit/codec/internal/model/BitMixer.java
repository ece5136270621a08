package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.cm.AdaptiveTable;
import io.inrkit.codec.internal.cm.Apm;
import io.inrkit.codec.internal.cm.BinaryCoder;
import io.inrkit.codec.internal.cm.Mixer;
import io.inrkit.codec.internal.cm.Mixer2;
import io.inrkit.codec.internal.cm.Probability;
import java.util.stream.IntStream;

/**
 * The half of a sample model that does not depend on what the samples are: given a sample's
 * predictions, its local error scale and level, it codes the sample's bits from the most
 * significant down. Each bit mixes, for every prediction, an adaptive probability keyed by where
 * the prediction lies relative to the value at which the bit turns to 1 (in units of the local
 * error); the probability of the decoded prefix; optionally a pattern context (image texture);
 * and optionally the INR's probability of the bit. Two adaptive probability maps refine the mix.
 * A "slot" is a channel in coding order; "cb" below is slot x bit.
 *
 * <p>The stronger model (version 2's {@code context2} modes) mixes the same inputs in two layers
 * ({@link Mixer2}): first-layer weights chosen by the error level and by each of the sample
 * model's own selectors, a second layer chosen by the bit; and a third map, keyed by where a
 * second prediction lies, joins the two.
 *
 * <p>The value modes (version 2's 12 and 13, images of at most 8 bits) add five tables: four keyed
 * by the decoded prefix of the sample and a value the decoder knows (two predictions, and the
 * samples of channels already coded at this pixel: a histogram of the sample given that value,
 * as paq8px's image contexts), and one keyed by the residuals of the channels coded before it at
 * this pixel.
 */
final class BitMixer {

    /** Adaptive tables slow down to rate 1/256; mixers learn at 8/16; APMs at 1/128. */
    private static final int TABLE_LIMIT = 255;
    private static final int MIXER_RATE = 8;
    private static final int APM_RATE = 7;
    private static final int FINAL_RATE = 2;
    /**
     * The value tables adapt down to rate 1/17 only: each of their contexts is sparse and seen
     * by few samples of a region. On four Kodak images, limit 16 gave files 0.6% smaller than
     * 255 and 0.02% smaller than 10 or 24 (docs/CODEC.md).
     */
    private static final int VALUE_LIMIT = 16;
    /** Values of the residual context: two channels' residuals in 9 levels each. */
    static final int RESIDUAL_CONTEXTS = 81;
    /** The value modes' tables keyed by a value (the residual table comes after them). */
    static final int VALUE_TABLES = 4;

    private final int bits;
    private final int activityLevels;
    private final int predictions;
    /** The indices, among a sample's predictions, of those mixed: the i-th has tables[i]. */
    private final int[] mixed;
    private final int patterns;
    private final boolean side;
    private final int prefixBits;
    private final int[] contexts;
    /** The stronger model's per-prediction scales, once per sample: divisors, their reciprocals, levels. */
    private final long[] divisors;
    private final double[] inverses;
    private final int[] levels;
    private final AdaptiveTable[] tables;
    private final AdaptiveTable prefix;
    /** The light planes' tables (one keyed like a prediction's by the blend's distance, one by the plane) and mixer. */
    private final AdaptiveTable light;
    private final AdaptiveTable lightPlane;
    private final Mixer lightMixer;
    private final AdaptiveTable pattern;
    private final Mixer mixer;
    private final Apm apmDistance;
    private final Apm apmActivity;
    /** The stronger model's: null in the first. */
    private final Mixer2 mixer2;
    private final int[] selectorSizes;
    private final int[] sets;
    private final Apm apmSecond;
    /**
     * The value modes': per sample, {@link #VALUE_TABLES} values (0 .. 2^bits - 1) and then the
     * residual context (0 .. 80), filled by the sample model before each sample; null in the
     * other modes.
     */
    private final int[] values;
    private final AdaptiveTable[] valueTables;
    private final AdaptiveTable residualTable;
    private final int[] valueCx = new int[VALUE_TABLES + 1];

    /**
     * @param slots channels
     * @param activityLevels buckets of the error level
     * @param predictions predictions per sample
     * @param patterns values of the pattern context, 0 for none
     * @param side whether each bit also gets the INR's probability
     * @param selectorSizes the stronger model: the number of values of each of the sample model's
     *     mixer selectors; null for the first model
     */
    BitMixer(int slots, int bits, int activityLevels, int predictions, int patterns, boolean side,
            int[] selectorSizes) {
        this(slots, bits, activityLevels, IntStream.range(0, predictions).toArray(), patterns, side, selectorSizes,
                false, null);
    }

    /**
     * @param mixed the indices of the predictions mixed, in order, among those each sample is given
     * @param lightPlanes whether some planes may be coded light ({@link #code(BinaryCoder, int, int, int,
     *     int, int, int, int, long[], int, int, int[], int, int[], int[])})
     * @param values the value modes' per-sample contexts ({@link #values}), or null; with the
     *     stronger model and at most 8 bits only
     */
    BitMixer(int slots, int bits, int activityLevels, int[] mixed, int patterns, boolean side,
            int[] selectorSizes, boolean lightPlanes, int[] values) {
        if (values != null && (bits > 8 || selectorSizes == null)) {
            throw new IllegalArgumentException("value tables need the stronger model and at most 8 bits");
        }
        int predictions = mixed.length;
        this.mixed = mixed;
        this.bits = bits;
        this.activityLevels = activityLevels;
        this.predictions = predictions;
        this.patterns = patterns;
        this.side = side;
        this.prefixBits = Math.min(bits, 16);
        this.contexts = new int[predictions];
        this.divisors = new long[predictions];
        this.inverses = new double[predictions];
        this.levels = new int[predictions];
        int perTable = slots * bits * activityLevels * Buckets.DISTANCE;
        tables = new AdaptiveTable[predictions];
        for (int k = 0; k < predictions; k++) {
            tables[k] = new AdaptiveTable(perTable, TABLE_LIMIT);
        }
        prefix = new AdaptiveTable(slots << prefixBits, TABLE_LIMIT);
        light = lightPlanes ? new AdaptiveTable(perTable, TABLE_LIMIT) : null;
        lightPlane = lightPlanes ? new AdaptiveTable(slots * bits, TABLE_LIMIT) : null;
        lightMixer = lightPlanes ? new Mixer(4, slots * bits, MIXER_RATE) : null;
        pattern = patterns > 0 ? new AdaptiveTable(slots * bits * patterns * Buckets.DISTANCE, TABLE_LIMIT) : null;
        this.values = values;
        this.valueTables = values == null ? null : new AdaptiveTable[VALUE_TABLES];
        for (int j = 0; values != null && j < VALUE_TABLES; j++) {
            valueTables[j] = new AdaptiveTable(slots << (2 * bits), VALUE_LIMIT);
        }
        this.residualTable = values == null ? null
                : new AdaptiveTable(slots * bits * RESIDUAL_CONTEXTS * Buckets.DISTANCE, TABLE_LIMIT);
        int inputs = predictions + 2 + (patterns > 0 ? 1 : 0) + (side ? 1 : 0) + (values != null ? VALUE_TABLES + 1 : 0);
        apmDistance = new Apm(slots * bits * Buckets.DISTANCE, APM_RATE);
        apmActivity = new Apm(slots * bits * activityLevels, APM_RATE);
        this.selectorSizes = selectorSizes;
        if (selectorSizes == null) {
            mixer = new Mixer(inputs, slots * bits * activityLevels, MIXER_RATE);
            mixer2 = null;
            sets = null;
            apmSecond = null;
        } else {
            int[] sizes = new int[selectorSizes.length + 1];
            sizes[0] = slots * bits * activityLevels;
            for (int i = 0; i < selectorSizes.length; i++) {
                sizes[i + 1] = slots * bits * selectorSizes[i];
            }
            mixer = null;
            mixer2 = new Mixer2(inputs, sizes, slots * bits, MIXER_RATE, FINAL_RATE);
            sets = new int[sizes.length];
            apmSecond = new Apm(slots * bits * Buckets.DISTANCE, APM_RATE);
        }
    }

    /**
     * Codes (or decodes) one sample.
     *
     * @param value the sample when encoding, ignored when decoding
     * @param p16 the predictions, in 1/16 of a unit
     * @param blend index of the prediction that keys the pattern table and the distance APM
     * @param patternValue the pattern context, 0..patterns-1 (ignored without patterns)
     * @param sideProbability per plane, the INR's 12-bit probability (ignored without side information)
     * @param second the stronger model: index of the prediction that keys the third map
     * @param selectors the stronger model: the value of each mixer selector
     * @param scales the stronger model: each prediction's own local error scale, in 1/16 (or null)
     * @return the sample
     */
    int code(BinaryCoder coder, int value, int slot, int activity, int scale16, long[] p16, int blend,
            int patternValue, int[] sideProbability, int second, int[] selectors, int[] scales) {
        return code(coder, value, bits, 0, -1, slot, activity, scale16, p16, blend, patternValue, sideProbability,
                second, selectors, scales);
    }

    /**
     * {@link #code(BinaryCoder, int, int, int, int, long[], int, int, int[], int, int[], int[])} of
     * a value of only {@code planes} bits (at most the model's): a sample's offset in its window
     * (the audio window modes), the predictions given relative to the window's lowest value.
     * Planes below {@code heavyFrom} are light (the lean window mode's, whose planes below a
     * quarter of the error are all but coin tosses): each mixes only the blend's table, the
     * prefix's, one table per plane (which learns padded zero planes at once) and the bias, in a
     * mixer of its own, with no map. {@code lo} is the window's lowest value when the prefix table
     * is keyed by the sample's own high bits (the image window modes': they hold the image's
     * histogram), or -1 when it is keyed by the offset's (the audio window modes').
     */
    int code(BinaryCoder coder, int value, int planes, int heavyFrom, int lo, int slot, int activity, int scale16,
            long[] p16, int blend, int patternValue, int[] sideProbability, int second, int[] selectors, int[] scales) {
        long divisor = Buckets.divisor(scale16);
        double inverse = 1.0 / divisor;
        if (scales != null) {
            for (int i = 0; i < predictions; i++) {
                int k = mixed[i];
                divisors[i] = Buckets.divisor(scales[k]);
                inverses[i] = 1.0 / divisors[i];
                levels[i] = activityOf(scales[k]);
            }
        }
        int h = 0;
        for (int b = planes - 1; b >= 0; b--) {
            long split16 = (((long) h << (b + 1)) + (1L << b)) << 4;
            int cb = slot * bits + b;
            int base = (cb * activityLevels + activity) * Buckets.DISTANCE;
            int prefixCx;
            if (lo < 0) {
                prefixCx = (slot << prefixBits) + (planes - 1 - b < prefixBits ? (1 << (planes - 1 - b)) + h : 0);
            } else {
                int known = bits - 1 - b;
                prefixCx = (slot << prefixBits) + (known < prefixBits ? (1 << known) + ((lo + (h << (b + 1))) >> (b + 1)) : 0);
            }
            if (b < heavyFrom) {
                int cx = base + Buckets.signedDistance(p16[blend], split16, divisor, inverse);
                h = (h << 1) | codeLight(coder, (value >>> b) & 1, cb, cx, prefixCx);
                continue;
            }
            if (scales == null) {
                for (int i = 0; i < predictions; i++) {
                    contexts[i] = base + Buckets.signedDistance(p16[mixed[i]], split16, divisor, inverse);
                    input(Probability.stretch(tables[i].p(contexts[i])));
                }
            } else {
                for (int i = 0; i < predictions; i++) {
                    contexts[i] = (cb * activityLevels + levels[i]) * Buckets.DISTANCE
                            + Buckets.signedDistance(p16[mixed[i]], split16, divisors[i], inverses[i]);
                    input(Probability.stretch(tables[i].p(contexts[i])));
                }
            }
            input(Probability.stretch(prefix.p(prefixCx)));
            int blendDistance = Buckets.signedDistance(p16[blend], split16, divisor, inverse);
            int patternCx = 0;
            if (patterns > 0) {
                patternCx = (cb * patterns + patternValue) * Buckets.DISTANCE + blendDistance;
                input(Probability.stretch(pattern.p(patternCx)));
            }
            if (values != null) { // the prefix context has at most slots * 2^bits values here (bits <= 8)
                for (int j = 0; j < VALUE_TABLES; j++) {
                    valueCx[j] = (prefixCx << bits) + values[j];
                    input(Probability.stretch(valueTables[j].p(valueCx[j])));
                }
                int r = VALUE_TABLES;
                valueCx[r] = (cb * RESIDUAL_CONTEXTS + values[r]) * Buckets.DISTANCE + blendDistance;
                input(Probability.stretch(residualTable.p(valueCx[r])));
            }
            if (mixer2 != null) {
                int bit = codeBit2(coder, (value >>> b) & 1, cb, activity, blendDistance, sideProbability[b],
                        Buckets.signedDistance(p16[second], split16, divisor, inverse), selectors);
                learn(bit, prefixCx, patternCx);
                h = (h << 1) | bit;
                continue;
            }
            mixer.add(256);
            if (side) {
                mixer.add(Probability.stretch(sideProbability[b]));
            }
            int pm = mixer.mix(cb * activityLevels + activity);
            int pd = apmDistance.refine(pm, cb * Buckets.DISTANCE + blendDistance);
            int pa = apmActivity.refine(pm, cb * activityLevels + activity);
            int p = Probability.clamp((pm + pd + 2 * pa + 2) >> 2);
            int bit = coder.code((value >>> b) & 1, p);
            learn(bit, prefixCx, patternCx);
            mixer.update(bit);
            apmDistance.update(bit);
            apmActivity.update(bit);
            h = (h << 1) | bit;
        }
        return h;
    }

    /** A light plane's bit: its table at {@code cx}, the prefix's and the plane's, mixed by the plane's weights. */
    private int codeLight(BinaryCoder coder, int value, int cb, int cx, int prefixCx) {
        lightMixer.add(Probability.stretch(light.p(cx)));
        lightMixer.add(Probability.stretch(prefix.p(prefixCx)));
        lightMixer.add(Probability.stretch(lightPlane.p(cb)));
        lightMixer.add(256);
        int bit = coder.code(value, lightMixer.mix(cb));
        lightMixer.update(bit);
        light.update(cx, bit);
        lightPlane.update(cb, bit);
        prefix.update(prefixCx, bit);
        return bit;
    }

    /** The stronger model's mixing and refinement of one bit, whose inputs are added but the bias. */
    private int codeBit2(BinaryCoder coder, int value, int cb, int activity, int blendDistance, int sideP,
            int secondDistance, int[] selectors) {
        mixer2.add(256);
        if (side) {
            mixer2.add(Probability.stretch(sideP));
        }
        sets[0] = cb * activityLevels + activity;
        for (int i = 0; i < selectors.length; i++) {
            sets[i + 1] = cb * selectorSizes[i] + selectors[i];
        }
        int pm = mixer2.mix(sets, cb);
        int pd = apmDistance.refine(pm, cb * Buckets.DISTANCE + blendDistance);
        int pa = apmActivity.refine(pm, cb * activityLevels + activity);
        int ps = apmSecond.refine(pm, cb * Buckets.DISTANCE + secondDistance);
        int p = Probability.clamp((2 * pm + 2 * pd + 2 * pa + 2 * ps + 4) >> 3);
        int bit = coder.code(value, p);
        mixer2.update(bit);
        apmDistance.update(bit);
        apmActivity.update(bit);
        apmSecond.update(bit);
        return bit;
    }

    private int activityOf(int scale16) {
        return activityLevels == Buckets.ACTIVITY ? Buckets.activity(scale16) : Buckets.wideActivity(scale16);
    }

    private void input(int stretched) {
        if (mixer != null) {
            mixer.add(stretched);
        } else {
            mixer2.add(stretched);
        }
    }

    private void learn(int bit, int prefixCx, int patternCx) {
        for (int k = 0; k < predictions; k++) {
            tables[k].update(contexts[k], bit);
        }
        prefix.update(prefixCx, bit);
        if (patterns > 0) {
            pattern.update(patternCx, bit);
        }
        if (values != null) {
            for (int j = 0; j < VALUE_TABLES; j++) {
                valueTables[j].update(valueCx[j], bit);
            }
            residualTable.update(valueCx[VALUE_TABLES], bit);
        }
    }
}
