package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.inrkit.core.testing.SharedData;
import java.io.IOException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code inrkit info --json} on every shared data file, against the facts SOURCES.md records. */
class SharedDataInfoTest {

    /** Skips the whole class, visibly, when ../shared/data is absent. */
    @org.junit.jupiter.api.BeforeAll
    static void sharedDataPresent() {
        SharedData.root();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void imageFacts(String file, int width, int height, int bits, int channels) throws IOException {
        JsonNode j = CommandLineTest.json(Cli.run("info", "--json", SharedData.root().resolve(file)));
        assertEquals("image", j.get("kind").asText());
        assertEquals(width, j.get("width").asInt());
        assertEquals(height, j.get("height").asInt());
        assertEquals(bits, j.get("bitDepth").asInt());
        assertEquals(channels, j.get("channels").asInt());
        assertEquals(false, j.get("signed").asBoolean());
        assertEquals(false, j.get("paletteExpanded").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void audioFacts(String file, int rate, int bits, int channels, double seconds, long peak) throws IOException {
        JsonNode j = CommandLineTest.json(Cli.run("info", "--json", SharedData.root().resolve(file)));
        assertEquals("audio", j.get("kind").asText());
        assertEquals(rate, j.get("sampleRate").asDouble());
        assertEquals(bits, j.get("bitDepth").asInt());
        assertEquals(channels, j.get("channels").asInt());
        assertEquals(seconds, j.get("seconds").asDouble(), 0.0006);
        assertEquals(peak, j.get("peak").asLong());
        assertEquals(true, j.get("signed").asBoolean());
    }

    static Stream<Arguments> images() {
        // | img8/kodim01.png | origin | license | 768x512 | 8 | 3 | ...
        Pattern row = Pattern.compile("^\\| (img(?:8|16)/\\S+\\.png) \\|[^|]*\\|[^|]*\\| (\\d+)x(\\d+) \\| (\\d+) \\| (\\d+) \\|");
        return SharedData.sourceRows(row).stream().map(m -> Arguments.of(m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
    }

    static Stream<Arguments> clips() {
        Pattern row = Pattern.compile("^\\| (audio/\\S+\\.wav) \\|[^|]*\\|[^|]*\\| (\\d+) Hz \\| (\\d+) \\| (\\d+) \\| ([\\d.]+) s \\| peak (\\d+) \\|");
        return SharedData.sourceRows(row).stream().map(m -> Arguments.of(m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Double.parseDouble(m.group(5)),
                Long.parseLong(m.group(6))));
    }
}
