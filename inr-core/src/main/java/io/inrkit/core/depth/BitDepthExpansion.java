package io.inrkit.core.depth;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.SampleCoding;

/**
 * Bit-depth expansion: an n-bit signal to m > n bits, its n bits kept as the top bits of every
 * sample and the m - n missing low bits filled by an {@link ExpansionMethod}; and the inverse
 * reduction, which keeps the top bits of a signal (how low-bit test inputs are made from real
 * high-bit signals).
 *
 * <pre>{@code
 * Signal eight = BitDepthExpansion.reduce(sixteen, 8);
 * Signal back = BitDepthExpansion.expand(eight, 16, ExpansionMethod.CONTOUR, ExpansionOptions.defaults());
 * }</pre>
 *
 * <p>Signed samples are handled in offset binary (docs/DESIGN.md, "Signals and samples"), so
 * "top bits" are those of the unsigned pattern, as for the codec's planes.
 */
public final class BitDepthExpansion {

    /** Deepest expansion target for images (what PNG and TIFF hold). */
    public static final int MAX_IMAGE_BITS = 16;
    /** Deepest expansion target for audio (24-bit PCM). */
    public static final int MAX_AUDIO_BITS = 24;

    private BitDepthExpansion() {
    }

    /** Expands {@code low} to {@code targetBits}. */
    public static Signal expand(Signal low, int targetBits, ExpansionMethod method, ExpansionOptions options) {
        checkTarget(low.spec(), targetBits);
        SignalSpec spec = low.spec();
        int n = spec.bitDepth();
        int missing = targetBits - n;
        boolean signed = spec.signed();
        SignalSpec target = spec.withBitDepth(targetBits);
        int[] levels = new int[low.sampleCount()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = SampleCoding.toUnsigned(low.sample(i), n, signed);
        }
        int[] wide = switch (method) {
            case ZERO_PADDING, BIT_REPLICATION, IDEAL_GAIN, CENTRE -> rule(levels, n, missing, method);
            case CONTOUR -> contour(spec, levels, n, missing);
            case LEARNED -> LearnedExpansion.usePrior(spec, levels, n, options.threads())
                    ? LearnedExpansion.expand(DepthPrior.bundled(), levels, spec.width(), spec.height(), spec.channels(), n,
                            missing, options.threads())
                    : contour(spec, levels, n, missing);
            case INR, INR_SOFT -> NetworkExpansion.expand(zeroPadded(target, levels, missing), missing,
                    method == ExpansionMethod.INR_SOFT, options);
        };
        Signal.Builder out = Signal.builder(target);
        for (int i = 0; i < wide.length; i++) {
            if (wide[i] >>> missing != levels[i]) { // a method must never touch the known bits
                throw new IllegalStateException(method.id() + " changed the known bits of sample " + i);
            }
            out.set(i, SampleCoding.fromUnsigned(wide[i], targetBits, signed));
        }
        return out.build();
    }

    /** The top {@code bits} bits of every sample of {@code signal}. */
    public static Signal reduce(Signal signal, int bits) {
        int m = signal.bitDepth();
        if (bits < 1 || bits >= m) {
            throw new IllegalArgumentException("reducing " + signal.spec().describe() + " needs 1.." + (m - 1)
                    + " bits, got " + bits);
        }
        boolean signed = signal.spec().signed();
        Signal.Builder out = Signal.builder(signal.spec().withBitDepth(bits));
        for (int i = 0, count = signal.sampleCount(); i < count; i++) {
            int u = SampleCoding.toUnsigned(signal.sample(i), m, signed) >>> (m - bits);
            out.set(i, SampleCoding.fromUnsigned(u, bits, signed));
        }
        return out.build();
    }

    /** Refuses a target that is not deeper than the input or deeper than the kind allows. */
    public static void checkTarget(SignalSpec spec, int targetBits) {
        int max = spec.kind() == SignalKind.IMAGE ? MAX_IMAGE_BITS : MAX_AUDIO_BITS;
        if (targetBits <= spec.bitDepth()) {
            throw new IllegalArgumentException("target depth " + targetBits + " bits is not above the input's "
                    + spec.bitDepth() + " bits; expansion adds bits (use reduce to drop them)");
        }
        if (targetBits > max) {
            throw new IllegalArgumentException("target depth " + targetBits + " bits is above the " + max
                    + " bits INRKit expands " + spec.kind().displayName() + " to");
        }
    }

    private static int[] rule(int[] levels, int n, int missing, ExpansionMethod method) {
        int m = n + missing;
        long lowMax = (1L << n) - 1;
        long highMax = (1L << m) - 1;
        int[] out = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            long v = levels[i];
            out[i] = (int) switch (method) {
                case ZERO_PADDING -> v << missing;
                case CENTRE -> v << missing | 1L << (missing - 1);
                // v * (2^m - 1) / (2^n - 1) rounded half up, in integers: never leaves v's interval
                case IDEAL_GAIN -> lowMax == 0 ? 0 : (2 * v * highMax + lowMax) / (2 * lowMax);
                case BIT_REPLICATION -> replicate(v, n, m);
                default -> throw new IllegalArgumentException(method.id() + " is not a rule");
            };
        }
        return out;
    }

    /** v's n bits repeated from the top down to fill m bits (the last copy cut short). */
    private static long replicate(long v, int n, int m) {
        long out = 0;
        int filled = 0;
        while (filled < m) {
            int take = Math.min(n, m - filled);
            out |= (v >>> (n - take)) << (m - filled - take);
            filled += take;
        }
        return out;
    }

    /** Contour's estimate of every channel; {@code levels} interleaved unsigned n-bit values. */
    static int[] contour(SignalSpec spec, int[] levels, int n, int missing) {
        int channels = spec.channels();
        int positions = spec.positions();
        ContourInterpolation interpolation = new ContourInterpolation(spec);
        int[] out = new int[levels.length];
        int[] plane = new int[positions];
        for (int c = 0; c < channels; c++) {
            for (int pos = 0; pos < positions; pos++) {
                plane[pos] = levels[pos * channels + c];
            }
            int[] wide = interpolation.expand(plane, n, missing);
            for (int pos = 0; pos < positions; pos++) {
                out[pos * channels + c] = wide[pos];
            }
        }
        return out;
    }

    private static Signal zeroPadded(SignalSpec target, int[] levels, int missing) {
        Signal.Builder b = Signal.builder(target);
        for (int i = 0; i < levels.length; i++) {
            b.set(i, SampleCoding.fromUnsigned(levels[i] << missing, target.bitDepth(), target.signed()));
        }
        return b.build();
    }
}
