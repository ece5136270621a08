package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inrkit.codec.internal.format.InrFormat;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.codec.internal.search.TrainedNetworks;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Committed files of every format version (src/test/resources/golden/v1, v2): whatever the codec
 * becomes, each must keep decoding to exactly its original samples, compared one by one, with the
 * coding mode it was written in. Version 1 (written by the build of commit 55b9ee8, one tile)
 * covers the context models of 8- and 16-bit images and 24-bit audio, a SIREN and a ternary
 * BitLinear model section in mixed mode, audio segment models, and bits coded by a lossless model
 * alone. Version 2 adds tiles: images in tiles that do not divide them, audio in blocks, a model's
 * side information seen through tiles and blocks (audio segment models across block edges), and
 * the stronger context model's modes ({@code context2}, {@code mixed2}; added later, the earlier
 * files rewritten byte for byte as they were), the context network's ({@code context2+net},
 * added after them in the same way), audio's window modes ({@code context+window},
 * {@code context2+window}) and the lean one ({@code context2+lean}, what the default preset writes
 * for audio since; the audio files of the modes before it are written in their own modes), the
 * image window modes ({@code context+window}, {@code context2+window}, {@code context2+net+window})
 * and the value modes ({@code context2+values+window}, what the default preset writes for images
 * of at most 8 bits since, and {@code context2+net+values+window}; the 8-bit files of the modes
 * before them are written in their own modes). Version 2's files were written by
 * {@code mvn -o verify -pl codec -am -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dinrkit.golden.write=true};
 * it writes only the files not yet there (rewriting one is only right when the format version
 * changes, and then into a new folder: the context network's first file, for one, was written
 * before the network's weights were stored in the formats chosen per layer).
 */
class GoldenFilesTest {

    static final Path ROOT = Path.of("src", "test", "resources", "golden");

    /** A committed file: what it holds, how it was made, and the coding mode it must report. */
    record Golden(String file, Supplier<Signal> source, Function<Signal, byte[]> encoder, String codingMode) {
    }

    static final FitOptions TINY = FitOptions.builder().width(8).layers(1).maxIterations(20).build();

    /** Version 1: what each file holds; they are no longer written. */
    static final List<Golden> VERSION_1 = List.of(
            new Golden("kodim23-16x16-context.inr", () -> CodecFixtures.image("kodim23-16x16.ppm"), null, "context"),
            new Golden("m51-16x16-gray16-context.inr", () -> CodecFixtures.image("m51-16x16.pgm"), null, "context"),
            new Golden("rgb16-16x16-context.inr", () -> CodecFixtures.image("rgb16-16x16.ppm"), null, "context"),
            new Golden("snare-256f-24bit-context.inr", CodecFixtures::snare, null, "context"),
            new Golden("kodim23-16x16-siren-int8-mixed.inr", () -> CodecFixtures.image("kodim23-16x16.ppm"), null,
                    "mixed"),
            new Golden("kodim23-16x16-ternary-mixed.inr", () -> CodecFixtures.image("kodim23-16x16.ppm"), null,
                    "mixed"),
            new Golden("snare-256f-24bit-segments-mixed.inr", CodecFixtures::snare, null, "mixed"),
            new Golden("kodim23-4x4-lossless-inr.inr", () -> CodecFixtures.image("kodim23-16x16.ppm").crop(0, 0, 4, 4),
                    null, "inr"));

    static EncodeOptions tiles(int edge, int frames) {
        return EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).tileSize(edge).blockFrames(frames).threads(2)
                .build();
    }

    /**
     * The default preset: the stronger context model, images through its window ({@code
     * context2+window}, and with value tables {@code context2+values+window} at 8 bits).
     */
    static EncodeOptions strongTiles(int edge, int frames) {
        return EncodeOptions.builder().tileSize(edge).blockFrames(frames).threads(2).build();
    }

    static final List<Golden> VERSION_2 = List.of(
            new Golden("kodim01-32x32-tiles24-context.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.contextOnly(s, new Tiling(24, 24), InrFormat.MODE_CONTEXT), "context"),
            new Golden("m51-16x16-gray16-tiles16-context.inr", () -> CodecFixtures.image("m51-16x16.pgm"),
                    s -> SampleFiles.contextOnly(s, new Tiling(16, 16), InrFormat.MODE_CONTEXT), "context"),
            new Golden("snare-256f-24bit-blocks100-context.inr", CodecFixtures::snare,
                    s -> SampleFiles.contextOnly(s, new Tiling(100, 1), InrFormat.MODE_CONTEXT), "context"),
            new Golden("kodim01-32x32-tiles24-siren-int8-mixed.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.mixed(s, TrainedNetworks.fit(s, TINY, s.spec().positions(), FitListener.NONE)
                            .store(TensorFormat.INT8_CHANNEL), new Tiling(24, 24)), "mixed"),
            new Golden("snare-256f-24bit-segments128-blocks100-mixed.inr", CodecFixtures::snare,
                    s -> SampleFiles.mixed(s, TrainedNetworks.fit(s, TINY, 128, FitListener.NONE)
                            .store(TensorFormat.INT8_CHANNEL), new Tiling(100, 1)), "mixed"),
            new Golden("kodim01-32x32-tiles24-context2.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.contextOnly(s, new Tiling(24, 24), InrFormat.MODE_CONTEXT2), "context2"),
            new Golden("m51-16x16-gray16-tiles16-context2.inr", () -> CodecFixtures.image("m51-16x16.pgm"),
                    s -> SampleFiles.contextOnly(s, new Tiling(16, 16), InrFormat.MODE_CONTEXT2), "context2"),
            new Golden("rgb16-16x16-context2.inr", () -> CodecFixtures.image("rgb16-16x16.ppm"),
                    s -> SampleFiles.contextOnly(s, new Tiling(16, 16), InrFormat.MODE_CONTEXT2), "context2"),
            new Golden("snare-256f-24bit-blocks100-context2.inr", CodecFixtures::snare,
                    s -> SampleFiles.contextOnly(s, new Tiling(100, 1), InrFormat.MODE_CONTEXT2), "context2"),
            new Golden("kodim01-32x32-tiles24-siren-int8-mixed2.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.mixed(s, TrainedNetworks.fit(s, TINY, s.spec().positions(), FitListener.NONE)
                            .store(TensorFormat.INT8_CHANNEL), new Tiling(24, 24), InrFormat.MODE_MIXED2), "mixed2"),
            new Golden("snare-256f-24bit-segments128-blocks100-mixed2.inr", CodecFixtures::snare,
                    s -> SampleFiles.mixed(s, TrainedNetworks.fit(s, TINY, 128, FitListener.NONE)
                            .store(TensorFormat.INT8_CHANNEL), new Tiling(100, 1), InrFormat.MODE_MIXED2), "mixed2"),
            new Golden("kodim01-32x32-tiles24-context2net.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.withContextNet(s, new Tiling(24, 24), InrFormat.MODE_CONTEXT2), "context2+net"),
            new Golden("snare-256f-24bit-blocks100-context-window.inr", CodecFixtures::snare,
                    s -> Encoder.encode(s, tiles(16, 100), Encoder.Listener.NONE).file(), "context+window"),
            new Golden("snare-256f-24bit-blocks100-context2-window.inr", CodecFixtures::snare,
                    s -> SampleFiles.contextOnly(s, new Tiling(100, 1), InrFormat.MODE_WINDOW2), "context2+window"),
            new Golden("snare-256f-24bit-blocks100-context2-lean.inr", CodecFixtures::snare,
                    s -> Encoder.encode(s, strongTiles(16, 100), Encoder.Listener.NONE).file(), "context2+lean"),
            new Golden("kodim01-32x32-tiles24-context-window.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.contextOnly(s, new Tiling(24, 24), InrFormat.MODE_IMAGE_WINDOW), "context+window"),
            new Golden("m51-16x16-gray16-tiles16-context-window.inr", () -> CodecFixtures.image("m51-16x16.pgm"),
                    s -> Encoder.encode(s, tiles(16, 64), Encoder.Listener.NONE).file(), "context+window"),
            new Golden("kodim01-32x32-tiles16-context2-window.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.contextOnly(s, new Tiling(16, 16), InrFormat.MODE_IMAGE_WINDOW2), "context2+window"),
            new Golden("m51-16x16-gray16-tiles16-context2-window.inr", () -> CodecFixtures.image("m51-16x16.pgm"),
                    s -> Encoder.encode(s, strongTiles(16, 64), Encoder.Listener.NONE).file(), "context2+window"),
            new Golden("rgb16-16x16-context2-window.inr", () -> CodecFixtures.image("rgb16-16x16.ppm"),
                    s -> Encoder.encode(s, strongTiles(512, 64), Encoder.Listener.NONE).file(), "context2+window"),
            new Golden("kodim01-32x32-tiles24-context2net-window.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.withContextNet(s, new Tiling(24, 24), InrFormat.MODE_IMAGE_WINDOW2),
                    "context2+net+window"),
            new Golden("kodim01-32x32-tiles24-context2-values-window.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> Encoder.encode(s, strongTiles(24, 64), Encoder.Listener.NONE).file(), "context2+values+window"),
            new Golden("kodim23-16x16-context2-values-window.inr", () -> CodecFixtures.image("kodim23-16x16.ppm"),
                    s -> Encoder.encode(s, strongTiles(512, 64), Encoder.Listener.NONE).file(), "context2+values+window"),
            new Golden("kodim01-32x32-tiles24-context2net-values-window.inr", () -> CodecFixtures.image("kodim01-32x32.ppm"),
                    s -> SampleFiles.withContextNet(s, new Tiling(24, 24), InrFormat.MODE_IMAGE_WINDOW2_VALUES),
                    "context2+net+values+window"));

    @Test
    void everyVersionOneFileDecodesToItsOriginalSamples() throws Exception {
        checkDecodes(1, VERSION_1);
    }

    @Test
    void everyVersionTwoFileDecodesToItsOriginalSamples() throws Exception {
        checkDecodes(2, VERSION_2);
        InrFileInfo tiled = InrFileInfo.read(Files.readAllBytes(ROOT.resolve("v2/kodim01-32x32-tiles24-context.inr")));
        assertEquals(4, tiled.tiles().list().size(), "32x32 in 24x24 tiles: 24x24, 8x24, 24x8, 8x8");
        InrFileInfo blocks = InrFileInfo.read(Files.readAllBytes(ROOT.resolve("v2/snare-256f-24bit-blocks100-context.inr")));
        assertEquals(List.of(100, 100, 56), blocks.tiles().list().stream().map(InrFileInfo.Tile::width).toList());
    }

    private static void checkDecodes(int version, List<Golden> files) throws Exception {
        for (Golden g : files) {
            byte[] file = Files.readAllBytes(ROOT.resolve("v" + version).resolve(g.file()));
            assertEquals(version, file[4], g.file() + ": a version " + version + " file");
            assertEquals(g.codingMode(), InrFileInfo.read(file).codingMode(), g.file());
            assertEquals(g.source().get(), Decoder.decode(file, 2), g.file() + ": every sample");
            assertEquals(g.source().get(), Decoder.decode(file, 1), g.file() + ": every sample, one thread");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "inrkit.golden.write", matches = "true")
    void write() throws IOException {
        Path dir = ROOT.resolve("v" + InrFormat.VERSION);
        Files.createDirectories(dir);
        for (Golden g : VERSION_2) {
            if (Files.exists(dir.resolve(g.file()))) {
                continue;
            }
            Signal s = g.source().get();
            byte[] file = g.encoder().apply(s);
            assertEquals(g.codingMode(), InrFileInfo.read(file).codingMode(), g.file());
            Files.write(dir.resolve(g.file()), file);
        }
    }
}
