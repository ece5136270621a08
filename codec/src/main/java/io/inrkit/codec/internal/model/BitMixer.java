package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.cm.AdaptiveTable;
import io.inrkit.codec.internal.cm.Apm;
import io.inrkit.codec.internal.cm.BinaryCoder;
import io.inrkit.codec.internal.cm.Mixer;
import io.inrkit.codec.internal.cm.Probability;

/**
 * The half of a sample model that does not depend on what the samples are: given a sample's
 * predictions, its local error scale and level, it codes the sample's bits from the most
 * significant down. Each bit mixes, for every prediction, an adaptive probability keyed by where
 * the prediction lies relative to the value at which the bit turns to 1 (in units of the local
 * error); the probability of the decoded prefix; optionally a pattern context (image texture);
 * and optionally the INR's probability of the bit. Two adaptive probability maps refine the mix.
 * A "slot" is a channel in coding order; "cb" below is slot x bit.
 */
final class BitMixer {

    /** Adaptive tables slow down to rate 1/256; mixers learn at 8/16; APMs at 1/128. */
    private static final int TABLE_LIMIT = 255;
    private static final int MIXER_RATE = 8;
    private static final int APM_RATE = 7;

    private final int bits;
    private final int activityLevels;
    private final int predictions;
    private final int patterns;
    private final boolean side;
    private final int prefixBits;
    private final int[] contexts;
    private final AdaptiveTable[] tables;
    private final AdaptiveTable prefix;
    private final AdaptiveTable pattern;
    private final Mixer mixer;
    private final Apm apmDistance;
    private final Apm apmActivity;

    /**
     * @param slots channels
     * @param activityLevels buckets of the error level
     * @param predictions predictions per sample
     * @param patterns values of the pattern context, 0 for none
     * @param side whether each bit also gets the INR's probability
     */
    BitMixer(int slots, int bits, int activityLevels, int predictions, int patterns, boolean side) {
        this.bits = bits;
        this.activityLevels = activityLevels;
        this.predictions = predictions;
        this.patterns = patterns;
        this.side = side;
        this.prefixBits = Math.min(bits, 16);
        this.contexts = new int[predictions];
        int perTable = slots * bits * activityLevels * Buckets.DISTANCE;
        tables = new AdaptiveTable[predictions];
        for (int k = 0; k < predictions; k++) {
            tables[k] = new AdaptiveTable(perTable, TABLE_LIMIT);
        }
        prefix = new AdaptiveTable(slots << prefixBits, TABLE_LIMIT);
        pattern = patterns > 0 ? new AdaptiveTable(slots * bits * patterns * Buckets.DISTANCE, TABLE_LIMIT) : null;
        int inputs = predictions + 2 + (patterns > 0 ? 1 : 0) + (side ? 1 : 0);
        mixer = new Mixer(inputs, slots * bits * activityLevels, MIXER_RATE);
        apmDistance = new Apm(slots * bits * Buckets.DISTANCE, APM_RATE);
        apmActivity = new Apm(slots * bits * activityLevels, APM_RATE);
    }

    /**
     * Codes (or decodes) one sample.
     *
     * @param value the sample when encoding, ignored when decoding
     * @param p16 the predictions, in 1/16 of a unit
     * @param blend index of the prediction that keys the pattern table and the distance APM
     * @param patternValue the pattern context, 0..patterns-1 (ignored without patterns)
     * @param sideProbability per plane, the INR's 12-bit probability (ignored without side information)
     * @return the sample
     */
    int code(BinaryCoder coder, int value, int slot, int activity, int scale16, long[] p16, int blend,
            int patternValue, int[] sideProbability) {
        int h = 0;
        for (int b = bits - 1; b >= 0; b--) {
            long split16 = (((long) h << (b + 1)) + (1L << b)) << 4;
            int cb = slot * bits + b;
            int base = (cb * activityLevels + activity) * Buckets.DISTANCE;
            for (int k = 0; k < predictions; k++) {
                contexts[k] = base + Buckets.signedDistance(p16[k], split16, scale16);
                mixer.add(Probability.stretch(tables[k].p(contexts[k])));
            }
            int prefixCx = (slot << prefixBits) + (bits - 1 - b < prefixBits ? (1 << (bits - 1 - b)) + h : 0);
            mixer.add(Probability.stretch(prefix.p(prefixCx)));
            int blendDistance = Buckets.signedDistance(p16[blend], split16, scale16);
            int patternCx = 0;
            if (patterns > 0) {
                patternCx = (cb * patterns + patternValue) * Buckets.DISTANCE + blendDistance;
                mixer.add(Probability.stretch(pattern.p(patternCx)));
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
            for (int k = 0; k < predictions; k++) {
                tables[k].update(contexts[k], bit);
            }
            prefix.update(prefixCx, bit);
            if (patterns > 0) {
                pattern.update(patternCx, bit);
            }
            mixer.update(bit);
            apmDistance.update(bit);
            apmActivity.update(bit);
            h = (h << 1) | bit;
        }
        return h;
    }
}
