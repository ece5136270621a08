package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredModel;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.model.SampleCodec;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.TrainedNetworks;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {

    static final EncodeOptions FAST = EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).build();

    static Signal roundTrip(Signal s, EncodeOptions o) throws Exception {
        EncodeResult r = Encoder.encode(s, o, Encoder.Listener.NONE);
        Signal back = Decoder.decode(r.file(), 2);
        assertEquals(s, back, "every sample decoded");
        assertEquals(r.info(), InrFileInfo.read(r.file()));
        return back;
    }

    @ParameterizedTest
    @ValueSource(strings = {"kodim01-32x32.ppm", "kodim23-16x16.ppm", "rgb16-16x16.ppm", "m51-16x16.pgm"})
    void imagesRoundTripExactly(String name) throws Exception {
        roundTrip(CodecFixtures.image(name), FAST);
    }

    @Test
    void audioAndUnusualSignalsRoundTripExactly() throws Exception {
        roundTrip(CodecFixtures.snare(), FAST);
        Signal gray = CodecFixtures.image("m51-16x16.pgm");
        Signal.Builder signed = Signal.builder(SignalSpec.image(16, 16, 1, 16, true));
        for (int i = 0; i < 256; i++) {
            signed.set(i, gray.sample(i) - 32768);
        }
        roundTrip(signed.build(), FAST);
        int[] bits = new int[17 * 3];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (i * 31 >> 2) & 1;
        }
        roundTrip(Signal.of(SignalSpec.image(17, 3, 1, 1), bits), FAST);
        roundTrip(Signal.of(SignalSpec.audio(5, 3, 32, 8000), new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE,
            7, 8, 9, 10, 11, 12, 13, 14, 15, 16}), FAST);
    }

    /** A network: every coding mode decodes exactly, and the report carries every size. */
    @Test
    void everyCodingModeWithANetworkRoundTrips() throws Exception {
        Signal s = CodecFixtures.image("kodim23-16x16.ppm");
        EncodeOptions o = EncodeOptions.builder().width(16).layers(2).iterations(60).build();
        EncodeResult r = Encoder.encode(s, o, Encoder.Listener.NONE);
        EncodeResult.Candidate net = r.candidates().get(1);
        assertTrue(net.modelBytes() > 0 && net.mixedBytes() > 0 && net.inrBytes() > 0, net.toString());
        List<StoredModel> models = List.of(TrainedNetworks.store(
                io.inrkit.core.fit.InrFitter.fit(s, io.inrkit.core.fit.FitOptions.builder().width(16).layers(2)
                        .maxIterations(60).build(), io.inrkit.core.fit.FitListener.NONE).model(),
                0, 256, io.inrkit.codec.internal.quant.TensorFormat.INT8_CHANNEL));
        ModelSideInformation side = new ModelSideInformation(s.spec(), models, 1);
        for (int mode : new int[] {InrFormat.MODE_CONTEXT, InrFormat.MODE_MIXED, InrFormat.MODE_INR, InrFormat.MODE_CONTEXT2,
                InrFormat.MODE_MIXED2}) {
            byte[] coded = SampleCodec.encode(s, side, mode);
            byte[] file = InrContainer.of(s.spec(), SampleHash.of(s), models, mode, SampleFiles.oneTile(s, coded)).toBytes();
            assertEquals(s, Decoder.decode(file, 2), "mode " + mode);
        }
    }

    /** The paper's representation: the quantized model alone gives every bit; the stream is nearly empty. */
    @Test
    void losslessModelLeavesAlmostNothingToCode() throws Exception {
        Signal s = CodecFixtures.image("kodim23-16x16.ppm").crop(4, 4, 8, 8);
        EncodeOptions o = EncodeOptions.builder().losslessModel(true).width(64).layers(3).iterations(3000).build();
        EncodeResult r = Encoder.encode(s, o, Encoder.Listener.NONE);
        EncodeResult.Candidate c = r.candidates().get(1);
        assertTrue(c.modelLossless(), "quantized model reproduces every bit: " + c);
        assertEquals("inr", r.info().codingMode());
        long coded = InrContainer.parse(r.file()).bits().codedBytes();
        assertTrue(coded < 16, coded + " bytes of coded bits");
        assertEquals(s, Decoder.decode(r.file(), 1));
    }

    @Test
    void audioSegmentsWithNetworksRoundTrip() throws Exception {
        Signal s = CodecFixtures.snare();
        EncodeOptions o = EncodeOptions.builder().width(8).layers(1).iterations(30).segmentFrames(100).build();
        EncodeResult r = Encoder.encode(s, o, Encoder.Listener.NONE);
        assertEquals(3, ((int) r.candidates().get(1).parameters()) / (1 * 8 + 8 + 8 * 48 + 48));
        List<StoredModel> models = new java.util.ArrayList<>();
        for (int at = 0; at < 256; at += 100) {
            int n = Math.min(100, 256 - at);
            models.add(TrainedNetworks.store(io.inrkit.core.fit.InrFitter.fit(s.segment(at, n),
                    io.inrkit.core.fit.FitOptions.builder().width(8).layers(1).maxIterations(20).build(),
                    io.inrkit.core.fit.FitListener.NONE).model(), at, n, io.inrkit.codec.internal.quant.TensorFormat.INT8_CHANNEL));
        }
        ModelSideInformation side = new ModelSideInformation(s.spec(), models, 2);
        byte[] coded = SampleCodec.encode(s, side, InrFormat.MODE_MIXED);
        assertEquals(s, Decoder.decode(InrContainer.of(s.spec(), SampleHash.of(s), models, InrFormat.MODE_MIXED, SampleFiles.oneTile(s, coded)).toBytes(), 1));
    }

    /** Decoding does not depend on the number of threads evaluating the models. */
    @Test
    void decodeIsTheSameWithOneOrManyThreads() throws Exception {
        Signal s = CodecFixtures.image("kodim23-16x16.ppm");
        EncodeOptions o = EncodeOptions.builder().width(16).layers(2).iterations(40).build();
        List<StoredModel> models = List.of(TrainedNetworks.store(io.inrkit.core.fit.InrFitter.fit(s,
                io.inrkit.core.fit.FitOptions.builder().width(16).layers(2).maxIterations(40).build(),
                io.inrkit.core.fit.FitListener.NONE).model(), 0, 256, TensorFormat.of(o.weightFormat())));
        byte[] coded = SampleCodec.encode(s, new ModelSideInformation(s.spec(), models, 3), InrFormat.MODE_MIXED);
        byte[] file = InrContainer.of(s.spec(), SampleHash.of(s), models, InrFormat.MODE_MIXED, SampleFiles.oneTile(s, coded)).toBytes();
        assertEquals(Decoder.decode(file, 1), Decoder.decode(file, 4));
    }
}
