package io.inrkit.bench.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.CodecFixtures;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DFQ, SplitQuant and the bias corrections: equivalences, the ranges they promise, refusals. */
class TransformsTest {

    static Signal crop;
    static InrModel inr;
    static double[][] grid;

    @BeforeAll
    static void fit() throws Exception {
        crop = CodecFixtures.image("kodim23-16x16.ppm");
        inr = InrFitter.fit(crop, FitOptions.builder().width(16).layers(2).maxIterations(150).build(),
                FitListener.NONE).model();
        grid = GridData.inputs(crop.spec());
    }

    /** A ReLU network 2 -> 12 -> 12 -> 3 with channel scales spread over three decades. */
    static Mlp reluNetwork() {
        SplittableRandom r = new SplittableRandom(11);
        int[] sizes = {2, 12, 12, 3};
        List<Mlp.Layer> layers = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            double[] w = new double[sizes[l] * sizes[l + 1]];
            double[] b = new double[sizes[l + 1]];
            for (int j = 0; j < sizes[l + 1]; j++) {
                double scale = Math.pow(10, r.nextDouble(-1.5, 1.5));
                for (int i = 0; i < sizes[l]; i++) {
                    w[i * sizes[l + 1] + j] = r.nextDouble(-1, 1) * scale;
                }
                b[j] = r.nextDouble(-0.2, 1.0) * scale;
            }
            layers.add(new Mlp.Layer(sizes[l], sizes[l + 1], w, b, l == 2 ? Mlp.Activation.IDENTITY : Mlp.Activation.RELU, 0));
        }
        return new Mlp(layers);
    }

    @Test
    void equalizationKeepsTheFunctionAndEqualizesTheRanges() {
        Mlp net = reluNetwork();
        Mlp eq = CrossLayerEqualization.equalize(net);
        assertSameFunction(net, eq, grid, 1e-5);
        for (int l = 0; l + 1 < eq.layers().size(); l++) {
            Mlp.Layer a = eq.layers().get(l);
            Mlp.Layer b = eq.layers().get(l + 1);
            for (int i = 0; i < a.outputs(); i++) {
                double r1 = 0;
                double r2 = 0;
                for (int k = 0; k < a.inputs(); k++) {
                    r1 = Math.max(r1, Math.abs(a.weights()[k * a.outputs() + i]));
                }
                for (int m = 0; m < b.outputs(); m++) {
                    r2 = Math.max(r2, Math.abs(b.weights()[i * b.outputs() + m]));
                }
                assertEquals(r1, r2, 1e-9 * r1, "layer " + l + " channel " + i);
            }
        }
    }

    @Test
    void biasAbsorptionKeepsTheFunctionAndShrinksBiases() {
        Mlp net = CrossLayerEqualization.equalize(reluNetwork());
        Mlp absorbed = CrossLayerEqualization.absorbBiases(net, grid);
        assertSameFunction(net, absorbed, grid, 1e-5);
        double before = 0;
        double after = 0;
        for (int j = 0; j < net.layers().get(0).outputs(); j++) {
            before += Math.abs(net.layers().get(0).biases()[j]);
            after += Math.abs(absorbed.layers().get(0).biases()[j]);
        }
        assertTrue(after < before, "positive minimum pre-activations absorbed: " + after + " < " + before);
    }

    @Test
    void dfqRefusesSineAndOtherNonHomogeneousActivations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossLayerEqualization.equalize(Mlp.of(inr)));
        assertTrue(e.getMessage().contains("sine") && e.getMessage().contains("positively homogeneous"), e.getMessage());
        for (Mlp.Activation a : new Mlp.Activation[] {Mlp.Activation.TANH, Mlp.Activation.GELU, Mlp.Activation.SIGMOID}) {
            List<Mlp.Layer> layers = new ArrayList<>(reluNetwork().layers());
            Mlp.Layer first = layers.get(0);
            layers.set(0, new Mlp.Layer(first.inputs(), first.outputs(), first.weights(), first.biases(), a, 0));
            assertThrows(IllegalArgumentException.class, () -> CrossLayerEqualization.equalize(new Mlp(layers)), a.name());
            assertThrows(IllegalArgumentException.class, () -> CrossLayerEqualization.absorbBiases(new Mlp(layers), grid));
        }
    }

    @Test
    void splitQuantLayersAreEquivalentAndQuantizeWithLessError() {
        Mlp net = Mlp.of(inr);
        assertSameFunction(net, SplitQuant.splitLayers(net), grid, 1e-5);
        Mlp.Layer hidden = net.layers().get(1);
        SplitQuant.Split s = SplitQuant.split(hidden.weights());
        for (int i = 0; i < hidden.weights().length; i++) {
            assertEquals(hidden.weights()[i], s.parts()[0][i] + s.parts()[1][i] + s.parts()[2][i], "parts sum to W exactly");
        }
        float[] w = new float[hidden.weights().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) hidden.weights()[i];
        }
        for (TensorFormat f : new TensorFormat[] {TensorFormat.INT3_CHANNEL, TensorFormat.INT4_CHANNEL, TensorFormat.FP4_E2M1}) {
            float[] plain = Quantizer.quantize(w, hidden.inputs(), hidden.outputs(), f).dequantize();
            double[] split = SplitQuant.quantize(hidden.weights(), hidden.inputs(), hidden.outputs(), f);
            double ePlain = 0;
            double eSplit = 0;
            for (int i = 0; i < w.length; i++) {
                ePlain += (plain[i] - hidden.weights()[i]) * (plain[i] - hidden.weights()[i]);
                eSplit += (split[i] - hidden.weights()[i]) * (split[i] - hidden.weights()[i]);
            }
            assertTrue(eSplit < ePlain, f + ": split " + eSplit + " vs plain " + ePlain);
        }
    }

    @Test
    void biasCorrectionsDoWhatTheyPromiseOnAQuantizedInr() {
        Mlp original = Mlp.of(inr);
        Mlp quantized = quantized(original, TensorFormat.INT3_CHANNEL);
        Mlp corrected = BiasCorrection.correctLayers(original, quantized, grid);
        Mlp.Layer f0 = original.layers().get(0);
        Mlp.Layer c0 = corrected.layers().get(0);
        double meanF = 0;
        double meanC = 0;
        for (double[] x : grid) {
            meanF += f0.preActivation(x)[3];
            meanC += c0.preActivation(x)[3];
        }
        assertEquals(meanF / grid.length, meanC / grid.length, 1e-9, "first layer's mean pre-activation restored");

        Mlp matched = BiasCorrection.matchMeanProbabilities(original, quantized, grid);
        for (int j = 0; j < 5; j++) {
            assertEquals(meanProbability(original, j), meanProbability(matched, j), 1e-6, "output " + j);
        }
        boolean[][] bits = GridData.targets(crop);
        Mlp refit = BiasCorrection.refitOutputBias(quantized, grid, bits);
        assertTrue(crossEntropy(refit, bits) <= crossEntropy(quantized, bits) + 1e-9);
    }

    /** The network with its weights quantized (biases kept). */
    static Mlp quantized(Mlp net, TensorFormat format) {
        List<Mlp.Layer> out = new ArrayList<>();
        for (Mlp.Layer l : net.layers()) {
            float[] w = new float[l.weights().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) l.weights()[i];
            }
            float[] q = Quantizer.quantize(w, l.inputs(), l.outputs(), format).dequantize();
            double[] dq = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                dq[i] = q[i];
            }
            out.add(new Mlp.Layer(l.inputs(), l.outputs(), dq, l.biases().clone(), l.activation(), l.omega()));
        }
        return new Mlp(out);
    }

    static double meanProbability(Mlp net, int j) {
        double sum = 0;
        for (double[] x : grid) {
            sum += BiasCorrection.sigmoid(net.forward(x)[j]);
        }
        return sum / grid.length;
    }

    static double crossEntropy(Mlp net, boolean[][] bits) {
        double ce = 0;
        for (int n = 0; n < grid.length; n++) {
            double[] z = net.forward(grid[n]);
            for (int j = 0; j < z.length; j++) {
                double p = BiasCorrection.sigmoid(z[j]);
                ce -= Math.log(bits[n][j] ? p : 1 - p);
            }
        }
        return ce;
    }

    static void assertSameFunction(Mlp a, Mlp b, double[][] inputs, double tolerance) {
        for (double[] x : inputs) {
            double[] ya = a.forward(x);
            double[] yb = b.forward(x);
            for (int j = 0; j < ya.length; j++) {
                assertEquals(ya[j], yb[j], tolerance * Math.max(1, Math.abs(ya[j])));
            }
        }
    }
}
