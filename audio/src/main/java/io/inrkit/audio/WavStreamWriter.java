package io.inrkit.audio;

import io.inrkit.codec.StreamCodec;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a WAV stream block by block: the 44-byte header of PCM format 1 that javax.sound's
 * WAVE writer writes, then little-endian samples (8-bit ones unsigned, as WAV stores them).
 * Written by hand because javax.sound's writer takes the recording as one stream of known
 * length, which a decoder that hands on blocks would have to hold or feed from a second thread;
 * {@code AudioWriteTest} checks the bytes against javax.sound's.
 */
public final class WavStreamWriter implements StreamCodec.BlockSink {

    private static final int HEADER_BYTES = 44;
    private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - (HEADER_BYTES - 8);

    private final OutputStream out;
    private SignalSpec spec;
    private long framesLeft;

    public WavStreamWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void begin(SignalSpec whole) throws IOException {
        AudioFiles.checkWritable(whole);
        int bytes = whole.bitDepth() / 8;
        int frameBytes = bytes * whole.channels();
        long data = (long) whole.frames() * frameBytes;
        if (data > MAX_DATA_BYTES) {
            throw new UnsupportedFormatException(whole.describe() + " is " + data + " bytes of PCM, more than the "
                    + MAX_DATA_BYTES + " a WAV file holds");
        }
        int rate = (int) whole.sampleRate();
        byte[] h = new byte[HEADER_BYTES];
        ascii(h, 0, "RIFF");
        le32(h, 4, data + HEADER_BYTES - 8);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        le32(h, 16, 16);
        le16(h, 20, 1); // PCM
        le16(h, 22, whole.channels());
        le32(h, 24, rate);
        le32(h, 28, (long) rate * frameBytes);
        le16(h, 32, frameBytes);
        le16(h, 34, whole.bitDepth());
        ascii(h, 36, "data");
        le32(h, 40, data);
        out.write(h);
        spec = whole;
        framesLeft = whole.frames();
    }

    @Override
    public void write(Signal block) throws IOException {
        if (spec == null || block.spec().channels() != spec.channels() || block.bitDepth() != spec.bitDepth()
                || block.spec().frames() > framesLeft) {
            throw new IllegalArgumentException("a block of " + block.spec().describe() + " does not continue "
                    + (spec == null ? "a WAV stream not begun" : spec.describe() + " with " + framesLeft + " frames left"));
        }
        out.write(AudioFiles.littleEndianPcm(block, true));
        framesLeft -= block.spec().frames();
    }

    /** Whether every frame the header declares is written. */
    public boolean complete() {
        return spec != null && framesLeft == 0;
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int at, long v) {
        le16(b, at, (int) v);
        le16(b, at + 2, (int) (v >>> 16));
    }
}
