package io.inrkit.core.depth;

import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitResult;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.internal.BitProbabilities;

/**
 * The paper's self-supervised expansion: a bit-input network is fitted to the known (upper)
 * planes of the zero-padded signal, bit coordinates spread over all the target's planes, then
 * queried at the missing planes. The known bits are always copied from the input, so a fit that
 * is not lossless on them still yields a faithful expansion.
 */
final class NetworkExpansion {

    private NetworkExpansion() {
    }

    /**
     * {@code padded}: the input zero-padded to the target depth, {@code missing} low planes.
     * Returns the unsigned target-depth values, sample-interleaved.
     */
    static int[] expand(Signal padded, int missing, boolean soft, ExpansionOptions options) {
        FitResult fit = InrFitter.fitUpperPlanes(padded, missing, options.network(), options.listener());
        BitProbabilities p = BitProbabilities.compute(fit.model(), options.threads());
        int channels = padded.channels();
        int bits = padded.bitDepth();
        int[] out = new int[padded.sampleCount()];
        for (int pos = 0, s = 0; pos < padded.spec().positions(); pos++) {
            for (int c = 0; c < channels; c++, s++) {
                int known = io.inrkit.core.internal.SampleCoding.toUnsigned(padded.sample(s), bits, padded.spec().signed());
                out[s] = known | (soft ? expectedLowBits(p, pos, c, missing) : thresholdedLowBits(p, pos, c, missing));
            }
        }
        return out;
    }

    private static int thresholdedLowBits(BitProbabilities p, int pos, int c, int missing) {
        int v = 0;
        for (int b = 0; b < missing; b++) {
            if (p.probability(pos, c, b) > 2048) {
                v |= 1 << b;
            }
        }
        return v;
    }

    /** Sum of 2^b P(bit b) over the missing planes, rounded: the least-squares value if bits are independent. */
    private static int expectedLowBits(BitProbabilities p, int pos, int c, int missing) {
        long sum = 0; // in 1/4096
        for (int b = 0; b < missing; b++) {
            sum += (long) p.probability(pos, c, b) << b;
        }
        long v = (sum + 2048) >> 12;
        return (int) Math.min((1L << missing) - 1, v);
    }
}
