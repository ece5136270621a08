package io.inrkit.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
