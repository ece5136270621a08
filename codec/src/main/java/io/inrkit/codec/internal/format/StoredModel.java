package io.inrkit.codec.internal.format;

import io.inrkit.core.PlaneMapping;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.BitProbabilities;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A SIREN as stored: the positions it covers (an audio segment's frames; every pixel for an
 * image), its formulation and its layers.
 */
public record StoredModel(int start, int count, Formulation formulation, List<StoredLayer> layers)
        implements StoredNetwork {

    /** The model with its stored (quantized) numbers, ready for the deterministic engine. */
    public InrModel toModel(SignalSpec whole) {
        List<DenseLayer> out = new ArrayList<>();
        for (StoredLayer l : layers) {
            float[] w = l.weights().dequantize();
            float[] b = l.bias().dequantize();
            out.add(l.omega() > 0 ? DenseLayer.sine(l.inputs(), l.outputs(), w, b, l.omega())
                    : DenseLayer.linear(l.inputs(), l.outputs(), w, b));
        }
        return new InrModel(segmentSpec(whole), formulation, PlaneMapping.BINARY, out);
    }

    @Override
    public String describe() {
        return "SIREN " + formulation.id() + ", " + layers.size() + " layers";
    }

    @Override
    public BitProbabilities probabilities(SignalSpec whole, int threads) {
        return BitProbabilities.compute(toModel(whole), threads);
    }

    @Override
    public long parameters() {
        long n = 0;
        for (StoredLayer l : layers) {
            n += (long) l.inputs() * l.outputs() + l.outputs();
        }
        return n;
    }
}
