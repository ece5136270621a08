package io.inrkit.bench;

import io.inrkit.bench.quant.BiasCorrection;
import io.inrkit.bench.quant.GridData;
import io.inrkit.bench.quant.Mlp;
import io.inrkit.bench.quant.SplitQuant;
import io.inrkit.codec.internal.format.StoredLayer;
import io.inrkit.codec.internal.format.StoredModel;
import io.inrkit.codec.internal.quant.PhaseRewrite;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.Cost;
import io.inrkit.codec.internal.search.TrainedNetworks;
import io.inrkit.core.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The transforms of the quantization papers on trained INRs, measured as the encoder measures:
 * the three bias corrections change only biases, so their models are stored and costed like any
 * other; SplitQuant needs each weight's cluster, which the format does not store, so only the bits
 * its model gets wrong are measured. DFQ's equalization does not apply to sine networks (it refuses
 * them), so it has no row.
 */
public final class TransformStudy {

    /**
     * One row.
     *
     * @param transform   "none", "bias correction", "sigmoid mean", "output bias refit" or "splitquant"
     * @param weights     weight format
     * @param weightBytes bytes of the models in the file (-1: not storable)
     * @param totalBytes  file bytes (-1: not storable)
     * @param bitErrors   bits the thresholded models alone get wrong
     */
    public record Row(String transform, String weights, int weightBytes, int totalBytes, long bitErrors) {
    }

    private TransformStudy() {
    }

    public static List<Row> run(Signal s, byte[] sha, TrainedNetworks fitted, int threads) {
        List<Row> rows = new ArrayList<>();
        for (TensorFormat f : new TensorFormat[] {TensorFormat.INT4_CHANNEL, TensorFormat.INT3_CHANNEL,
            TensorFormat.TERNARY}) {
            List<StoredModel> plain = fitted.store(f);
            rows.add(stored("none", f, s, sha, plain, threads));
            for (String t : new String[] {"bias correction", "sigmoid mean", "output bias refit"}) {
                List<StoredModel> corrected = new ArrayList<>();
                for (int i = 0; i < plain.size(); i++) {
                    corrected.add(corrected(t, s, fitted, i, plain.get(i)));
                }
                rows.add(stored(t, f, s, sha, corrected, threads));
            }
            long splitErrors = 0;
            for (int i = 0; i < plain.size(); i++) {
                splitErrors += splitQuantErrors(s, fitted, i, f);
            }
            rows.add(new Row("splitquant", f.cliName(), -1, -1, splitErrors));
        }
        return rows;
    }

    private static Row stored(String t, TensorFormat f, Signal s, byte[] sha, List<StoredModel> models, int threads) {
        Cost c = Cost.of(s, sha, models, threads);
        return new Row(t, f.cliName(), c.modelBytes(), c.size(), c.bitErrors());
    }

    /** The stored model with its biases replaced by those of the transform {@code t}. */
    private static StoredModel corrected(String t, Signal s, TrainedNetworks fitted, int i, StoredModel stored) {
        Signal part = fitted.part(s, i);
        double[][] inputs = GridData.inputs(part.spec());
        Mlp original = Mlp.of(PhaseRewrite.apply(fitted.models().get(i)));
        Mlp quantized = Mlp.of(stored.toModel(s.spec()));
        Mlp fixed = switch (t) {
            case "bias correction" -> BiasCorrection.correctLayers(original, quantized, inputs);
            case "sigmoid mean" -> BiasCorrection.matchMeanProbabilities(original, quantized, inputs);
            default -> BiasCorrection.refitOutputBias(quantized, inputs, GridData.targets(part));
        };
        List<StoredLayer> layers = new ArrayList<>();
        for (int l = 0; l < stored.layers().size(); l++) {
            StoredLayer old = stored.layers().get(l);
            double[] b = fixed.layers().get(l).biases();
            float[] fb = new float[b.length];
            for (int j = 0; j < b.length; j++) {
                fb[j] = (float) b[j];
            }
            layers.add(new StoredLayer(old.inputs(), old.outputs(), old.omega(), old.weights(),
                    Quantizer.quantize(fb, 1, old.outputs(), old.bias().format())));
        }
        return new StoredModel(stored.start(), stored.count(), stored.formulation(), layers);
    }

    /** Bits the model gets wrong with every layer's weights SplitQuant-quantized in {@code f}. */
    private static long splitQuantErrors(Signal s, TrainedNetworks fitted, int i, TensorFormat f) {
        Signal part = fitted.part(s, i);
        Mlp original = Mlp.of(PhaseRewrite.apply(fitted.models().get(i)));
        List<Mlp.Layer> layers = new ArrayList<>();
        for (Mlp.Layer l : original.layers()) {
            layers.add(new Mlp.Layer(l.inputs(), l.outputs(), SplitQuant.quantize(l.weights(), l.inputs(), l.outputs(), f),
                    l.biases(), l.activation(), l.omega()));
        }
        Mlp split = new Mlp(layers);
        double[][] inputs = GridData.inputs(part.spec());
        boolean[][] targets = GridData.targets(part);
        long errors = 0;
        for (int n = 0; n < inputs.length; n++) {
            double[] z = split.forward(inputs[n]);
            for (int j = 0; j < z.length; j++) {
                errors += (z[j] > 0) != targets[n][j] ? 1 : 0;
            }
        }
        return errors;
    }
}
