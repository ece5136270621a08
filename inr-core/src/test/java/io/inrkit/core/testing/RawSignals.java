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
        Header hd = header(d);
        int w = hd.tokens[1];
        int h = hd.tokens[2];
        int maxval = hd.tokens[3];
        int channels = hd.tokens[0] == 6 ? 3 : 1;
        int offset = hd.dataOffset;
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
        Header h = header(read(file));
        int bits = h.tokens[3] > 255 ? 16 : 8;
        SignalSpec spec = SignalSpec.image(h.tokens[1], h.tokens[2], h.tokens[0] == 6 ? 3 : 1, bits);
        return Signal.of(spec, pnmSamples(file));
    }

    /** Magic number (5 or 6), width, height, maxval; then the offset of the first sample byte. */
    private record Header(int[] tokens, int dataOffset) {
    }

    private static Header header(byte[] d) {
        int[] tokens = new int[4];
        int pos = 1; // past the 'P'
        for (int t = 0; t < 4; t++) {
            while (d[pos] == '#' || Character.isWhitespace(d[pos])) {
                if (d[pos] == '#') {
                    while (d[pos] != '\n') {
                        pos++;
                    }
                }
                pos++;
            }
            int start = pos;
            while (!Character.isWhitespace(d[pos])) {
                pos++;
            }
            tokens[t] = Integer.parseInt(new String(d, start, pos - start, StandardCharsets.US_ASCII));
        }
        return new Header(tokens, pos + 1); // one whitespace byte ends the header
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
