package io.inrkit.core.depth;

import io.inrkit.core.internal.IndexedTasks;

/**
 * {@link ExpansionMethod#LEARNED}: every sample of an image set where {@link DepthPrior} puts it
 * within its interval. The image is cut into strips of {@link #STRIP_ROWS} rows, each computed on
 * its own (its features read a margin around it), so threads share the work and the result does
 * not depend on how many there are.
 */
final class LearnedExpansion {

    static final int STRIP_ROWS = 32;

    private LearnedExpansion() {
    }

    /** Whether the prior takes this image: grey or RGB, 2-D. */
    static boolean applies(int rank, int channels) {
        return rank == 2 && DepthPriorFeatures.applies(channels);
    }

    /**
     * The unsigned (bits + missing)-bit values of an image whose unsigned n-bit levels are
     * {@code levels} (interleaved), each within its interval.
     */
    static int[] expand(DepthPrior prior, int[] levels, int width, int height, int channels, int bits, int missing,
            int threads) {
        int[] out = new int[levels.length];
        double[][] histograms = DepthPriorFeatures.histograms(levels, channels, bits);
        int strips = (height + STRIP_ROWS - 1) / STRIP_ROWS;
        IndexedTasks.run(strips, threads, "inrkit-depth-prior", RuntimeException.class, s -> {
            int first = s * STRIP_ROWS;
            strip(prior, levels, width, height, channels, bits, missing, histograms, first,
                    Math.min(height, first + STRIP_ROWS), out);
            return null;
        });
        return out;
    }

    private static void strip(DepthPrior prior, int[] levels, int width, int height, int channels, int bits,
            int missing, double[][] histograms, int first, int end, int[] out) {
        DepthPriorFeatures features = new DepthPriorFeatures(levels, width, height, channels, bits, missing,
                histograms, first, end);
        int n = DepthPriorFeatures.COUNT;
        float[] x = new float[DepthPrior.BATCH * n];
        float[] t = new float[DepthPrior.BATCH];
        int[] at = new int[DepthPrior.BATCH];
        DepthPrior.Scratch scratch = prior.scratch();
        double step = 1L << missing;
        long top = (1L << missing) - 1;
        int pending = 0;
        for (int y = first; y < end; y++) {
            for (int px = 0; px < width; px++) {
                for (int c = 0; c < channels; c++) {
                    features.fill(y, px, c, x, pending * n);
                    at[pending++] = (y * width + px) * channels + c;
                    if (pending == DepthPrior.BATCH) {
                        place(prior, x, t, at, pending, scratch, levels, missing, step, top, out);
                        pending = 0;
                    }
                }
            }
        }
        place(prior, x, t, at, pending, scratch, levels, missing, step, top, out);
    }

    /** Predicts a batch and writes each sample's value: its interval's lowest, plus the offset, clamped into it. */
    private static void place(DepthPrior prior, float[] x, float[] t, int[] at, int count, DepthPrior.Scratch scratch,
            int[] levels, int missing, double step, long top, int[] out) {
        if (count == 0) {
            return;
        }
        prior.predict(x, count, t, scratch);
        for (int s = 0; s < count; s++) {
            long lowest = (long) levels[at[s]] << missing;
            long offset = (long) Math.floor(top / 2.0 + t[s] * step + 0.5);
            out[at[s]] = (int) (lowest + Math.max(0, Math.min(top, offset)));
        }
    }
}
