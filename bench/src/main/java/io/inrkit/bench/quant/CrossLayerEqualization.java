package io.inrkit.bench.quant;

import java.util.ArrayList;
import java.util.List;

/**
 * DFQ (Nagel et al., ICCV 2019): cross-layer equalization and bias absorption, for networks whose
 * activations between layers are positively homogeneous (ReLU, identity). Both transforms leave
 * the network's function unchanged. Sine, tanh, GELU and sigmoid are refused: for them
 * {@code f(s z) != s f(z)}, so moving a scale across the activation changes the function, and
 * a SIREN is exactly such a network.
 */
public final class CrossLayerEqualization {

    private CrossLayerEqualization() {
    }

    /**
     * Equalizes every pair of consecutive layers: output channel i of layer l is divided by
     * {@code s_i = sqrt(r1_i / r2_i)} and input row i of layer l+1 multiplied by it, where r1_i is
     * the largest |weight| of that output channel and r2_i of that input row; afterwards both
     * ranges are {@code sqrt(r1_i r2_i)}. Channels with a zero range are left alone. Scaling the
     * outputs of one layer changes the rows the previous pair equalized, so, as in DFQ, the pairs
     * are swept again until no scale moves by more than {@link #CONVERGED}.
     */
    public static Mlp equalize(Mlp net) {
        List<Mlp.Layer> layers = copy(net);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            if (sweep(layers) < CONVERGED) {
                break;
            }
        }
        return new Mlp(layers);
    }

    /** Largest |log s| a sweep may leave: the ranges then agree to about 1e-12. */
    static final double CONVERGED = 1e-12;
    private static final int MAX_SWEEPS = 1000;

    /** One pass over the pairs; returns the largest |log s| applied. */
    private static double sweep(List<Mlp.Layer> layers) {
        double largest = 0;
        for (int l = 0; l + 1 < layers.size(); l++) {
            Mlp.Layer a = layers.get(l);
            Mlp.Layer b = layers.get(l + 1);
            requireHomogeneous(a, l);
            for (int i = 0; i < a.outputs(); i++) {
                double r1 = 0;
                for (int k = 0; k < a.inputs(); k++) {
                    r1 = Math.max(r1, Math.abs(a.weights()[k * a.outputs() + i]));
                }
                double r2 = 0;
                for (int m = 0; m < b.outputs(); m++) {
                    r2 = Math.max(r2, Math.abs(b.weights()[i * b.outputs() + m]));
                }
                if (r1 == 0 || r2 == 0) {
                    continue;
                }
                double s = Math.sqrt(r1 / r2);
                largest = Math.max(largest, Math.abs(Math.log(s)));
                for (int k = 0; k < a.inputs(); k++) {
                    a.weights()[k * a.outputs() + i] /= s;
                }
                a.biases()[i] /= s;
                for (int m = 0; m < b.outputs(); m++) {
                    b.weights()[i * b.outputs() + m] *= s;
                }
            }
        }
        return largest;
    }

    /**
     * DFQ's bias absorption with exact statistics: an INR's inputs are all known (its coordinate
     * grid), so for a ReLU unit whose pre-activation is at least {@code c > 0} on every input,
     * {@code relu(z) = relu(z - c) + c}: c leaves the unit's bias and enters the next layer's
     * biases through its weights, shrinking the first bias range without changing any output.
     */
    public static Mlp absorbBiases(Mlp net, double[][] inputs) {
        List<Mlp.Layer> layers = copy(net);
        for (int l = 0; l + 1 < layers.size(); l++) {
            Mlp.Layer a = layers.get(l);
            Mlp.Layer b = layers.get(l + 1);
            requireHomogeneous(a, l);
            if (a.activation() != Mlp.Activation.RELU) {
                continue; // identity: nothing is clipped, so there is nothing to absorb
            }
            double[][] in = new Mlp(layers).inputsOf(l, inputs);
            double[] least = new double[a.outputs()];
            java.util.Arrays.fill(least, Double.POSITIVE_INFINITY);
            for (double[] x : in) {
                double[] z = a.preActivation(x);
                for (int i = 0; i < z.length; i++) {
                    least[i] = Math.min(least[i], z[i]);
                }
            }
            for (int i = 0; i < a.outputs(); i++) {
                double c = Math.max(0, least[i]);
                if (c == 0) {
                    continue;
                }
                a.biases()[i] -= c;
                for (int m = 0; m < b.outputs(); m++) {
                    b.biases()[m] += c * b.weights()[i * b.outputs() + m];
                }
            }
        }
        return new Mlp(layers);
    }

    private static void requireHomogeneous(Mlp.Layer layer, int index) {
        if (!layer.activation().positivelyHomogeneous()) {
            throw new IllegalArgumentException("cross-layer equalization and bias absorption need ReLU or identity "
                    + "between layers; layer " + index + " is " + layer.activation().name().toLowerCase(java.util.Locale.ROOT)
                    + ", which is not positively homogeneous (f(s z) != s f(z)), so a scale cannot cross it");
        }
    }

    private static List<Mlp.Layer> copy(Mlp net) {
        List<Mlp.Layer> out = new ArrayList<>();
        for (Mlp.Layer l : net.layers()) {
            out.add(new Mlp.Layer(l.inputs(), l.outputs(), l.weights().clone(), l.biases().clone(), l.activation(), l.omega()));
        }
        return out;
    }
}
