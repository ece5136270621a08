package io.inrkit.bench.quant;

import io.inrkit.codec.internal.quant.PhaseRewrite;
import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.Quantizer;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.BitProbabilities;
import io.inrkit.core.internal.CoordinateGrid;
import io.inrkit.core.model.DenseLayer;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Integer inference of a plane-heads INR, the arithmetic low-bit hardware is built for: weights
 * as 2..8-bit integer codes with per-column scales, activations as {@code activationBits}-bit
 * integers, and no floating point at all once built. Being integer, it gives the same bits on
 * every machine by construction.
 * <ul>
 * <li>Coordinates enter as 16-bit fixed point (x * 32767).</li>
 * <li>A sine unit's phase is kept in turns as a 32-bit integer, where wrapping around 2^32 is
 * the free modulo 2 pi: {@code phase = bits 32..63 of (acc * K_j) + B_j}, where {@code K_j} is the
 * phase per accumulator unit times 2^64 and {@code B_j} the bias phase times 2^32, derived once
 * from omega, the column scale and the bias. The 64-bit product may wrap: its bits 32..63 are
 * still those of the exact product, which is all a phase modulo one turn needs.</li>
 * <li>sin is a 4096-entry table of 16-bit values, linearly interpolated on the next 16 phase bits.</li>
 * <li>Activations are rounded to {@code activationBits} bits. With NoisyQuant (Liu et al., 2023) a
 * fixed noise vector, uniform over one quantization step, is added before rounding and its
 * effect removed exactly through the next layer's accumulator ({@code - sum_i q_ij n_i}).</li>
 * <li>The output logit is fixed point with 8 fractional bits, the high 64 bits of the 128-bit
 * product of the accumulator and the logit per unit times 2^64; an 8192-entry table gives the
 * 12-bit probability the coder uses.</li>
 * </ul>
 */
public final class IntegerEngine {

    private static final int ONE = 32767;
    private static final int SIN_BITS = 12;
    private static final int[] SIN = sineTable();
    private static final int LOGIT_FRACTION = 8;
    private static final int LOGIT_LIMIT = 16 << LOGIT_FRACTION;
    private static final short[] SIGMOID = sigmoidTable();

    private final SignalSpec spec;
    private final int activationLevels;
    private final Layer[] layers;

    /**
     * One layer in integers: per output unit j, {@code multipliers[j]} is K_j and {@code offsets[j]}
     * is B_j (sine layers: the phase per accumulator unit times 2^64 and the bias phase times 2^32;
     * the output layer: the logit per unit times 2^64 and the bias logit in 1/256).
     */
    private record Layer(int inputs, int outputs, int[] codes, long[] multipliers, int[] offsets, int[] noise,
            long[] noiseRemoval, boolean sine, boolean scaledInput) {
    }

    private IntegerEngine(SignalSpec spec, int activationLevels, Layer[] layers) {
        this.spec = spec;
        this.activationLevels = activationLevels;
        this.layers = layers;
    }

    /**
     * Builds the engine for {@code model} (plane-heads; phase rewritten first), its weights in
     * {@code weightFormat} (int2..int8 or ternary).
     */
    public static IntegerEngine build(InrModel model, TensorFormat weightFormat, int activationBits, boolean noisy,
            long seed) {
        if (model.formulation() != Formulation.PLANE_HEADS) {
            throw new IllegalArgumentException("the integer engine evaluates plane-heads models only");
        }
        if (!weightFormat.signedCodes() || weightFormat == TensorFormat.PTQ161) {
            throw new IllegalArgumentException("the integer engine needs integer weights (int2..int8, ternary), not "
                    + weightFormat.cliName());
        }
        if (activationBits < 2 || activationBits > 16) {
            throw new IllegalArgumentException("activation bits must be 2..16, got " + activationBits);
        }
        int levels = (1 << (activationBits - 1)) - 1;
        List<DenseLayer> in = PhaseRewrite.apply(model).layers();
        Layer[] layers = new Layer[in.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < layers.length; l++) {
            DenseLayer d = in.get(l);
            QuantizedTensor q = Quantizer.quantize(d.weights(), d.inputs(), d.outputs(), weightFormat);
            boolean scaledInput = l > 0; // hidden activations: accumulator scaled by ONE (noise removal)
            double unit = l == 0 ? 1.0 / ONE : 1.0 / ((double) levels * ONE);
            int[] noise = new int[d.inputs()];
            long[] removal = new long[d.outputs()];
            if (noisy && l > 0) {
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (int) Math.round((random.nextDouble() - 0.5) * ONE);
                }
                for (int j = 0; j < d.outputs(); j++) {
                    long sum = 0;
                    for (int i = 0; i < d.inputs(); i++) {
                        sum += (long) q.codes()[i * d.outputs() + j] * noise[i];
                    }
                    removal[j] = sum;
                }
            }
            long[] k = new long[d.outputs()];
            int[] b = new int[d.outputs()];
            for (int j = 0; j < d.outputs(); j++) {
                double scale = format(q, j);
                if (d.sine()) {
                    double turnsPerUnit = d.omega() * scale * unit / (2 * Math.PI);
                    k[j] = Math.round(turnsPerUnit * 0x1p64);
                    b[j] = (int) (long) Math.rint(d.omega() * d.bias(j) / (2 * Math.PI) * 0x1p32);
                } else {
                    k[j] = Math.round(scale * unit * (1 << LOGIT_FRACTION) * 0x1p64);
                    b[j] = (int) Math.rint(d.bias(j) * (1 << LOGIT_FRACTION));
                }
            }
            layers[l] = new Layer(d.inputs(), d.outputs(), q.codes(), k, b, noise, removal, d.sine(), scaledInput);
        }
        return new IntegerEngine(model.spec(), levels, layers);
    }

    private static double format(QuantizedTensor q, int column) {
        return q.format() == TensorFormat.TERNARY ? q.scales()[0] : q.scales()[column];
    }

    /** The 12-bit probability of every bit, laid out as {@link BitProbabilities}: (position, channel, plane). */
    public short[] probabilities() {
        int positions = spec.positions();
        int channels = spec.channels();
        int planes = spec.bitDepth();
        short[] p = new short[positions * channels * planes];
        float[] coords = new float[spec.rank()];
        int width = 0;
        for (Layer l : layers) {
            width = Math.max(width, Math.max(l.inputs(), l.outputs()));
        }
        long[] acc = new long[width];
        int[] a = new int[width];
        for (int pos = 0; pos < positions; pos++) {
            CoordinateGrid.fillPosition(spec, pos, coords, 0);
            for (int r = 0; r < coords.length; r++) {
                a[r] = Math.round(coords[r] * ONE);
            }
            for (int li = 0; li < layers.length; li++) {
                Layer l = layers[li];
                java.util.Arrays.fill(acc, 0, l.outputs(), 0L);
                for (int i = 0; i < l.inputs(); i++) {
                    long x = a[i];
                    int row = i * l.outputs();
                    for (int j = 0; j < l.outputs(); j++) {
                        acc[j] += l.codes()[row + j] * x;
                    }
                }
                if (l.scaledInput()) {
                    for (int j = 0; j < l.outputs(); j++) {
                        acc[j] = acc[j] * ONE - l.noiseRemoval()[j];
                    }
                }
                if (l.sine()) {
                    Layer next = layers[li + 1];
                    for (int j = 0; j < l.outputs(); j++) {
                        int phase = (int) ((acc[j] * l.multipliers()[j]) >>> 32) + l.offsets()[j];
                        int v = sin(phase);
                        a[j] = (int) Math.floorDiv((long) v * activationLevels + next.noise()[j] + ONE / 2, ONE);
                    }
                } else {
                    int base = pos * channels * planes;
                    for (int j = 0; j < l.outputs(); j++) {
                        long logit = Math.multiplyHigh(acc[j], l.multipliers()[j]) + l.offsets()[j]; // (acc k) >> 64, exact
                        int index = (int) Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT - 1, logit)) + LOGIT_LIMIT;
                        int plane = j / channels;
                        int channel = j % channels;
                        p[base + channel * planes + plane] = SIGMOID[index];
                    }
                }
            }
        }
        return p;
    }

    /** sin of a phase in turns (2^32 = one turn), 16-bit, from the table with linear interpolation. */
    static int sin(int phase) {
        int index = phase >>> (32 - SIN_BITS);
        int fraction = (phase >>> (16 - SIN_BITS)) & 0xFFFF;
        int lo = SIN[index];
        int hi = SIN[index + 1];
        return lo + (int) (((long) (hi - lo) * fraction) >> 16);
    }

    private static int[] sineTable() {
        int n = 1 << SIN_BITS;
        int[] t = new int[n + 1];
        for (int k = 0; k <= n; k++) {
            t[k] = (int) Math.round(ONE * StrictMath.sin(2 * Math.PI * k / n));
        }
        return t;
    }

    private static short[] sigmoidTable() {
        short[] t = new short[2 * LOGIT_LIMIT];
        for (int i = 0; i < t.length; i++) {
            t[i] = (short) BitProbabilities.probability12((i - LOGIT_LIMIT) / (double) (1 << LOGIT_FRACTION));
        }
        return t;
    }
}
