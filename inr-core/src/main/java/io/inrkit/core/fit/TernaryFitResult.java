package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import io.inrkit.core.model.TernaryInr;
import java.util.List;

/**
 * The outcome of a ternary fit ({@link InrFitter#fitTernary}); the fields mean what
 * {@link FitResult}'s do.
 *
 * @param model the network with its ternary weights
 * @param iterations optimizer steps taken; when lossless, the steps it took to get there
 * @param seconds training time
 * @param lossless whether the training pass reproduced every bit of every sample
 * @param bitErrors wrong bits at the end
 * @param bitErrorsPerPlane the same per plane, index 0 = least significant
 * @param totalBits samples x planes
 * @param history every evaluation, in order
 * @param reconstruction the signal the thresholded logits give
 * @param psnr of the reconstruction, infinite when lossless
 */
public record TernaryFitResult(TernaryInr model, int iterations, double seconds, boolean lossless, long bitErrors,
        long[] bitErrorsPerPlane, long totalBits, List<FitProgress> history, Signal reconstruction, double psnr)
        implements FitOutcome {

    @Override
    public long parameters() {
        return model.weightCount();
    }
}
