package io.inrkit.codec.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.cm.ArithmeticDecoder;
import io.inrkit.codec.internal.cm.ArithmeticEncoder;
import io.inrkit.core.internal.SampleCoding;
import io.inrkit.core.testing.RawSignals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AudioModelTest {

    /** Encodes and decodes unsigned samples; returns the coded size. */
    static int roundTrip(int[] unsigned, int frames, int channels, int bits) {
        return roundTrip(unsigned, frames, channels, bits, false);
    }

    /** The same with the first model or the stronger one ({@code context2}). */
    static int roundTrip(int[] unsigned, int frames, int channels, int bits, boolean strong) {
        return roundTrip(unsigned, frames, channels, bits, strong, false);
    }

    /** The same with each sample's high bits coded as one decision or not (the window modes). */
    static int roundTrip(int[] unsigned, int frames, int channels, int bits, boolean strong, boolean windowed) {
        return roundTrip(unsigned, frames, channels, bits, strong, windowed, false);
    }

    /** The same in the lean window mode or not. */
    static int roundTrip(int[] unsigned, int frames, int channels, int bits, boolean strong, boolean windowed,
            boolean lean) {
        ArithmeticEncoder enc = new ArithmeticEncoder(1024);
        new AudioModel(frames, channels, bits, null, strong, windowed, lean).code(enc, unsigned);
        byte[] data = enc.finish();
        int[] back = new AudioModel(frames, channels, bits, null, strong, windowed, lean)
                .code(new ArithmeticDecoder(data, 0, data.length), null);
        assertArrayEquals(unsigned, back, "every sample decoded");
        return data.length;
    }

    /** The real 24-bit stereo clip (256 frames), interleaved signed PCM. */
    static int[] snarePcm() {
        return RawSignals.pcmSamples(Path.of("src", "test", "resources", "fixtures", "snare-256f-2ch-48k.s24le"), 3, false);
    }

    static int[] unsigned24(int[] pcm) {
        int[] u = new int[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            u[i] = SampleCoding.toUnsigned(pcm[i], 24, true);
        }
        return u;
    }

    /** 300 frames of 16-bit stereo silence with full-scale clicks. */
    static int[] clicks() {
        int[] u = new int[600];
        for (int i = 0; i < u.length; i++) {
            u[i] = i % 50 == 0 ? 0 : i % 77 == 0 ? 65535 : 32768;
        }
        return u;
    }

    @Test
    void realTwentyFourBitStereoRoundTrips() {
        int[] pcm = snarePcm();
        int[] u = unsigned24(pcm);
        int bytes = roundTrip(u, 256, 2, 24);
        assertTrue(bytes < pcm.length * 3, bytes + " bytes for " + pcm.length * 3 + " bytes of PCM");
        // the same clip as mono 16-bit (top bits of the left channel)
        int[] mono = new int[256];
        for (int t = 0; t < 256; t++) {
            mono[t] = SampleCoding.toUnsigned(pcm[2 * t] >> 8, 16, true);
        }
        roundTrip(mono, 256, 1, 16);
    }

    /** The stronger model's cascade: the real clip decodes and codes smaller; extremes at every depth decode. */
    @Test
    void theStrongerModelRoundTripsAndCodesTheRealClipSmaller() {
        int[] u = unsigned24(snarePcm());
        int strong = roundTrip(u, 256, 2, 24, true);
        int first = roundTrip(u, 256, 2, 24, false);
        assertTrue(strong < first, "context2 " + strong + " bytes, context " + first);
        for (int bits : new int[] {1, 8, 16, 24, 32}) {
            int[] x = new int[3 * 90];
            for (int i = 0; i < x.length; i++) {
                long full = (1L << bits) - 1;
                x[i] = (int) (i % 7 == 0 ? full : i % 5 == 0 ? 0 : (i * 2654435761L) & full);
            }
            roundTrip(x, 90, 3, bits, true);
        }
    }

    /**
     * The window modes: the real clip, noise at every depth and silence with full-scale clicks
     * (samples far outside their window) decode exactly with both models and in the lean mode.
     */
    @Test
    void theWindowModesRoundTrip() {
        int[] u = unsigned24(snarePcm());
        int[] clicks = clicks();
        for (int mode = 0; mode < 3; mode++) {
            boolean strong = mode > 0;
            boolean lean = mode == 2;
            int windowed = roundTrip(u, 256, 2, 24, strong, true, lean);
            int whole = roundTrip(u, 256, 2, 24, strong, false);
            assertTrue(windowed < whole * 1.02, "window " + windowed + " bytes, without " + whole);
            // 16-bit audio in 24 bits: the window keeps the sample's own low planes, all zero (a
            // window at any offset would turn them into 8 bits of noise: 512 bytes more here)
            int[] padded = new int[u.length];
            for (int i = 0; i < u.length; i++) {
                padded[i] = u[i] & ~0xFF;
            }
            int paddedWindowed = roundTrip(padded, 256, 2, 24, strong, true, lean);
            int paddedWhole = roundTrip(padded, 256, 2, 24, strong, false);
            assertTrue(paddedWindowed < paddedWhole * 1.05, "padded: window " + paddedWindowed + " bytes, without "
                    + paddedWhole);
            roundTrip(clicks, 300, 2, 16, strong, true, lean);
            for (int bits : new int[] {1, 2, 3, 8, 16, 24, 32}) {
                int[] x = new int[3 * 90];
                for (int i = 0; i < x.length; i++) {
                    long full = (1L << bits) - 1;
                    x[i] = (int) (i % 7 == 0 ? full : i % 5 == 0 ? 0 : i < 120 ? full / 2 : (i * 2654435761L) & full);
                }
                roundTrip(x, 90, 3, bits, strong, true, lean);
            }
        }
    }

    @Test
    void extremesAndSilenceRoundTrip() {
        roundTrip(clicks(), 300, 2, 16);
        int[] eight = new int[100];
        java.util.Arrays.fill(eight, 255);
        roundTrip(eight, 100, 1, 8);
    }
}
