package io.inrkit.codec.internal.format;

import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.BitProbabilities;
import io.inrkit.core.model.TernaryInr;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's ternary BitLinear network as stored (formulation 2 in docs/FORMAT.md): the
 * positional encoding's frequency count and each layer's weights in the ternary format (codes
 * -1..1, input-major, and the layer's scale). No biases, no omega.
 */
public record StoredTernaryModel(int start, int count, int frequencies, List<QuantizedTensor> weights)
        implements StoredNetwork {

    public StoredTernaryModel {
        weights = List.copyOf(weights);
        for (QuantizedTensor w : weights) {
            if (w.format() != TensorFormat.TERNARY) {
                throw new IllegalArgumentException("a ternary network stores ternary weights, not " + w.format().cliName());
            }
        }
    }

    /** The model as stored, covering positions {@code [start, start + count)}. */
    public static StoredTernaryModel of(TernaryInr model, int start, int count) {
        List<QuantizedTensor> tensors = new ArrayList<>();
        int[] dims = model.dims();
        for (int l = 0; l < model.layers(); l++) {
            byte[] codes = model.codes(l);
            int[] ints = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                ints[i] = codes[i];
            }
            tensors.add(new QuantizedTensor(TensorFormat.TERNARY, dims[l], dims[l + 1], ints,
                    new float[] {model.beta(l)}));
        }
        return new StoredTernaryModel(start, count, model.frequencies(), tensors);
    }

    /** The model with its stored numbers, ready for the deterministic engine. */
    public TernaryInr toModel(SignalSpec whole) {
        int[] dims = new int[weights.size() + 1];
        byte[][] codes = new byte[weights.size()][];
        float[] betas = new float[weights.size()];
        for (int l = 0; l < weights.size(); l++) {
            QuantizedTensor w = weights.get(l);
            dims[l] = w.rows();
            dims[l + 1] = w.cols();
            codes[l] = new byte[w.codes().length];
            for (int i = 0; i < codes[l].length; i++) {
                codes[l][i] = (byte) w.codes()[i];
            }
            betas[l] = w.scales()[0];
        }
        return new TernaryInr(segmentSpec(whole), PlaneMapping.BINARY, frequencies, dims, codes, betas);
    }

    @Override
    public String describe() {
        return "ternary BitLinear, " + frequencies + " encoding frequencies, " + weights.size() + " layers";
    }

    @Override
    public BitProbabilities probabilities(SignalSpec whole, int threads) {
        return BitProbabilities.compute(toModel(whole), threads);
    }

    @Override
    public long parameters() {
        long n = 0;
        for (QuantizedTensor w : weights) {
            n += (long) w.rows() * w.cols();
        }
        return n;
    }
}
