package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inrkit.audio.AudioFiles;
import io.inrkit.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecCommandsTest {

    @TempDir
    Path dir;

    @Test
    void encodeInfoDecodeImage() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("k.inr");
        JsonNode e = CommandLineTest.json(Cli.run("encode", png, inr, "--preset", "fast", "--json"));
        assertEquals(Files.size(inr), e.get("bytes").asLong());
        assertEquals("context only", e.get("chosen").asText());
        assertEquals("context+window", e.get("codingMode").asText(), "the fast preset codes with the first model, through a window");
        assertTrue(e.get("bitsPerPixel").asDouble() < 24);
        Path strong = dir.resolve("k2.inr");
        JsonNode d2 = CommandLineTest.json(Cli.run("encode", png, strong, "--json"));
        assertEquals("context2+values+window", d2.get("codingMode").asText(),
                "the default preset codes an 8-bit image with the stronger model and its value tables, through a window");
        assertEquals("context only", d2.get("chosen").asText(), "and trains no network");
        assertTrue(d2.get("bytes").asLong() < e.get("bytes").asLong(), "and is smaller on a real crop");
        assertEquals("context2+values+window", CommandLineTest.json(Cli.run("info", "--json", strong)).get("codingMode").asText());
        Files.delete(strong);
        JsonNode info = CommandLineTest.json(Cli.run("info", "--json", inr));
        assertEquals("INR", info.get("format").asText());
        assertEquals(64, info.get("width").asInt());
        assertEquals(Files.size(inr), info.get("fileBytes").asLong());
        assertEquals(info.get("fileBytes").asInt(), info.get("headerBytes").asInt() + info.get("modelBytes").asInt()
                + info.get("bitsBytes").asInt());
        Path out = dir.resolve("k.png");
        Cli d = Cli.run("decode", inr, out);
        assertEquals(0, d.code, d.toString());
        assertTrue(d.out.contains("exact (SHA-256 verified)"), d.out);
        assertEquals(ImageFiles.read(png).signal(), ImageFiles.read(out).signal());
        // convert reads .inr too
        Path tif = dir.resolve("k.tif");
        assertEquals(0, Cli.run("convert", inr, tif).code);
        assertEquals(ImageFiles.read(png).signal(), ImageFiles.read(tif).signal());
    }

    @Test
    void encodeVerifyDecodesTheWrittenFileBeforeReportingSuccess() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("v.inr");
        Cli e = Cli.run("encode", png, inr, "--crop", "24x24+8+8", "--preset", "fast", "--verify");
        assertEquals(0, e.code, e.toString());
        assertTrue(e.out.contains("verified: decoded, every sample equal to the input"), e.out);
        JsonNode j = CommandLineTest.json(Cli.run("encode", png, dir.resolve("w.inr"), "--crop", "24x24+8+8",
                "--preset", "fast", "--verify", "--json"));
        assertTrue(j.get("verified").asBoolean());
        assertEquals(Files.size(inr), j.get("bytes").asLong());
        // --force verifies the file that replaces an existing one, and only then
        JsonNode fresh = CommandLineTest.json(Cli.run("encode", png, dir.resolve("x.inr"), "--crop", "24x24+8+8",
                "--preset", "fast", "--force", "--json"));
        assertFalse(fresh.get("verified").asBoolean(), "nothing to replace, nothing verified");
        JsonNode replaced = CommandLineTest.json(Cli.run("encode", png, dir.resolve("x.inr"), "--crop", "24x24+8+8",
                "--preset", "fast", "--force", "--json"));
        assertTrue(replaced.get("verified").asBoolean(), "the replacement is verified before the rename");
        Path out = dir.resolve("v.png");
        assertEquals(0, Cli.run("decode", inr, out).code);
        assertEquals(ImageFiles.read(png).signal().crop(8, 8, 24, 24), ImageFiles.read(out).signal());
        // a mismatch: the library call names the first differing sample
        io.inrkit.core.Signal original = ImageFiles.read(png).signal().crop(8, 8, 24, 24);
        io.inrkit.core.Signal other = ImageFiles.read(png).signal().crop(9, 8, 24, 24);
        IllegalStateException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> io.inrkit.codec.Decoder.verify(Files.readAllBytes(inr), other,
                        io.inrkit.codec.DecodeOptions.builder().build()));
        assertTrue(x.getMessage().startsWith("verify: sample "), x.getMessage());
        io.inrkit.codec.Decoder.verify(Files.readAllBytes(inr), original, io.inrkit.codec.DecodeOptions.builder().build());
        assertEquals(1, InrKit.exitCodeOf(x), "a mismatch is an internal error");
    }

    /** Tiles: encode --tile, info lists them, decode --region reads only those it touches; audio blocks the same. */
    @Test
    void tilesAreListedAndARegionDecodesFromThem() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("t.inr");
        assertEquals(0, Cli.run("encode", png, inr, "--preset", "fast", "--tile", "24", "-q").code);
        Cli info = Cli.run("info", inr);
        assertTrue(info.out.contains("9 24x24 tiles, each with a CRC32C of its samples")
                && info.out.contains("16x24+48+0, ") && info.out.contains("1 more (--json lists them all)"), info.out);
        JsonNode j = CommandLineTest.json(Cli.run("info", inr, "--json"));
        assertEquals(9, j.get("tiles").size());
        assertEquals(2, j.get("version").asInt());
        Path part = dir.resolve("part.png");
        Cli d = Cli.run("decode", inr, part, "--region", "30x20+20+10");
        assertEquals(0, d.code, d.toString());
        assertTrue(d.out.contains("exact (tile checksums verified)"), d.out);
        assertEquals(ImageFiles.read(png).signal().crop(20, 10, 30, 20), ImageFiles.read(part).signal());
        Cli outside = Cli.run("decode", inr, dir.resolve("no.png"), "--region", "30x20+50+10");
        assertEquals(2, outside.code, outside.toString());
        assertTrue(outside.err.contains("not inside the 64x64 image"), outside.err);
        assertEquals(2, Cli.run("decode", inr, dir.resolve("no.png"), "--samples", "0:10").code, "frames of an image");
        assertFalse(Files.exists(dir.resolve("no.png")));
    }

    @Test
    void encodeWithANetworkReportsEveryCandidate() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("k.inr");
        JsonNode e = CommandLineTest.json(Cli.run("encode", png, inr, "--crop", "16x16", "--width", "8", "--layers", "1",
                "--iters", "20", "--json"));
        JsonNode net = e.get("candidates").get(1);
        assertEquals("8x1", net.get("name").asText());
        assertTrue(net.get("modelBytes").asInt() > 0 && net.get("mixedBytes").asInt() > 0 && net.get("inrOnlyBytes").asInt() > 0);
        // the three ways of coding the bits are byte counts, and their keys say so
        JsonNode context = e.get("candidates").get(0);
        int contextOnly = context.get("contextOnlyBytes").asInt();
        assertTrue(contextOnly > 0 && contextOnly < context.get("totalBytes").asInt(), context.toString());
        for (String old : new String[] {"contextOnlyBits", "inrOnlyBits", "mixedBits"}) {
            assertFalse(net.has(old), old);
        }
        // the table the command prints keeps its columns, filled from the same counts
        Cli text = Cli.run("encode", png, dir.resolve("t.inr"), "--crop", "16x16", "--width", "8", "--layers", "1",
                "--iters", "20");
        assertEquals(0, text.code, text.toString());
        assertTrue(text.out.contains("| candidate | parameters | model bytes | bits: context only | bits: INR only"
                + " | bits: mixed | file bytes |\n"), text.out);
        assertTrue(text.out.contains("| 8x1 | " + net.get("parameters").asLong() + " | " + net.get("modelBytes").asInt()
                + " | " + net.get("contextOnlyBytes").asInt() + " | " + net.get("inrOnlyBytes").asInt() + " | "
                + net.get("mixedBytes").asInt() + " | " + net.get("totalBytes").asInt() + " |"), text.out);
        Path out = dir.resolve("k.png");
        assertEquals(0, Cli.run("decode", inr, out).code);
        assertEquals(ImageFiles.read(png).signal().crop(0, 0, 16, 16), ImageFiles.read(out).signal());
    }

    @Test
    void autoWeightsAndLowBitFormatsDecodeExactly() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        for (String weights : new String[] {"auto", "ternary", "posit8", "fp4", "int3"}) {
            Path inr = dir.resolve(weights + ".inr");
            Cli e = Cli.run("encode", png, inr, "--crop", "8x8", "--width", "8", "--layers", "1", "--iters", "20",
                    "--weights", weights, "-q");
            assertEquals(0, e.code, e.toString());
            Path out = dir.resolve(weights + ".png");
            assertEquals(0, Cli.run("decode", inr, out, "-q").code);
            assertEquals(ImageFiles.read(png).signal().crop(0, 0, 8, 8), ImageFiles.read(out).signal(), weights);
        }
    }

    /** --lossless-model --weights ternary stores the paper's ternary network, and info names it. */
    @Test
    void ternaryLosslessModelDecodesExactly() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("t.inr");
        Cli e = Cli.run("encode", png, inr, "--crop", "8x8", "--lossless-model", "--weights", "ternary", "--width", "128",
                "--layers", "2", "-q");
        assertEquals(0, e.code, e.toString());
        com.fasterxml.jackson.databind.JsonNode info = CommandLineTest.json(Cli.run("info", inr, "--json"));
        assertEquals("ternary BitLinear, 7 encoding frequencies, 3 layers", info.get("network").asText());
        assertEquals("inr", info.get("codingMode").asText(), "the network predicts every bit by itself");
        Path out = dir.resolve("t.png");
        assertEquals(0, Cli.run("decode", inr, out, "-q").code);
        assertEquals(ImageFiles.read(png).signal().crop(0, 0, 8, 8), ImageFiles.read(out).signal());
    }

    @Test
    void encodeDecodeAudio() throws Exception {
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Path inr = dir.resolve("p.inr");
        assertEquals(0, Cli.run("encode", wav, inr, "-q").code);
        assertTrue(Files.size(inr) < Files.size(wav) / 2);
        Path out = dir.resolve("p.wav");
        assertEquals(0, Cli.run("decode", inr, out).code);
        assertEquals(AudioFiles.read(wav).signal(), AudioFiles.read(out).signal());
    }

    @Test
    void badInrFilesEndInExitThreeWithoutOutput() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("k.inr");
        assertEquals(0, Cli.run("encode", png, inr, "--preset", "fast", "-q").code);
        byte[] good = Files.readAllBytes(inr);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 4;
        byte[][] bad = {Arrays.copyOf(good, good.length / 2), flipped, new byte[0], "INRK".getBytes()};
        for (int i = 0; i < bad.length; i++) {
            Path f = Files.write(dir.resolve("bad" + i + ".inr"), bad[i]);
            Path out = dir.resolve("bad" + i + ".png");
            Cli r = Cli.run("decode", f, out);
            assertEquals(3, r.code, r.toString());
            assertEquals(1, r.err.strip().lines().count(), r.err);
            assertTrue(r.err.startsWith("inrkit decode: " + f), r.err);
            assertFalse(Files.exists(out));
            assertEquals(3, Cli.run("info", f).code);
        }
        Cli notInr = Cli.run("decode", png, dir.resolve("x.png"));
        assertEquals(3, notInr.code);
        assertTrue(notInr.err.contains("not an .inr file"), notInr.err);
        assertEquals(2, Cli.run("encode", png, dir.resolve("x.png")).code, "encode writes .inr");
        assertEquals(2, Cli.run("encode", png, dir.resolve("y.inr"), "--weights", "int9").code);
        assertEquals(2, Cli.run("encode", png, dir.resolve("y.inr"), "--preset", "huge").code);
        Cli tile = Cli.run("encode", png, dir.resolve("y.inr"), "--tile", "5");
        assertEquals(2, tile.code, tile.toString());
        assertTrue(tile.err.contains("the tile size must be at least 16 pixels, got 5"), tile.err);
        Cli block = Cli.run("encode", png, dir.resolve("y.inr"), "--block", "10");
        assertEquals(2, block.code, block.toString());
        assertTrue(block.err.contains("blocks must be at least 64 frames, got 10"), block.err);
        assertFalse(Files.exists(dir.resolve("y.inr")));
    }

    /** --max-memory, --max-pixels, --max-parameters: a real file over any is a bad input (exit 3) and leaves nothing behind. */
    @Test
    void decodeRefusesAFileOverTheCallersLimits() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("k.inr");
        assertEquals(0, Cli.run("encode", png, inr, "--crop", "16x16", "--preset", "fast", "-q").code);
        Path out = dir.resolve("k.png");
        Cli memory = Cli.run("decode", inr, out, "--max-memory", "1k");
        assertEquals(3, memory.code, memory.toString());
        assertEquals(1, memory.err.strip().lines().count(), memory.err);
        assertTrue(memory.err.startsWith("inrkit decode: " + inr + ": the file declares image 16x16")
                && memory.err.contains("needs about 5509632 bytes (5 MiB)") && memory.err.contains("limit of 1024 bytes")
                && memory.err.contains("--max-memory") && memory.err.contains("-Xmx"), memory.err);
        Cli pixels = Cli.run("decode", inr, out, "--max-pixels", "255");
        assertEquals(3, pixels.code, pixels.toString());
        assertTrue(pixels.err.contains("256 pixels, over the limit of 255 pixels") && pixels.err.contains("--max-pixels"),
                pixels.err);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of("k.inr", "kodim23-64x64.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no output, no temporary file");
        }
        // a context-only file holds no network, so even a model-size limit of 0 lets it through
        assertEquals(0, Cli.run("decode", inr, out, "--max-memory", "5509632", "--max-pixels", "256",
                "--max-parameters", "0", "-q").code);
        assertEquals(ImageFiles.read(png).signal().crop(0, 0, 16, 16), ImageFiles.read(out).signal());
        Path again = dir.resolve("again.png");
        for (String[] bad : new String[][] {{"--max-memory", "1.5g"}, {"--max-memory", "0"}, {"--max-pixels", "0"},
            {"--max-parameters", "-1"}, {"--threads", "0"}}) {
            Cli r = Cli.run("decode", inr, again, bad[0], bad[1]);
            assertEquals(2, r.code, r.toString());
            assertTrue(r.err.contains(bad[1]), r.err);
            assertFalse(Files.exists(again));
        }
    }

    /** The chart of a bench codec run: sizes against JPEG XL's, and a clear refusal without it. */
    @Test
    void codecChartDrawsSizesAgainstTheStandard() throws Exception {
        String jxl = ExternalCodecs.JPEG_XL.name();
        List<Map<String, Object>> rows = List.of(
                Map.of("file", "a.png", "kind", "image", "rate", 8.0, "inrBytes", 8000, jxl, 8.4),
                Map.of("file", "b.png", "kind", "image", "rate", 6.0, "inrBytes", 600, jxl, 6.1));
        Path chart = dir.resolve("sizes.png");
        CodecChart.write(chart, rows, false);
        java.awt.image.BufferedImage drawn = javax.imageio.ImageIO.read(chart.toFile());
        assertEquals(1200, drawn.getWidth());
        assertEquals(620, drawn.getHeight());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> CodecChart.write(chart, rows, false));
        List<Map<String, Object>> notRun = List.of(Map.of("file", "a.png", "kind", "image", "rate", 8.0, "inrBytes", 8000,
                jxl, "not installed"));
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> CodecChart.write(dir.resolve("none.png"), notRun, false));
        assertTrue(e.getMessage().contains("did not run on every file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("none.png")));
    }

    @Test
    void benchCodecAndFuzz() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path csv = dir.resolve("t.csv");
        Cli r = Cli.run("bench", "codec", png, "--preset", "fast", "--no-external", "--centre-crop", "32x32", "--csv", csv);
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("| kodim23-64x64.png | image | 3072 |"), r.out);
        assertTrue(Files.readString(csv).startsWith("file,kind,rawBytes,inrBytes"));
        Path chart = dir.resolve("t.png");
        Cli noReference = Cli.run("bench", "codec", png, "--no-external", "--chart", chart);
        assertEquals(2, noReference.code, noReference.toString());
        assertTrue(noReference.err.contains("--chart draws sizes against JPEG XL's"), noReference.err);
        assertFalse(Files.exists(chart));
        Cli f = Cli.run("bench", "fuzz", png, "--cases", "200", "--json");
        JsonNode j = CommandLineTest.json(f);
        assertEquals(200, j.get("typedError").asInt() + j.get("decodedExactly").asInt());
        assertEquals(0, j.get("otherFailures").asInt());
        assertEquals(0, j.get("wrongSamples").asInt());
    }
}
