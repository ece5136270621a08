package io.inrkit.codec.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.cm.ArithmeticDecoder;
import io.inrkit.codec.internal.cm.ArithmeticEncoder;
import io.inrkit.core.Signal;
import org.junit.jupiter.api.Test;

class ImageModelTest {

    static Signal fixture(String name) {
        return io.inrkit.codec.CodecFixtures.image(name);
    }

    /** Encodes and decodes with fresh models; returns the coded size in bytes. */
    static int roundTrip(Signal s) {
        int[] src = s.toIntArray();
        int w = s.spec().width();
        int h = s.spec().height();
        ArithmeticEncoder enc = new ArithmeticEncoder(1024);
        new ImageModel(w, h, s.channels(), s.bitDepth(), null).code(enc, src, SampleSink.NONE);
        byte[] data = enc.finish();
        int[] back = new int[src.length];
        new ImageModel(w, h, s.channels(), s.bitDepth(), null)
                .code(new ArithmeticDecoder(data, 0, data.length), null, (index, value) -> back[index] = value);
        assertArrayEquals(src, back, "every sample decoded");
        return data.length;
    }

    @Test
    void realCropsOfEveryDepthAndLayoutRoundTrip() {
        Signal rgb8 = fixture("kodim01-32x32.ppm");
        int bytes = roundTrip(rgb8);
        assertTrue(bytes < 32 * 32 * 3 * 0.6, "8-bit RGB crop compresses: " + bytes + " bytes");
        roundTrip(fixture("rgb16-16x16.ppm"));
        roundTrip(fixture("m51-16x16.pgm"));
        Signal gray = fixture("kodim23-16x16.ppm");
        roundTrip(gray.crop(0, 0, 7, 5)); // odd sizes, borders everywhere
    }

    @Test
    void constantAndExtremeImagesRoundTrip() {
        int[] flat = new int[40 * 30 * 4];
        java.util.Arrays.fill(flat, 65535);
        Signal white = Signal.of(io.inrkit.core.SignalSpec.image(40, 30, 4, 16), flat);
        assertTrue(roundTrip(white) < 60, "a constant image costs almost nothing");
        int[] bw = new int[64 * 8];
        for (int i = 0; i < bw.length; i++) {
            bw[i] = (i * 7919 >> 3) & 1;
        }
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(64, 8, 1, 1), bw));
    }
}
