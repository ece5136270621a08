package io.inrkit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Files written by format version 1, committed (src/test/resources/golden/v1): whatever the codec
 * becomes, each must keep decoding to exactly its original samples, compared one by one, with the
 * coding mode it was written in. They cover the context models of 8- and 16-bit images and 24-bit
 * audio, a SIREN and a ternary BitLinear model section in mixed mode, audio segment models, and
 * bits coded by a lossless model alone. Written once by
 * {@code mvn -o verify -pl codec -am -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dinrkit.golden.write=true};
 * rewriting them is only right when the format version changes, and then into a new folder.
 */
class GoldenFilesTest {

    static final Path DIR = Path.of("src", "test", "resources", "golden", "v1");

    /** A committed file: what it holds, how it was made, and the coding mode it must report. */
    record Golden(String file, Supplier<Signal> source, Function<Signal, byte[]> encoder, String codingMode) {
    }

    static final FitOptions TINY = FitOptions.builder().width(8).layers(1).maxIterations(20).build();

    static final List<Golden> FILES = List.of(
            new Golden("kodim23-16x16-context.inr", () -> CodecFixtures.image("kodim23-16x16.ppm"),
                    SampleFiles::contextOnly, "context"),
            new Golden("m51-16x16-gray16-context.inr", () -> CodecFixtures.image("m51-16x16.pgm"),
                    SampleFiles::contextOnly, "context"),
            new Golden("rgb16-16x16-context.inr", () -> CodecFixtures.image("rgb16-16x16.ppm"),
                    SampleFiles::contextOnly, "context"),
            new Golden("snare-256f-24bit-context.inr", CodecFixtures::snare, SampleFiles::contextOnly, "context"),
            new Golden("kodim23-16x16-siren-int8-mixed.inr", () -> CodecFixtures.image("kodim23-16x16.ppm"),
                    SampleFiles::withNetwork, "mixed"),
            new Golden("kodim23-16x16-ternary-mixed.inr", () -> CodecFixtures.image("kodim23-16x16.ppm"),
                    SampleFiles::withTernaryNetwork, "mixed"),
            new Golden("snare-256f-24bit-segments-mixed.inr", CodecFixtures::snare,
                    s -> SampleFiles.mixed(s, TrainedNetworks.fit(s, TINY, 128, FitListener.NONE)
                            .store(TensorFormat.INT8_CHANNEL)), "mixed"),
            new Golden("kodim23-4x4-lossless-inr.inr", () -> CodecFixtures.image("kodim23-16x16.ppm").crop(0, 0, 4, 4),
                    s -> Encoder.encode(s, EncodeOptions.builder().losslessModel(true).width(64).layers(2)
                            .iterations(3000).seed(1).build(), Encoder.Listener.NONE).file(), "inr"));

    @Test
    void everyVersionOneFileDecodesToItsOriginalSamples() throws Exception {
        for (Golden g : FILES) {
            byte[] file = Files.readAllBytes(DIR.resolve(g.file()));
            assertEquals(1, file[4], g.file() + ": a version 1 file");
            assertEquals(g.codingMode(), InrFileInfo.read(file).codingMode(), g.file());
            assertEquals(g.source().get(), Decoder.decode(file, 2), g.file() + ": every sample");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "inrkit.golden.write", matches = "true")
    void write() throws IOException {
        Files.createDirectories(DIR);
        for (Golden g : FILES) {
            Signal s = g.source().get();
            byte[] file = g.encoder().apply(s);
            assertEquals(g.codingMode(), InrFileInfo.read(file).codingMode(), g.file());
            Files.write(DIR.resolve(g.file()), file);
        }
    }
}
