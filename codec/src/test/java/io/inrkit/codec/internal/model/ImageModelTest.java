package io.inrkit.codec.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.cm.ArithmeticDecoder;
import io.inrkit.codec.internal.cm.ArithmeticEncoder;
import io.inrkit.codec.internal.cm.BinaryCoder;
import io.inrkit.core.Signal;
import org.junit.jupiter.api.Test;

class ImageModelTest {

    static Signal fixture(String name) {
        return io.inrkit.codec.CodecFixtures.image(name);
    }

    /** Encodes and decodes with fresh models; returns the coded size in bytes. */
    static int roundTrip(Signal s) {
        return roundTrip(s, false);
    }

    /** The same with the first model or the stronger one ({@code context2}). */
    static int roundTrip(Signal s, boolean strong) {
        return roundTrip(s, strong, false, new int[1]);
    }

    /**
     * The same, with or without the window (mode 6); {@code decisions[0]} gets the number of
     * binary decisions coded.
     */
    static int roundTrip(Signal s, boolean strong, boolean windowed, int[] decisions) {
        return roundTrip(s, strong, windowed, false, decisions);
    }

    /** The same, with or without the value tables (modes 12 and 13: the stronger model, windowed, at most 8 bits). */
    static int roundTrip(Signal s, boolean strong, boolean windowed, boolean values, int[] decisions) {
        int[] src = s.toIntArray();
        int w = s.spec().width();
        int h = s.spec().height();
        ArithmeticEncoder enc = new ArithmeticEncoder(1024);
        BinaryCoder counting = (bit, p) -> {
            decisions[0]++;
            return enc.code(bit, p);
        };
        new ImageModel(w, h, s.channels(), s.bitDepth(), null, strong, null, null, windowed, values)
                .code(counting, src, SampleSink.NONE);
        byte[] data = enc.finish();
        int[] back = new int[src.length];
        new ImageModel(w, h, s.channels(), s.bitDepth(), null, strong, null, null, windowed, values)
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

    /** The stronger model: every depth and layout decodes, and real crops code smaller than with the first. */
    @Test
    void theStrongerModelRoundTripsAndCodesRealCropsSmaller() {
        for (String name : new String[] {"kodim01-32x32.ppm", "rgb16-16x16.ppm", "m51-16x16.pgm"}) {
            Signal s = fixture(name);
            int strong = roundTrip(s, true);
            int first = roundTrip(s, false);
            assertTrue(strong < first, name + ": context2 " + strong + " bytes, context " + first);
        }
        roundTrip(fixture("kodim23-16x16.ppm").crop(0, 0, 7, 5), true);
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(9, 4, 4, 16), new int[9 * 4 * 4]), true);
        int[] noise = new int[20 * 6 * 2];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = i * 40503 & 0xffff;
        }
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(20, 6, 2, 16), noise), true);
    }

    /**
     * The window mode: every depth and layout decodes; on a real crop it codes far fewer
     * decisions than the first model without it (the point of the window), in about as many bytes.
     */
    @Test
    void theWindowModeRoundTripsWithFewerDecisions() {
        for (String name : new String[] {"kodim01-32x32.ppm", "rgb16-16x16.ppm", "m51-16x16.pgm"}) {
            Signal s = fixture(name);
            int[] windowed = new int[1];
            int[] whole = new int[1];
            int window = roundTrip(s, false, true, windowed);
            int first = roundTrip(s, false, false, whole);
            assertTrue(windowed[0] < 0.85 * whole[0], name + ": " + windowed[0] + " decisions, " + whole[0] + " without");
            assertTrue(window < 1.03 * first, name + ": " + window + " bytes through the window, " + first + " without");
        }
        int[] any = new int[1];
        roundTrip(fixture("kodim23-16x16.ppm").crop(0, 0, 7, 5), false, true, any);
        int[] flat = new int[12 * 5 * 3];
        java.util.Arrays.fill(flat, 255);
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(12, 5, 3, 8), flat), false, true, any);
        int[] noise = new int[20 * 6 * 2];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = i * 40503 & 0xffff; // every sample far outside its window
        }
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(20, 6, 2, 16), noise), false, true, any);
        int[] bw = new int[64 * 8];
        for (int i = 0; i < bw.length; i++) {
            bw[i] = (i * 7919 >> 3) & 1;
        }
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(64, 8, 1, 1), bw), false, true, any);
    }

    /**
     * The value tables: every layout of at most 8 bits decodes, samples inside and outside their
     * window; deeper images and the models without the window are refused.
     */
    @Test
    void theValueModesRoundTripEveryLayoutOfAtMostEightBits() {
        Signal rgb = fixture("kodim01-32x32.ppm");
        int[] any = new int[1];
        int values = roundTrip(rgb, true, true, true, any);
        int plain = roundTrip(rgb, true, true, false, any);
        assertTrue(values < 1.02 * plain, "a 32x32 crop: " + values + " bytes with the value tables, " + plain + " without");
        int[] src = rgb.toIntArray();
        int[] gray = new int[32 * 32];
        int[] rgba = new int[32 * 32 * 4];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = src[3 * i + 1];
            System.arraycopy(src, 3 * i, rgba, 4 * i, 3);
            rgba[4 * i + 3] = 255 - (i & 63);
        }
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(32, 32, 1, 8), gray), true, true, true, any);
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(32, 32, 4, 8), rgba), true, true, true, any);
        roundTrip(rgb.crop(3, 2, 7, 5), true, true, true, any);
        int[] noise = new int[20 * 6 * 3];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = i * 40503 & 0xff; // far outside the window
        }
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(20, 6, 3, 8), noise), true, true, true, any);
        int[] bw = new int[64 * 8];
        for (int i = 0; i < bw.length; i++) {
            bw[i] = (i * 7919 >> 3) & 1;
        }
        roundTrip(Signal.of(io.inrkit.core.SignalSpec.image(64, 8, 1, 1), bw), true, true, true, any);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ImageModel(4, 4, 1, 16, null, true, null, null, true, true));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ImageModel(4, 4, 1, 8, null, true, null, null, false, true));
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
