package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inrkit.audio.AudioFiles;
import io.inrkit.codec.Decoder;
import io.inrkit.core.BitPlanes;
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
        ImageFiles.write(image.crop(0, 0, 64, 64), dir.resolve("crop.png"), false);

        Signal clip = AudioFiles.read(take).signal();
        AudioFiles.writeWav(clip.segment(0, 4800), dir.resolve("first-second.wav"), false);

        assertEquals(image, same);
        assertEquals(image.sample(0) >= 128, msb);
        assertEquals(image, ImageFiles.read(dir.resolve("crop.png")).signal());
        assertEquals(clip.segment(0, 4800), AudioFiles.read(dir.resolve("first-second.wav")).signal());

        // "Encoding from code"
        io.inrkit.codec.EncodeResult er = io.inrkit.codec.Encoder.encode(image,
                io.inrkit.codec.EncodeOptions.builder().build(), io.inrkit.codec.Encoder.Listener.NONE);
        byte[] inr = er.file();
        Signal decoded = io.inrkit.codec.Decoder.decode(inr, 2);
        assertEquals(image, decoded);
        Signal limited = io.inrkit.codec.Decoder.decode(inr,
                io.inrkit.codec.DecodeOptions.builder().maxMemory(512L << 20).build());
        assertEquals(image, limited);

        // "Bit-depth expansion from code"
        Signal four = io.inrkit.core.depth.BitDepthExpansion.reduce(image, 4);
        Signal eight = io.inrkit.core.depth.BitDepthExpansion.expand(four, 8,
                io.inrkit.core.depth.ExpansionMethod.CONTOUR, io.inrkit.core.depth.ExpansionOptions.defaults());
        io.inrkit.core.quality.SignalComparison c = io.inrkit.core.quality.SignalComparison.of(image, eight);
        assertEquals(8, eight.bitDepth());
        assertEquals(true, c.psnr() > 25 && c.maxAbsError() < 16, "within the interval the 4 known bits allow");

        // "Through the standard Java APIs" (on an 8x8 crop so the default preset stays quick)
        java.io.File photoInr = dir.resolve("photo.inr").toFile();
        java.awt.image.BufferedImage source = javax.imageio.ImageIO.read(photo.toFile()).getSubimage(0, 0, 8, 8);
        javax.imageio.ImageIO.write(source, "inr", photoInr);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(photoInr);
        java.io.File copy = dir.resolve("copy.inr").toFile();
        javax.imageio.ImageIO.write(img, "inr", copy);
        assertEquals(image.crop(0, 0, 8, 8), Decoder.decode(java.nio.file.Files.readAllBytes(copy.toPath()), 2));
        javax.sound.sampled.AudioFileFormat.Type INR = new javax.sound.sampled.AudioFileFormat.Type("INR", "inr");
        java.io.File takeInr = dir.resolve("take.inr").toFile();
        javax.sound.sampled.AudioSystem.write(javax.sound.sampled.AudioSystem.getAudioInputStream(take.toFile()), INR,
                takeInr);
        javax.sound.sampled.AudioInputStream pcm = javax.sound.sampled.AudioSystem.getAudioInputStream(takeInr);
        assertEquals(clip.sampleCount() * 2L, pcm.readAllBytes().length);
        assertEquals(clip, Decoder.decode(java.nio.file.Files.readAllBytes(takeInr.toPath()), 2));

        // "Fitting from code" (on a 4x4 crop so the test stays quick)
        io.inrkit.core.fit.FitResult r = io.inrkit.core.fit.InrFitter.fit(image.crop(0, 0, 4, 4),
                io.inrkit.core.fit.FitOptions.builder().build(), io.inrkit.core.fit.FitListener.NONE);
        assertEquals(true, r.lossless());
        assertEquals(8, r.bitErrorsPerPlane().length);
        assertEquals(image.crop(0, 0, 4, 4), r.reconstruction());
        io.inrkit.core.fit.TernaryFitResult t = io.inrkit.core.fit.InrFitter.fitTernary(image.crop(0, 0, 4, 4),
                io.inrkit.core.fit.FitOptions.ternaryBuilder().layers(4).build(), io.inrkit.core.fit.FitListener.NONE);
        assertEquals(true, t.lossless());
        assertEquals(io.inrkit.core.model.TernaryInr.featureCount(2, 7) * 256, t.model().codes(0).length);
    }
}
