package io.inrkit.core.model;

/**
 * One fully connected layer of an {@link InrModel}: {@code y_j = act(sum_i x_i * w[i * outputs + j] + b_j)},
 * where {@code act} is {@code sin(omega * a)} for sine layers (each with its own omega: SIREN's
 * first layer often uses a larger one) and the identity for the output layer. The arrays are
 * copied in and out, so a layer is immutable.
 */
public final class DenseLayer {

    private final int inputs;
    private final int outputs;
    private final float[] weights;
    private final float[] bias;
    private final float omega;

    /** A sine layer, {@code sin(omega * (x W + b))}. */
    public static DenseLayer sine(int inputs, int outputs, float[] weights, float[] bias, float omega) {
        if (!(omega > 0) || Float.isInfinite(omega)) {
            throw new IllegalArgumentException("omega must be a positive number, got " + omega);
        }
        return new DenseLayer(inputs, outputs, weights, bias, omega);
    }

    /** A linear layer, {@code x W + b} (the output layer: logits). */
    public static DenseLayer linear(int inputs, int outputs, float[] weights, float[] bias) {
        return new DenseLayer(inputs, outputs, weights, bias, 0f);
    }

    private DenseLayer(int inputs, int outputs, float[] weights, float[] bias, float omega) {
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
        this.omega = omega;
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
        return omega > 0;
    }

    /** The sine's frequency; 0 for a linear layer. */
    public float omega() {
        return omega;
    }

    public int parameterCount() {
        return weights.length + bias.length;
    }
}
