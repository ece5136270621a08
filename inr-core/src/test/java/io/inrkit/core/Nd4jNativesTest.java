package io.inrkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trimmed DL4J/ND4J classpath (linux-x86_64 natives only, OpenCV/FFmpeg/MKL excluded) still
 * loads ND4J's native backend and multiplies matrices correctly.
 */
class Nd4jNativesTest {

    @Test
    void nativeBackendLoadsAndMultiplies() {
        INDArray a = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3});
        INDArray b = Nd4j.create(new float[] {1, 0, 0, 1, 1, 1}, new int[] {3, 2});
        INDArray c = a.mmul(b);
        assertEquals(4f, c.getFloat(0, 0));
        assertEquals(5f, c.getFloat(0, 1));
        assertEquals(10f, c.getFloat(1, 0));
        assertEquals(11f, c.getFloat(1, 1));
        assertEquals("CpuBackend", Nd4j.getBackend().getClass().getSimpleName());
    }
}
