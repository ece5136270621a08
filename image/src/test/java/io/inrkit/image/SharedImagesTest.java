package io.inrkit.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real image in ../shared/data: read -> write PNG -> read, every sample identical. */
class SharedImagesTest {

    /** Skips the whole class, visibly, when ../shared/data is absent. */
    @org.junit.jupiter.api.BeforeAll
    static void sharedDataPresent() {
        SharedData.root();
    }

    static Stream<Path> allImages() {
        return Stream.concat(SharedData.files("img8", "png").stream(), SharedData.files("img16", "png").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allImages")
    void pngRoundTripIsExact(Path file) throws IOException {
        Signal s = ImageFiles.read(file).signal();
        Signal back = ImageFiles.decode(ImageWriteTest.encode(s, ImageFormat.PNG)).signal();
        assertEquals(s.spec(), back.spec());
        assertEquals(-1, s.firstDifference(back), "first differing sample");
        String folder = file.getParent().getFileName().toString();
        assertEquals(folder.equals("img16") ? 16 : 8, s.bitDepth());
    }

    /**
     * The 16-bit files against SOURCES.md, which states each one's value range and number of
     * distinct values as measured by its curator: a reader that dropped or rescaled low bits
     * would change them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sixteenBitFacts")
    void sixteenBitValuesMatchTheCuratorsFigures(String name, int min, int max, int distinct) throws IOException {
        Signal s = ImageFiles.read(SharedData.folder("img16").resolve(name)).signal();
        BitSet seen = new BitSet(1 << 16);
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < s.sampleCount(); i++) {
            int v = s.sample(i);
            seen.set(v);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(min, lo, "min");
        assertEquals(max, hi, "max");
        assertEquals(distinct, seen.cardinality(), "distinct values");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> sixteenBitFacts() {
        Pattern row = Pattern.compile("^\\| img16/(\\S+\\.png) \\|.*\\| (\\d+)\\.\\.(\\d+) \\((\\d+) distinct");
        return SharedData.sourceRows(row).stream().map(m -> org.junit.jupiter.params.provider.Arguments.of(m.group(1),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    }

    /** Bit planes of real crops, both mappings, recompose to the same samples. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allImages")
    void bitPlanesOfRealCropsRecompose(Path file) throws IOException {
        Signal s = ImageFiles.read(file).signal();
        Signal crop = s.crop(0, 0, Math.min(64, s.spec().width()), Math.min(64, s.spec().height()));
        for (PlaneMapping m : PlaneMapping.values()) {
            assertEquals(crop, BitPlanes.decompose(crop, m).recompose());
        }
    }
}
