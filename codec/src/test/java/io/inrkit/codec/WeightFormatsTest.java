package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredLayer;
import io.inrkit.codec.internal.format.StoredModel;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.model.SampleCodec;
import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.Cost;
import io.inrkit.codec.internal.search.TrainedNetworks;
import io.inrkit.codec.internal.search.WeightChoice;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.internal.Segments;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every weight format on the weights of a network fitted to a real crop: codes in range, the
 * scale rules of each format, errors that shrink with bits, and files that decode exactly with
 * the weights bit-identical after the trip through the container.
 */
class WeightFormatsTest {

    static Signal crop;
    static InrModel model;

    @BeforeAll
    static void fit() throws Exception {
        crop = CodecFixtures.image("kodim23-16x16.ppm");
        model = InrFitter.fit(crop, FitOptions.builder().width(16).layers(2).maxIterations(60).build(),
                FitListener.NONE).model();
    }

    /** The hidden layer's weights: 16 x 16, the shape of every SIREN tensor INRKit stores. */
    static DenseLayer hidden() {
        return model.layers().get(1);
    }

    @Test
    void everyFormatSurvivesTheContainerAndTheFileDecodesExactly() throws Exception {
        for (TensorFormat format : TensorFormat.values()) {
            StoredModel stored = TrainedNetworks.store(model, 0, 256, format);
            List<StoredModel> models = List.of(stored);
            ModelSideInformation side = new ModelSideInformation(crop.spec(), models, 1);
            byte[] coded = SampleCodec.encode(crop, side, InrFormat.MODE_MIXED);
            byte[] file = InrContainer.of(crop.spec(), SampleHash.of(crop), models, InrFormat.MODE_MIXED, SampleFiles.oneTile(crop, coded)).toBytes();
            assertEquals(crop, Decoder.decode(file, 2), format.cliName());
            List<StoredLayer> back = ((StoredModel) InrContainer.parse(file).models().get(0)).layers();
            for (int l = 0; l < back.size(); l++) {
                QuantizedTensor a = stored.layers().get(l).weights();
                QuantizedTensor b = back.get(l).weights();
                assertEquals(format, b.format());
                assertArrayEquals(a.dequantize(), b.dequantize(), format.cliName() + " layer " + l);
            }
        }
    }

    /** The bar: auto is never larger than the best single format. */
    @Test
    void autoIsNeverLargerThanTheBestSingleFormat() {
        byte[] sha = SampleHash.of(crop);
        TrainedNetworks fitted = new TrainedNetworks(List.of(model), Segments.of(crop, 1));
        WeightChoice.Choice auto = WeightChoice.choose(crop, sha, fitted, 2, false);
        int bestSingle = Integer.MAX_VALUE;
        for (TensorFormat f : TensorFormat.values()) {
            bestSingle = Math.min(bestSingle, Cost.of(crop, sha, fitted.store(f), 2).size());
        }
        assertTrue(auto.cost().size() <= bestSingle, auto.cost().size() + " > " + bestSingle);
        assertEquals(model.layers().size(), auto.formats().length, "a format per layer");
    }

    @Test
    void integerCodesStayInRangeAndErrorsShrinkWithBits() {
        DenseLayer l = hidden();
        TensorFormat[] ints = {TensorFormat.INT2_CHANNEL, TensorFormat.INT3_CHANNEL, TensorFormat.INT4_CHANNEL,
            TensorFormat.INT5_CHANNEL, TensorFormat.INT6_CHANNEL, TensorFormat.INT7_CHANNEL, TensorFormat.INT8_CHANNEL};
        double previous = Double.MAX_VALUE;
        for (TensorFormat f : ints) {
            QuantizedTensor q = Quantizer.quantize(l.weights(), l.inputs(), l.outputs(), f);
            int max = (1 << (f.bits() - 1)) - 1;
            for (int c : q.codes()) {
                assertTrue(c >= -max && c <= max, f + " code " + c);
            }
            assertEquals(l.outputs(), q.scales().length, "one scale per output channel");
            double err = squaredError(l.weights(), q.dequantize());
            assertTrue(err < previous, f + ": " + err + " not below " + previous);
            previous = err;
        }
    }

    @Test
    void ternaryIsMinusZeroPlusTimesTheMeanMagnitude() {
        DenseLayer l = hidden();
        QuantizedTensor q = Quantizer.quantize(l.weights(), l.inputs(), l.outputs(), TensorFormat.TERNARY);
        double mean = 0;
        for (float w : l.weights()) {
            mean += Math.abs(w);
        }
        assertEquals((float) (mean / l.weights().length), q.scales()[0]);
        assertEquals(1, q.scales().length);
        for (int i = 0; i < q.codes().length; i++) {
            int expected = (int) Math.max(-1, Math.min(1, Math.round(l.weights()[i] / q.scales()[0])));
            assertEquals(expected, q.codes()[i]);
        }
    }

    @Test
    void positScalesArePowersOfTwoAndMinifloatValuesLieOnTheirGrid() {
        DenseLayer l = hidden();
        for (TensorFormat f : new TensorFormat[] {TensorFormat.POSIT16, TensorFormat.POSIT8, TensorFormat.POSIT8_ES2}) {
            for (float s : Quantizer.quantize(l.weights(), l.inputs(), l.outputs(), f).scales()) {
                assertEquals(s, Math.scalb(1f, Math.getExponent(s)), f + " scale " + s);
            }
        }
        QuantizedTensor fp4 = Quantizer.quantize(l.weights(), l.inputs(), l.outputs(), TensorFormat.FP4_E2M1);
        float[] values = fp4.dequantize();
        List<Double> grid = List.of(0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0);
        for (int i = 0; i < values.length; i++) {
            double unscaled = Math.abs(values[i] / (double) fp4.scales()[i % fp4.cols()]);
            assertTrue(grid.stream().anyMatch(g -> Math.abs(g - unscaled) < 1e-6), "on the E2M1 grid: " + unscaled);
        }
        double fp8 = squaredError(l.weights(), Quantizer.quantize(l.weights(), l.inputs(), l.outputs(),
                TensorFormat.FP8_E4M3).dequantize());
        assertTrue(fp8 < squaredError(l.weights(), values), "FP8 finer than FP4");
    }

    @Test
    void ptq161KeepsAFifthOfTheRowsInFourBitsAndBinarizesTheRest() {
        DenseLayer l = hidden();
        float[] w = l.weights();
        QuantizedTensor q = Quantizer.quantize(w, l.inputs(), l.outputs(), TensorFormat.PTQ161);
        boolean[] salient = io.inrkit.codec.internal.quant.Ptq161.salientRows(w, l.inputs(), l.outputs());
        int salientRows = 0;
        for (boolean b : salient) {
            salientRows += b ? 1 : 0;
        }
        assertEquals((int) Math.ceil(0.2 * l.inputs()), salientRows, "the top 20% of rows by energy");
        assertTrue(io.inrkit.codec.internal.quant.Ptq161.structured(q.codes(), l.inputs(), l.outputs()), "one kind per row");
        float[] v = q.dequantize();
        int cols = l.outputs();
        for (int i = 0; i < l.inputs(); i++) {
            for (int j = 0; j < cols; j++) {
                int code = q.codes()[i * cols + j];
                float expected = salient[i] ? (float) (code * (double) q.scales()[j])
                        : (float) (q.scales()[cols + j] + (code == io.inrkit.codec.internal.quant.Ptq161.PLUS ? 1 : -1)
                                * (double) q.scales()[2 * cols + j]);
                assertEquals(expected, v[i * cols + j], "the formula, bit for bit");
                if (!salient[i]) {
                    assertEquals(w[i * cols + j] >= q.scales()[cols + j], code == io.inrkit.codec.internal.quant.Ptq161.PLUS);
                }
            }
        }
        double binaryOnly = squaredError(w, Quantizer.quantize(w, l.inputs(), l.outputs(), TensorFormat.INT2_CHANNEL)
                .dequantize());
        assertTrue(squaredError(w, v) < binaryOnly, "salient rows in 4 bits beat 2-bit integers everywhere");
        int[] mixed = q.codes().clone();
        int binaryRow = 0;
        while (salient[binaryRow]) {
            binaryRow++;
        }
        mixed[binaryRow * cols] = 3; // a 4-bit code in a binarized row: the decoder calls this corrupt
        assertTrue(!io.inrkit.codec.internal.quant.Ptq161.structured(mixed, l.inputs(), cols));
        assertTrue(TensorFormat.PTQ161.validCode(io.inrkit.codec.internal.quant.Ptq161.MINUS) && !TensorFormat.PTQ161.validCode(8));
        assertTrue(TensorFormat.PTQ161.validScale(cols, cols, -0.5f) && !TensorFormat.PTQ161.validScale(2 * cols, cols, -0.5f),
                "mu may be negative, alpha may not");
    }

    /** A tensor that is already ternary (a ternary fit's) keeps its step: stored exactly. */
    @Test
    void alreadyTernaryTensorsAreStoredExactly() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        float step = 0.0371f;
        float[] w = new float[24 * 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = (rnd.nextInt(3) - 1) * step;
        }
        QuantizedTensor q = Quantizer.quantize(w, 24, 16, TensorFormat.TERNARY);
        assertArrayEquals(w, q.dequantize(), "stored exactly");
    }

    @Test
    void unknownFormatNamesAreRefusedWithTheList() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WeightFormat.fromId("int9"));
        assertTrue(e.getMessage().contains("posit16") && e.getMessage().contains("ternary"), e.getMessage());
        assertEquals(WeightFormat.FP4_E2M1, WeightFormat.fromId("fp4"));
        for (TensorFormat f : TensorFormat.values()) {
            assertEquals(f, TensorFormat.of(f.weightFormat()), "the public and internal enums match one to one");
        }
        assertEquals(TensorFormat.values().length, WeightFormat.values().length);
    }

    private static double squaredError(float[] a, float[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            e += d * d;
        }
        return e;
    }
}
