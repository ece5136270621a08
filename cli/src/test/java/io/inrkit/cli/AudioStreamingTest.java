package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inrkit.audio.AudioFiles;
import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.Encoder;
import io.inrkit.core.Signal;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audio goes through encode and decode block by block (a real piano recording, in blocks of
 * 4096 frames): the files are the library's in-memory encoder's, the decode is the WAV that
 * holds exactly the samples, and a truncated or corrupt input leaves nothing behind.
 */
class AudioStreamingTest {

    @TempDir
    Path dir;

    @Test
    void streamedFilesAreTheEncodersAndDecodeToTheSamples() throws Exception {
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Signal signal = AudioFiles.read(wav).signal();
        byte[] expected = Encoder.encode(signal, EncodeOptions.builder().blockFrames(4096).build(),
                Encoder.Listener.NONE).file();
        Path inr = dir.resolve("p.inr");
        JsonNode e = CommandLineTest.json(Cli.run("encode", wav, inr, "--block", "4096", "--json"));
        assertTrue(e.get("streamed").asBoolean());
        assertEquals(Files.size(wav), e.get("inputBytes").asLong());
        assertEquals(Files.size(inr), e.get("bytes").asLong());
        assertArrayEquals(expected, Files.readAllBytes(inr));
        Cli piped = Cli.piped(Files.readAllBytes(wav), "encode", "-", "-o", "-", "--block", "4096", "--threads", "1");
        assertEquals(0, piped.code, piped.toString());
        assertArrayEquals(expected, piped.data, "standard input to standard output: the same bytes");

        int blocks = (signal.spec().frames() + 4095) / 4096;
        JsonNode info = CommandLineTest.json(Cli.run("info", "--json", inr));
        assertEquals(blocks, info.get("tiles").size(), info.toString());

        ByteArrayOutputStream wavBytes = new ByteArrayOutputStream();
        AudioFiles.writeWav(signal, wavBytes);
        Cli toStdout = Cli.piped(Files.readAllBytes(inr), "decode", "-", "-o", "-", "-q");
        assertEquals(0, toStdout.code, toStdout.toString());
        assertArrayEquals(wavBytes.toByteArray(), toStdout.data);
        Path back = dir.resolve("back.wav");
        Cli toFile = Cli.run("decode", inr, back, "--threads", "2");
        assertEquals(0, toFile.code, toFile.toString());
        assertArrayEquals(wavBytes.toByteArray(), Files.readAllBytes(back));
        Path excerpt = dir.resolve("excerpt.wav");
        Cli part = Cli.run("decode", inr, excerpt, "--samples", "5000:4000");
        assertEquals(0, part.code, part.toString());
        assertTrue(part.out.contains("tile checksums verified"), part.out);
        assertEquals(signal.segment(5000, 4000), AudioFiles.read(excerpt).signal());
        assertEquals(ExitCode.USAGE, Cli.run("decode", inr, dir.resolve("x.wav"), "--samples", "0:99999999").code);
        assertFalse(Files.exists(dir.resolve("x.wav")));
    }

    @Test
    void verifyDecodesTheStreamedFileAgainstTheInputsSha() throws Exception {
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Cli e = Cli.run("encode", wav, dir.resolve("v.inr"), "--block", "8192", "--preset", "fast", "--verify");
        assertEquals(0, e.code, e.toString());
        assertTrue(e.out.contains("verified: decoded block by block, the SHA-256 of every sample equal to the input's"),
                e.out);
    }

    @Test
    void aTruncatedRecordingOnStandardInputLeavesNoFile() throws Exception {
        byte[] data = Files.readAllBytes(Cli.sample("piano-stereo-16bit.wav", dir));
        byte[] cut = Arrays.copyOf(data, data.length / 2);
        Path inr = dir.resolve("cut.inr");
        Cli e = Cli.piped(cut, "encode", "-", "-o", inr, "--block", "4096");
        assertEquals(ExitCode.BAD_INPUT, e.code, e.toString());
        assertTrue(e.err.contains("truncated audio"), e.err);
        assertFalse(Files.exists(inr));
        assertEquals(List.of("piano-stereo-16bit.wav"), names());
    }

    @Test
    void aCorruptFileDecodesToNoFile() throws Exception {
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Path inr = dir.resolve("p.inr");
        assertEquals(0, Cli.run("encode", wav, inr, "--block", "4096", "-q").code);
        byte[] file = Files.readAllBytes(inr);
        file[file.length - 200] ^= 0x40; // in the last block's coded bits
        Files.write(inr, file);
        Path out = dir.resolve("p.wav");
        Cli d = Cli.run("decode", inr, out);
        assertEquals(ExitCode.BAD_INPUT, d.code, d.toString());
        assertTrue(d.err.contains("corrupt"), d.err);
        assertFalse(Files.exists(out));
        assertEquals(List.of("p.inr", "piano-stereo-16bit.wav"), names());
        Cli image = Cli.run("decode", inr, dir.resolve("p.png"));
        assertEquals(ExitCode.USAGE, image.code, "audio is not written as PNG: " + image);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
