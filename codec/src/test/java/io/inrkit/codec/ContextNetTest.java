package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredContextNet;
import io.inrkit.codec.internal.format.TiledBits;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.ContextNet;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.ContextNetSearch;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.fit.ContextNetFitter;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The context network (mode 5): fitted on a real crop from the samples its context-only coding
 * collected, stored, read back, evaluated in the decoder's loop to exactly the original samples
 * on any number of threads, and refused where a file misuses it.
 */
class ContextNetTest {

    static Signal crop;
    static Tiling tiling;
    static TiledBits context;
    static StoredContextNet net;

    @BeforeAll
    static void fit() {
        crop = CodecFixtures.image("kodim01-32x32.ppm");
        tiling = new Tiling(24, 24);
        ContextNet.Samples[] samplers = ContextNetSearch.samplers(crop, tiling);
        context = TiledCoding.encode(crop, null, InrFormat.MODE_CONTEXT2, null, samplers, tiling, 2);
        int collected = 0;
        for (ContextNet.Samples t : samplers) {
            collected += t.count();
        }
        assertEquals(crop.spec().sampleCount(), collected, "a small image gives every sample to the fit");
        net = ContextNetSearch.search(crop, SampleHash.of(crop), tiling, context, InrFormat.MODE_CONTEXT2, samplers, 8, 300, null, 5, 2).net();
    }

    /** {@code crop} in mode 5 with {@link #net}, coded on {@code threads} threads. */
    static byte[] file(int threads) {
        TiledBits bits = TiledCoding.encode(crop, null, InrFormat.MODE_CONTEXT2_NET, ContextNet.of(net), null, tiling,
                threads);
        return InrContainer.withContextNet(crop.spec(), SampleHash.of(crop), net, InrFormat.MODE_CONTEXT2_NET, bits).toBytes();
    }

    @Test
    void aFileWithItsContextNetworkDecodesToEverySampleOnAnyThreads() throws Exception {
        byte[] file = file(2);
        assertArrayEquals(file, file(1), "the same bytes whatever the threads");
        assertEquals(crop, Decoder.decode(file, 1));
        assertEquals(crop, Decoder.decode(file, 2));
        assertEquals(crop.crop(20, 4, 10, 12), Decoder.decodeRegion(file, 20, 4, 10, 12,
                DecodeOptions.builder().build()), "a region across tile edges");
        InrFileInfo info = InrFileInfo.read(file);
        assertEquals("context2+net", info.codingMode());
        assertEquals(27L * 8 + 2 * 8 + 1, info.parameters());
        assertTrue(info.networks().get(0).startsWith("context network 27-8-1"), info.networks().toString());
    }

    @Test
    void theNetworkChangesTheCodingAndIsReadBackAsStored() throws Exception {
        byte[] file = file(2);
        InrContainer c = InrContainer.parse(file);
        assertEquals(net, c.contextNet());
        assertTrue(c.models().isEmpty());
        assertArrayEquals(file, c.toBytes());
        assertNotEquals(context.codedBytes(), c.bits().codedBytes(), "its prediction takes part in every bit");
    }

    @Test
    void theFitIsTheSameOnEveryRunAndAnyThreads() {
        ContextNet.Samples[] samplers = ContextNetSearch.samplers(crop, tiling);
        TiledBits bits = TiledCoding.encode(crop, null, InrFormat.MODE_CONTEXT2, null, samplers, tiling, 1);
        assertEquals(context, bits, "the same bits whatever the threads");
        assertEquals(net, ContextNetSearch.search(crop, SampleHash.of(crop), tiling, bits, InrFormat.MODE_CONTEXT2, samplers, 8, 300, null, 5, 1)
                .net(), "the same network: the encoder's bytes must not change from run to run");
    }

    @Test
    void weightFormatsArePerTensorUnlessOneIsNamed() {
        ContextNet.Samples[] samplers = ContextNetSearch.samplers(crop, tiling);
        TiledBits bits = TiledCoding.encode(crop, null, InrFormat.MODE_CONTEXT2, null, samplers, tiling, 2);
        StoredContextNet named = ContextNetSearch.search(crop, SampleHash.of(crop), tiling, bits, InrFormat.MODE_CONTEXT2, samplers, 8, 300,
                TensorFormat.INT8_CHANNEL, 5, 2).net();
        assertEquals(TensorFormat.INT8_CHANNEL, named.weights1().format());
        assertEquals(TensorFormat.INT8_CHANNEL, named.weights2().format());
        assertEquals(TensorFormat.FP16, named.bias1().format(), "biases are FP16");
        assertEquals(net.weights1().dequantize().length, named.weights1().dequantize().length);
        assertEquals(TensorFormat.INT5_CHANNEL, net.weights1().format(), "auto: the first layer trained for int5");
    }

    @Test
    void trainingForTheStoredWeightsBeatsRoundingThemAfterwards() {
        ContextNet.Samples[] samplers = ContextNetSearch.samplers(crop, tiling);
        TiledCoding.encode(crop, null, InrFormat.MODE_CONTEXT2, null, samplers, tiling, 2);
        int inputs = ContextNet.IMAGE_INPUTS;
        int n = 0;
        for (ContextNet.Samples t : samplers) {
            n += t.count();
        }
        float[] features = new float[n * inputs];
        float[] targets = new float[n];
        for (int i = 0, at = 0; i < samplers.length; at += samplers[i].count(), i++) {
            samplers[i].copyInto(features, targets, at);
        }
        int hidden = 8;
        ContextNetFitter.Weights fitted = ContextNetFitter.fit(features, targets, inputs, hidden, 600, 5);
        UnaryOperator<float[]> int4 = w -> Quantizer.quantize(w, inputs, hidden, TensorFormat.INT4_CHANNEL)
                .dequantize();
        ContextNetFitter.Weights aware = ContextNetFitter.fit(features, targets, inputs, hidden, 600, 6, 2e-4, fitted,
                int4);
        // the control: as many more steps in float, then rounded
        ContextNetFitter.Weights more = ContextNetFitter.fit(features, targets, inputs, hidden, 600, 6, 2e-4, fitted,
                null);
        double rounded = meanError(more, int4.apply(more.weights1()), features, targets);
        double trained = meanError(aware, int4.apply(aware.weights1()), features, targets);
        assertTrue(trained < 0.98 * rounded, "int4 error trained for " + trained + ", rounded after " + rounded);
    }

    /** The network's mean absolute error with {@code w1} for its first layer. */
    private static double meanError(ContextNetFitter.Weights w, float[] w1, float[] features, float[] targets) {
        int inputs = w.inputs();
        int hidden = w.hidden();
        double sum = 0;
        for (int k = 0; k < targets.length; k++) {
            double out = w.bias2();
            for (int j = 0; j < hidden; j++) {
                double a = w.bias1()[j];
                for (int i = 0; i < inputs; i++) {
                    a += features[k * inputs + i] * w1[i * hidden + j];
                }
                out += w.weights2()[j] * Math.tanh(a);
            }
            sum += Math.abs(out - targets[k]);
        }
        return sum / targets.length;
    }

    @Test
    void theEncoderLeavesSmallImagesWithoutANetworkAndWastesNoTimeOnThem() {
        EncodeResult r = Encoder.encode(crop, EncodeOptions.builder().threads(2).build(), Encoder.Listener.NONE);
        assertEquals("context2+values+window", r.info().codingMode());
        assertFalse(r.candidates().stream().anyMatch(c -> c.name().startsWith("context network")),
                "a 32x32 crop cannot code to the bytes a network needs to pay");
    }

    @Test
    void filesThatMisuseTheNetworkAreRefused() throws Exception {
        byte[] file = file(2);
        int model = InrFormat.SPEC_BYTES; // the context network's section follows the signal's
        int formulation = model + 5 + 8;
        byte[] set = patched(file, model, formulation + 1, 1);
        UnsupportedFormatException unknown = assertThrows(UnsupportedFormatException.class, () -> Decoder.decode(set, 1));
        assertTrue(unknown.getMessage().contains("unknown context-network input set 1"), unknown.getMessage());
        byte[] wide = patched(file, model, formulation + 2, 26);
        CorruptInputException inputs = assertThrows(CorruptInputException.class, () -> Decoder.decode(wide, 1));
        assertTrue(inputs.getMessage().contains("a context network of 26 inputs"), inputs.getMessage());
        InrContainer c = InrContainer.parse(file);
        int bitsSection = c.sizes().total() - InrFormat.SECTION_OVERHEAD // the end section
                - (InrFormat.SECTION_OVERHEAD + 1 + (int) c.bits().codedBytes());
        byte[] mode3 = patched(file, bitsSection, bitsSection + 5, InrFormat.MODE_CONTEXT2);
        CorruptInputException misplaced = assertThrows(CorruptInputException.class, () -> Decoder.decode(mode3, 1));
        assertTrue(misplaced.getMessage().contains("a context network in a file coded in mode 3"),
                misplaced.getMessage());
        byte[] plain = Encoder.encode(crop, EncodeOptions.builder().tileSize(24).threads(2).build(),
                Encoder.Listener.NONE).file();
        InrContainer p = InrContainer.parse(plain);
        int plainBits = p.sizes().total() - InrFormat.SECTION_OVERHEAD
                - (InrFormat.SECTION_OVERHEAD + 1 + (int) p.bits().codedBytes());
        byte[] mode5 = patched(plain, plainBits, plainBits + 5, InrFormat.MODE_CONTEXT2_NET);
        CorruptInputException missing = assertThrows(CorruptInputException.class, () -> Decoder.decode(mode5, 1));
        assertTrue(missing.getMessage().contains("coding mode 5 needs a context network"), missing.getMessage());
    }

    /** {@code file} with byte {@code at} set to {@code value} and the CRC32C of the section at {@code section} made right. */
    private static byte[] patched(byte[] file, int section, int at, int value) {
        byte[] f = file.clone();
        f[at] = (byte) value;
        int length = (f[section + 1] & 0xFF) | (f[section + 2] & 0xFF) << 8 | (f[section + 3] & 0xFF) << 16
                | (f[section + 4] & 0xFF) << 24;
        CRC32C crc = new CRC32C();
        crc.update(f, section, 5 + length);
        long v = crc.getValue();
        for (int i = 0; i < 4; i++) {
            f[section + 5 + length + i] = (byte) (v >>> (8 * i));
        }
        return f;
    }
}
