package io.inrkit.core.fit;

import java.util.SplittableRandom;

/**
 * SIREN initialisation (Sitzmann et al. 2020), as in the paper's code: first-layer weights
 * U(-1/fan_in, 1/fan_in); later weights U(-sqrt(6/fan_in)/omega, +sqrt(6/fan_in)/omega); biases
 * PyTorch's default U(-1/sqrt(fan_in), +1/sqrt(fan_in)). Seeded: the same seed gives the same
 * numbers on every machine.
 */
final class SirenInit {

    private SirenInit() {
    }

    /** Half-width of the uniform weight range of a layer with {@code fanIn} inputs. */
    static double weightBound(int fanIn, boolean firstLayer, double omega) {
        return firstLayer ? 1.0 / fanIn : Math.sqrt(6.0 / fanIn) / omega;
    }

    static double biasBound(int fanIn) {
        return 1.0 / Math.sqrt(fanIn);
    }

    /** Fills weights and biases of every layer; {@code dims[l]} units feed layer l. */
    static void fill(int[] dims, float[][] weights, float[][] biases, double omega, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int l = 0; l < weights.length; l++) {
            int fanIn = dims[l];
            uniform(weights[l], weightBound(fanIn, l == 0, omega), rnd);
            uniform(biases[l], biasBound(fanIn), rnd);
        }
    }

    private static void uniform(float[] a, double bound, SplittableRandom rnd) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        }
    }
}
