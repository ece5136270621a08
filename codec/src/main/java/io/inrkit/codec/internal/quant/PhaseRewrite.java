package io.inrkit.codec.internal.quant;

import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.InrModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact sine phase rewrite (docs/DESIGN.md, "Weights"):
 * {@code sin(z + theta) = (-1)^k sin(z + theta - k pi)}, so each sine unit's bias phase
 * {@code omega * b} can be folded into [-pi/2, pi/2] by flipping the sign of that unit's outgoing
 * weights when k is odd. The network computes the same function; the biases then lie in the known
 * interval |b| <= pi / (2 omega), which quantizes better.
 */
public final class PhaseRewrite {

    private PhaseRewrite() {
    }

    public static InrModel apply(InrModel model) {
        List<DenseLayer> in = model.layers();
        float[][] w = new float[in.size()][];
        float[][] b = new float[in.size()][];
        for (int l = 0; l < in.size(); l++) {
            w[l] = in.get(l).weights();
            b[l] = in.get(l).bias();
        }
        for (int l = 0; l < in.size() - 1; l++) {
            DenseLayer layer = in.get(l);
            double omega = layer.omega();
            int outs = layer.outputs();
            int nextOuts = in.get(l + 1).outputs();
            for (int j = 0; j < outs; j++) {
                double theta = omega * b[l][j];
                double k = Math.rint(theta / Math.PI);
                if (k == 0) {
                    continue;
                }
                b[l][j] = (float) ((theta - k * Math.PI) / omega);
                if (((long) k & 1) != 0) {
                    for (int m = 0; m < nextOuts; m++) {
                        w[l + 1][j * nextOuts + m] = -w[l + 1][j * nextOuts + m];
                    }
                }
            }
        }
        List<DenseLayer> out = new ArrayList<>();
        for (int l = 0; l < in.size(); l++) {
            DenseLayer layer = in.get(l);
            out.add(layer.sine() ? DenseLayer.sine(layer.inputs(), layer.outputs(), w[l], b[l], layer.omega())
                    : DenseLayer.linear(layer.inputs(), layer.outputs(), w[l], b[l]));
        }
        return new InrModel(model.spec(), model.formulation(), model.mapping(), out);
    }
}
