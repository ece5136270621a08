package io.inrkit.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.DecodeOptions;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.MemoryLimitException;
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

    /** A data chunk that declares more bytes than the file has: refused before the samples are allocated. */
    @Test
    void lyingDataLengthIsCorrupt() throws IOException {
        byte[] wav = Fixtures.bytes("speech16.wav");
        int data = indexOf(wav, "data");
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(data + 4, 1_000_000);
        assertMessage(CorruptInputException.class, "truncated audio: the header declares 500000 frames (1000000 bytes), "
                + "the file holds " + wav.length + " bytes in all", write("lying.wav", wav));
    }

    /** The caller's frame and memory limits: over them a typed refusal naming both numbers, at them a read. */
    @Test
    void theCallersLimitsAreKept() throws IOException {
        byte[] wav = Fixtures.bytes("speech16.wav"); // 1200 mono 16-bit frames
        MemoryLimitException frames = assertThrows(MemoryLimitException.class,
                () -> AudioFiles.decode(wav, DecodeOptions.builder().maxPixels(1199).build()));
        assertEquals(MemoryLimitException.Unit.PIXELS, frames.unit());
        assertEquals(1200, frames.needed());
        assertTrue(frames.getMessage().contains("1200 frames, over the limit of 1199 frames")
                && frames.getMessage().contains("--max-pixels"), frames.getMessage());
        MemoryLimitException memory = assertThrows(MemoryLimitException.class,
                () -> AudioFiles.decode(wav, DecodeOptions.builder().maxMemory(4799).build()));
        assertEquals(4800, memory.needed());
        assertEquals(1200, AudioFiles.decode(wav, DecodeOptions.builder().maxPixels(1200).maxMemory(4800).build())
                .signal().spec().frames());
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
