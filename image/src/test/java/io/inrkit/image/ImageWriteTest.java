package io.inrkit.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.UnsupportedFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageWriteTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gray1.png", "gray2.png", "gray4.png", "gray8.png", "gray16.png", "graya8.png",
        "graya16.png", "rgb8.png", "rgb16.png", "rgba8.png", "rgba16.png", "palette.png", "palette-alpha.png",
        "gray16.tif", "rgb16.ppm", "bilevel.bmp", "palette.gif", "gray4.pgm"})
    void pngRoundTripKeepsEverySampleAndTheDepth(String file) throws IOException {
        Signal s = Fixtures.read(file).signal();
        Signal back = ImageFiles.decode(encode(s, ImageFormat.PNG)).signal();
        assertEquals(s.spec(), back.spec());
        assertEquals(-1, s.firstDifference(back));
    }

    /** A PNG whose deflated rows fill several IDAT chunks (64 KiB each) reads back exactly, and its chunks check. */
    @Test
    void largePngSpansSeveralDataChunks() throws IOException {
        Signal.Builder b = Signal.builder(SignalSpec.image(160, 120, 3, 16));
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 160 * 120 * 3; i++) {
            b.set(i, r.nextInt(1 << 16));
        }
        Signal noise = b.build();
        byte[] png = encode(noise, ImageFormat.PNG);
        String text = new String(png, java.nio.charset.StandardCharsets.ISO_8859_1);
        int idats = text.split("IDAT", -1).length - 1;
        assertTrue(idats >= 2, idats + " IDAT chunks in " + png.length + " bytes");
        PngChunks.validate(png);
        assertEquals(noise, ImageFiles.decode(png).signal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gray8.png", "gray16.png", "graya16.png", "rgb8.png", "rgb16.png", "rgba8.png", "rgba16.png"})
    void tiffRoundTripKeepsEverySample(String file) throws IOException {
        Signal s = Fixtures.read(file).signal();
        Signal back = ImageFiles.decode(encode(s, ImageFormat.TIFF)).signal();
        assertEquals(s, back);
    }

    /** Depths PNG cannot store natively travel in 8/16 bits with an sBIT chunk and come back. */
    @Test
    void oddDepthsSurviveThroughSignificantBits() throws IOException {
        Signal rgb16 = Fixtures.read("rgb16.png").signal();
        for (int bits : new int[] {3, 5, 6, 7, 9, 10, 12, 14, 15}) {
            Signal reduced = topBits(rgb16, bits);
            byte[] png = encode(reduced, ImageFormat.PNG);
            assertEquals(bits <= 8 ? 8 : 16, png[24], "IHDR bit depth");
            assertTrue(new String(png, java.nio.charset.StandardCharsets.ISO_8859_1).contains("sBIT"));
            assertEquals(reduced, ImageFiles.decode(png).signal(), bits + "-bit");
        }
    }

    /** A 16-bit PNG whose sBIT says 12 but whose samples are not replicas keeps all 16 bits. */
    @Test
    void significantBitsAreOnlyTrustedWhenExact() throws IOException {
        Signal s16 = Fixtures.read("gray16.png").signal();
        Signal s12 = topBits(s16, 12);
        byte[] png = encode(s12, ImageFormat.PNG);
        Signal widened = ImageFiles.decode(png).signal();
        assertEquals(12, widened.bitDepth());
        // the true 16-bit crop written with the same sBIT claim: not replicas, so read as 16-bit
        Signal.Builder lying = Signal.builder(s16.spec());
        for (int i = 0; i < s16.sampleCount(); i++) {
            lying.set(i, s16.sample(i) | 1);
        }
        Signal lyingSignal = lying.build();
        byte[] plain = encode(lyingSignal, ImageFormat.PNG);
        assertEquals(lyingSignal, ImageFiles.decode(plain).signal());
    }

    @Test
    void fileWritesAreAtomicAndRefuseToReplace() throws IOException {
        Signal s = Fixtures.read("rgb8.png").signal();
        Path out = dir.resolve("out.png");
        ImageFiles.write(s, out, false);
        assertEquals(s, ImageFiles.read(out).signal());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> ImageFiles.write(s, out, false));
        ImageFiles.write(s.crop(0, 0, 4, 4), out, true);
        assertEquals(4, ImageFiles.read(out).signal().spec().width());
        assertEquals(1, Files.list(dir).count(), "no temporary file left");
    }

    @Test
    void signedSixteenBitTravelsThroughTiff() throws IOException {
        Signal gray = Fixtures.read("gray16.png").signal();
        Signal.Builder b = Signal.builder(SignalSpec.image(32, 24, 1, 16, true));
        for (int i = 0; i < gray.sampleCount(); i++) {
            b.set(i, gray.sample(i) - 32768);
        }
        Signal signed = b.build();
        assertEquals(signed, ImageFiles.decode(encode(signed, ImageFormat.TIFF)).signal());
    }

    @Test
    void unwritableCombinationsAreRefused() {
        Signal signed = Signal.of(SignalSpec.image(1, 1, 1, 16, true), new int[] {-5});
        assertThrows(UnsupportedFormatException.class, () -> encode(signed, ImageFormat.PNG));
        Signal sixBit = Signal.of(SignalSpec.image(1, 1, 1, 6), new int[] {5});
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> encode(sixBit, ImageFormat.TIFF));
        assertTrue(e.getMessage().contains("write PNG"));
        Signal audio = Signal.of(SignalSpec.audio(1, 1, 16, 8000), new int[] {0});
        assertThrows(UnsupportedFormatException.class, () -> encode(audio, ImageFormat.PNG));
        assertThrows(IllegalArgumentException.class, () -> ImageFiles.write(sixBit, dir.resolve("x.jpg"), false));
    }

    static Signal topBits(Signal s, int bits) {
        Signal.Builder b = Signal.builder(s.spec().withBitDepth(bits));
        for (int i = 0; i < s.sampleCount(); i++) {
            b.set(i, s.sample(i) >>> (s.bitDepth() - bits));
        }
        return b.build();
    }

    static byte[] encode(Signal s, ImageFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageFiles.write(s, format, out);
        return out.toByteArray();
    }
}
