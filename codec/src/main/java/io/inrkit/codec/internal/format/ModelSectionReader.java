package io.inrkit.codec.internal.format;

import static io.inrkit.codec.internal.format.ByteReader.verify;

import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.BadInputException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import io.inrkit.core.model.TernaryInr;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one model section's payload: the positions it covers, its formulation, and its layers,
 * a SIREN's ({@link StoredModel}) or the ternary network's ({@link StoredTernaryModel}) through
 * the one layer loop they share.
 */
final class ModelSectionReader {

    private ModelSectionReader() {
    }

    /**
     * The network in {@code m}, called {@code name} in messages; it may hold at most
     * {@code allowed} parameters, what the file's earlier models left of its budget.
     */
    static ModelSection read(ByteReader m, SignalSpec spec, String name, long allowed) throws BadInputException {
        long positions = spec.kind() == SignalKind.AUDIO ? spec.frames() : spec.positions();
        int start = m.u32Max(positions, "model start");
        int countAt = m.position();
        int count = m.u32Max(positions - start, "model length");
        verify(count >= 1, countAt, "model covers no positions");
        int formulationAt = m.position();
        int f = m.u8();
        SignalSpec segment = spec.kind() == SignalKind.AUDIO ? spec.withShape(count) : spec;
        ModelSection network;
        if (f == InrFormat.FORMULATION_CONTEXT_NET) {
            verify(spec.kind() == SignalKind.IMAGE && start == 0 && count == positions, formulationAt,
                    name + ": a context network covers a whole image");
            network = readContextNet(m, name, allowed);
        } else {
            network = f == InrFormat.FORMULATION_TERNARY_BITLINEAR
                    ? readTernary(m, segment, start, count, name, allowed)
                    : readSiren(m, segment, start, count, formulation(f), name, allowed);
        }
        ContainerReader.requireConsumed(m, "model section");
        return network;
    }

    private static Formulation formulation(int id) throws UnsupportedFormatException {
        return switch (id) {
            case InrFormat.FORMULATION_PLANE_HEADS -> Formulation.PLANE_HEADS;
            case InrFormat.FORMULATION_BIT_INPUT -> Formulation.BIT_INPUT;
            default -> throw new UnsupportedFormatException("unknown formulation id " + id);
        };
    }

    /** Formulations 0 and 1: {@code u8 layers}, then layers with an omega, weights and a bias. */
    private static StoredModel readSiren(ByteReader m, SignalSpec segment, int start, int count,
            Formulation formulation, String name, long allowed) throws BadInputException {
        int layersAt = m.position();
        int layers = m.u8();
        verify(layers >= 2 && layers <= InrFormat.MAX_LAYERS, layersAt,
                "model has " + layers + " layers (2.." + InrFormat.MAX_LAYERS + ")");
        List<StoredLayer> out = readLayers(m, name, layers, InrModel.inputDimension(segment, formulation),
                InrModel.outputDimension(segment, formulation), true, allowed, (in, units, last, what) -> {
                    int omegaAt = m.position();
                    float omega = m.f32();
                    verify(last ? omega == 0 : omega > 0 && Float.isFinite(omega), omegaAt, what + ": omega " + omega);
                    QuantizedTensor w = TensorCoding.read(m, in, units, what + " weights");
                    QuantizedTensor b = TensorCoding.read(m, 1, units, what + " bias");
                    return new StoredLayer(in, units, omega, w, b);
                });
        return new StoredModel(start, count, formulation, out);
    }

    /** Formulation 2: {@code u8 frequencies, u8 layers}, then layers of ternary weights alone. */
    private static StoredTernaryModel readTernary(ByteReader m, SignalSpec segment, int start, int count,
            String name, long allowed) throws BadInputException {
        int frequenciesAt = m.position();
        int frequencies = m.u8();
        verify(frequencies <= TernaryInr.MAX_FREQUENCIES, frequenciesAt, name + ": " + frequencies
                + " encoding frequencies (0.." + TernaryInr.MAX_FREQUENCIES + ")");
        int layersAt = m.position();
        int layers = m.u8();
        verify(layers >= 1 && layers <= InrFormat.MAX_LAYERS, layersAt,
                name + " has " + layers + " layers (1.." + InrFormat.MAX_LAYERS + ")");
        List<QuantizedTensor> weights = readLayers(m, name, layers, TernaryInr.featureCount(segment.rank(), frequencies),
                segment.channels() * segment.bitDepth(), false, allowed, (in, units, last, what) -> {
                    int weightsAt = m.position();
                    QuantizedTensor w = TensorCoding.read(m, in, units, what + " weights");
                    verify(w.format() == TensorFormat.TERNARY, weightsAt,
                            what + ": a ternary network's weights must be ternary, not " + w.format().cliName());
                    return w;
                });
        return new StoredTernaryModel(start, count, frequencies, weights);
    }

    /** Formulation 3: {@code u8 input set, u16 inputs, u16 hidden}, then four tensors. */
    private static StoredContextNet readContextNet(ByteReader m, String name, long allowed) throws BadInputException {
        int setAt = m.position();
        int set = m.u8();
        if (set != StoredContextNet.IMAGE_INPUT_SET) {
            throw new UnsupportedFormatException(name + ": unknown context-network input set " + set
                    + " (at byte " + setAt + ")");
        }
        int shapeAt = m.position();
        int inputs = m.u16();
        int hidden = m.u16();
        verify(inputs == io.inrkit.codec.internal.model.ContextNet.IMAGE_INPUTS && hidden >= 1
                && hidden <= StoredContextNet.MAX_HIDDEN, shapeAt, name + ": a context network of " + inputs
                + " inputs and " + hidden + " hidden units (" + io.inrkit.codec.internal.model.ContextNet.IMAGE_INPUTS
                + " inputs, 1.." + StoredContextNet.MAX_HIDDEN + " units)");
        verify((long) inputs * hidden + 2L * hidden + 1 <= allowed, shapeAt, name + ": more parameters than a file may hold");
        QuantizedTensor w1 = TensorCoding.read(m, inputs, hidden, name + " first layer weights");
        QuantizedTensor b1 = TensorCoding.read(m, 1, hidden, name + " first layer bias");
        QuantizedTensor w2 = TensorCoding.read(m, hidden, 1, name + " output weights");
        QuantizedTensor b2 = TensorCoding.read(m, 1, 1, name + " output bias");
        return new StoredContextNet(inputs, hidden, w1, b1, w2, b2);
    }

    /** What follows a layer's shape: the rest of the layer, as each network stores it. */
    @FunctionalInterface
    private interface LayerBody<T> {
        T read(int inputs, int units, boolean last, String what) throws BadInputException;
    }

    /**
     * Reads {@code layers} layers, each {@code u16 inputs, u16 units} and then its body. Checks
     * that each layer takes what the one before gives (the first, {@code inputs}), its units
     * against the format's limit, the parameters against the budget before the body allocates
     * them, and that the last layer gives {@code outputs}.
     */
    private static <T> List<T> readLayers(ByteReader m, String name, int layers, int inputs, int outputs,
            boolean biased, long allowed, LayerBody<T> body) throws BadInputException {
        List<T> out = new ArrayList<>(layers);
        int expectIn = inputs;
        int layerAt = m.position();
        long parameters = 0;
        for (int l = 0; l < layers; l++) {
            String what = name + " layer " + l;
            layerAt = m.position();
            int in = m.u16();
            int units = m.u16();
            verify(in == expectIn && units >= 1 && units <= InrFormat.MAX_UNITS, layerAt,
                    what + ": " + in + " -> " + units + " units (expected " + expectIn + " inputs)");
            parameters += (long) in * units + (biased ? units : 0);
            verify(parameters <= Math.min(InrFormat.MAX_PARAMETERS_PER_MODEL, allowed), layerAt,
                    what + ": more parameters than a file may hold (" + InrFormat.MAX_PARAMETERS_PER_MODEL
                    + " per model, " + InrFormat.MAX_PARAMETERS_TOTAL + " in all)");
            out.add(body.read(in, units, l == layers - 1, what));
            expectIn = units;
        }
        verify(expectIn == outputs, layerAt, name + " gives " + expectIn + " outputs, the signal needs " + outputs);
        return out;
    }
}
