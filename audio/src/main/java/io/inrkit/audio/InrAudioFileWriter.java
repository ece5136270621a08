package io.inrkit.audio;

import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.Encoder;
import io.inrkit.core.BadInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.tritonus.share.sampled.file.AudioOutputStream;
import org.tritonus.share.sampled.file.TAudioFileWriter;
import org.tritonus.share.sampled.file.TDataOutputStream;

/**
 * Writes .inr audio through javax.sound.sampled: {@code AudioSystem.write(stream, INR, file)}
 * encodes integer PCM (8, 16, 24 or 32 bits, either byte order, any channels) with the default
 * preset. The encoder needs the whole clip, so the PCM is collected and coded when the stream
 * is closed. Both write methods return the bytes of .inr written (Tritonus' own count is the PCM
 * consumed), and a file is written under a temporary name and renamed when complete, so a failed
 * write leaves nothing behind.
 *
 * <p>Thread-safe: AudioSystem shares one provider instance, and each write collects its clip in a
 * stream of its own, so several threads may write at once (each to its own output).
 */
public final class InrAudioFileWriter extends TAudioFileWriter {

    /** The file type; AudioFileFormat.Type compares by name, so {@code new Type("INR", "inr")} is the same. */
    public static final AudioFileFormat.Type INR = new AudioFileFormat.Type("INR", "inr");

    public InrAudioFileWriter() {
        super(List.of(INR), formats());
    }

    private static List<AudioFormat> formats() {
        List<AudioFormat> out = new ArrayList<>();
        int any = AudioSystem.NOT_SPECIFIED;
        for (int bits : new int[] {8, 16, 24, 32}) {
            for (boolean big : new boolean[] {false, true}) {
                out.add(new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, any, bits, any, any, any, big));
            }
        }
        out.add(new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, any, 8, any, any, any, false));
        return out;
    }

    @Override
    public int write(AudioInputStream stream, AudioFileFormat.Type type, File file) throws IOException {
        Path target = file.toPath().toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                write(stream, type, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return (int) Math.min(Integer.MAX_VALUE, Files.size(target));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public int write(AudioInputStream stream, AudioFileFormat.Type type, OutputStream out) throws IOException {
        CountingOutputStream counting = new CountingOutputStream(out);
        super.write(stream, type, counting);
        return (int) Math.min(Integer.MAX_VALUE, counting.count);
    }

    @Override
    protected AudioOutputStream getAudioOutputStream(AudioFormat format, long lengthInFrames, AudioFileFormat.Type type,
            TDataOutputStream out) {
        return new Collecting(format, out);
    }

    /** Counts the bytes passed on; closing it leaves the caller's stream open, as AudioSystem expects. */
    private static final class CountingOutputStream extends FilterOutputStream {

        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Collects the PCM and encodes it on close. */
    private static final class Collecting implements AudioOutputStream {

        private final AudioFormat format;
        private final TDataOutputStream out;
        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        private long written = AudioSystem.NOT_SPECIFIED;

        Collecting(AudioFormat format, TDataOutputStream out) {
            this.format = format;
            this.out = out;
        }

        @Override
        public AudioFormat getFormat() {
            return format;
        }

        @Override
        public long getLength() {
            return written;
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            pcm.write(data, offset, length);
            return length;
        }

        @Override
        public void close() throws IOException {
            byte[] bytes = pcm.toByteArray();
            long frames = bytes.length / format.getFrameSize();
            try {
                SignalSpec spec = AudioFiles.specFor(format, frames);
                Signal signal = AudioFiles.readSamples(new AudioInputStream(new ByteArrayInputStream(bytes), format, frames),
                        format, spec);
                byte[] file = Encoder.encode(signal, EncodeOptions.builder().build(), Encoder.Listener.NONE).file();
                out.write(file);
                written = file.length;
            } catch (BadInputException e) {
                throw new IOException("cannot write this audio as .inr: " + e.getMessage(), e);
            } finally {
                out.close();
            }
        }
    }
}
