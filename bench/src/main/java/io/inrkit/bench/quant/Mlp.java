package io.inrkit.bench.quant;

import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain multilayer perceptron in doubles, with the activation of each layer named: what the
 * quantization transforms (DFQ, SplitQuant, bias corrections) work on, and what they can refuse
 * by activation. {@code y_j = act(sum_i x_i w[i * outputs + j] + b_j)}.
 */
public record Mlp(List<Layer> layers) {

    /** Activations, and whether {@code f(s z) = s f(z)} for every s &gt; 0 (DFQ's requirement). */
    public enum Activation {
        IDENTITY(true), RELU(true), SINE(false), TANH(false), GELU(false), SIGMOID(false);

        private final boolean positivelyHomogeneous;

        Activation(boolean positivelyHomogeneous) {
            this.positivelyHomogeneous = positivelyHomogeneous;
        }

        public boolean positivelyHomogeneous() {
            return positivelyHomogeneous;
        }

        double apply(double z, double omega) {
            return switch (this) {
                case IDENTITY -> z;
                case RELU -> Math.max(0, z);
                case SINE -> StrictMath.sin(omega * z);
                case TANH -> Math.tanh(z);
                case GELU -> 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
                case SIGMOID -> 1 / (1 + Math.exp(-z));
            };
        }
    }

    /** One layer; the arrays are the layer's own (transforms build new layers). */
    public record Layer(int inputs, int outputs, double[] weights, double[] biases, Activation activation, double omega) {

        public Layer {
            if (weights.length != inputs * outputs || biases.length != outputs) {
                throw new IllegalArgumentException("layer " + inputs + " -> " + outputs + " has " + weights.length
                        + " weights and " + biases.length + " biases");
            }
        }

        /** The pre-activations of one input. */
        public double[] preActivation(double[] x) {
            double[] z = biases.clone();
            for (int i = 0; i < inputs; i++) {
                double xi = x[i];
                for (int j = 0; j < outputs; j++) {
                    z[j] += xi * weights[i * outputs + j];
                }
            }
            return z;
        }

        public double[] forward(double[] x) {
            double[] z = preActivation(x);
            for (int j = 0; j < z.length; j++) {
                z[j] = activation.apply(z[j], omega);
            }
            return z;
        }
    }

    public Mlp {
        layers = List.copyOf(layers);
    }

    public double[] forward(double[] x) {
        for (Layer l : layers) {
            x = l.forward(x);
        }
        return x;
    }

    /** The inputs of layer {@code index} for each of {@code inputs} (index 0: the inputs themselves). */
    public double[][] inputsOf(int index, double[][] inputs) {
        double[][] out = new double[inputs.length][];
        for (int n = 0; n < inputs.length; n++) {
            double[] x = inputs[n];
            for (int l = 0; l < index; l++) {
                x = layers.get(l).forward(x);
            }
            out[n] = x;
        }
        return out;
    }

    /** An INR as an Mlp: sine layers with their omega, a linear output. */
    public static Mlp of(InrModel model) {
        List<Layer> out = new ArrayList<>();
        for (DenseLayer l : model.layers()) {
            double[] w = new double[l.inputs() * l.outputs()];
            float[] fw = l.weights();
            for (int i = 0; i < w.length; i++) {
                w[i] = fw[i];
            }
            double[] b = new double[l.outputs()];
            float[] fb = l.bias();
            for (int j = 0; j < b.length; j++) {
                b[j] = fb[j];
            }
            out.add(new Layer(l.inputs(), l.outputs(), w, b, l.sine() ? Activation.SINE : Activation.IDENTITY, l.omega()));
        }
        return new Mlp(out);
    }
}
