package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import io.inrkit.core.testing.RawSignals;
import java.nio.file.Path;

/** inr-core's real-signal fixtures (src/test/resources/fixtures/make-fixtures.sh). */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        return Path.of("src", "test", "resources", "fixtures", name);
    }

    /** 32x32 top-left crop of kodim01, 8-bit RGB: the fitting issue's benchmark crop. */
    static Signal kodim01() {
        return RawSignals.pnm(path("kodim01-32x32.ppm"));
    }

    /** 16x16 crop of kodim23, 8-bit RGB. */
    static Signal kodim23() {
        return RawSignals.pnm(path("kodim23-16x16.ppm"));
    }

    /** 16x16 crop of a real 16-bit RGB photo. */
    static Signal rgb16() {
        return RawSignals.pnm(path("rgb16-16x16.ppm"));
    }

    /** 16x16 crop of the M51 galaxy, 16-bit gray. */
    static Signal m51() {
        return RawSignals.pnm(path("m51-16x16.pgm"));
    }

    /** 256 frames of a 24-bit stereo snare at 48 kHz. */
    static Signal snare() {
        return RawSignals.pcm(path("snare-256f-2ch-48k.s24le"), 3, false, 2, 48000);
    }
}
