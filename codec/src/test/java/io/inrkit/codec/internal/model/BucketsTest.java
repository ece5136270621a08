package io.inrkit.codec.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BucketsTest {

    /** The reciprocal form must give the division's bucket exactly: files depend on it. */
    @Test
    void distanceFromTheReciprocalIsTheDivisionsBucket() {
        SplittableRandom random = new SplittableRandom(13);
        long max16 = ((1L << 24) - 1) << 4; // 24-bit samples, in 1/16
        int[] scales = {0, 1, 7, 127, 128, 129, 1000, 65_535, 1 << 20, 1 << 24, 1 << 30, Integer.MAX_VALUE - 256};
        for (int scale : scales) {
            check(0, 0, scale);
            check(max16, 0, scale);
            check(0, max16, scale);
            long divisor = Buckets.divisor(scale);
            for (long m = 0; m <= 256; m++) { // every quotient's edges: a = m * divisor - 1, m * divisor
                long d = m * divisor / 64;
                for (long e = -2; e <= 2; e++) {
                    check(d + e + 1000, 1000, scale);
                    check(1000, d + e + 1000, scale);
                }
            }
        }
        for (int i = 0; i < 2_000_000; i++) {
            int scale = random.nextInt(4) == 0 ? random.nextInt(Integer.MAX_VALUE - 256) : random.nextInt(1 << 16);
            check(random.nextLong(max16 + 1), random.nextLong(max16 + 1), scale);
        }
    }

    private static void check(long prediction16, long split16, int scale) {
        long divisor = Buckets.divisor(scale);
        assertEquals(Buckets.signedDistance(prediction16, split16, scale),
                Buckets.signedDistance(prediction16, split16, divisor, 1.0 / divisor),
                () -> prediction16 + " vs " + split16 + " at scale " + scale);
    }
}
