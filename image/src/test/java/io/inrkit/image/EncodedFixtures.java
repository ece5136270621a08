package io.inrkit.image;

import io.inrkit.codec.EncodeOptions;
import io.inrkit.codec.Encoder;
import io.inrkit.core.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * .inr files for the ImageIO plugin's tests, encoded once per test JVM from the committed PNG
 * fixtures with the fast preset (context coding only, no network to train), in 16x16 tiles, so
 * that the 32x24 images are four tiles and every source region the suites read decodes from the
 * tiles it touches. They are encoded
 * here rather than committed so that they always come from the current encoder and format.
 */
final class EncodedFixtures {

    /** An encoded file and the samples it holds. */
    record Encoded(Path file, Signal signal) {
    }

    private static List<Encoded> all;

    private EncodedFixtures() {
    }

    /**
     * Every layout and depth the reader returns (gray, gray + alpha, RGB, RGBA; 1, 4, 8 and 16
     * bits), then crops one pixel wide and one pixel high.
     */
    static synchronized List<Encoded> all() {
        if (all == null) {
            try {
                Path dir = Files.createTempDirectory("inrkit-imageio-");
                dir.toFile().deleteOnExit();
                List<Encoded> files = new ArrayList<>();
                for (String name : List.of("rgb8.png", "gray8.png", "gray16.png", "gray1.png", "gray4.png",
                        "graya8.png", "rgb16.png", "rgba8.png", "rgba16.png")) {
                    files.add(encode(dir, name.replace(".png", ""), Fixtures.read(name).signal()));
                }
                Signal rgb = Fixtures.read("rgb8.png").signal();
                files.add(encode(dir, "rgb8-1x1", rgb.crop(5, 3, 1, 1)));
                files.add(encode(dir, "rgb8-1x13", rgb.crop(5, 3, 1, 13)));
                files.add(encode(dir, "rgb8-13x1", rgb.crop(5, 3, 13, 1)));
                all = List.copyOf(files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static Encoded encode(Path dir, String name, Signal signal) throws IOException {
        Path file = dir.resolve(name + ".inr");
        byte[] inr = Encoder.encode(signal, EncodeOptions.builder().preset(EncodeOptions.Preset.FAST).tileSize(16)
                .build(), Encoder.Listener.NONE).file();
        Files.write(file, inr);
        file.toFile().deleteOnExit();
        return new Encoded(file, signal);
    }
}
