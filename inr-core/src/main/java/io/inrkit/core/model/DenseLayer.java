package io.inrkit.core.model;

/**
 * One fully connected layer of an {@link InrModel}: {@code y_j = act(sum_i x_i * w[i * outputs + j] + b_j)},
 * where {@code act} is {@code sin(omega * a)} for sine layers and the identity for the output layer.
 * The arrays are copied in and out, so a layer is immutable.
 */
public final class DenseLayer {

    private final int inputs;
    private final int outputs;
    private final float[] weights;
    private final float[] bias;
    private final boolean sine;

    public DenseLayer(int inputs, int outputs, float[] weights, float[] bias, boolean sine) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("layer of " + inputs + " -> " + outputs + " units");
        }
        if (weights.length != (long) inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("layer " + inputs + " -> " + outputs + " needs "
                    + (long) inputs * outputs + " weights and " + outputs + " biases, got " + weights.length
                    + " and " + bias.length);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.sine = sine;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** A copy of the weights, input-major: {@code w[i * outputs + j]} joins input i to output j. */
    public float[] weights() {
        return weights.clone();
    }

    public float[] bias() {
        return bias.clone();
    }

    public float weight(int input, int output) {
        return weights[input * outputs + output];
    }

    public float bias(int output) {
        return bias[output];
    }

    /** Whether the activation is {@code sin(omega * a)}; otherwise the identity. */
    public boolean sine() {
        return sine;
    }

    public int parameterCount() {
        return weights.length + bias.length;
    }
}
