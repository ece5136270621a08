package io.inrkit.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /**
     * Samples of a binary PGM/PPM (P5/P6) parsed here, independently of the readers under test:
     * header tokens, then big-endian samples of one or two bytes.
     */
    static int[] rawPnmSamples(String name) throws IOException {
        byte[] d = Files.readAllBytes(path(name));
        String header = new String(d, 0, Math.min(d.length, 64), StandardCharsets.US_ASCII);
        String[] t = header.split("\\s+", 5);
        int w = Integer.parseInt(t[1]);
        int h = Integer.parseInt(t[2]);
        int maxval = Integer.parseInt(t[3]);
        int channels = t[0].equals("P6") ? 3 : 1;
        int offset = t[0].length() + t[1].length() + t[2].length() + t[3].length() + 4;
        int bytes = maxval > 255 ? 2 : 1;
        int[] out = new int[w * h * channels];
        for (int i = 0; i < out.length; i++) {
            int at = offset + i * bytes;
            out[i] = bytes == 2 ? (d[at] & 0xFF) << 8 | d[at + 1] & 0xFF : d[at] & 0xFF;
        }
        return out;
    }
}
