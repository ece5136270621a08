package io.inrkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.CodecFixtures;
import io.inrkit.codec.Decoder;
import io.inrkit.codec.SampleFiles;
import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Mutations} on real .inr files of every section kind: whatever a mutation does, a decode
 * ends in one {@link BadInputException} or gives back exactly the original samples, never another
 * exception, an OutOfMemoryError, a hang, or wrong samples.
 */
class MutatedFilesTest {

    /** 600 mutations of the three files: bit flips, byte runs, truncations, splices, section swaps. */
    @Test
    void mutatedFilesNeverEscapeTheTypedError() {
        Signal source = CodecFixtures.image("kodim23-16x16.ppm");
        byte[][] bases = {SampleFiles.contextOnly(source), SampleFiles.withNetwork(source),
            SampleFiles.withTernaryNetwork(source)};
        SplittableRandom rnd = new SplittableRandom(42);
        int decodedExactly = 0;
        for (int i = 0; i < 600; i++) {
            byte[] base = bases[i % 3];
            byte[] m = Mutations.mutate(base, rnd, bases[(i + 1) % 3]);
            boolean refresh = rnd.nextInt(3) == 0; // a third with CRCs recomputed, to reach the parsers behind them
            if (refresh) {
                Mutations.refreshAllCrcs(m);
            }
            int outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertParserNamesTheByte(m);
                try {
                    Signal s = Decoder.decode(m, 1);
                    assertEquals(source, s, "a file that decodes gives the original samples");
                    return 1;
                } catch (BadInputException expected) {
                    return 0;
                }
            }, "case " + i);
            decodedExactly += outcome;
        }
        assertTrue(decodedExactly < 600, "mutations were detected");
    }

    private static final Pattern AT_BYTE = Pattern.compile("at byte \\d+");

    /** Whatever the parser finds corrupt in {@code file}, it says at which byte. */
    private static void assertParserNamesTheByte(byte[] file) {
        try {
            InrContainer.parse(file);
        } catch (CorruptInputException e) {
            assertTrue(AT_BYTE.matcher(e.getMessage()).find(), e.getMessage());
        } catch (BadInputException other) {
            // unsupported versions and ids: named by value, not by place
        }
    }
}
