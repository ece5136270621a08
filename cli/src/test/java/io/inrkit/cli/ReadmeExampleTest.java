package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inrkit.audio.AudioFiles;
import io.inrkit.core.BitPlanes;
import io.inrkit.core.CoordinateGrid;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.image.ImageFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, call for call, on the bundled samples. */
class ReadmeExampleTest {

    @Test
    void libraryExampleRunsAsWritten(@TempDir Path dir) throws Exception {
        Path photo = Cli.sample("kodim23-64x64.png", dir);
        Path take = Cli.sample("piano-stereo-16bit.wav", dir);

        Signal image = ImageFiles.read(photo).signal();
        BitPlanes planes = BitPlanes.decompose(image, PlaneMapping.BINARY);
        boolean msb = planes.bit(planes.planeCount() - 1, 0);
        Signal same = planes.recompose();
        float[] coords = CoordinateGrid.positionsWithBit(image.spec());
        ImageFiles.write(image.crop(0, 0, 64, 64), dir.resolve("crop.png"), false);

        Signal clip = AudioFiles.read(take).signal();
        AudioFiles.writeWav(clip.segment(0, 4800), dir.resolve("first-second.wav"), false);

        assertEquals(image, same);
        assertEquals(image.sample(0) >= 128, msb);
        assertEquals(64 * 64 * 8 * 3, coords.length);
        assertEquals(image, ImageFiles.read(dir.resolve("crop.png")).signal());
        assertEquals(clip.segment(0, 4800), AudioFiles.read(dir.resolve("first-second.wav")).signal());

        // "Encoding from code"
        io.inrkit.codec.EncodeResult er = io.inrkit.codec.Encoder.encode(image,
                io.inrkit.codec.EncodeOptions.builder().build(), io.inrkit.codec.Encoder.Listener.NONE);
        byte[] inr = er.file();
        Signal decoded = io.inrkit.codec.Decoder.decode(inr, 2);
        assertEquals(image, decoded);

        // "Fitting from code" (on a 4x4 crop so the test stays quick)
        io.inrkit.core.fit.FitResult r = io.inrkit.core.fit.InrFitter.fit(image.crop(0, 0, 4, 4),
                io.inrkit.core.fit.FitOptions.builder().build(), io.inrkit.core.fit.FitListener.NONE);
        assertEquals(true, r.lossless());
        assertEquals(8, r.bitErrorsPerPlane().length);
        assertEquals(image.crop(0, 0, 4, 4), r.reconstruction());
    }
}
