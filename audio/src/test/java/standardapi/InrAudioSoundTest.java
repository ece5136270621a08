package standardapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .inr audio through javax.sound.sampled alone, as a program that has never heard of INRKit uses
 * it: this class imports nothing of INRKit. Sources are short excerpts of real recordings
 * (fixtures: 16-bit speech, 24-bit kick drum, 16-bit four channels).
 */
class InrAudioSoundTest {

    static final AudioFileFormat.Type INR = new AudioFileFormat.Type("INR", "inr");

    @TempDir
    Path dir;

    static File fixture(String name) {
        return Path.of("src", "test", "resources", "fixtures", name).toFile();
    }

    @Test
    void writesAndReadsSixteenAndTwentyFourBitSampleForSample() throws Exception {
        for (String name : List.of("speech16.wav", "kick24.wav", "quad16.wav", "piano16.aiff")) {
            File inr = dir.resolve(name + ".inr").toFile();
            AudioFormat source;
            byte[] expected;
            try (AudioInputStream in = AudioSystem.getAudioInputStream(fixture(name))) {
                source = in.getFormat();
                int written = AudioSystem.write(in, INR, inr);
                assertEquals(Files.size(inr.toPath()), written, name + ": bytes written");
            }
            try (AudioInputStream in = AudioSystem.getAudioInputStream(fixture(name))) {
                expected = littleEndian(in.readAllBytes(), source);
            }
            try (AudioInputStream back = AudioSystem.getAudioInputStream(inr)) {
                AudioFormat format = back.getFormat();
                assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding(), name);
                assertEquals(source.getSampleSizeInBits(), format.getSampleSizeInBits(), name + ": depth kept");
                assertEquals(source.getChannels(), format.getChannels(), name);
                assertEquals(source.getSampleRate(), format.getSampleRate(), name);
                assertArrayEquals(expected, back.readAllBytes(), name + ": every sample");
            }
        }
    }

    @Test
    void theFileFormatNamesTheTypeAndTheLength() throws Exception {
        File inr = dir.resolve("k.inr").toFile();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(fixture("kick24.wav"))) {
            AudioSystem.write(in, INR, inr);
        }
        AudioFileFormat format = AudioSystem.getAudioFileFormat(inr);
        assertEquals("INR", format.getType().toString());
        assertEquals("inr", format.getType().getExtension());
        assertEquals(24, format.getFormat().getSampleSizeInBits());
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(fixture("kick24.wav"))) {
            assertEquals(wav.getFrameLength(), format.getFrameLength());
        }
        assertTrue(Arrays.asList(AudioSystem.getAudioFileTypes()).contains(INR), "INR is a type AudioSystem can write");
    }

    @Test
    void otherFilesAreStillReadByTheirOwnReaders() throws Exception {
        assertEquals(AudioFileFormat.Type.WAVE, AudioSystem.getAudioFileFormat(fixture("speech16.wav")).getType());
        assertEquals(AudioFileFormat.Type.AIFF, AudioSystem.getAudioFileFormat(fixture("piano16.aiff")).getType());
        assertThrows(UnsupportedAudioFileException.class,
                () -> AudioSystem.getAudioInputStream(new ByteArrayInputStream("INRK is not enough".getBytes())));
    }

    @Test
    void floatAudioIsNotAFormatTheWriterOffers() throws Exception {
        File inr = dir.resolve("f.inr").toFile();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(fixture("float32.wav"))) {
            assertThrows(IllegalArgumentException.class, () -> AudioSystem.write(in, INR, inr));
        }
        assertEquals(0, Files.list(dir).count(), "nothing left behind");
    }

    /** PCM bytes as signed little-endian, the layout the .inr reader gives. */
    private static byte[] littleEndian(byte[] pcm, AudioFormat format) {
        int bytes = format.getSampleSizeInBits() / 8;
        byte[] out = pcm.clone();
        if (format.isBigEndian() && bytes > 1) {
            for (int i = 0; i + bytes <= out.length; i += bytes) {
                for (int j = 0; j < bytes; j++) {
                    out[i + j] = pcm[i + bytes - 1 - j];
                }
            }
        }
        return out;
    }
}
