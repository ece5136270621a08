package io.inrkit.audio;

import io.inrkit.codec.DecodeOptions;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.MemoryLimitException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import io.inrkit.core.internal.AtomicOutput;
import io.inrkit.core.internal.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads integer PCM audio (WAV, AIFF, AU; 8/16/24/32-bit; any channel count; either byte order)
 * into signed {@link Signal}s through javax.sound.sampled, and writes signals as WAV. Floating
 * point and compressed encodings are refused with an error that names them; a file whose data is
 * shorter than its header declares is refused as corrupt, never read partly.
 */
public final class AudioFiles {

    /** The extensions of the audio files INRKit reads (WAV, AIFF, AIFF-C, AU), without the dot. */
    public static final List<String> EXTENSIONS = List.of("wav", "aif", "aiff", "aifc", "au", "snd");

    private AudioFiles() {
    }

    /** Reads an audio file. */
    public static DecodedAudio read(Path path) throws IOException {
        byte[] data = InputFiles.readAll(path);
        try {
            return decode(data);
        } catch (BadInputException e) {
            throw e.withContext(path.toString());
        }
    }

    /**
     * Whether {@code data} starts like an audio file: RIFF/WAVE, FORM/AIFF(-C) or .snd magic, even
     * in encodings that {@link #decode} then refuses (so that the refusal names the encoding).
     */
    public static boolean recognises(byte[] data) {
        return magic(data, 0, "RIFF") && magic(data, 8, "WAVE")
                || magic(data, 0, "FORM") && (magic(data, 8, "AIFF") || magic(data, 8, "AIFC"))
                || magic(data, 0, ".snd");
    }

    private static boolean magic(byte[] d, int at, String m) {
        return d.length >= at + m.length()
                && new String(d, at, m.length(), java.nio.charset.StandardCharsets.ISO_8859_1).equals(m);
    }

    /** Decodes an audio file held in memory, with the default limits. */
    public static DecodedAudio decode(byte[] data) throws IOException {
        return decode(data, DecodeOptions.defaults());
    }

    /**
     * Decodes an audio file held in memory. The declared length is checked against the bytes the
     * file holds and against the caller's frame and memory limits (those of {@link DecodeOptions})
     * before the samples are allocated: a file over a limit is a {@link MemoryLimitException}.
     */
    public static DecodedAudio decode(byte[] data, DecodeOptions limits) throws IOException {
        if (data.length == 0) {
            throw new CorruptInputException("empty file");
        }
        AudioFileFormat fileFormat;
        AudioInputStream in;
        try {
            fileFormat = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(data));
            in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(data));
        } catch (UnsupportedAudioFileException e) {
            throw unsupported(data, e);
        } catch (IOException | RuntimeException e) {
            throw unparsable(e);
        }
        AudioFormat format = in.getFormat();
        String container = fileFormat.getType().toString();
        SignalSpec spec = specFor(format, in.getFrameLength());
        checkDeclaredLength(spec, format, data.length, limits);
        Signal signal = readSamples(in, format, spec);
        return new DecodedAudio(signal, container, format.getEncoding().toString(), format.isBigEndian());
    }

    /** Why javax.sound refused the audio file that starts with {@code head}, as a typed error. */
    static BadInputException unsupported(byte[] head, UnsupportedAudioFileException e) {
        String why = WavHeader.describeUnsupported(head);
        if (why == null) {
            return new UnsupportedFormatException("not a recognised audio file (WAV, AIFF, AU)", e);
        }
        return why.startsWith("corrupt") ? new CorruptInputException(why, e) : new UnsupportedFormatException(why, e);
    }

    /** A header javax.sound failed on. */
    static CorruptInputException unparsable(Exception e) {
        return new CorruptInputException("cannot parse the audio header: " + e.getMessage(), e);
    }

    /**
     * Opens an integer PCM stream (WAV, AIFF, AU; a file or standard input) to read block by
     * block, without holding the recording: what {@link io.inrkit.codec.StreamCodec} encodes. The
     * header must declare the frame count; the samples are those {@link #decode} gives.
     */
    public static PcmStreamReader openStream(InputStream in) throws IOException {
        return PcmStreamReader.open(in);
    }

    /** The signal an integer PCM stream of {@code frames} frames in format {@code f} holds; refuses what INRKit cannot hold. */
    static SignalSpec specFor(AudioFormat f, long frames) throws BadInputException {
        AudioFormat.Encoding enc = f.getEncoding();
        if (enc.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            throw new UnsupportedFormatException("floating-point PCM (" + enc + ", " + f.getSampleSizeInBits()
                    + "-bit) is not supported; INRKit reads integer PCM");
        }
        if (!enc.equals(AudioFormat.Encoding.PCM_SIGNED) && !enc.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            throw new UnsupportedFormatException("compressed encoding " + enc + " is not supported; INRKit reads integer PCM");
        }
        int channels = f.getChannels();
        if (channels < 1) {
            throw new CorruptInputException("the header declares " + channels + " channels");
        }
        if (channels > SignalKind.AUDIO.maxChannels()) {
            throw new UnsupportedFormatException(channels + " channels is more than INRKit's "
                    + SignalKind.AUDIO.maxChannels());
        }
        int bits = f.getSampleSizeInBits();
        if (bits < 1 || bits > 32 || bits % 8 != 0) {
            throw new UnsupportedFormatException(bits + "-bit PCM is not supported (8, 16, 24 or 32 bits)");
        }
        if (f.getFrameSize() != channels * bits / 8) {
            throw new UnsupportedFormatException("frames of " + f.getFrameSize() + " bytes for " + channels
                    + " x " + bits + "-bit samples (padded samples) are not supported");
        }
        if (!(f.getSampleRate() > 0)) {
            throw new CorruptInputException("the header declares a sample rate of " + f.getSampleRate());
        }
        if (frames < 1) {
            throw new CorruptInputException(frames == 0 ? "the file holds no audio frames"
                    : "the header does not declare the number of frames");
        }
        if (frames * channels > SignalSpec.MAX_SAMPLES) {
            throw new UnsupportedFormatException(frames + " frames x " + channels + " channels is too long (at most "
                    + SignalSpec.MAX_SAMPLES + " samples)");
        }
        return SignalSpec.audio((int) frames, channels, bits, f.getSampleRate());
    }

    /**
     * A header may declare any length: the samples must fit in the file's bytes, and the frames
     * and the memory that holds them within the caller's limits.
     */
    private static void checkDeclaredLength(SignalSpec spec, AudioFormat f, long fileBytes, DecodeOptions limits)
            throws BadInputException {
        long pcmBytes = (long) spec.frames() * f.getFrameSize();
        if (pcmBytes > fileBytes) {
            throw new CorruptInputException("truncated audio: the header declares " + spec.frames() + " frames ("
                    + pcmBytes + " bytes), the file holds " + fileBytes + " bytes in all");
        }
        if (spec.frames() > limits.maxPixels()) {
            throw new MemoryLimitException("the file declares " + spec.frames() + " frames, over the limit of "
                    + limits.maxPixels() + " frames (raise it with --max-pixels)",
                    MemoryLimitException.Unit.PIXELS, spec.frames(), limits.maxPixels());
        }
        long memory = 4L * spec.sampleCount(); // the signal's samples: at most 4 bytes each
        if (memory > limits.maxMemory()) {
            throw new MemoryLimitException("the file declares " + spec.describe() + ", which needs about " + memory
                    + " bytes to read, over the limit of " + limits.maxMemory() + " bytes (raise it with --max-memory)",
                    MemoryLimitException.Unit.BYTES, memory, limits.maxMemory());
        }
    }

    /** Reads {@code spec}'s samples from {@code in}; a stream that ends early is corrupt. */
    static Signal readSamples(AudioInputStream in, AudioFormat f, SignalSpec spec) throws IOException {
        try (InputStream s = in) {
            return readSamples(s, f, spec, spec.frames(), 0);
        }
    }

    /**
     * Reads the {@code spec.frames()} frames that follow {@code before} frames of a stream whose
     * header declares {@code declared}; a stream that ends early is corrupt.
     */
    static Signal readSamples(InputStream s, AudioFormat f, SignalSpec spec, long declared, long before)
            throws IOException {
        int bytes = f.getSampleSizeInBits() / 8;
        int bits = spec.bitDepth();
        boolean unsigned = f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        boolean big = f.isBigEndian() && bytes > 1;
        int samples = spec.sampleCount();
        Signal.Builder out = Signal.builder(spec);
        byte[] buf = new byte[Math.max(bytes, (1 << 16) / f.getFrameSize() * f.getFrameSize())];
        int index = 0;
        while (index < samples) {
            int want = Math.min(buf.length, (samples - index) * bytes);
            int got = s.readNBytes(buf, 0, want);
            if (got < want) {
                long frames = before + (index + got / bytes) / spec.channels();
                throw new CorruptInputException("truncated audio: the header declares " + declared
                        + " frames, the data holds " + frames);
            }
            for (int at = 0; at < got; at += bytes) {
                int v = 0;
                for (int k = 0; k < bytes; k++) {
                    int b = buf[at + (big ? k : bytes - 1 - k)] & 0xFF;
                    v = v << 8 | b;
                }
                v = unsigned ? v - (1 << (bits - 1)) : v << (32 - bits) >> (32 - bits);
                out.set(index++, v);
            }
        }
        return out.build();
    }

    /** Writes {@code signal} as a WAV file; replaces an existing file only when {@code replace}. */
    public static void writeWav(Signal signal, Path path, boolean replace) throws IOException {
        checkWritable(signal.spec());
        AtomicOutput.write(path, replace, out -> writeWav(signal, out));
    }

    /**
     * Writes {@code signal} as a WAV stream: PCM little-endian, 8-bit samples unsigned as the
     * format requires, wider samples signed ({@link WavStreamWriter}, one block).
     */
    public static void writeWav(Signal signal, OutputStream out) throws IOException {
        WavStreamWriter w = new WavStreamWriter(out);
        w.begin(signal.spec());
        w.write(signal);
        out.flush();
    }

    /**
     * The samples as little-endian PCM of the signal's depth (a whole number of bytes), 8-bit
     * samples offset to unsigned when {@code unsigned8} (as WAV stores them).
     */
    static byte[] littleEndianPcm(Signal signal, boolean unsigned8) {
        SignalSpec spec = signal.spec();
        int bytes = spec.bitDepth() / 8;
        byte[] pcm = new byte[Math.multiplyExact(spec.sampleCount(), bytes)];
        for (int i = 0, at = 0; i < spec.sampleCount(); i++) {
            int v = signal.sample(i);
            if (bytes == 1 && unsigned8) {
                v += 128;
            }
            for (int k = 0; k < bytes; k++) {
                pcm[at++] = (byte) (v >>> (8 * k));
            }
        }
        return pcm;
    }

    static void checkWritable(SignalSpec spec) throws UnsupportedFormatException {
        if (spec.kind() != SignalKind.AUDIO) {
            throw new UnsupportedFormatException("cannot write " + spec.kind().displayName()
                    + " as WAV; write an image format such as .png");
        }
        if (!spec.signed()) {
            throw new UnsupportedFormatException("WAV output expects signed PCM samples");
        }
        if (spec.bitDepth() % 8 != 0) {
            throw new UnsupportedFormatException("WAV output keeps 8, 16, 24 and 32-bit samples; this clip has "
                    + spec.bitDepth() + "-bit samples");
        }
    }

}
