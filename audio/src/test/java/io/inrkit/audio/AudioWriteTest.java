package io.inrkit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioWriteTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"kick24.wav", "kick24.aiff", "kick32.wav", "speech16.au", "speech8.wav", "speech8.aiff",
        "piano16.aiff", "quad16.wav"})
    void wavRoundTripIsExact(String file) throws IOException {
        Signal s = Fixtures.read(file).signal();
        DecodedAudio back = AudioFiles.decode(encode(s));
        assertEquals("WAVE", back.container());
        assertEquals(s, back.signal());
    }

    /** The hand-written header and samples are javax.sound's WAVE writer's, byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"kick24.wav", "kick32.wav", "speech8.wav", "piano16.aiff", "quad16.wav"})
    void wavBytesAreJavaSoundsWavBytes(String file) throws IOException {
        Signal s = Fixtures.read(file).signal();
        assertArrayEquals(javaSoundWav(s), encode(s));
    }

    /** Blocks written one after another make the file that the whole signal makes. */
    @Test
    void blocksMakeTheWholeFile() throws IOException {
        Signal s = Fixtures.read("quad16.wav").signal();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavStreamWriter w = new WavStreamWriter(out);
        w.begin(s.spec());
        int frames = s.spec().frames();
        int cut = frames / 3;
        w.write(s.segment(0, cut));
        assertFalse(w.complete());
        w.write(s.segment(cut, frames - cut));
        assertTrue(w.complete());
        assertArrayEquals(encode(s), out.toByteArray());
        assertThrows(IllegalArgumentException.class, () -> w.write(s.segment(0, 1)));
    }

    /** A stream read block by block gives the samples a whole read gives; a short one is corrupt. */
    @ParameterizedTest
    @ValueSource(strings = {"kick24.wav", "kick24.aiff", "speech8.wav", "speech16.au", "quad16.wav"})
    void streamReadsTheSamplesOfAWholeRead(String file) throws IOException {
        Signal whole = Fixtures.read(file).signal();
        try (PcmStreamReader r = AudioFiles.openStream(new ByteArrayInputStream(Fixtures.bytes(file)))) {
            assertEquals(whole.spec(), r.spec());
            int frames = whole.spec().frames();
            int first = Math.max(1, frames / 4);
            assertEquals(whole.segment(0, first), r.read(first));
            assertEquals(whole.segment(first, frames - first), r.read(frames - first));
        }
        byte[] data = Fixtures.bytes(file);
        byte[] cut = java.util.Arrays.copyOf(data, data.length - whole.spec().channels() * 4);
        try (PcmStreamReader r = AudioFiles.openStream(new ByteArrayInputStream(cut))) {
            CorruptInputException e = assertThrows(CorruptInputException.class, () -> r.read(r.spec().frames()));
            assertTrue(e.getMessage().startsWith("truncated audio"), e.getMessage());
        }
    }

    @Test
    void streamRefusesWhatAWholeReadRefuses() {
        assertThrows(UnsupportedFormatException.class,
                () -> AudioFiles.openStream(new ByteArrayInputStream("not audio at all".getBytes())));
    }

    private static byte[] javaSoundWav(Signal s) throws IOException {
        SignalSpec spec = s.spec();
        int bytes = spec.bitDepth() / 8;
        boolean eight = bytes == 1;
        AudioFormat format = new AudioFormat(eight ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED,
                (float) spec.sampleRate(), bytes * 8, spec.channels(), bytes * spec.channels(),
                (float) spec.sampleRate(), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(AudioFiles.littleEndianPcm(s, eight)), format,
                spec.frames()), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    @Test
    void eightBitIsWrittenUnsignedAsWavRequires() throws IOException {
        Signal s = Fixtures.read("speech8.aiff").signal();
        DecodedAudio back = AudioFiles.decode(encode(s));
        assertEquals("PCM_UNSIGNED", back.encoding());
        assertEquals(s, back.signal());
    }

    @Test
    void fileWriteIsAtomicAndRefusesToReplace() throws IOException {
        Signal s = Fixtures.read("kick24.wav").signal();
        Path out = dir.resolve("out.wav");
        AudioFiles.writeWav(s, out, false);
        assertEquals(s, AudioFiles.read(out).signal());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> AudioFiles.writeWav(s, out, false));
        assertEquals(1, Files.list(dir).count());
    }

    @Test
    void signalsWavCannotHoldAreRefused() {
        Signal image = Signal.of(SignalSpec.image(1, 1, 1, 8), new int[] {3});
        assertThrows(UnsupportedFormatException.class, () -> encode(image));
        Signal twelve = Signal.of(SignalSpec.audio(1, 1, 12, 8000), new int[] {3});
        assertThrows(UnsupportedFormatException.class, () -> encode(twelve));
    }

    static byte[] encode(Signal s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioFiles.writeWav(s, out);
        return out.toByteArray();
    }
}
