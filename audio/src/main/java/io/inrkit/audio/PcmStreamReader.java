package io.inrkit.audio;

import io.inrkit.codec.StreamCodec;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * An integer PCM stream (WAV, AIFF, AU) read block by block: the recording is never held, so an
 * hour from standard input costs a block of memory. The header is parsed by javax.sound.sampled,
 * as {@link AudioFiles#decode} parses it, and the samples are the same signed values.
 */
public final class PcmStreamReader implements StreamCodec.BlockSource, AutoCloseable {

    /** Bytes kept to name a format javax.sound refuses: more than any header before the samples. */
    private static final int HEAD_BYTES = 1 << 16;

    private final AudioInputStream in;
    private final AudioFormat format;
    private final SignalSpec spec;
    private long read;

    private PcmStreamReader(AudioInputStream in, AudioFormat format, SignalSpec spec) {
        this.in = in;
        this.format = format;
        this.spec = spec;
    }

    static PcmStreamReader open(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, HEAD_BYTES);
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(buffered);
        } catch (UnsupportedAudioFileException e) {
            // Each reader javax.sound tried marked the start and reset to it, so the head is still there.
            throw AudioFiles.unsupported(buffered.readNBytes(HEAD_BYTES), e);
        } catch (IOException | RuntimeException e) {
            throw AudioFiles.unparsable(e);
        }
        AudioFormat format = in.getFormat();
        long frames = in.getFrameLength();
        return new PcmStreamReader(in, format, AudioFiles.specFor(format, frames == AudioSystem.NOT_SPECIFIED ? -1 : frames));
    }

    /** The recording as its header declares it. */
    @Override
    public SignalSpec spec() {
        return spec;
    }

    @Override
    public Signal read(int frames) throws IOException {
        if (frames < 1 || read + frames > spec.frames()) {
            throw new IllegalArgumentException(frames + " frames after " + read + " of " + spec.frames());
        }
        Signal block = AudioFiles.readSamples(in, format, spec.withShape(frames), spec.frames(), read);
        read += frames;
        return block;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
