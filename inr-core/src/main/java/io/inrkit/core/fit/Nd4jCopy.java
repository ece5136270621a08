package io.inrkit.core.fit;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Copies between heap arrays and ND4J's float buffers, around each matrix product of a training step. */
final class Nd4jCopy {

    private Nd4jCopy() {
    }

    static void put(float[] src, INDArray dst) {
        dst.data().asNioFloat().put(0, src, 0, (int) dst.length());
    }

    static void get(INDArray src, float[] dst) {
        src.data().asNioFloat().get(0, dst, 0, (int) src.length());
    }
}
