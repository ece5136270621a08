package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import io.inrkit.core.model.InrModel;
import java.util.List;

/**
 * The outcome of a fit.
 *
 * @param model the fitted network, as plain numbers
 * @param iterations optimizer steps taken; when lossless, the steps it took to get there
 * @param seconds training time (data preparation excluded)
 * @param lossless whether every bit of every sample was reproduced
 * @param bitErrors wrong bits at the end
 * @param bitErrorsPerPlane the same per plane, index 0 = least significant
 * @param totalBits samples x planes
 * @param history every evaluation, in order (per-plane errors over iterations: the paper's bit bias)
 * @param reconstruction the signal the thresholded logits give
 * @param psnr of the reconstruction at the signal's bit depth, infinite when lossless
 * @param engine which training code ran
 */
public record FitResult(InrModel model, int iterations, double seconds, boolean lossless, long bitErrors,
        long[] bitErrorsPerPlane, long totalBits, List<FitProgress> history, Signal reconstruction, double psnr,
        FitOptions.Engine engine) implements FitOutcome {

    @Override
    public long parameters() {
        return model.parameterCount();
    }

    /** PSNR of {@code b} against {@code a}, peak 2^n - 1; infinite when every sample is equal. */
    public static double psnr(Signal a, Signal b) {
        double se = 0;
        for (int i = 0, n = a.sampleCount(); i < n; i++) {
            double d = (double) a.sample(i) - b.sample(i);
            se += d * d;
        }
        if (se == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double peak = Math.pow(2, a.bitDepth()) - 1;
        return 10 * Math.log10(peak * peak / (se / a.sampleCount()));
    }
}
