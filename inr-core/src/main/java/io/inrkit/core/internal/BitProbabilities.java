package io.inrkit.core.internal;

import io.inrkit.core.SignalSpec;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;
import io.inrkit.core.model.TernaryInr;

/**
 * The deterministic engine: every bit's probability under a model, as a 12-bit integer, computed
 * the same way by the encoder and the decoder on any machine. Logits come from
 * {@link InrModel#logits} (double accumulation in input order, {@link StrictMath#sin}) or
 * {@link TernaryInr#logits} (the same discipline, with LayerNorm and GELU); the
 * probability is {@code round(4096 / (1 + exp(-logit)))} with {@link StrictMath#exp}, clamped to
 * 1..4095. Java's floating point is strict IEEE 754 since Java 17 and the code fixes the order of
 * every operation, so SIMD width, JIT and CPU cannot change a result. Positions are split among
 * threads; each value is computed by the same code whichever thread computes it.
 */
public final class BitProbabilities {

    private final SignalSpec spec;
    private final short[] probabilities;

    private BitProbabilities(SignalSpec spec, short[] probabilities) {
        this.spec = spec;
        this.probabilities = probabilities;
    }

    /** 12-bit probability of a 1 for {@code logit}: 1..4095. */
    public static int probability12(double logit) {
        double q = 4096.0 / (1.0 + StrictMath.exp(-logit));
        long r = (long) StrictMath.floor(q + 0.5);
        return (int) Math.max(1, Math.min(4095, r));
    }

    /** Evaluates {@code model} at every position of its signal on {@code threads} threads. */
    public static BitProbabilities compute(InrModel model, int threads) {
        return compute(model.spec(), threads, (from, to, p) -> fill(model, from, to, p));
    }

    /** Evaluates the ternary {@code model} at every position of its signal on {@code threads} threads. */
    public static BitProbabilities compute(TernaryInr model, int threads) {
        SignalSpec spec = model.spec();
        return compute(spec, threads, (from, to, p) -> {
            float[] row = new float[spec.rank()];
            double[] out = new double[spec.channels() * spec.bitDepth()];
            for (int pos = from; pos < to; pos++) {
                CoordinateGrid.fillPosition(spec, pos, row, 0);
                model.logits(row, 0, out);
                storePlaneHeads(spec, pos, out, p);
            }
        });
    }

    /** Fills the probabilities of positions {@code [from, to)}. */
    @FunctionalInterface
    private interface RangeFill {
        void fill(int from, int to, short[] p);
    }

    private static BitProbabilities compute(SignalSpec spec, int threads, RangeFill work) {
        int positions = spec.positions();
        long total = (long) positions * spec.channels() * spec.bitDepth();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many bits for one model: " + total);
        }
        short[] p = new short[(int) total];
        int parts = Math.max(1, Math.min(threads, positions));
        Thread[] workers = new Thread[parts - 1];
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 1; t < parts; t++) {
            int from = (int) ((long) positions * t / parts);
            int to = (int) ((long) positions * (t + 1) / parts);
            workers[t - 1] = new Thread(() -> {
                try {
                    work.fill(from, to, p);
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }, "inrkit-eval");
            workers[t - 1].start();
        }
        work.fill(0, (int) ((long) positions / parts), p);
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return new BitProbabilities(spec, p);
    }

    /** Plane-heads logits of {@code position} ({@code out[b * C + c]}) into {@code p}. */
    private static void storePlaneHeads(SignalSpec spec, int position, double[] out, short[] p) {
        int channels = spec.channels();
        int planes = spec.bitDepth();
        int base = position * channels * planes;
        for (int b = 0; b < planes; b++) {
            for (int c = 0; c < channels; c++) {
                p[base + c * planes + b] = (short) probability12(out[b * channels + c]);
            }
        }
    }

    private static void fill(InrModel model, int from, int to, short[] p) {
        SignalSpec spec = model.spec();
        int channels = spec.channels();
        int planes = spec.bitDepth();
        int rank = spec.rank();
        float[] row = new float[model.inputDimension()];
        double[] out = new double[model.outputDimension()];
        for (int pos = from; pos < to; pos++) {
            CoordinateGrid.fillPosition(spec, pos, row, 0);
            int base = pos * channels * planes;
            if (model.formulation() == Formulation.BIT_INPUT) {
                for (int b = 0; b < planes; b++) {
                    row[rank] = CoordinateGrid.bitCoordinate(b, planes);
                    model.logits(row, 0, out);
                    for (int c = 0; c < channels; c++) {
                        p[base + c * planes + b] = (short) probability12(out[c]);
                    }
                }
            } else {
                model.logits(row, 0, out);
                storePlaneHeads(spec, pos, out, p);
            }
        }
    }

    public SignalSpec spec() {
        return spec;
    }

    /** Probability (1..4095 of 4096) that plane {@code plane} of sample (position, channel) is 1. */
    public int probability(int position, int channel, int plane) {
        return probabilities[(position * spec.channels() + channel) * spec.bitDepth() + plane];
    }

    /** The sample's expected (unsigned) value under these probabilities, in 1/16: exact integer sum. */
    public long expected16(int position, int channel) {
        int base = (position * spec.channels() + channel) * spec.bitDepth();
        long sum = 0;
        for (int b = 0; b < spec.bitDepth(); b++) {
            sum += (long) probabilities[base + b] << b;
        }
        return sum >> 8; // * 16 / 4096
    }

    /** The bits the model predicts (probability above 1/2), as packed planes of the signal. */
    public long[][] thresholdedBits() {
        int planes = spec.bitDepth();
        long[][] bits = new long[planes][io.inrkit.core.BitPlanes.wordsPerPlane(spec.sampleCount())];
        for (int s = 0, n = spec.sampleCount(); s < n; s++) {
            for (int b = 0; b < planes; b++) {
                if (probabilities[s * planes + b] > 2048) {
                    bits[b][s >>> 6] |= 1L << (s & 63);
                }
            }
        }
        return bits;
    }
}
