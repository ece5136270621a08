package io.inrkit.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed audio fixtures (see src/test/resources/fixtures/make-fixtures.sh). */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        return Path.of("src", "test", "resources", "fixtures", name);
    }

    static DecodedAudio read(String name) {
        try {
            return AudioFiles.read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    /** Signed samples of a headerless PCM dump, parsed independently of javax.sound. */
    static int[] rawSamples(String name, int bytesPerSample, boolean bigEndian) {
        return io.inrkit.core.testing.RawSignals.pcmSamples(path(name), bytesPerSample, bigEndian);
    }
}
