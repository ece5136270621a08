package io.inrkit.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real clip in ../shared/data/audio. */
class SharedAudioTest {

    /** Skips the whole class, visibly, when ../shared/data is absent. */
    @org.junit.jupiter.api.BeforeAll
    static void sharedDataPresent() {
        SharedData.root();
    }

    static Stream<Path> allClips() {
        return SharedData.files("audio", "wav").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allClips")
    void wavRoundTripIsExact(Path file) throws IOException {
        Signal s = AudioFiles.read(file).signal();
        Signal back = AudioFiles.decode(AudioWriteTest.encode(s)).signal();
        assertEquals(s.spec(), back.spec());
        assertEquals(-1, s.firstDifference(back), "first differing sample");
    }

    /** Rate, depth, channels, duration and peak as SOURCES.md's curator measured them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("curatedFacts")
    void factsMatchTheCuratorsFigures(String name, int rate, int bits, int channels, double seconds, long peak)
            throws IOException {
        Signal s = AudioFiles.read(SharedData.folder("audio").resolve(name)).signal();
        SignalSpec spec = s.spec();
        assertEquals(rate, spec.sampleRate());
        assertEquals(bits, spec.bitDepth());
        assertEquals(channels, spec.channels());
        assertEquals(seconds, spec.frames() / (double) rate, 0.0006);
        assertEquals(peak, s.peak());
    }

    static Stream<Arguments> curatedFacts() {
        Pattern row = Pattern.compile("^\\| audio/(\\S+\\.wav) \\|[^|]*\\|[^|]*\\| (\\d+) Hz \\| (\\d+) \\| (\\d+) \\| ([\\d.]+) s \\| peak (\\d+) \\|");
        return SharedData.sourceRows(row).stream().map(m -> Arguments.of(m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Double.parseDouble(m.group(5)),
                Long.parseLong(m.group(6))));
    }

    /** Signed 24-bit planes of a real clip recompose exactly, both mappings. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allClips")
    void bitPlanesOfRealAudioRecompose(Path file) throws IOException {
        Signal s = AudioFiles.read(file).signal();
        Signal part = s.segment(0, Math.min(4096, s.spec().frames()));
        for (PlaneMapping m : PlaneMapping.values()) {
            assertEquals(part, BitPlanes.decompose(part, m).recompose());
        }
    }
}
