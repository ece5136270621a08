package io.inrkit.bench.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.CodecFixtures;
import io.inrkit.codec.internal.quant.PhaseRewrite;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.internal.BitProbabilities;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntegerEngineTest {

    static Signal crop;
    static InrModel model;

    @BeforeAll
    static void fit() throws Exception {
        crop = CodecFixtures.image("kodim23-16x16.ppm");
        model = InrFitter.fit(crop, FitOptions.builder().formulation(Formulation.PLANE_HEADS).width(16).layers(2)
                .maxIterations(150).build(), FitListener.NONE).model();
    }

    /** The float engine's probabilities of the same model with its weights quantized the same way. */
    static short[] floatEngine(TensorFormat format) {
        InrModel rewritten = PhaseRewrite.apply(model);
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer l : rewritten.layers()) {
            float[] w = Quantizer.quantize(l.weights(), l.inputs(), l.outputs(), format).dequantize();
            layers.add(l.sine() ? DenseLayer.sine(l.inputs(), l.outputs(), w, l.bias(), l.omega())
                    : DenseLayer.linear(l.inputs(), l.outputs(), w, l.bias()));
        }
        BitProbabilities p = BitProbabilities.compute(new InrModel(model.spec(), model.formulation(), model.mapping(),
                layers), 1);
        short[] out = new short[crop.sampleCount() * crop.bitDepth()];
        int channels = crop.spec().channels();
        for (int pos = 0; pos < crop.spec().positions(); pos++) {
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < crop.bitDepth(); b++) {
                    out[(pos * channels + c) * crop.bitDepth() + b] = (short) p.probability(pos, c, b);
                }
            }
        }
        return out;
    }

    @Test
    void sixteenBitActivationsFollowTheFloatEngine() {
        short[] f = floatEngine(TensorFormat.INT8_CHANNEL);
        short[] i = IntegerEngine.build(model, TensorFormat.INT8_CHANNEL, 16, false, 1).probabilities();
        int disagree = 0;
        double drift = 0;
        for (int k = 0; k < f.length; k++) {
            disagree += (f[k] >= 2048) != (i[k] >= 2048) ? 1 : 0;
            drift += Math.abs(f[k] - i[k]);
        }
        assertTrue(drift / f.length < 8, "mean |dp| " + drift / f.length + " of 4096");
        assertTrue(disagree <= f.length / 200, disagree + " thresholded bits of " + f.length + " differ");
    }

    @Test
    void fewerActivationBitsDriftFurtherAndNoiseIsRemovedExactly() {
        short[] f = floatEngine(TensorFormat.INT8_CHANNEL);
        double previous = 0;
        for (int bits : new int[] {16, 8, 4}) {
            double drift = drift(f, IntegerEngine.build(model, TensorFormat.INT8_CHANNEL, bits, false, 1).probabilities());
            assertTrue(drift >= previous, bits + " bits: " + drift + " < " + previous);
            previous = drift;
        }
        // With 16-bit activations the noise is below the resolution that matters: removal must keep it close.
        double noisy = drift(f, IntegerEngine.build(model, TensorFormat.INT8_CHANNEL, 16, true, 1).probabilities());
        assertTrue(noisy < 8, "noise added and removed: mean |dp| " + noisy);
    }

    @Test
    void sameBitsEveryTimeAndRefusals() {
        assertArrayEquals(IntegerEngine.build(model, TensorFormat.INT4_CHANNEL, 8, true, 5).probabilities(),
                IntegerEngine.build(model, TensorFormat.INT4_CHANNEL, 8, true, 5).probabilities());
        assertThrows(IllegalArgumentException.class, () -> IntegerEngine.build(model, TensorFormat.FP16, 8, false, 1));
        assertThrows(IllegalArgumentException.class, () -> IntegerEngine.build(model, TensorFormat.INT8_CHANNEL, 1, false, 1));
        assertEquals(32767, IntegerEngine.sin(1 << 30), "a quarter turn");
        assertEquals(0, IntegerEngine.sin(0));
        assertEquals(-32767, IntegerEngine.sin(3 << 30), "three quarters");
    }

    static double drift(short[] a, short[] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) {
            d += Math.abs(a[k] - b[k]);
        }
        return d / a.length;
    }
}
