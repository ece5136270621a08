package io.inrkit.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The committed image fixtures (see src/test/resources/fixtures/make-fixtures.sh). */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        return Path.of("src", "test", "resources", "fixtures", name);
    }

    static DecodedImage read(String name) {
        try {
            return ImageFiles.read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples of a binary PGM/PPM, parsed independently of the readers under test. */
    static int[] rawPnmSamples(String name) {
        return io.inrkit.core.testing.RawSignals.pnmSamples(path(name));
    }
}
