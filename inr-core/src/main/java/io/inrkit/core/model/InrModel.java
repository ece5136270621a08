package io.inrkit.core.model;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.CoordinateGrid;
import java.util.List;

/**
 * A fitted INR as plain numbers: its layers (float weights and biases, each sine layer with its
 * frequency omega) and what it represents (signal spec, formulation, plane mapping). This is
 * what the codec serializes; no DL4J type appears here.
 *
 * <p>{@link #logits} is the reference evaluation: double accumulation in input order and
 * {@link StrictMath#sin}, the same on every machine.
 */
public final class InrModel {

    private final SignalSpec spec;
    private final Formulation formulation;
    private final PlaneMapping mapping;
    private final List<DenseLayer> layers;

    public InrModel(SignalSpec spec, Formulation formulation, PlaneMapping mapping, List<DenseLayer> layers) {
        if (layers.size() < 2) {
            throw new IllegalArgumentException("an INR needs at least one sine layer and an output layer");
        }
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            boolean last = l == layers.size() - 1;
            if (layer.sine() == last) {
                throw new IllegalArgumentException("layers must be sine layers followed by one linear output layer");
            }
            if (l > 0 && layers.get(l - 1).outputs() != layer.inputs()) {
                throw new IllegalArgumentException("layer " + l + " takes " + layer.inputs() + " inputs, layer "
                        + (l - 1) + " gives " + layers.get(l - 1).outputs());
            }
        }
        this.spec = spec;
        this.formulation = formulation;
        this.mapping = mapping;
        this.layers = List.copyOf(layers);
        int in = inputDimension(spec, formulation);
        int out = outputDimension(spec, formulation);
        if (layers.get(0).inputs() != in || layers.get(layers.size() - 1).outputs() != out) {
            throw new IllegalArgumentException(formulation.id() + " for " + spec.describe() + " needs " + in
                    + " inputs and " + out + " outputs");
        }
    }

    /** Inputs the formulation feeds: the signal's rank, plus the bit coordinate for bit-input. */
    public static int inputDimension(SignalSpec spec, Formulation f) {
        return spec.rank() + (f == Formulation.BIT_INPUT ? 1 : 0);
    }

    /** Logits the formulation asks for: channels, times planes for plane-heads. */
    public static int outputDimension(SignalSpec spec, Formulation f) {
        return spec.channels() * (f == Formulation.BIT_INPUT ? 1 : spec.bitDepth());
    }

    public SignalSpec spec() {
        return spec;
    }

    public Formulation formulation() {
        return formulation;
    }

    public PlaneMapping mapping() {
        return mapping;
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    public int inputDimension() {
        return layers.get(0).inputs();
    }

    public int outputDimension() {
        return layers.get(layers.size() - 1).outputs();
    }

    public int parameterCount() {
        int n = 0;
        for (DenseLayer l : layers) {
            n += l.parameterCount();
        }
        return n;
    }

    /** The logits for one input row ({@link #inputDimension()} values) into {@code out}. */
    public void logits(float[] input, int offset, double[] out) {
        double[] x = new double[inputDimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = input[offset + i];
        }
        for (DenseLayer layer : layers) {
            double[] y = new double[layer.outputs()];
            for (int j = 0; j < y.length; j++) {
                double a = layer.bias(j);
                for (int i = 0; i < x.length; i++) {
                    a += x[i] * layer.weight(i, j);
                }
                y[j] = layer.sine() ? StrictMath.sin(layer.omega() * a) : a;
            }
            x = y;
        }
        System.arraycopy(x, 0, out, 0, x.length);
    }

    /**
     * Every bit the model predicts (logit above 0 means 1), as packed planes of the signal:
     * {@code planes[p][i >>> 6]} bit {@code i & 63} for interleaved sample i.
     */
    public long[][] predictBits() {
        int planes = spec.bitDepth();
        int channels = spec.channels();
        int rank = spec.rank();
        long[][] bits = new long[planes][io.inrkit.core.BitPlanes.wordsPerPlane(spec.sampleCount())];
        float[] row = new float[inputDimension()];
        double[] out = new double[outputDimension()];
        for (int pos = 0, n = spec.positions(); pos < n; pos++) {
            CoordinateGrid.fillPosition(spec, pos, row, 0);
            if (formulation == Formulation.BIT_INPUT) {
                for (int p = 0; p < planes; p++) {
                    row[rank] = CoordinateGrid.bitCoordinate(p, planes);
                    logits(row, 0, out);
                    for (int c = 0; c < channels; c++) {
                        set(bits[p], pos * channels + c, out[c] > 0);
                    }
                }
            } else {
                logits(row, 0, out);
                for (int p = 0; p < planes; p++) {
                    for (int c = 0; c < channels; c++) {
                        set(bits[p], pos * channels + c, out[p * channels + c] > 0);
                    }
                }
            }
        }
        return bits;
    }

    private static void set(long[] plane, int index, boolean one) {
        if (one) {
            plane[index >>> 6] |= 1L << (index & 63);
        }
    }
}
