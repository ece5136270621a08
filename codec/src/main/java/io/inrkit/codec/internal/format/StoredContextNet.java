package io.inrkit.codec.internal.format;

import io.inrkit.codec.internal.quant.QuantizedTensor;

/**
 * The context network as stored (formulation 3 in docs/FORMAT.md): {@code inputs -> hidden}
 * with tanh units, then one output; each tensor in a format of its own. It covers the whole
 * image and is evaluated in the decoder's loop, once a sample, by
 * {@link io.inrkit.codec.internal.model.ContextNet}.
 *
 * @param weights1 inputs x hidden
 * @param bias1 1 x hidden
 * @param weights2 hidden x 1
 * @param bias2 1 x 1
 */
public record StoredContextNet(int inputs, int hidden, QuantizedTensor weights1, QuantizedTensor bias1,
        QuantizedTensor weights2, QuantizedTensor bias2) implements ModelSection {

    /** The input set of format version 2: docs/FORMAT.md, "Context network". */
    public static final int IMAGE_INPUT_SET = 0;
    /** Hidden units a file may declare. */
    public static final int MAX_HIDDEN = 256;

    public StoredContextNet {
        check(weights1, inputs, hidden, "first layer's weights");
        check(bias1, 1, hidden, "first layer's bias");
        check(weights2, hidden, 1, "output weights");
        check(bias2, 1, 1, "output bias");
    }

    private static void check(QuantizedTensor t, int rows, int cols, String what) {
        if (t.rows() != rows || t.cols() != cols) {
            throw new IllegalArgumentException(what + ": " + t.rows() + " x " + t.cols() + ", not " + rows + " x " + cols);
        }
    }

    @Override
    public long parameters() {
        return (long) inputs * hidden + 2L * hidden + 1;
    }

    @Override
    public String describe() {
        return "context network " + inputs + "-" + hidden + "-1 (" + weights1.format().cliName() + "/"
                + bias1.format().cliName() + ", " + weights2.format().cliName() + "/" + bias2.format().cliName() + ")";
    }
}
