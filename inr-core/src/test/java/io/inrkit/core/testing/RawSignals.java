package io.inrkit.core.testing;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test signals from the simplest real formats, parsed here without any image or audio library:
 * binary PGM/PPM (P5/P6: four header tokens, then big-endian samples of one or two bytes) and
 * headerless PCM. Also serves as an oracle independent of the readers under test.
 */
public final class RawSignals {

    private RawSignals() {
    }

    /** Samples of a P5/P6 file, interleaved. */
    public static int[] pnmSamples(Path file) {
        byte[] d = read(file);
        String[] t = new String(d, 0, Math.min(d.length, 64), StandardCharsets.US_ASCII).split("\\s+", 5);
        int w = Integer.parseInt(t[1]);
        int h = Integer.parseInt(t[2]);
        int maxval = Integer.parseInt(t[3]);
        int channels = t[0].equals("P6") ? 3 : 1;
        int offset = t[0].length() + t[1].length() + t[2].length() + t[3].length() + 4;
        int bytes = maxval > 255 ? 2 : 1;
        int[] out = new int[w * h * channels];
        for (int i = 0; i < out.length; i++) {
            int at = offset + i * bytes;
            out[i] = bytes == 2 ? (d[at] & 0xFF) << 8 | d[at + 1] & 0xFF : d[at] & 0xFF;
        }
        return out;
    }

    /** A P5/P6 file as an unsigned image signal (8-bit for maxval 255, 16-bit for 65535). */
    public static Signal pnm(Path file) {
        byte[] d = read(file);
        String[] t = new String(d, 0, Math.min(d.length, 64), StandardCharsets.US_ASCII).split("\\s+", 5);
        int bits = Integer.parseInt(t[3]) > 255 ? 16 : 8;
        SignalSpec spec = SignalSpec.image(Integer.parseInt(t[1]), Integer.parseInt(t[2]), t[0].equals("P6") ? 3 : 1, bits);
        return Signal.of(spec, pnmSamples(file));
    }

    /** Signed samples of headerless PCM. */
    public static int[] pcmSamples(Path file, int bytesPerSample, boolean bigEndian) {
        byte[] d = read(file);
        int[] out = new int[d.length / bytesPerSample];
        for (int i = 0; i < out.length; i++) {
            int v = 0;
            for (int k = 0; k < bytesPerSample; k++) {
                v = v << 8 | d[i * bytesPerSample + (bigEndian ? k : bytesPerSample - 1 - k)] & 0xFF;
            }
            int shift = 32 - 8 * bytesPerSample;
            out[i] = v << shift >> shift;
        }
        return out;
    }

    /** Headerless signed PCM as an audio signal. */
    public static Signal pcm(Path file, int bytesPerSample, boolean bigEndian, int channels, double rate) {
        int[] s = pcmSamples(file, bytesPerSample, bigEndian);
        return Signal.of(SignalSpec.audio(s.length / channels, channels, 8 * bytesPerSample, rate), s);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
