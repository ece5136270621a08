package io.inrkit.core.fit;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SIREN's activation for DL4J: {@code sin(omega * z)}, with derivative {@code omega * cos(omega * z)}.
 * DL4J has no sine activation. Like DL4J's own activations it works in place on the
 * pre-activation array it is given. A bean (no-argument constructor, getter and setter) so that
 * DL4J can write it into and read it from its JSON network configurations.
 */
class SineActivation extends BaseActivationFunction {

    private static final long serialVersionUID = 1L;

    private double omega;

    /** For DL4J's JSON deserialisation. */
    public SineActivation() {
        this(30);
    }

    public SineActivation(double omega) {
        this.omega = omega;
    }

    public double getOmega() {
        return omega;
    }

    public void setOmega(double omega) {
        this.omega = omega;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return Transforms.sin(in.muli(omega), false);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Transforms.cos(in.muli(omega), false).muli(omega).muli(epsilon);
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SineActivation s && s.omega == omega;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(omega);
    }

    @Override
    public String toString() {
        return "sine(omega=" + omega + ")";
    }
}
