package io.inrkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inrkit.core.internal.SampleCoding;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitPlanesTest {

    /** Every depth, both signednesses, both mappings: extremes, mid-scale carries and random values. */
    @ParameterizedTest
    @EnumSource(PlaneMapping.class)
    void everyDepthRoundTripsExactly(PlaneMapping mapping) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int bits = 1; bits <= 32; bits++) {
            for (boolean signed : new boolean[] {false, true}) {
                if (!signed && bits == 32) {
                    continue; // not representable, refused by SignalSpec
                }
                // audio allows every depth 1..32; 70 frames x 2 channels spans three packed words
                SignalSpec spec = SignalSpec.audio(70, 2, bits, signed, 8000);
                int min = spec.minValue();
                int max = spec.maxValue();
                int[] samples = new int[spec.sampleCount()];
                long range = (long) max - min + 1;
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (int) (min + Math.floorMod(rnd.nextLong(), range));
                }
                samples[0] = min;
                samples[1] = max;
                samples[2] = (int) (min + range / 2 - 1); // 0111...1 after the offset
                samples[3] = (int) (min + range / 2);     // 1000...0
                Signal signal = Signal.of(spec, samples);
                BitPlanes planes = BitPlanes.decompose(signal, mapping);
                assertEquals(bits, planes.planeCount());
                assertEquals(signal, planes.recompose(), bits + "-bit " + (signed ? "signed" : "unsigned"));
            }
        }
    }

    @Test
    void planeZeroIsTheLeastSignificantBit() {
        Signal s = Signal.of(SignalSpec.image(4, 1, 1, 8), new int[] {0, 1, 128, 0b1010_0101});
        BitPlanes p = BitPlanes.decompose(s, PlaneMapping.BINARY);
        assertEquals(false, p.bit(0, 0));
        assertEquals(true, p.bit(0, 1));
        assertEquals(true, p.bit(7, 2));
        assertEquals(false, p.bit(6, 2));
        for (int plane = 0; plane < 8; plane++) {
            assertEquals(((0b1010_0101 >>> plane) & 1) == 1, p.bit(plane, 3), "plane " + plane);
        }
        assertEquals(2, p.ones(0));
    }

    @Test
    void signedSamplesAreOffsetByHalfTheRange() {
        // 16-bit audio: -32768 -> 0x0000, 0 -> 0x8000, 32767 -> 0xFFFF
        Signal s = Signal.of(SignalSpec.audio(3, 1, 16, 44100), new int[] {-32768, 0, 32767});
        BitPlanes p = BitPlanes.decompose(s, PlaneMapping.BINARY);
        for (int plane = 0; plane < 16; plane++) {
            assertEquals(false, p.bit(plane, 0));
            assertEquals(plane == 15, p.bit(plane, 1));
            assertEquals(true, p.bit(plane, 2));
        }
    }

    @Test
    void grayCodeTurnsTheMidScaleCarryIntoOneFlip() {
        // 127 -> 128 flips 8 bits in binary, one in Gray code
        assertEquals(8, Integer.bitCount(PlaneMapping.BINARY.encode(127) ^ PlaneMapping.BINARY.encode(128)));
        assertEquals(1, Integer.bitCount(PlaneMapping.GRAY.encode(127) ^ PlaneMapping.GRAY.encode(128)));
        for (int v = 0; v < 1 << 16; v++) {
            assertEquals(v, PlaneMapping.GRAY.decode(PlaneMapping.GRAY.encode(v)));
            assertEquals(1, Integer.bitCount(PlaneMapping.GRAY.encode(v) ^ PlaneMapping.GRAY.encode(v + 1)));
        }
        assertEquals(-1, PlaneMapping.GRAY.decode(PlaneMapping.GRAY.encode(-1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 23, 24, 31, 32})
    void sampleCodingInvertsAtTheEdges(int bits) {
        int min = (int) -(1L << (bits - 1));
        int max = (int) ((1L << (bits - 1)) - 1);
        assertEquals(0, SampleCoding.toUnsigned(min, bits, true));
        assertEquals(SampleCoding.mask(bits), SampleCoding.toUnsigned(max, bits, true));
        for (int v : new int[] {min, max, 0, -1, min + 1, max - 1}) {
            if (v >= min && v <= max) {
                assertEquals(v, SampleCoding.fromUnsigned(SampleCoding.toUnsigned(v, bits, true), bits, true));
            }
        }
    }

    @Test
    void differencesAreCountedPerPlane() {
        SignalSpec spec = SignalSpec.image(100, 1, 1, 8);
        int[] a = new int[100];
        int[] b = new int[100];
        b[3] = 0b1000_0001; // planes 0 and 7 differ at one sample
        b[99] = 0b0000_0001; // plane 0 differs at another (last word, partial)
        long[] diff = BitPlanes.decompose(Signal.of(spec, a), PlaneMapping.BINARY)
                .differencesPerPlane(BitPlanes.decompose(Signal.of(spec, b), PlaneMapping.BINARY));
        assertArrayEquals(new long[] {2, 0, 0, 0, 0, 0, 0, 1}, diff);
    }

    @Test
    void packedPlanesAreValidated() {
        SignalSpec spec = SignalSpec.image(3, 1, 1, 2);
        assertThrows(IllegalArgumentException.class,
                () -> BitPlanes.of(spec, PlaneMapping.BINARY, new long[][] {{0}}));
        assertThrows(IllegalArgumentException.class,
                () -> BitPlanes.of(spec, PlaneMapping.BINARY, new long[][] {{0}, {0b1000}}));
        Signal s = BitPlanes.of(spec, PlaneMapping.BINARY, new long[][] {{0b101}, {0b110}}).recompose();
        assertArrayEquals(new int[] {1, 2, 3}, s.toIntArray());
    }
}
