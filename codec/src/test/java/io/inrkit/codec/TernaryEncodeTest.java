package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.StoredTernaryModel;
import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.Signal;
import org.junit.jupiter.api.Test;

/**
 * {@code --lossless-model --weights ternary}: the paper's ternary network, trained ternary, stored
 * as trained, and decoded to every original sample by the network alone.
 */
class TernaryEncodeTest {

    /** A shape that reaches lossless on the 16x16 crop in a few seconds. */
    private static final int WIDTH = 128;
    private static final int LAYERS = 3;
    private static final int ITERATIONS = 3000;

    @Test
    void aTernaryLosslessModelCodesTheCropByItself() throws Exception {
        Signal s = CodecFixtures.image("kodim23-16x16.ppm");
        EncodeOptions o = EncodeOptions.builder().losslessModel(true)
                .architecture(EncodeOptions.Architecture.TERNARY_BITLINEAR)
                .width(WIDTH).layers(LAYERS).iterations(ITERATIONS).seed(1).build();
        EncodeResult r = Encoder.encode(s, o, Encoder.Listener.NONE);
        assertEquals(s, Decoder.decode(r.file(), 2), "every sample decoded");
        InrContainer c = InrContainer.parse(r.file());
        assertEquals(r.info(), InrFileInfo.read(r.file()), "the result describes the file it wrote");
        StoredTernaryModel m = assertInstanceOf(StoredTernaryModel.class, c.models().get(0));
        for (QuantizedTensor w : m.weights()) {
            assertEquals(TensorFormat.TERNARY, w.format());
        }
        EncodeResult.Candidate net = r.candidates().get(1);
        assertTrue(net.modelLossless(), "the network alone predicts every bit: " + net);
        assertEquals(InrFormat.MODE_INR, c.mode(), "so the bits are coded by the network alone");
        int context = r.candidates().get(0).contextBytes();
        assertTrue(c.bits().codedBytes() * 10 < context, "and cost a tenth of the context model's bits at most: "
                + c.bits().codedBytes() + " bytes against " + context);
        assertTrue(net.modelBytes() * 8.0 < 2.0 * m.parameters(),
                "under 2 bits per weight: " + net.modelBytes() + " bytes for " + m.parameters() + " weights");
    }


    /** --lossless-model --weights auto weighs the ternary network against the SIREN and keeps the smaller. */
    @Test
    void autoLosslessModelKeepsTheSmallerOfTheTwoNetworks() throws Exception {
        Signal s = CodecFixtures.image("kodim23-16x16.ppm");
        EncodeOptions o = EncodeOptions.builder().losslessModel(true).autoWeights(true).width(WIDTH).layers(LAYERS)
                .iterations(ITERATIONS).seed(1).build();
        EncodeResult r = Encoder.encode(s, o, Encoder.Listener.NONE);
        assertEquals(s, Decoder.decode(r.file(), 2), "every sample decoded");
        assertEquals(3, r.candidates().size(), "context only, the SIREN and the ternary network");
        EncodeResult.Candidate siren = r.candidates().get(1);
        EncodeResult.Candidate ternary = r.candidates().get(2);
        assertTrue(siren.modelLossless() && ternary.modelLossless(), r.candidates().toString());
        EncodeResult.Candidate smaller = siren.totalBytes() <= ternary.totalBytes() ? siren : ternary;
        assertEquals(smaller.name(), r.chosen());
        assertEquals(smaller.totalBytes(), r.file().length);
    }
}
