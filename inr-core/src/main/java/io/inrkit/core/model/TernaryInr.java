package io.inrkit.core.model;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.CoordinateGrid;

/**
 * The paper's ternary INR as plain numbers: a positional encoding of the coordinates, then
 * BitLinear layers (LayerNorm without affine parameters, ternary weights {@code beta * {-1, 0, 1}},
 * no bias) with GELU between them, and one logit per channel and plane (logit {@code p * C + c}
 * predicts plane p of channel c, as in the plane-heads formulation).
 *
 * <p>The encoding of a coordinate v is {@code v}, then {@code sin(2^k pi v), cos(2^k pi v)} for
 * k = 0..K-1 (NeRF's), coordinates interleaved as the paper's {@code [x, y, sin(pi x), cos(pi x),
 * sin(pi y), cos(pi y), ...]}. GELU is the tanh form
 * {@code 0.5 a (1 + tanh(sqrt(2/pi) (a + 0.044715 a^3)))}.
 *
 * <p>{@link #logits} is the reference evaluation: double arithmetic in input order and
 * {@link StrictMath}, the same on every machine.
 */
public final class TernaryInr {

    /** LayerNorm's epsilon (PyTorch's default). */
    public static final double LN_EPS = 1e-5;
    /** The paper's shape: 5 BitLinear layers, the first 4 giving 256 units each. */
    public static final int PAPER_WIDTH = 256;
    public static final int PAPER_HIDDEN_LAYERS = 4;
    /** The most positional-encoding frequencies: 2^15 pi is finer than any coordinate grid here. */
    public static final int MAX_FREQUENCIES = 16;
    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_A = 0.044715;

    private final SignalSpec spec;
    private final PlaneMapping mapping;
    private final int frequencies;
    private final int[] dims;
    /** codes[l][i * out + j]: the weight from input i to output j, in {-1, 0, 1} (input-major, as DenseLayer). */
    private final byte[][] codes;
    /**
     * The non-zero codes of each output in input order: {@code inputs[l][j]} the inputs,
     * {@code signs[l][j]} the codes as +-1.0. Summing {@code sign * x} over them gives exactly the
     * sum the specification writes over every input (a zero term leaves a sum as it is, and +-1
     * times x is exactly +-x), without the zero codes, the strided reads or a branch on the sign
     * (the signs are random, so such a branch is mispredicted about half the time;
     * docs/QUANTIZATION.md, "Bars", has the timing).
     */
    private final int[][][] inputs;
    private final double[][][] signs;
    private final float[] betas;

    public TernaryInr(SignalSpec spec, PlaneMapping mapping, int frequencies, int[] dims, byte[][] codes,
            float[] betas) {
        if (frequencies < 0 || frequencies > MAX_FREQUENCIES) {
            throw new IllegalArgumentException("positional encoding frequencies must be 0.." + MAX_FREQUENCIES
                    + ", got " + frequencies);
        }
        if (dims.length < 2 || codes.length != dims.length - 1 || betas.length != codes.length) {
            throw new IllegalArgumentException("a ternary INR needs one code array and one scale per layer");
        }
        if (dims[0] != featureCount(spec.rank(), frequencies)) {
            throw new IllegalArgumentException("the first layer takes " + dims[0] + " inputs; the encoding gives "
                    + featureCount(spec.rank(), frequencies));
        }
        if (dims[dims.length - 1] != spec.channels() * spec.bitDepth()) {
            throw new IllegalArgumentException("the last layer gives " + dims[dims.length - 1] + " logits; "
                    + spec.describe() + " needs " + spec.channels() * spec.bitDepth());
        }
        for (int l = 0; l < codes.length; l++) {
            if (codes[l].length != (long) dims[l] * dims[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " needs " + (long) dims[l] * dims[l + 1]
                        + " weights, got " + codes[l].length);
            }
            for (byte c : codes[l]) {
                if (c < -1 || c > 1) {
                    throw new IllegalArgumentException("layer " + l + " has a weight code " + c + " outside -1..1");
                }
            }
            if (!(betas[l] > 0) || Float.isInfinite(betas[l])) {
                throw new IllegalArgumentException("layer " + l + " scale must be a positive number, got " + betas[l]);
            }
        }
        this.spec = spec;
        this.mapping = mapping;
        this.frequencies = frequencies;
        this.dims = dims.clone();
        this.codes = new byte[codes.length][];
        for (int l = 0; l < codes.length; l++) {
            this.codes[l] = codes[l].clone();
        }
        this.betas = betas.clone();
        this.inputs = new int[codes.length][][];
        this.signs = new double[codes.length][][];
        for (int l = 0; l < codes.length; l++) {
            int in = dims[l];
            int outs = dims[l + 1];
            inputs[l] = new int[outs][];
            signs[l] = new double[outs][];
            for (int j = 0; j < outs; j++) {
                int n = 0;
                for (int i = 0; i < in; i++) {
                    n += codes[l][i * outs + j] != 0 ? 1 : 0;
                }
                inputs[l][j] = new int[n];
                signs[l][j] = new double[n];
                n = 0;
                for (int i = 0; i < in; i++) {
                    byte c = codes[l][i * outs + j];
                    if (c != 0) {
                        inputs[l][j][n] = i;
                        signs[l][j][n++] = c;
                    }
                }
            }
        }
    }

    /** The paper's encoding: 7 frequencies (its code's, for any image size). */
    public static final int PAPER_FREQUENCIES = 7;

    /**
     * Encoding frequencies for a signal: the paper's 7, or {@code ceil(log2 N)} for an axis of N
     * points when more, so the highest frequency reaches about N/2 cycles over the axis (Nyquist):
     * with fewer, a long audio segment has detail no frequency resolves, and the network does not
     * become lossless (docs/QUANTIZATION.md, "Bars", has the speech run that showed it).
     */
    public static int frequenciesFor(SignalSpec spec) {
        int longest = 1;
        for (int axis = 0; axis < spec.rank(); axis++) {
            longest = Math.max(longest, spec.extent(axis));
        }
        int nyquist = 32 - Integer.numberOfLeadingZeros(longest - 1); // ceil(log2 N); 0 for N = 1
        return Math.min(MAX_FREQUENCIES, Math.max(PAPER_FREQUENCIES, nyquist));
    }

    /** Inputs of the first layer: each coordinate, and a sine and cosine per frequency. */
    public static int featureCount(int rank, int frequencies) {
        return rank * (1 + 2 * frequencies);
    }

    /** The encoding of {@code positions.length / rank} coordinate rows, row-major. */
    public static float[] features(float[] positions, int rank, int frequencies) {
        int rows = positions.length / rank;
        int f = featureCount(rank, frequencies);
        float[] out = new float[rows * f];
        double[] row = new double[f];
        for (int r = 0; r < rows; r++) {
            encode(positions, r * rank, rank, frequencies, row);
            for (int i = 0; i < f; i++) {
                out[r * f + i] = (float) row[i];
            }
        }
        return out;
    }

    private static void encode(float[] positions, int offset, int rank, int frequencies, double[] out) {
        int k = 0;
        for (int d = 0; d < rank; d++) {
            out[k++] = positions[offset + d];
        }
        for (int q = 0; q < frequencies; q++) {
            double scale = Math.scalb(Math.PI, q);
            for (int d = 0; d < rank; d++) {
                double v = scale * positions[offset + d];
                out[k++] = StrictMath.sin(v);
                out[k++] = StrictMath.cos(v);
            }
        }
    }

    /** GELU, tanh form, as the reference evaluation computes it. */
    public static double gelu(double a) {
        return 0.5 * a * (1 + StrictMath.tanh(GELU_C * (a + GELU_A * (a * a * a))));
    }

    public SignalSpec spec() {
        return spec;
    }

    public PlaneMapping mapping() {
        return mapping;
    }

    public int frequencies() {
        return frequencies;
    }

    /** Units: inputs of the first layer, then each layer's outputs. */
    public int[] dims() {
        return dims.clone();
    }

    public int layers() {
        return codes.length;
    }

    /** Layer l's codes, input-major: {@code [i * outputs + j]} joins input i to output j. */
    public byte[] codes(int layer) {
        return codes[layer].clone();
    }

    public float beta(int layer) {
        return betas[layer];
    }

    public int weightCount() {
        int n = 0;
        for (byte[] c : codes) {
            n += c.length;
        }
        return n;
    }

    /** The logits at one position's coordinates ({@code spec.rank()} values from {@code offset}). */
    public void logits(float[] position, int offset, double[] out) {
        double[] x = new double[dims[0]];
        encode(position, offset, spec.rank(), frequencies, x);
        for (int l = 0; l < codes.length; l++) {
            int in = dims[l];
            int outs = dims[l + 1];
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= in;
            double var = 0;
            for (double v : x) {
                var += (v - mean) * (v - mean);
            }
            var /= in;
            double inv = 1 / StrictMath.sqrt(var + LN_EPS);
            double[] xh = new double[in];
            for (int i = 0; i < in; i++) {
                xh[i] = (x[i] - mean) * inv;
            }
            double[] y = new double[outs];
            for (int j = 0; j < outs; j++) {
                double a = 0;
                int[] idx = inputs[l][j];
                double[] sign = signs[l][j];
                for (int k = 0; k < idx.length; k++) {
                    a += sign[k] * xh[idx[k]];
                }
                a *= betas[l];
                y[j] = l < codes.length - 1 ? gelu(a) : a;
            }
            x = y;
        }
        System.arraycopy(x, 0, out, 0, x.length);
    }

    /** Every bit the model predicts (logit above 0 means 1), as packed planes. */
    public long[][] predictBits() {
        int planes = spec.bitDepth();
        int channels = spec.channels();
        long[][] bits = new long[planes][BitPlanes.wordsPerPlane(spec.sampleCount())];
        float[] row = new float[spec.rank()];
        double[] out = new double[dims[dims.length - 1]];
        for (int pos = 0, n = spec.positions(); pos < n; pos++) {
            CoordinateGrid.fillPosition(spec, pos, row, 0);
            logits(row, 0, out);
            for (int p = 0; p < planes; p++) {
                for (int c = 0; c < channels; c++) {
                    if (out[p * channels + c] > 0) {
                        int s = pos * channels + c;
                        bits[p][s >>> 6] |= 1L << (s & 63);
                    }
                }
            }
        }
        return bits;
    }
}
