package io.inrkit.core.fit;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SIREN's weight initialisation for DL4J: U(-1/fan_in, 1/fan_in) for the first layer,
 * U(-sqrt(6/fan_in)/omega, +sqrt(6/fan_in)/omega) for every later one. DL4J has none like it.
 * A bean for DL4J's JSON configurations.
 */
class SirenWeightInit implements IWeightInit {

    private static final long serialVersionUID = 1L;

    private boolean firstLayer;
    private double omega;

    /** For DL4J's JSON deserialisation. */
    public SirenWeightInit() {
        this(false, 30);
    }

    public SirenWeightInit(boolean firstLayer, double omega) {
        this.firstLayer = firstLayer;
        this.omega = omega;
    }

    public boolean isFirstLayer() {
        return firstLayer;
    }

    public void setFirstLayer(boolean firstLayer) {
        this.firstLayer = firstLayer;
    }

    public double getOmega() {
        return omega;
    }

    public void setOmega(double omega) {
        this.omega = omega;
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        double bound = SirenInit.weightBound((int) fanIn, firstLayer, omega);
        Nd4j.rand(paramView, Nd4j.getDistributions().createUniform(-bound, bound));
        return paramView.reshape(order, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SirenWeightInit s && s.firstLayer == firstLayer && s.omega == omega;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(firstLayer) * 31 + Double.hashCode(omega);
    }
}
