package io.inrkit.image;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadImageInputTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {8, 20, 33, 100, 500, 1000})
    void truncatedPngIsCorrupt(int length) throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.path("rgb8.png"));
        assertMessage(CorruptInputException.class, "truncated PNG", write("t.png", Arrays.copyOf(png, length)));
    }

    @Test
    void truncatedBeforeTheSignatureEndsIsNotAnImage() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.path("rgb8.png"));
        assertThrows(BadInputException.class, () -> ImageFiles.read(write("t.png", Arrays.copyOf(png, 5))));
    }

    @Test
    void badCrcIsCorrupt() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.path("rgb16.png"));
        png[png.length - 20] ^= 0x10; // inside IDAT data
        assertMessage(CorruptInputException.class, "CRC mismatch in chunk IDAT", write("crc.png", png));
    }

    @Test
    void zeroByteFileIsCorrupt() throws IOException {
        assertMessage(CorruptInputException.class, "empty file", write("empty.png", new byte[0]));
    }

    @Test
    void textNamedPngIsNotAnImage() throws IOException {
        Path p = write("notes.png", "just some text, not an image\n".getBytes(StandardCharsets.UTF_8));
        assertMessage(UnsupportedFormatException.class, "not a recognised image file", p);
    }

    @Test
    void directoryAndMissingFileAreBadInputs() {
        assertMessage(BadInputException.class, "is a directory", dir);
        assertMessage(BadInputException.class, "no such file", dir.resolve("missing.png"));
    }

    @Test
    void hugeDeclaredSizeIsRefusedBeforeDecoding() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.path("gray8.png"));
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 1_000_000).putInt(20, 1_000_000); // IHDR width, height
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        assertMessage(UnsupportedFormatException.class, "too large", write("huge.png", png));
    }

    /** The caller's pixel and memory limits: over them a typed refusal naming both numbers, at them a read. */
    @Test
    void theCallersLimitsAreKept() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.path("gray8.png")); // 32x24
        MemoryLimitException pixels = assertThrows(MemoryLimitException.class,
                () -> ImageFiles.decode(png, DecodeOptions.builder().maxPixels(767).build()));
        assertEquals(MemoryLimitException.Unit.PIXELS, pixels.unit());
        assertEquals(768, pixels.needed());
        assertTrue(pixels.getMessage().contains("32x24, 768 pixels, over the limit of 767 pixels")
                && pixels.getMessage().contains("--max-pixels"), pixels.getMessage());
        long bytes = 768 * 2; // a gray 8-bit pixel: a byte in the reader's raster, a byte in the signal
        MemoryLimitException memory = assertThrows(MemoryLimitException.class,
                () -> ImageFiles.decode(png, DecodeOptions.builder().maxMemory(bytes - 1).build()));
        assertEquals(MemoryLimitException.Unit.BYTES, memory.unit());
        assertEquals(bytes, memory.needed());
        assertEquals(32, ImageFiles.decode(png, DecodeOptions.builder().maxPixels(768).maxMemory(bytes).build())
                .signal().spec().width());
    }

    @Test
    void wellFormedButUnsupportedFilesNameTheProblem() {
        assertMessage(UnsupportedFormatException.class, "JPEG images are not supported", Fixtures.path("rgb8.jpg"));
        assertMessage(UnsupportedFormatException.class, "colour space CMYK", Fixtures.path("cmyk.tif"));
        assertMessage(UnsupportedFormatException.class, "floating-point samples", Fixtures.path("float32.tif"));
        assertMessage(UnsupportedFormatException.class, "holds 2 images", Fixtures.path("multipage.tif"));
        assertMessage(UnsupportedFormatException.class, "maxval 200", Fixtures.path("maxval200.pgm"));
    }

    @Test
    void garbageAfterAValidHeaderIsCorrupt() throws IOException {
        byte[] tif = Files.readAllBytes(Fixtures.path("rgb16.tif"));
        byte[] cut = Arrays.copyOf(tif, tif.length / 3);
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(write("cut.tif", cut)));
        assertTrue(e instanceof BadInputException, e.toString());
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    private static void assertMessage(Class<? extends BadInputException> type, String text, Path file) {
        BadInputException e = assertThrows(type, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' lacks '" + text + "'");
        assertTrue(e.getMessage().startsWith(file.toString()), "message names the file");
    }
}
