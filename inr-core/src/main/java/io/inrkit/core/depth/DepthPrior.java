package io.inrkit.core.depth;

import io.inrkit.core.CorruptInputException;
import io.inrkit.core.internal.HalfFloats;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The learned prior of {@link ExpansionMethod#LEARNED}: a small ReLU network that maps the
 * {@link DepthPriorFeatures} of a sample to where its true value lies in the interval its known
 * bits allow, as a fraction of the step from the interval's middle (-1/2 .. 1/2).
 *
 * <p>Evaluation is deterministic: binary32 arithmetic in a fixed order (each unit's sum runs over
 * the inputs in order; Java neither reorders nor fuses float operations), so every machine, JIT
 * and vector width gives the same bits.
 *
 * <p>The bundled prior is a jar resource, trained by {@code docs/bitdepth/train.sh} with DL4J on
 * images no test set contains; {@link #provenance()} says on what, how long and with which seed.
 * The file: magic {@code INRKDPR1}; the provenance (u16 length, UTF-8); the feature count (u16)
 * and per feature the normalisation, mean and scale (binary32); the layer count (u8); per layer
 * its inputs and outputs (u16 each), then weights (input-major) and biases as IEEE binary16, the
 * format {@code --weights fp16} stores; last, the CRC-32 of everything before it.
 */
public final class DepthPrior {

    static final String RESOURCE = "depth-prior.bin";
    /** Most samples one {@link #predict} call takes. */
    public static final int BATCH = 128;
    private static final byte[] MAGIC = "INRKDPR1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_UNITS = 1024;

    private final String provenance;
    private final float[] mean;
    private final float[] scale;
    private final int[] sizes;
    private final float[][] weights;
    private final float[][] biases;
    /**
     * The first layer with the normalisation folded in ({@code w_ij * scale_i}, and the bias less
     * {@code sum_i mean_i scale_i w_ij}), so that it takes the raw features, many of them exactly
     * zero on flat areas, which {@link #layer} skips. Computed here in a fixed order: the same on
     * every machine.
     */
    private final float[] firstWeights;
    private final float[] firstBias;

    /**
     * A prior of {@code weights.length} dense layers, ReLU between them and none after the last,
     * which has one output. The weights are rounded to binary16 here, so a prior evaluates the
     * same before and after {@link #write}.
     *
     * @param mean per feature, subtracted before the first layer
     * @param scale per feature, multiplied after the mean is subtracted
     * @param weights per layer, input-major ({@code w[i * outputs + j]})
     */
    public DepthPrior(String provenance, float[] mean, float[] scale, float[][] weights, float[][] biases) {
        if (mean.length != DepthPriorFeatures.COUNT || scale.length != mean.length) {
            throw new IllegalArgumentException("a depth prior normalises " + DepthPriorFeatures.COUNT + " features");
        }
        if (weights.length == 0 || biases.length != weights.length) {
            throw new IllegalArgumentException("layers: " + weights.length + " weight and " + biases.length + " bias tensors");
        }
        this.provenance = provenance;
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.sizes = new int[weights.length + 1];
        sizes[0] = mean.length;
        this.weights = new float[weights.length][];
        this.biases = new float[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            sizes[l + 1] = biases[l].length;
            if (weights[l].length != (long) sizes[l] * sizes[l + 1] || sizes[l + 1] < 1 || sizes[l + 1] > MAX_UNITS) {
                throw new IllegalArgumentException("layer " + l + ": " + weights[l].length + " weights for "
                        + sizes[l] + " x " + sizes[l + 1]);
            }
            this.weights[l] = toHalfPrecision(weights[l]);
            this.biases[l] = toHalfPrecision(biases[l]);
        }
        if (sizes[weights.length] != 1) {
            throw new IllegalArgumentException("the last layer has one output, not " + sizes[weights.length]);
        }
        int outputs = sizes[1];
        firstWeights = new float[this.weights[0].length];
        firstBias = new float[outputs];
        for (int j = 0; j < outputs; j++) {
            double shift = 0;
            for (int i = 0; i < sizes[0]; i++) {
                float w = this.weights[0][i * outputs + j] * this.scale[i];
                firstWeights[i * outputs + j] = w;
                shift += (double) this.mean[i] * w;
            }
            firstBias[j] = (float) (this.biases[0][j] - shift);
        }
    }

    /** The prior in this jar. */
    public static DepthPrior bundled() {
        return Bundled.PRIOR;
    }

    /** Where the weights came from: data, steps, seed, figures. */
    public String provenance() {
        return provenance;
    }

    /** Weights and biases. */
    public int parameters() {
        int n = 0;
        for (int l = 0; l < weights.length; l++) {
            n += weights[l].length + biases[l].length;
        }
        return n;
    }

    /** Layer widths, inputs first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Working memory for {@link #predict}, one per thread. */
    public Scratch scratch() {
        return new Scratch(sizes);
    }

    /** One thread's activations, a buffer per layer, and the nonzero inputs of the layer at hand. */
    public static final class Scratch {
        private final float[][] units;
        private final int[] nonzero;

        private Scratch(int[] sizes) {
            units = new float[sizes.length][];
            for (int l = 0; l < sizes.length; l++) {
                units[l] = new float[sizes[l]];
            }
            nonzero = new int[Arrays.stream(sizes).max().orElse(1)];
        }
    }

    /**
     * Where each of {@code count} samples lies, as a fraction of the step from its interval's
     * middle, clamped to -1/2 .. 1/2: sample s's features are {@code features[s * COUNT ..]},
     * its answer goes to {@code out[s]}. At most {@link #BATCH} samples a call.
     */
    public void predict(float[] features, int count, float[] out, Scratch scratch) {
        if (count > BATCH) {
            throw new IllegalArgumentException(count + " samples; at most " + BATCH + " a call");
        }
        int n = sizes[0];
        float[] in = scratch.units[0];
        for (int s = 0; s < count; s++) {
            System.arraycopy(features, s * n, in, 0, n);
            for (int l = 0; l < weights.length; l++) {
                layer(l == 0 ? firstWeights : weights[l], l == 0 ? firstBias : biases[l], sizes[l], sizes[l + 1],
                        scratch.units[l], scratch.units[l + 1], scratch.nonzero, l < weights.length - 1);
            }
            out[s] = Math.max(-0.5f, Math.min(0.5f, scratch.units[weights.length][0]));
        }
    }

    /**
     * {@code h_j = b_j + x_0 w_0j + x_1 w_1j + ...}, summed in input order, then ReLU. Inputs
     * that are zero are skipped (ReLU zeros, flat neighbourhoods): adding {@code 0 * w} changes
     * no sum. Eight outputs at a time in locals: the JIT keeps them in registers and each input
     * is read once per eight (about twice the speed of a loop over the outputs).
     */
    private static void layer(float[] w, float[] b, int inputs, int outputs, float[] x, float[] h, int[] nonzero,
            boolean relu) {
        int live = 0;
        for (int i = 0; i < inputs; i++) {
            if (x[i] != 0f) {
                nonzero[live++] = i;
            }
        }
        int j = 0;
        for (; j + 8 <= outputs; j += 8) {
            float a0 = b[j], a1 = b[j + 1], a2 = b[j + 2], a3 = b[j + 3];
            float a4 = b[j + 4], a5 = b[j + 5], a6 = b[j + 6], a7 = b[j + 7];
            for (int k = 0; k < live; k++) {
                int i = nonzero[k];
                float v = x[i];
                int row = i * outputs + j;
                a0 += v * w[row];
                a1 += v * w[row + 1];
                a2 += v * w[row + 2];
                a3 += v * w[row + 3];
                a4 += v * w[row + 4];
                a5 += v * w[row + 5];
                a6 += v * w[row + 6];
                a7 += v * w[row + 7];
            }
            h[j] = a0;
            h[j + 1] = a1;
            h[j + 2] = a2;
            h[j + 3] = a3;
            h[j + 4] = a4;
            h[j + 5] = a5;
            h[j + 6] = a6;
            h[j + 7] = a7;
        }
        for (; j < outputs; j++) {
            float a = b[j];
            for (int k = 0; k < live; k++) {
                int i = nonzero[k];
                a += x[i] * w[i * outputs + j];
            }
            h[j] = a;
        }
        if (relu) {
            for (j = 0; j < outputs; j++) {
                h[j] = Math.max(0f, h[j]);
            }
        }
    }

    /** Writes the prior in the format the class describes. */
    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.write(MAGIC);
        byte[] text = provenance.getBytes(StandardCharsets.UTF_8);
        d.writeShort(text.length);
        d.write(text);
        d.writeShort(mean.length);
        for (int i = 0; i < mean.length; i++) {
            d.writeFloat(mean[i]);
            d.writeFloat(scale[i]);
        }
        d.writeByte(weights.length);
        for (int l = 0; l < weights.length; l++) {
            d.writeShort(sizes[l]);
            d.writeShort(sizes[l + 1]);
            for (float v : weights[l]) {
                d.writeShort(HalfFloats.toHalf(v));
            }
            for (float v : biases[l]) {
                d.writeShort(HalfFloats.toHalf(v));
            }
        }
        d.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        d.writeInt((int) crc.getValue());
        d.flush();
        bytes.writeTo(out);
    }

    /** Reads a prior {@link #write} wrote; a damaged one is a {@link CorruptInputException}. */
    public static DepthPrior read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        if (all.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new CorruptInputException("not a depth prior (no " + new String(MAGIC, StandardCharsets.US_ASCII) + " header)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        int stored = ((all[all.length - 4] & 0xFF) << 24) | ((all[all.length - 3] & 0xFF) << 16)
                | ((all[all.length - 2] & 0xFF) << 8) | (all[all.length - 1] & 0xFF);
        if ((int) crc.getValue() != stored) {
            throw new CorruptInputException("depth prior: CRC-32 mismatch");
        }
        try {
            DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length,
                    all.length - 4 - MAGIC.length));
            byte[] text = new byte[d.readUnsignedShort()];
            d.readFully(text);
            int features = d.readUnsignedShort();
            if (features != DepthPriorFeatures.COUNT) {
                throw new CorruptInputException("depth prior for " + features + " features; this version computes "
                        + DepthPriorFeatures.COUNT);
            }
            float[] mean = new float[features];
            float[] scale = new float[features];
            for (int i = 0; i < features; i++) {
                mean[i] = d.readFloat();
                scale[i] = d.readFloat();
            }
            int layers = d.readUnsignedByte();
            float[][] w = new float[layers][];
            float[][] b = new float[layers][];
            int previous = features;
            for (int l = 0; l < layers; l++) {
                int inputs = d.readUnsignedShort();
                int outputs = d.readUnsignedShort();
                if (inputs != previous || outputs < 1 || outputs > MAX_UNITS) {
                    throw new CorruptInputException("depth prior layer " + l + ": " + inputs + " x " + outputs);
                }
                w[l] = halves(d, inputs * outputs);
                b[l] = halves(d, outputs);
                previous = outputs;
            }
            return new DepthPrior(new String(text, StandardCharsets.UTF_8), mean, scale, w, b);
        } catch (EOFException e) {
            throw new CorruptInputException("depth prior: truncated", e);
        } catch (IllegalArgumentException e) {
            throw new CorruptInputException("depth prior: " + e.getMessage(), e);
        }
    }

    private static float[] halves(DataInputStream d, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = HalfFloats.fromHalf(d.readUnsignedShort());
        }
        return out;
    }

    private static float[] toHalfPrecision(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = HalfFloats.fromHalf(HalfFloats.toHalf(v[i]));
        }
        return out;
    }

    /** Loaded on first use: a missing or damaged resource is a broken jar, not bad input. */
    private static final class Bundled {
        static final DepthPrior PRIOR = load();

        private static DepthPrior load() {
            try (InputStream in = DepthPrior.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks its depth prior, " + RESOURCE);
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the bundled depth prior", e);
            }
        }
    }
}
