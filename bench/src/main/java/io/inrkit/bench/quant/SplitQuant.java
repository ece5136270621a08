package io.inrkit.bench.quant;

import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SplitQuant (Song and Lin, 2025): a layer's weights are clustered into three groups by 1-D
 * k-means (low, middle, high values) and the layer is split into three layers of the same shape,
 * each keeping one group's weights and zeros elsewhere. Their outputs summed are the original
 * layer's, exactly; each is then quantized with its own scales, so the outliers of the outer
 * groups no longer stretch the step of the many middle weights.
 */
public final class SplitQuant {

    public static final int CLUSTERS = 3;
    private static final int LLOYD_STEPS = 50;

    /**
     * A layer's weights split by cluster.
     *
     * @param cluster cluster of each weight (0 low, 1 middle, 2 high)
     * @param parts   CLUSTERS arrays of the layer's shape, each with its cluster's weights and zeros
     */
    public record Split(int[] cluster, double[][] parts) {
    }

    private SplitQuant() {
    }

    /** The 1-D k-means split of {@code w} into three groups (centres start at the 1/6, 1/2, 5/6 quantiles). */
    public static Split split(double[] w) {
        double[] sorted = w.clone();
        Arrays.sort(sorted);
        double[] centre = new double[CLUSTERS];
        for (int k = 0; k < CLUSTERS; k++) {
            centre[k] = sorted[Math.min(sorted.length - 1, (int) ((2 * k + 1) * (long) sorted.length / (2 * CLUSTERS)))];
        }
        int[] cluster = new int[w.length];
        for (int step = 0; step < LLOYD_STEPS; step++) {
            boolean moved = false;
            for (int i = 0; i < w.length; i++) {
                int best = 0;
                for (int k = 1; k < CLUSTERS; k++) {
                    if (Math.abs(w[i] - centre[k]) < Math.abs(w[i] - centre[best])) {
                        best = k;
                    }
                }
                moved |= best != cluster[i];
                cluster[i] = best;
            }
            double[] sum = new double[CLUSTERS];
            int[] count = new int[CLUSTERS];
            for (int i = 0; i < w.length; i++) {
                sum[cluster[i]] += w[i];
                count[cluster[i]]++;
            }
            for (int k = 0; k < CLUSTERS; k++) {
                if (count[k] > 0) {
                    centre[k] = sum[k] / count[k];
                }
            }
            if (!moved && step > 0) {
                break;
            }
        }
        double[][] parts = new double[CLUSTERS][w.length];
        for (int i = 0; i < w.length; i++) {
            parts[cluster[i]][i] = w[i];
        }
        return new Split(cluster, parts);
    }

    /**
     * The network with every layer split: layer l becomes a layer of three times its outputs
     * (identity activation; the bias on the first copy) and a fixed summing layer of ones that
     * applies the original activation. It computes the same function.
     */
    public static Mlp splitLayers(Mlp net) {
        List<Mlp.Layer> out = new ArrayList<>();
        for (Mlp.Layer l : net.layers()) {
            Split s = split(l.weights());
            int o = l.outputs();
            double[] w = new double[l.inputs() * CLUSTERS * o];
            for (int i = 0; i < l.inputs(); i++) {
                for (int k = 0; k < CLUSTERS; k++) {
                    for (int j = 0; j < o; j++) {
                        w[i * CLUSTERS * o + k * o + j] = s.parts()[k][i * o + j];
                    }
                }
            }
            double[] b = new double[CLUSTERS * o];
            System.arraycopy(l.biases(), 0, b, 0, o);
            out.add(new Mlp.Layer(l.inputs(), CLUSTERS * o, w, b, Mlp.Activation.IDENTITY, 0));
            double[] sum = new double[CLUSTERS * o * o];
            for (int k = 0; k < CLUSTERS; k++) {
                for (int j = 0; j < o; j++) {
                    sum[(k * o + j) * o + j] = 1;
                }
            }
            out.add(new Mlp.Layer(CLUSTERS * o, o, sum, new double[o], l.activation(), l.omega()));
        }
        return new Mlp(out);
    }

    /**
     * The weights after quantizing each group of each output channel in {@code format} on its own
     * (scales searched as {@link Quantizer} does; the zeros of the other groups are not counted):
     * what the three split layers hold once quantized, summed back into one array.
     */
    public static double[] quantize(double[] w, int rows, int cols, TensorFormat format) {
        Split s = split(w);
        double[] out = new double[w.length];
        for (int k = 0; k < CLUSTERS; k++) {
            for (int j = 0; j < cols; j++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    if (s.cluster()[i * cols + j] == k) {
                        members.add(i * cols + j);
                    }
                }
                if (members.isEmpty()) {
                    continue;
                }
                float[] column = new float[members.size()];
                for (int m = 0; m < column.length; m++) {
                    column[m] = (float) w[members.get(m)];
                }
                float[] q = Quantizer.quantize(column, column.length, 1, format).dequantize();
                for (int m = 0; m < column.length; m++) {
                    out[members.get(m)] = q[m];
                }
            }
        }
        return out;
    }
}
