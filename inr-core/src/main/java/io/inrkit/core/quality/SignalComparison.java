package io.inrkit.core.quality;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;

/**
 * How far a signal B is from a reference A of the same kind, shape, channels and bit depth.
 *
 * @param psnr dB with peak 2^n - 1 at A's depth n; infinite when every sample is equal
 * @param ssim mean SSIM over the channels for images (Wang et al. 2004: 11x11 Gaussian window,
 *     sigma 1.5, K1 0.01, K2 0.03, valid positions only); NaN for audio and for images smaller than
 *     the window
 * @param maxAbsError largest |A - B| over all samples
 * @param differingSamples samples where A and B differ
 * @param samples samples compared
 */
public record SignalComparison(double psnr, double ssim, long maxAbsError, long differingSamples, long samples) {

    /** Compares every sample of {@code b} with {@code a}. */
    public static SignalComparison of(Signal a, Signal b) {
        checkComparable(a.spec(), b.spec());
        double se = 0;
        long max = 0;
        long differing = 0;
        for (int i = 0, n = a.sampleCount(); i < n; i++) {
            long d = Math.abs((long) a.sample(i) - b.sample(i));
            se += (double) d * d;
            max = Math.max(max, d);
            differing += d != 0 ? 1 : 0;
        }
        double psnr;
        if (se == 0) {
            psnr = Double.POSITIVE_INFINITY;
        } else {
            double peak = Math.pow(2, a.bitDepth()) - 1;
            psnr = 10 * Math.log10(peak * peak / (se / a.sampleCount()));
        }
        double ssim = a.kind() == SignalKind.IMAGE ? Ssim.mean(a, b) : Double.NaN;
        return new SignalComparison(psnr, ssim, max, differing, a.sampleCount());
    }

    /** Refuses signals that cannot be compared sample by sample, saying how they differ. */
    public static void checkComparable(SignalSpec a, SignalSpec b) {
        if (a.kind() != b.kind()) {
            throw new IllegalArgumentException("cannot compare " + a.kind().displayName() + " with "
                    + b.kind().displayName());
        }
        if (!java.util.Arrays.equals(a.shape(), b.shape()) || a.channels() != b.channels()) {
            throw new IllegalArgumentException("sizes differ: " + a.describe() + " against " + b.describe());
        }
        if (a.bitDepth() != b.bitDepth() || a.signed() != b.signed()) {
            throw new IllegalArgumentException("bit depths differ: " + a.describe() + " against " + b.describe()
                    + "; expand or reduce one of them first");
        }
    }
}
