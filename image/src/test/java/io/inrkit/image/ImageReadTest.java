package io.inrkit.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every layout the readers must handle, each file read at its true depth and layout. */
class ImageReadTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file,            format, channels, bits, palette
        "gray1.png,         PNG,    1,  1, false",
        "gray2.png,         PNG,    1,  2, false",
        "gray4.png,         PNG,    1,  4, false",
        "gray8.png,         PNG,    1,  8, false",
        "gray16.png,        PNG,    1, 16, false",
        "graya8.png,        PNG,    2,  8, false",
        "graya16.png,       PNG,    2, 16, false",
        "rgb8.png,          PNG,    3,  8, false",
        "rgb16.png,         PNG,    3, 16, false",
        "rgba8.png,         PNG,    4,  8, false",
        "rgba16.png,        PNG,    4, 16, false",
        "palette.png,       PNG,    3,  8, true",
        "palette-alpha.png, PNG,    4,  8, true",
        "gray8.tif,         TIFF,   1,  8, false",
        "gray16.tif,        TIFF,   1, 16, false",
        "rgb8.tif,          TIFF,   3,  8, false",
        "rgb16.tif,         TIFF,   3, 16, false",
        "rgba16.tif,        TIFF,   4, 16, false",
        "gray1.pbm,         PNM,    1,  1, false",
        "gray4.pgm,         PNM,    1,  4, false",
        "gray8.pgm,         PNM,    1,  8, false",
        "gray16.pgm,        PNM,    1, 16, false",
        "rgb8.ppm,          PNM,    3,  8, false",
        "rgb16.ppm,         PNM,    3, 16, false",
        "rgb24.bmp,         BMP,    3,  8, false",
        "palette8.bmp,      BMP,    3,  8, true",
        "bilevel.bmp,       BMP,    1,  1, false",
        "palette.gif,       GIF,    3,  8, true",
    })
    void readsTrueDepthAndLayout(String file, ImageFormat format, int channels, int bits, boolean palette) {
        DecodedImage d = Fixtures.read(file);
        assertEquals(format, d.format());
        assertEquals(SignalSpec.image(32, 24, channels, bits), d.signal().spec());
        assertEquals(palette, d.paletteExpanded());
    }

    /** The same crop stored by ImageMagick in different containers reads to identical samples. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "gray8.png,   gray8.tif", "gray8.png, gray8.pgm",
        "gray16.png,  gray16.tif", "gray16.png, gray16.pgm",
        "rgb8.png,    rgb8.tif", "rgb8.png, rgb8.ppm", "rgb8.png, rgb24.bmp",
        "rgb16.png,   rgb16.tif", "rgb16.png, rgb16.ppm",
        "rgba16.png,  rgba16.tif",
        "gray4.png,   gray4.pgm", "gray2.png, gray2.pgm",
        "gray1.png,   gray1.pbm",
        "palette.png, palette.gif", "palette.png, palette8.bmp",
    })
    void everyContainerGivesTheSameSamples(String a, String b) {
        Signal sa = Fixtures.read(a).signal();
        Signal sb = Fixtures.read(b).signal();
        assertEquals(sa.spec(), sb.spec());
        assertEquals(-1, sa.firstDifference(sb), () -> "first difference at " + sa.firstDifference(sb));
    }

    /** 16-bit samples against a raw parse of the PGM/PPM bytes: no 8-bit step anywhere. */
    @ParameterizedTest
    @CsvSource({"gray16.png, gray16.pgm", "rgb16.png, rgb16.ppm", "gray8.png, gray8.pgm", "rgb8.tif, rgb8.ppm"})
    void samplesMatchAnIndependentParse(String image, String pnm) throws IOException {
        Signal s = Fixtures.read(image).signal();
        int[] expected = Fixtures.rawPnmSamples(pnm);
        assertArrayEquals(expected, s.toIntArray());
        if (s.bitDepth() == 16) {
            assertTrue(s.bitsUsed() > 8, "16-bit crop uses more than 8 bits");
        }
    }

    /** Packed 1/2/4-bit PNG gray against ImageMagick's PBM/PGM of the same pixels, parsed by hand. */
    @ParameterizedTest
    @CsvSource({"gray2.png, gray2.pgm, 2", "gray4.png, gray4.pgm, 4"})
    void packedGrayKeepsItsLevels(String png, String pgm, int bits) throws IOException {
        Signal s = Fixtures.read(png).signal();
        assertEquals(bits, s.bitsUsed(), "the crop spans the whole range");
        assertArrayEquals(Fixtures.rawPnmSamples(pgm), s.toIntArray());
    }

    @Test
    void paletteTransparencyBecomesAlpha() {
        Signal s = Fixtures.read("palette-alpha.png").signal();
        boolean transparent = false;
        for (int i = 3; i < s.sampleCount(); i += 4) {
            int a = s.sample(i);
            assertTrue(a == 0 || a == 255, "thresholded alpha");
            transparent |= a == 0;
        }
        assertTrue(transparent);
    }

    @Test
    void pnmMaxvalBelowFullScaleGivesTheFileValues() throws IOException {
        DecodedImage d = Fixtures.read("gray4.pgm");
        assertEquals(8, d.containerBits());
        assertArrayEquals(Fixtures.rawPnmSamples("gray4.pgm"), d.signal().toIntArray());
    }
}
