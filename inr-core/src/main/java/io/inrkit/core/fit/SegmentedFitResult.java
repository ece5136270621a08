package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import java.util.List;

/**
 * A signal fitted in pieces, each by its own network (audio: consecutive runs of frames).
 *
 * @param segmentFrames frames per segment (the last one may be shorter)
 * @param segments each piece's result, in order
 * @param reconstruction the pieces' reconstructions joined back together
 */
public record SegmentedFitResult(int segmentFrames, List<FitResult> segments, Signal reconstruction, double psnr) {

    public boolean lossless() {
        return segments.stream().allMatch(FitResult::lossless);
    }

    public long bitErrors() {
        return segments.stream().mapToLong(FitResult::bitErrors).sum();
    }

    public long totalBits() {
        return segments.stream().mapToLong(FitResult::totalBits).sum();
    }

    public long[] bitErrorsPerPlane() {
        long[] sum = new long[segments.get(0).bitErrorsPerPlane().length];
        for (FitResult r : segments) {
            for (int p = 0; p < sum.length; p++) {
                sum[p] += r.bitErrorsPerPlane()[p];
            }
        }
        return sum;
    }

    /** Optimizer steps over all segments. */
    public long iterations() {
        return segments.stream().mapToLong(FitResult::iterations).sum();
    }

    /** The most steps any one segment took. */
    public int maxIterations() {
        return segments.stream().mapToInt(FitResult::iterations).max().orElse(0);
    }

    public double seconds() {
        return segments.stream().mapToDouble(FitResult::seconds).sum();
    }

    public long parameters() {
        return segments.stream().mapToLong(r -> r.model().parameterCount()).sum();
    }
}
