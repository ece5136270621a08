package io.inrkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void specRejectsImpossibleSignalsWithClearMessages() {
        assertMessage("bit depth 17", () -> SignalSpec.image(4, 4, 1, 17));
        assertMessage("bit depth 0", () -> SignalSpec.image(4, 4, 1, 0));
        assertMessage("bit depth 33", () -> SignalSpec.audio(4, 1, 33, 48000));
        assertMessage("channels must be 1..4", () -> SignalSpec.image(4, 4, 5, 8));
        assertMessage("channels must be 1..1024", () -> SignalSpec.audio(4, 0, 16, 48000));
        assertMessage("at least 1", () -> SignalSpec.image(0, 4, 1, 8));
        assertMessage("sample rate", () -> SignalSpec.audio(4, 1, 16, 0));
        assertMessage("sample rate", () -> SignalSpec.audio(4, 1, 16, Double.NaN));
        assertMessage("too large", () -> SignalSpec.image(65536, 65536, 3, 8));
        assertMessage("unsigned 32-bit", () -> SignalSpec.audio(4, 1, 32, false, 48000));
    }

    @Test
    void samplesOutsideTheBitDepthAreRefused() {
        Signal.Builder b = Signal.builder(SignalSpec.image(2, 1, 1, 12));
        b.set(0, 4095);
        assertMessage("outside 0..4095", () -> b.set(1, 4096));
        assertMessage("outside 0..4095", () -> b.set(1, -1));
        Signal.Builder a = Signal.builder(SignalSpec.audio(2, 1, 24, 48000));
        a.set(0, -8388608).set(1, 8388607);
        assertMessage("outside -8388608..8388607", () -> a.set(1, 8388608));
    }

    @Test
    void storageKeepsEveryValueOfEveryWidth() {
        int[][] cases = {{8, 0, 255}, {16, 0, 65535}, {24, -8388608, 8388607}, {8, -128, 127}, {16, -32768, 32767}};
        for (int[] c : cases) {
            boolean signed = c[1] < 0;
            SignalSpec spec = SignalSpec.audio(3, 1, c[0], signed, 1000);
            int[] values = {c[1], c[2], signed ? -1 : 1};
            assertArrayEquals(values, Signal.of(spec, values).toIntArray(), c[0] + "-bit");
        }
    }

    @Test
    void builderCannotMutateABuiltSignal() {
        Signal.Builder b = Signal.builder(SignalSpec.image(1, 1, 1, 8));
        b.set(0, 9);
        Signal s = b.build();
        assertThrows(IllegalStateException.class, () -> b.set(0, 1));
        assertEquals(9, s.sample(0));
    }

    @Test
    void cropTakesTheRegionRowByRow() {
        int[] v = new int[4 * 3 * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Signal s = Signal.of(SignalSpec.image(4, 3, 2, 8), v);
        Signal c = s.crop(1, 1, 2, 2);
        assertEquals(SignalSpec.image(2, 2, 2, 8), c.spec());
        assertArrayEquals(new int[] {10, 11, 12, 13, 18, 19, 20, 21}, c.toIntArray());
        assertEquals(s.pixel(2, 2, 1), c.pixel(1, 1, 1));
        assertMessage("outside the 4x3 image", () -> s.crop(3, 0, 2, 1));
        assertMessage("outside the 4x3 image", () -> s.crop(0, 0, 0, 1));
    }

    @Test
    void segmentTakesFrames() {
        Signal s = Signal.of(SignalSpec.audio(4, 2, 16, 8000), new int[] {0, 1, 2, 3, 4, 5, 6, -7});
        assertArrayEquals(new int[] {4, 5, 6, -7}, s.segment(2, 2).toIntArray());
        assertEquals(8000, s.segment(2, 2).spec().sampleRate());
        assertMessage("outside the 4-frame clip", () -> s.segment(3, 2));
    }

    @Test
    void bitsUsedAndPeak() {
        assertEquals(9, Signal.of(SignalSpec.image(3, 1, 1, 16), new int[] {0, 256, 511}).bitsUsed());
        assertEquals(0, Signal.of(SignalSpec.image(1, 1, 1, 16), new int[] {0}).bitsUsed());
        Signal audio = Signal.of(SignalSpec.audio(3, 1, 24, 48000), new int[] {-129, 5, 127});
        assertEquals(9, audio.bitsUsed()); // -129 needs 9 bits in two's complement
        assertEquals(129, audio.peak());
    }

    @Test
    void equalityComparesSpecAndEverySample() {
        SignalSpec spec = SignalSpec.image(2, 1, 1, 8);
        Signal a = Signal.of(spec, new int[] {1, 2});
        assertEquals(a, Signal.of(spec, new int[] {1, 2}));
        assertEquals(a.hashCode(), Signal.of(spec, new int[] {1, 2}).hashCode());
        assertNotEquals(a, Signal.of(spec, new int[] {1, 3}));
        assertEquals(1, a.firstDifference(Signal.of(spec, new int[] {1, 3})));
        assertNotEquals(a, Signal.of(SignalSpec.image(2, 1, 1, 9), new int[] {1, 2}));
    }

    /**
     * A 16-bit 4K RGB image must fit in about twice its raw size; stored as shorts it takes its
     * raw size. Measured with HotSpot's per-thread allocation counter, which is exact and immune
     * to other threads and GC timing.
     */
    @Test
    void sixteenBitFourKImageCostsItsRawSize() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        SignalSpec spec = SignalSpec.image(3840, 2160, 3, 16);
        long raw = 3840L * 2160 * 3 * 2;
        long before = mx.getCurrentThreadAllocatedBytes();
        Signal.Builder b = Signal.builder(spec);
        for (int i = 0; i < spec.sampleCount(); i += 997) {
            b.set(i, 65535);
        }
        Signal s = b.build();
        long used = mx.getCurrentThreadAllocatedBytes() - before;
        assertEquals(65535, s.sample(997));
        assertTrue(used < raw * 1.01, used + " bytes allocated for " + raw + " raw bytes");
        assertTrue(used >= raw, "the samples themselves are counted");
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
