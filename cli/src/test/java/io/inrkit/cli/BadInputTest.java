package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of bad inputs, through the command line: each ends in one clear line on
 * stderr, the documented exit code, and no output file.
 */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void truncatedPng() throws IOException {
        byte[] png = Files.readAllBytes(Cli.sample("kodim23-64x64.png", dir));
        expectBadInput(write("truncated.png", Arrays.copyOf(png, png.length / 2)), "truncated PNG");
    }

    @Test
    void pngWithBadCrc() throws IOException {
        byte[] png = Files.readAllBytes(Cli.sample("kodim23-64x64.png", dir));
        png[png.length - 100] ^= 1;
        expectBadInput(write("crc.png", png), "CRC mismatch");
    }

    @Test
    void zeroByteFile() throws IOException {
        expectBadInput(write("zero.png", new byte[0]), "empty file");
    }

    @Test
    void textFileNamedPng() throws IOException {
        expectBadInput(write("text.png", "hello\n".getBytes(StandardCharsets.UTF_8)), "not a recognised image, audio or .inr file");
    }

    @Test
    void wavWithLyingDataLength() throws IOException {
        byte[] wav = Files.readAllBytes(Cli.sample("piano-stereo-16bit.wav", dir));
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(dataChunk(wav) + 4, wav.length * 4);
        expectBadInput(write("lying.wav", wav), "truncated audio");
    }

    @Test
    void wavWithZeroChannels() throws IOException {
        byte[] wav = Files.readAllBytes(Cli.sample("piano-stereo-16bit.wav", dir));
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0); // fmt channels
        expectBadInput(write("zero-ch.wav", wav), "0 channels");
    }

    @Test
    void floatWav() throws IOException {
        expectBadInput(write("float.wav", Cli.floatWav()), "floating-point PCM");
    }

    @Test
    void directoryInsteadOfFile() throws IOException {
        expectBadInput(Files.createDirectory(dir.resolve("folder.png")), "is a directory");
    }

    @Test
    void missingFile() {
        expectBadInput(dir.resolve("missing.png"), "no such file");
    }

    @Test
    void unwritableOutputPath() throws IOException {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path notADirectory = write("plain-file", new byte[] {1});
        Cli r = Cli.run("convert", png, notADirectory.resolve("out.png"));
        assertEquals(4, r.code, r.toString());
        assertOneLine(r, "convert");
        Cli missingDir = Cli.run("convert", png, dir.resolve("no/such/dir/out.png"));
        assertEquals(4, missingDir.code, missingDir.toString());
        assertTrue(missingDir.err.contains("output directory does not exist"), missingDir.err);
        assertOnlyInputsRemain(png, notADirectory);
    }

    private void expectBadInput(Path input, String text) {
        for (String command : new String[] {"info", "convert"}) {
            Cli r = command.equals("info") ? Cli.run("info", input) : Cli.run("convert", input, dir.resolve("out.png"));
            assertEquals(3, r.code, r.toString());
            assertTrue(r.err.contains(text), () -> "stderr lacks '" + text + "': " + r.err);
            assertOneLine(r, command);
            assertFalse(Files.exists(dir.resolve("out.png")), "no output file");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertOneLine(Cli r, String command) {
        assertTrue(r.err.startsWith("inrkit " + command + ": "), r.err);
        assertEquals(1, r.err.strip().lines().count(), "one line, no stack trace: " + r.err);
    }

    private void assertOnlyInputsRemain(Path... inputs) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(inputs.length, files.count());
        }
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    private static int dataChunk(byte[] wav) {
        for (int i = 12; i + 4 <= wav.length; i++) {
            if (wav[i] == 'd' && wav[i + 1] == 'a' && wav[i + 2] == 't' && wav[i + 3] == 'a') {
                return i;
            }
        }
        throw new AssertionError("no data chunk");
    }
}
