package io.inrkit.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SirenInitTest {

    /** The paper's 3-input first layer and 512-wide hidden layers: +-1/3 and +-sqrt(6/512)/30 = 0.003608. */
    @Test
    void rangesAreSirens() {
        int[] dims = {3, 512, 512, 3};
        float[][] w = {new float[3 * 512], new float[512 * 512], new float[512 * 3]};
        float[][] b = {new float[512], new float[512], new float[3]};
        SirenInit.fill(dims, w, b, 30, 1);
        assertRange(w[0], 1.0 / 3);
        assertRange(w[1], Math.sqrt(6.0 / 512) / 30); // 0.003608
        assertRange(w[2], Math.sqrt(6.0 / 512) / 30);
        assertRange(b[0], 1 / Math.sqrt(3));
        assertRange(b[1], 1 / Math.sqrt(512));
    }

    @Test
    void sameSeedSameNumbersOtherSeedOthers() {
        int[] dims = {3, 8, 2};
        float[][] a = {new float[24], new float[16]};
        float[][] ab = {new float[8], new float[2]};
        float[][] c = {new float[24], new float[16]};
        float[][] cb = {new float[8], new float[2]};
        SirenInit.fill(dims, a, ab, 30, 7);
        SirenInit.fill(dims, c, cb, 30, 7);
        assertEquals(a[1][5], c[1][5]);
        SirenInit.fill(dims, c, cb, 30, 8);
        assertTrue(a[1][5] != c[1][5]);
    }

    /** DL4J's view of the same init, through the IWeightInit it calls when building a network. */
    @Test
    void dl4jWeightInitUsesTheSameRanges() {
        INDArray first = Nd4j.create(DataType.FLOAT, 3 * 256);
        INDArray hidden = Nd4j.create(DataType.FLOAT, 256 * 256);
        new SirenWeightInit(true, 30).init(3, 256, new long[] {3, 256}, 'f', first);
        new SirenWeightInit(false, 30).init(256, 256, new long[] {256, 256}, 'f', hidden);
        assertRange(first.data().asFloat(), 1.0 / 3);
        assertRange(hidden.data().asFloat(), Math.sqrt(6.0 / 256) / 30);
    }

    /** Every value inside (-bound, bound), and the values actually spread to near both ends. */
    private static void assertRange(float[] v, double bound) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertTrue(max <= bound * (1 + 1e-6) && min >= -bound * (1 + 1e-6), "values in [" + min + ", " + max + "] for +-" + bound);
        assertTrue(max > 0.9 * bound && min < -0.9 * bound, "values spread: [" + min + ", " + max + "] for +-" + bound);
    }
}
