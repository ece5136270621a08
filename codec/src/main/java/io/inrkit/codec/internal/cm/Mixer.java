package io.inrkit.codec.internal.cm;

/**
 * Logistic mixing (as in the PAQ family of coders): the output is
 * {@code squash(sum_i w_i * stretch(p_i))}, with one weight vector per selected context, and the
 * weights follow the gradient of the coding cost after every bit. Fixed-point integers: weights
 * in 1/65536, so results are the same on every machine.
 */
public final class Mixer {

    private final int inputs;
    private final int[] weights;
    private final int[] stretchedInputs;
    private final int rate;
    private int count;
    private int base;
    private int prediction;

    /**
     * @param inputs inputs per prediction
     * @param sets weight vectors, one chosen per prediction
     * @param rate learning rate in 1/16 (larger learns faster)
     */
    public Mixer(int inputs, int sets, int rate) {
        this.inputs = inputs;
        this.weights = new int[inputs * sets];
        this.stretchedInputs = new int[inputs];
        this.rate = rate;
        java.util.Arrays.fill(weights, (1 << 16) / Math.max(1, inputs / 2));
    }

    /** Adds an input in the logistic domain (-2047..2047). */
    public void add(int stretched) {
        stretchedInputs[count++] = stretched;
    }

    /** Adds a 12-bit probability as an input. */
    public void addProbability(int p) {
        stretchedInputs[count++] = Probability.stretch(p);
    }

    /** Mixes the inputs added since the last update with weight set {@code set}; 12-bit result. */
    public int mix(int set) {
        if (count != inputs) {
            throw new IllegalStateException(count + " inputs added, mixer has " + inputs);
        }
        base = set * inputs;
        int[] w = weights;
        int[] x = stretchedInputs;
        int b = base;
        long dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (long) w[b + i] * x[i];
        }
        int d = (int) Math.max(-2047, Math.min(2047, dot >> 16));
        prediction = Probability.squash(d);
        return prediction;
    }

    /** Learns from the coded bit and clears the inputs. */
    public void update(int bit) {
        int err = ((bit << 12) - prediction) * rate;
        int[] w = weights;
        int[] x = stretchedInputs;
        int b = base;
        for (int i = 0; i < x.length; i++) {
            w[b + i] += (x[i] * err) >> 14;
        }
        count = 0;
    }
}
