package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inrkit.audio.AudioFiles;
import io.inrkit.core.Signal;
import io.inrkit.core.depth.BitDepthExpansion;
import io.inrkit.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** expand, reduce, compare and bench depth through the command line, on the bundled samples. */
class DepthCommandsTest {

    @TempDir
    Path dir;

    @Test
    void reduceExpandCompareRoundTrip() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path low = dir.resolve("low4.png");
        Path wide = dir.resolve("wide8.png");
        assertEquals(0, Cli.run("reduce", png, low, "--bits", "4").code);
        Signal four = ImageFiles.read(low).signal();
        assertEquals(4, four.bitDepth(), "PNG keeps the 4-bit depth in sBIT");
        assertEquals(BitDepthExpansion.reduce(ImageFiles.read(png).signal(), 4), four);

        Cli r = Cli.run("expand", low, wide, "--bits", "8", "--json");
        JsonNode j = CommandLineTest.json(r);
        assertEquals("learned", j.get("method").asText(), "the best measured method is the default");
        assertEquals(4, j.get("fromBits").asInt());
        Signal eight = ImageFiles.read(wide).signal();
        assertEquals(four, BitDepthExpansion.reduce(eight, 4), "known bits kept");

        JsonNode c = CommandLineTest.json(Cli.run("compare", png, wide, "--json"));
        assertEquals(64 * 64 * 3, c.get("samples").asInt());
        assertTrue(c.get("maxAbsError").asInt() <= 15, "within the 4-bit interval: " + c);
        assertTrue(c.get("psnr").asDouble() > 30 && c.get("ssim").asDouble() > 0.8, c.toString());
        assertFalse(c.get("identical").asBoolean());

        Cli same = Cli.run("compare", png, png);
        assertEquals(0, same.code);
        assertTrue(same.out.contains("inf (identical)") && same.out.contains("differing 0 of 12288"), same.out);
    }

    /** info --depth-prior says what the learned method's network is and what it was trained on. */
    @Test
    void infoDescribesTheBundledDepthPrior() throws Exception {
        Cli r = Cli.run("info", "--depth-prior");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("layers     [87,") && r.out.contains("seed: ") && r.out.contains("no test image"), r.out);
        JsonNode j = CommandLineTest.json(Cli.run("info", "--depth-prior", "--json"));
        assertTrue(j.get("parameters").asInt() > 1000, j.toString());
        Cli neither = Cli.run("info");
        assertEquals(2, neither.code);
        assertTrue(neither.err.contains("give a FILE or --depth-prior"), neither.err);
    }

    @Test
    void networkMethodRunsWithLimitsAndReportsTheFit() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path crop = dir.resolve("crop.png");
        assertEquals(0, Cli.run("reduce", png, crop, "--bits", "6", "--crop", "12x12+20+20").code);
        JsonNode j = CommandLineTest.json(Cli.run("expand", crop, dir.resolve("out.png"), "--bits", "8", "--method",
                "inr-soft", "--iterations", "20", "--width", "16", "--json"));
        assertEquals(20, j.get("iterations").asInt());
        assertTrue(j.has("knownBitErrors"));
    }

    @Test
    void audioExpandsTo24Bits() throws Exception {
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Path wide = dir.resolve("wide.wav");
        assertEquals(0, Cli.run("expand", wav, wide, "--bits", "24", "-q").code);
        Signal in = AudioFiles.read(wav).signal();
        Signal out = AudioFiles.read(wide).signal();
        assertEquals(24, out.bitDepth());
        assertEquals(in, BitDepthExpansion.reduce(out, 16));
    }

    @Test
    void badRequestsFailCleanlyWithoutOutput() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path out = dir.resolve("out.png");
        Cli notAbove = Cli.run("expand", png, out, "--bits", "8");
        assertEquals(ExitCode.USAGE, notAbove.code, notAbove.toString());
        assertTrue(notAbove.err.contains("not above the input's 8 bits"), notAbove.err);
        Cli tooDeep = Cli.run("expand", png, out, "--bits", "20");
        assertEquals(ExitCode.USAGE, tooDeep.code);
        assertTrue(tooDeep.err.contains("above the 16 bits"), tooDeep.err);
        Cli wav12 = Cli.run("expand", Cli.sample("piano-stereo-16bit.wav", dir), dir.resolve("x.wav"), "--bits", "20");
        assertEquals(ExitCode.USAGE, wav12.code);
        assertTrue(wav12.err.contains("WAV keeps 8, 16, 24 or 32 bits"), wav12.err);
        Cli method = Cli.run("expand", png, out, "--bits", "16", "--method", "magic");
        assertEquals(ExitCode.USAGE, method.code);
        assertTrue(method.err.contains("unknown expansion method 'magic'"), method.err);

        Path crop = dir.resolve("crop.png");
        assertEquals(0, Cli.run("convert", png, crop, "--crop", "32x32").code);
        Cli sizes = Cli.run("compare", png, crop);
        assertEquals(ExitCode.USAGE, sizes.code);
        assertTrue(sizes.err.contains("sizes differ"), sizes.err);
        Cli missing = Cli.run("compare", png, dir.resolve("nothing.png"));
        assertEquals(ExitCode.BAD_INPUT, missing.code, missing.toString());
        Cli reduceUp = Cli.run("reduce", png, out, "--bits", "8");
        assertEquals(ExitCode.USAGE, reduceUp.code);
        assertFalse(Files.exists(out), "no output after a refused request");
    }

    @Test
    void benchDepthTablesJsonAndChart() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path json = dir.resolve("d.json");
        Path chart = dir.resolve("d.png");
        Cli r = Cli.run("bench", "depth", png, "--from", "4", "--methods", "zp,centre,contour", "--json", json, "--chart",
                chart, "-q");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("| kodim23-64x64.png |") && r.out.contains("| contour |"), r.out);
        JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        JsonNode m = j.get("files").get(0).get("methods");
        assertTrue(m.get("centre").get("psnr").asDouble() > m.get("zp").get("psnr").asDouble(), j.toString());
        assertEquals(1200, ImageIO.read(chart.toFile()).getWidth());
    }
}
