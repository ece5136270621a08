package io.inrkit.codec.internal.cm;

import java.util.Arrays;

/**
 * Two-layer logistic mixing (paq8px's layout): the same inputs are mixed by several first-layer
 * weight vectors, each chosen by its own context (bit position and error level, texture, which
 * predictor has been best nearby, ...), and a second layer mixes their outputs with weights
 * chosen by one more context. Each layer follows the gradient of the coding cost after every
 * bit, as {@link Mixer} does, in the same fixed-point integers (weights in 1/65536).
 */
public final class Mixer2 {

    private final int inputs;
    private final int selectors;
    private final int[][] weights;
    private final int[] finalWeights;
    private final int[] x;
    private final int[] chosen;
    private final int[] hidden;
    private final int[] hiddenP;
    private final int rate;
    private final int finalRate;
    private int count;
    private int finalBase;
    private int prediction;

    /**
     * @param inputs inputs per prediction
     * @param sets for each first-layer selector, its number of contexts
     * @param finalSets contexts of the second layer
     * @param rate learning rate of the first layer in 1/16
     * @param finalRate learning rate of the second layer in 1/16
     */
    public Mixer2(int inputs, int[] sets, int finalSets, int rate, int finalRate) {
        this.inputs = inputs;
        this.selectors = sets.length;
        this.weights = new int[selectors][];
        for (int s = 0; s < selectors; s++) {
            weights[s] = new int[inputs * sets[s]];
            Arrays.fill(weights[s], (1 << 16) / Math.max(1, inputs / 2));
        }
        this.finalWeights = new int[(selectors + 1) * finalSets];
        for (int i = 0; i < finalWeights.length; i++) {
            finalWeights[i] = i % (selectors + 1) == selectors ? 0 : (1 << 16) / selectors;
        }
        this.x = new int[inputs];
        this.chosen = new int[selectors];
        this.hidden = new int[selectors + 1];
        this.hiddenP = new int[selectors];
        this.rate = rate;
        this.finalRate = finalRate;
    }

    /** Adds an input in the logistic domain (-2047..2047). */
    public void add(int stretched) {
        x[count++] = stretched;
    }

    /**
     * Mixes the inputs added since the last update: selector {@code s} uses its weight vector
     * {@code sets[s]}, the second layer {@code finalSet}. 12-bit result.
     */
    public int mix(int[] sets, int finalSet) {
        if (count != inputs) {
            throw new IllegalStateException(count + " inputs added, mixer has " + inputs);
        }
        for (int s = 0; s < selectors; s++) {
            int[] w = weights[s];
            int b = sets[s] * inputs;
            chosen[s] = b;
            long dot = 0;
            for (int i = 0; i < inputs; i++) {
                dot += (long) w[b + i] * x[i];
            }
            int d = (int) Math.max(-2047, Math.min(2047, dot >> 16));
            hiddenP[s] = Probability.squash(d);
            hidden[s] = d;
        }
        hidden[selectors] = 256;
        finalBase = finalSet * (selectors + 1);
        long dot = 0;
        for (int s = 0; s <= selectors; s++) {
            dot += (long) finalWeights[finalBase + s] * hidden[s];
        }
        prediction = Probability.squash((int) Math.max(-2047, Math.min(2047, dot >> 16)));
        return prediction;
    }

    /** Learns from the coded bit and clears the inputs. */
    public void update(int bit) {
        int target = bit << 12;
        int err = (target - prediction) * finalRate;
        for (int s = 0; s <= selectors; s++) {
            finalWeights[finalBase + s] += (hidden[s] * err) >> 14;
        }
        for (int s = 0; s < selectors; s++) {
            int e = (target - hiddenP[s]) * rate;
            int[] w = weights[s];
            int b = chosen[s];
            for (int i = 0; i < inputs; i++) {
                w[b + i] += (x[i] * e) >> 14;
            }
        }
        count = 0;
    }
}
