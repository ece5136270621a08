package io.inrkit.audio;

import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.BadInputException;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.tritonus.share.sampled.file.TAudioFileReader;

/**
 * Reads .inr audio through javax.sound.sampled: {@code AudioSystem.getAudioInputStream(file)}
 * gives signed little-endian PCM at the clip's own depth, decoded block by block while it is read
 * ({@link DecodingPcmStream}): a reader holds a few blocks, never the recording. Each block is
 * handed on once it matches its CRC32C; a bad header or first block is refused before the stream
 * is returned, a defect found later (the SHA-256 of every sample) is an IOException from the read
 * that reaches it. Anything that is not .inr audio is refused with UnsupportedAudioFileException
 * after reading at most {@link InrFileInfo#SPEC_BYTES} bytes, so that AudioSystem can offer the
 * stream to other readers.
 *
 * <p>Thread-safe: AudioSystem shares one provider instance, and it keeps no state between calls,
 * so several threads may read at once, the same file too.
 */
public final class InrAudioFileReader extends TAudioFileReader {

    /** Enough to read the header and the signal section, and to give them back. */
    private static final int MARK_LIMIT = InrFileInfo.SPEC_BYTES + 16;

    public InrAudioFileReader() {
        super(MARK_LIMIT, true);
    }

    @Override
    protected AudioFileFormat getAudioFileFormat(InputStream in, long lengthInBytes)
            throws UnsupportedAudioFileException, IOException {
        SignalSpec spec = spec(in.readNBytes(InrFileInfo.SPEC_BYTES));
        AudioFormat format = pcmFormat(spec);
        return new AudioFileFormat(InrAudioFileWriter.INR, format, spec.frames());
    }

    @Override
    protected AudioInputStream getAudioInputStream(InputStream in, long lengthInBytes)
            throws UnsupportedAudioFileException, IOException {
        byte[] head = in.readNBytes(InrFileInfo.SPEC_BYTES);
        SignalSpec spec = spec(head);
        InputStream pcm = DecodingPcmStream.open(new SequenceInputStream(new ByteArrayInputStream(head), in),
                Runtime.getRuntime().availableProcessors());
        return new AudioInputStream(pcm, pcmFormat(spec), spec.frames());
    }

    /** The audio signal the header describes; not .inr audio is "unsupported" for AudioSystem. */
    private static SignalSpec spec(byte[] head) throws UnsupportedAudioFileException, IOException {
        if (!InrFileInfo.kindOf(head).equals(Optional.of(SignalKind.AUDIO))) {
            throw new UnsupportedAudioFileException("not an .inr audio file");
        }
        try {
            return InrFileInfo.readSpec(head);
        } catch (BadInputException e) {
            throw new IOException("cannot read the .inr header: " + e.getMessage(), e);
        }
    }

    private static AudioFormat pcmFormat(SignalSpec spec) {
        if (spec.kind() != SignalKind.AUDIO) {
            throw new IllegalStateException("not audio: " + spec.describe());
        }
        int bits = (spec.bitDepth() + 7) / 8 * 8;
        float rate = (float) spec.sampleRate();
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, bits, spec.channels(), bits / 8 * spec.channels(),
                rate, false);
    }
}
