package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inrkit.audio.AudioFiles;
import io.inrkit.core.Signal;
import io.inrkit.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {

    @TempDir
    Path dir;

    @Test
    void fitsACropExactlyAndReportsIt() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path chart = dir.resolve("bits.png");
        Path rebuilt = dir.resolve("rebuilt.png");
        Cli r = Cli.run("fit", png, "--crop", "8x8+20+20", "--width", "64", "--lr", "2e-3", "--json",
                "--chart", chart, "--reconstruction", rebuilt);
        JsonNode j = CommandLineTest.json(r);
        assertTrue(j.get("lossless").asBoolean(), r.out);
        assertEquals(0, j.get("bitErrors").asInt());
        assertEquals(8 * 8 * 3 * 8, j.get("totalBits").asInt());
        assertEquals("inf", j.get("psnr").asText());
        assertEquals(8, j.get("bitErrorsPerPlane").size());
        // default plane-heads: (row, col) in, 3 channels x 8 planes out
        assertEquals("plane-heads", j.get("formulation").asText());
        assertEquals(2 * 64 + 64 + 2 * (64 * 64 + 64) + 64 * 24 + 24, j.get("parameters").asInt());
        assertTrue(j.get("iterations").asInt() > 0);
        Signal source = ImageFiles.read(png).signal().crop(20, 20, 8, 8);
        assertEquals(source, ImageFiles.read(rebuilt).signal(), "reconstruction equals the crop sample for sample");
        BufferedImage img = ImageIO.read(chart.toFile());
        assertEquals(900, img.getWidth());
    }

    /** The paper's extreme-quantization network: ternary weights, still every bit. */
    @Test
    void ternaryNetworkFitsACropExactly() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path rebuilt = dir.resolve("rebuilt.png");
        Cli r = Cli.run("fit", png, "--crop", "8x8+20+20", "--ternary-weights", "--width", "128", "--layers", "2",
                "--seed", "1", "--json", "--reconstruction", rebuilt);
        JsonNode j = CommandLineTest.json(r);
        assertTrue(j.get("lossless").asBoolean(), r.out);
        assertEquals("ternary-bitlinear", j.get("formulation").asText());
        assertEquals(7, j.get("frequencies").asInt(), "the paper's encoding by default");
        assertEquals(2 * 15 * 128 + 128 * 128 + 128 * 24, j.get("parameters").asInt(), "no biases");
        assertEquals(ImageFiles.read(png).signal().crop(20, 20, 8, 8), ImageFiles.read(rebuilt).signal());
        assertUsage(Cli.run("fit", png, "--frequencies", "3"), "--frequencies is for the ternary network");
        assertUsage(Cli.run("fit", png, "--ternary-weights", "--formulation", "bit-input"), "has its own network");
        assertUsage(Cli.run("fit", png, "--ternary-weights", "--frequencies", "17"), "encoding frequencies must be 0..16");
        assertUsage(Cli.run("fit", png, "--ternary-weights", "--omega", "5"), "the ternary BitLinear network has no omega");
        Path big = dir.resolve("big.png");
        assertTrue(ImageIO.write(new BufferedImage(257, 256, BufferedImage.TYPE_BYTE_GRAY), "png", big.toFile()));
        assertUsage(Cli.run("fit", big, "--ternary-weights"), "at most 65536 positions in one piece");
        Path inr = dir.resolve("big.inr");
        assertUsage(Cli.run("encode", big, inr, "--lossless-model", "--weights", "ternary", "-q"), "crop it");
        assertTrue(!java.nio.file.Files.exists(inr), "no partial output");
    }

    @Test
    void audioIsFittedInSegments() throws Exception {
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Path rebuilt = dir.resolve("rebuilt.wav");
        JsonNode j = CommandLineTest.json(Cli.run("fit", wav, "--samples", "5000:96", "--segment", "48", "--width", "64",
                "--lr", "2e-3", "--json", "--reconstruction", rebuilt));
        assertEquals(2, j.get("segments").asInt());
        assertTrue(j.get("lossless").asBoolean(), j.toString());
        assertEquals(AudioFiles.read(wav).signal().segment(5000, 96), AudioFiles.read(rebuilt).signal());
    }

    @Test
    void textOutputSaysLosslessAndGivesPlanes() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Cli r = Cli.run("fit", png, "--crop", "4x4", "--width", "32", "--lr", "3e-3", "-q");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("LOSSLESS (every bit of every sample)"), r.out);
        assertTrue(r.out.contains("per plane 0 0 0 0 0 0 0 0 (MSB first)"), r.out);
        assertEquals("", r.err, "quiet");
    }

    @Test
    void badArgumentsEndInAClearError() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        assertUsage(Cli.run("fit", png, "--width", "0"), "width must be 1..8192, got 0");
        assertUsage(Cli.run("fit", png, "--crop", "80x8+0+0"), "outside the 64x64 image");
        assertUsage(Cli.run("fit", png, "--batch", "many"), "--batch 'many' is neither a number nor full");
        assertUsage(Cli.run("fit", png, "--formulation", "pixels"), "unknown formulation 'pixels'");
        assertUsage(Cli.run("fit", png, "--engine", "torch"), "unknown engine 'torch'");
        assertUsage(Cli.run("fit", png, "--layers", "-1"), "layers must be 1..63, got -1");
        Path floatWav = java.nio.file.Files.write(dir.resolve("float.wav"), Cli.floatWav());
        Cli r = Cli.run("fit", floatWav);
        assertEquals(3, r.code, r.toString());
        assertTrue(r.err.contains("floating-point PCM (PCM_FLOAT, 32-bit) is not supported"), r.err);
    }

    /** A 32-bit integer gray TIFF (written by the JDK): images hold at most 16 bits. */
    @Test
    void unsupportedBitDepthIsABadInput() throws Exception {
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), new int[] {32}, false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_INT);
        java.awt.image.WritableRaster raster = cm.createCompatibleWritableRaster(4, 4);
        raster.setSample(1, 1, 0, 123_456_789);
        Path tif = dir.resolve("int32.tif");
        assertTrue(ImageIO.write(new BufferedImage(cm, raster, false, null), "tiff", tif.toFile()));
        Cli r = Cli.run("fit", tif);
        assertEquals(3, r.code, r.toString());
        assertTrue(r.err.contains("32-bit samples are not supported (images: 1..16 bits)"), r.err);
    }

    private static void assertUsage(Cli r, String text) {
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains(text), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
    }
}
