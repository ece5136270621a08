package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inrkit.audio.AudioFiles;
import io.inrkit.core.Signal;
import io.inrkit.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void versionAndHelp() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.startsWith("inrkit "), v.out);
        Cli h = Cli.run("--help");
        assertEquals(0, h.code);
        assertTrue(h.out.contains("convert") && h.out.contains("info") && h.out.contains("Exit codes"), h.out);
        Cli hc = Cli.run("help", "convert");
        assertEquals(0, hc.code);
        assertTrue(hc.out.contains("--crop") && hc.out.contains("Examples"), hc.out);
    }

    @Test
    void encodeHelpNamesEveryWeightFormat() {
        Cli h = Cli.run("help", "encode");
        assertEquals(0, h.code);
        String text = h.out.replaceAll("\\s+", " ");
        assertTrue(text.contains("--weights=F Weight format: auto, " + io.inrkit.codec.WeightFormat.ids()
                + " (see docs/FORMAT.md)"), h.out);
    }

    @Test
    void aFolderContributesEveryImageAndAudioFileByExtension() throws IOException {
        java.util.List<String> extensions = new java.util.ArrayList<>(io.inrkit.image.ImageFormat.allExtensions());
        extensions.addAll(AudioFiles.EXTENSIONS);
        for (String e : extensions) {
            Files.write(dir.resolve("a." + e.toUpperCase(java.util.Locale.ROOT)), new byte[1]);
        }
        Files.write(dir.resolve("notes.txt"), new byte[1]);
        Files.write(dir.resolve(".hidden.png"), new byte[1]);
        assertEquals(extensions.size(), EncodeCommand.mediaFilesIn(dir).size());
        assertTrue(extensions.containsAll(java.util.List.of("png", "tiff", "pgm", "gif", "wav", "aifc", "snd")));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, Cli.run("--no-such-option").code);
        assertEquals(2, Cli.run("info").code);
        assertEquals(2, Cli.run("frobnicate").code);
    }

    @Test
    void infoReportsImageFacts() throws IOException {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Cli r = Cli.run("info", png);
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("size       64x64"), r.out);
        assertTrue(r.out.contains("channels   3 (rgb)"), r.out);
        JsonNode j = json(Cli.run("info", "--json", png));
        assertEquals("PNG", j.get("format").asText());
        assertEquals(64, j.get("width").asInt());
        assertEquals(8, j.get("bitDepth").asInt());
        assertEquals(8, j.get("bitsUsed").asInt());
        assertFalse(j.get("signed").asBoolean());
    }

    @Test
    void infoReportsAudioFacts() throws IOException {
        JsonNode j = json(Cli.run("info", "--json", Cli.sample("piano-stereo-16bit.wav", dir)));
        assertEquals("audio", j.get("kind").asText());
        assertEquals(11025, j.get("frames").asInt());
        assertEquals(44100.0, j.get("sampleRate").asDouble());
        assertEquals(16, j.get("bitDepth").asInt());
        assertTrue(j.get("signed").asBoolean());
        assertEquals(12723, j.get("peak").asInt());
    }

    @Test
    void convertCopiesEverySampleAndCrops() throws IOException {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path tif = dir.resolve("out.tif");
        Cli r = Cli.run("convert", png, tif);
        assertEquals(0, r.code, r.toString());
        Signal source = ImageFiles.read(png).signal();
        assertEquals(source, ImageFiles.read(tif).signal());

        Path crop = dir.resolve("crop.png");
        assertEquals(0, Cli.run("convert", png, crop, "--crop", "16x8+4+2").code);
        assertEquals(source.crop(4, 2, 16, 8), ImageFiles.read(crop).signal());

        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Path part = dir.resolve("part.wav");
        assertEquals(0, Cli.run("convert", wav, part, "--samples", "100:50").code);
        assertEquals(AudioFiles.read(wav).signal().segment(100, 50), AudioFiles.read(part).signal());
    }

    @Test
    void existingOutputNeedsForceAndInputIsNeverOverwritten() throws IOException {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path out = Files.write(dir.resolve("out.png"), new byte[] {42});
        Cli r = Cli.run("convert", png, out);
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("already exists (use --force to replace it)"), r.err);
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(out));
        assertEquals(0, Cli.run("convert", png, out, "--force").code);

        byte[] before = Files.readAllBytes(png);
        Cli self = Cli.run("convert", png, png, "--force");
        assertEquals(2, self.code, self.toString());
        assertTrue(self.err.contains("never overwrites an input"), self.err);
        assertArrayEquals(before, Files.readAllBytes(png));
    }

    @Test
    void wrongKindsAndRegionsAreUsageErrors() throws IOException {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        assertUsage(Cli.run("convert", png, dir.resolve("x.wav")), "cannot write image as WAV");
        assertUsage(Cli.run("convert", png, dir.resolve("x.jpg")), "cannot tell the output format");
        assertUsage(Cli.run("convert", png, dir.resolve("x.png"), "--crop", "64x64+1+0"), "outside the 64x64 image");
        assertUsage(Cli.run("convert", png, dir.resolve("x.png"), "--crop", "0x4"), "outside the 64x64 image");
        assertUsage(Cli.run("convert", png, dir.resolve("x.png"), "--crop", "big"), "is not WxH+X+Y");
        assertUsage(Cli.run("convert", png, dir.resolve("x.png"), "--samples", "0:10"), "--samples applies to audio");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no output written");
        }
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path missing = dir.resolve("missing.png");
        Cli quiet = Cli.run("info", missing);
        Cli verbose = Cli.run("--verbose", "info", missing);
        assertEquals(3, verbose.code);
        assertEquals(1, quiet.err.strip().lines().count());
        assertTrue(verbose.err.contains("at io.inrkit."), verbose.err);
    }

    private static void assertUsage(Cli r, String text) {
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains(text), r.err);
    }

    static JsonNode json(Cli r) throws IOException {
        assertEquals(0, r.code, r.toString());
        return new ObjectMapper().readTree(r.out);
    }
}
