package io.inrkit.bench;

import io.inrkit.bench.quant.IntegerEngine;
import io.inrkit.codec.internal.quant.PhaseRewrite;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.internal.BitProbabilities;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The integer engine against the float deterministic engine on one trained model: time of a full
 * evaluation on one thread (best of five, after a warm-up; the integer time includes building the
 * engine), the bits the thresholded model gets wrong, and how far
 * its probabilities drift from the float engine's with the same quantized weights.
 */
public final class EngineStudy {

    /**
     * One configuration.
     *
     * @param engine         "float" or "integer"
     * @param weights        weight format
     * @param activationBits integer engine's activation bits (0 for float)
     * @param noisy          NoisyQuant on
     * @param bitErrors      thresholded bits that differ from the signal's
     * @param meanDrift      mean |p - p_float| in 1/4096 (same weights)
     * @param seconds        one evaluation, one thread, best of the repeats
     */
    public record Row(String engine, String weights, int activationBits, boolean noisy, long bitErrors,
            double meanDrift, double seconds) {
    }

    private static final int REPEATS = 5;

    private EngineStudy() {
    }

    public static List<Row> run(Signal s, InrModel model) {
        List<Row> rows = new ArrayList<>();
        // Warm-up, so that neither engine's first timing includes the JIT's compiling.
        for (int r = 0; r < REPEATS; r++) {
            BitProbabilities.compute(quantized(model, TensorFormat.INT8_CHANNEL), 1);
            IntegerEngine.build(model, TensorFormat.INT8_CHANNEL, 8, r % 2 == 0, 1).probabilities();
        }
        for (TensorFormat weights : new TensorFormat[] {TensorFormat.INT8_CHANNEL, TensorFormat.INT4_CHANNEL}) {
            InrModel quantized = quantized(model, weights);
            short[] reference = null;
            double best = Double.MAX_VALUE;
            for (int r = 0; r < REPEATS; r++) {
                long t = System.nanoTime();
                reference = layout(BitProbabilities.compute(quantized, 1), s);
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
            }
            rows.add(new Row("float", weights.cliName(), 0, false, errors(reference, s), 0, best));
            for (int bits : new int[] {16, 8, 6, 4}) {
                for (boolean noisy : new boolean[] {false, true}) {
                    short[] p = null;
                    double time = Double.MAX_VALUE;
                    for (int r = 0; r < REPEATS; r++) {
                        long t = System.nanoTime();
                        p = IntegerEngine.build(model, weights, bits, noisy, 1).probabilities();
                        time = Math.min(time, (System.nanoTime() - t) / 1e9);
                    }
                    double drift = 0;
                    for (int k = 0; k < p.length; k++) {
                        drift += Math.abs(p[k] - reference[k]);
                    }
                    rows.add(new Row("integer", weights.cliName(), bits, noisy, errors(p, s), drift / p.length, time));
                }
            }
        }
        return rows;
    }

    /** The model, phase rewritten, with its weights quantized as the integer engine quantizes them. */
    private static InrModel quantized(InrModel model, TensorFormat format) {
        InrModel rewritten = PhaseRewrite.apply(model);
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer l : rewritten.layers()) {
            float[] w = Quantizer.quantize(l.weights(), l.inputs(), l.outputs(), format).dequantize();
            layers.add(l.sine() ? DenseLayer.sine(l.inputs(), l.outputs(), w, l.bias(), l.omega())
                    : DenseLayer.linear(l.inputs(), l.outputs(), w, l.bias()));
        }
        return new InrModel(model.spec(), model.formulation(), model.mapping(), layers);
    }

    private static short[] layout(BitProbabilities p, Signal s) {
        int channels = s.spec().channels();
        int planes = s.bitDepth();
        short[] out = new short[s.sampleCount() * planes];
        for (int pos = 0; pos < s.spec().positions(); pos++) {
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < planes; b++) {
                    out[(pos * channels + c) * planes + b] = (short) p.probability(pos, c, b);
                }
            }
        }
        return out;
    }

    private static long errors(short[] p, Signal s) {
        BitPlanes planes = BitPlanes.decompose(s, PlaneMapping.BINARY);
        int depth = s.bitDepth();
        long errors = 0;
        for (int i = 0; i < s.sampleCount(); i++) {
            for (int b = 0; b < depth; b++) {
                errors += (p[i * depth + b] >= 2048) != planes.bit(b, i) ? 1 : 0;
            }
        }
        return errors;
    }
}
