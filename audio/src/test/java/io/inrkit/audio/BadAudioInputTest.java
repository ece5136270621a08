package io.inrkit.audio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.UnsupportedFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadAudioInputTest {

    @TempDir
    Path dir;

    @Test
    void floatAndCompressedEncodingsAreNamed() {
        assertMessage(UnsupportedFormatException.class, "floating-point PCM (PCM_FLOAT, 32-bit)", Fixtures.path("float32.wav"));
        assertMessage(UnsupportedFormatException.class, "compressed encoding ULAW", Fixtures.path("ulaw.wav"));
        assertMessage(UnsupportedFormatException.class, "IMA ADPCM (format tag 0x0011", Fixtures.path("adpcm.wav"));
    }

    /** A data chunk that declares more bytes than the file has. */
    @Test
    void lyingDataLengthIsCorrupt() throws IOException {
        byte[] wav = Fixtures.bytes("speech16.wav");
        int data = indexOf(wav, "data");
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(data + 4, 1_000_000);
        assertMessage(CorruptInputException.class, "truncated audio: the header declares 500000 frames, the data holds 1200",
                write("lying.wav", wav));
    }

    @Test
    void truncatedFileIsCorrupt() throws IOException {
        byte[] wav = Fixtures.bytes("kick24.wav");
        assertMessage(CorruptInputException.class, "truncated audio", write("cut.wav", Arrays.copyOf(wav, wav.length / 2)));
    }

    @Test
    void zeroChannelsIsCorrupt() throws IOException {
        byte[] wav = Fixtures.bytes("speech16.wav");
        int fmt = indexOf(wav, "fmt ");
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(fmt + 10, (short) 0);
        assertMessage(CorruptInputException.class, "0 channels", write("zero.wav", wav));
    }

    @Test
    void emptyTextDirectoryAndMissingInputs() throws IOException {
        assertMessage(CorruptInputException.class, "empty file", write("empty.wav", new byte[0]));
        assertMessage(UnsupportedFormatException.class, "not a recognised audio file",
                write("text.wav", "hello, not audio\n".getBytes(StandardCharsets.UTF_8)));
        assertMessage(BadInputException.class, "is a directory", dir);
        assertMessage(BadInputException.class, "no such file", dir.resolve("none.wav"));
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    private static int indexOf(byte[] d, String tag) {
        byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + t.length <= d.length; i++) {
            for (int k = 0; k < t.length; k++) {
                if (d[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(tag + " not found");
    }

    private static void assertMessage(Class<? extends BadInputException> type, String text, Path file) {
        BadInputException e = assertThrows(type, () -> AudioFiles.read(file));
        assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' lacks '" + text + "'");
        assertTrue(e.getMessage().startsWith(file.toString()), "message names the file");
    }
}
