package io.inrkit.codec.internal.model;

import io.inrkit.codec.internal.cm.ArithmeticDecoder;
import io.inrkit.codec.internal.cm.ArithmeticEncoder;
import io.inrkit.codec.internal.cm.BinaryCoder;
import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.SampleCoding;

/**
 * The bits section: every sample's bits, most significant first, arithmetic-coded in one of
 * three modes. {@code CONTEXT}: the image or audio context-mixing model alone. {@code MIXED}: the
 * same model with the INR's probability of each bit and its expected value as extra inputs.
 * {@code INR}: each bit coded with the INR's probability alone (the paper's representation: when
 * the model is lossless and confident the stream is nearly empty). Samples are coded as unsigned
 * values (signed ones offset by 2^(n-1)).
 */
public final class SampleCodec {

    private SampleCodec() {
    }

    public static byte[] encode(Signal s, SideInformation side, int mode) {
        return encode(s, side, mode, null, null);
    }

    /**
     * @param net the context network, for {@link InrFormat#MODE_CONTEXT2_NET}
     * @param capture where to collect the network's training samples (an image in mode
     *     {@link InrFormat#MODE_CONTEXT2}), or null
     */
    public static byte[] encode(Signal s, SideInformation side, int mode, ContextNet net, ContextNet.Samples capture) {
        SignalSpec spec = s.spec();
        int[] u = new int[s.sampleCount()];
        for (int i = 0; i < u.length; i++) {
            u[i] = SampleCoding.toUnsigned(s.sample(i), spec.bitDepth(), spec.signed());
        }
        ArithmeticEncoder enc = new ArithmeticEncoder(u.length);
        run(enc, spec, u, side, mode, net, capture, SampleSink.NONE);
        return enc.finish();
    }

    /**
     * Decodes the bits section's {@code coded} bytes. They must hold exactly the signal: a stream
     * that ends before the last sample, or bytes left after it, is corrupt (see
     * {@link ArithmeticDecoder}).
     */
    public static Signal decode(SignalSpec spec, byte[] coded, SideInformation side, int mode, ContextNet net)
            throws CorruptInputException {
        if (coded.length < 4) {
            throw new CorruptInputException("the coded bits hold " + coded.length + " bytes, fewer than the 4 "
                    + "every stream starts with");
        }
        ArithmeticDecoder decoder = new ArithmeticDecoder(coded, 0, coded.length);
        Signal.Builder b = Signal.builder(spec);
        int bits = spec.bitDepth();
        boolean signed = spec.signed();
        try {
            run(decoder, spec, null, side, mode, net, null, (index, value) -> b.set(index, SampleCoding.fromUnsigned(value, bits, signed)));
        } catch (ArithmeticDecoder.Overrun e) {
            throw new CorruptInputException("truncated or corrupt coded bits: " + e.getMessage()
                    + " (" + spec.describe() + ")");
        }
        if (decoder.remaining() != 0) {
            int left = decoder.remaining();
            throw new CorruptInputException("corrupt coded bits: " + left + (left == 1 ? " byte is" : " bytes are")
                    + " left after the last sample");
        }
        return b.build();
    }

    private static void run(BinaryCoder coder, SignalSpec spec, int[] source, SideInformation side, int mode,
            ContextNet net, ContextNet.Samples capture, SampleSink out) {
        if (mode == InrFormat.MODE_INR) {
            inrOnly(coder, spec, source, side, out);
            return;
        }
        SideInformation used = mode == InrFormat.MODE_MIXED || mode == InrFormat.MODE_MIXED2 ? side : null;
        boolean strong = InrFormat.strongMode(mode);
        if (spec.kind() == SignalKind.IMAGE) {
            new ImageModel(spec.width(), spec.height(), spec.channels(), spec.bitDepth(), used, strong,
                    InrFormat.contextNetMode(mode) ? net : null, capture, InrFormat.imageWindowMode(mode),
                    InrFormat.valueMode(mode)).code(coder, source, out);
            return;
        }
        int[] samples = new AudioModel(spec.frames(), spec.channels(), spec.bitDepth(), used, strong,
                InrFormat.windowMode(mode), mode == InrFormat.MODE_WINDOW2_LEAN).code(coder, source);
        for (int i = 0; i < samples.length; i++) {
            out.set(i, samples[i]);
        }
    }

    private static void inrOnly(BinaryCoder coder, SignalSpec spec, int[] source, SideInformation side, SampleSink out) {
        int c = spec.channels();
        int bits = spec.bitDepth();
        for (int i = 0, n = spec.sampleCount(); i < n; i++) {
            int value = source == null ? 0 : source[i];
            int v = 0;
            for (int b = bits - 1; b >= 0; b--) {
                v |= coder.code((value >>> b) & 1, side.probability(i / c, i % c, b)) << b;
            }
            out.set(i, v);
        }
    }
}
