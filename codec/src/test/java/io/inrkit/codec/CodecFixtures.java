package io.inrkit.codec;

import io.inrkit.core.Signal;
import io.inrkit.core.testing.RawSignals;
import java.nio.file.Path;

/** The codec's real-signal fixtures (src/test/resources/fixtures/README.md). */
public final class CodecFixtures {

    private CodecFixtures() {
    }

    public static Path path(String name) {
        // from codec itself or from a module beside it that uses the test-jar
        return Path.of("..", "codec", "src", "test", "resources", "fixtures", name);
    }

    /** A PPM/PGM crop: kodim01-32x32.ppm, kodim23-16x16.ppm, rgb16-16x16.ppm, m51-16x16.pgm. */
    public static Signal image(String name) {
        return RawSignals.pnm(path(name));
    }

    /** 256 frames of a real 24-bit stereo snare at 48 kHz. */
    public static Signal snare() {
        return RawSignals.pcm(path("snare-256f-2ch-48k.s24le"), 3, false, 2, 48000);
    }
}
