package io.inrkit.core.depth;

import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.IndexedTasks;

/**
 * {@link ExpansionMethod#LEARNED}: every sample of an image set where {@link DepthPrior} puts it
 * within its interval. The image is cut into strips of {@link #STRIP_ROWS} rows, each computed on
 * its own (its features read a margin around it), so threads share the work and the result does
 * not depend on how many there are.
 *
 * <p>A self-check guards images of {@link #SELF_CHECK_BITS} known bits or more, where the prior
 * has seen little training data like them: it predicts the image's own two lowest known bits
 * from the bits above them, on a centre crop of at most {@link #SELF_CHECK_SIDE} squared, and the
 * image is expanded by contour instead if contour predicts them better. Measured on the 16-bit
 * set (docs/BITDEPTH.md), this check flags the three files where the prior loses most from 8 to
 * 16 bits.
 */
final class LearnedExpansion {

    static final int STRIP_ROWS = 32;
    /** Known bits from which the self-check runs (below, two fewer bits say too little). */
    static final int SELF_CHECK_BITS = 6;
    /** Side of the centre crop the self-check runs on, which bounds its cost. */
    static final int SELF_CHECK_SIDE = 1024;
    private static final int CHECK_BITS = 2;

    private LearnedExpansion() {
    }

    /** Whether the prior takes this image: grey or RGB, 2-D. */
    static boolean applies(int rank, int channels) {
        return rank == 2 && DepthPriorFeatures.applies(channels);
    }

    /**
     * Whether the learned prior expands this image: it applies (grey or RGB image) and, from
     * {@link #SELF_CHECK_BITS} known bits, places the image's own two lowest known bits at least
     * as well as contour does.
     */
    static boolean usePrior(SignalSpec spec, int[] levels, int bits, int threads) {
        if (!applies(spec.rank(), spec.channels())) {
            return false;
        }
        if (bits < SELF_CHECK_BITS) {
            return true;
        }
        int channels = spec.channels();
        int w = Math.min(spec.width(), SELF_CHECK_SIDE);
        int h = Math.min(spec.height(), SELF_CHECK_SIDE);
        int x0 = (spec.width() - w) / 2;
        int y0 = (spec.height() - h) / 2;
        int[] known = new int[w * h * channels];
        int[] coarse = new int[known.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    int v = levels[((y0 + y) * spec.width() + x0 + x) * channels + c];
                    known[(y * w + x) * channels + c] = v;
                    coarse[(y * w + x) * channels + c] = v >>> CHECK_BITS;
                }
            }
        }
        int coarseBits = bits - CHECK_BITS;
        int[] byPrior = expand(DepthPrior.bundled(), coarse, w, h, channels, coarseBits, CHECK_BITS, threads);
        int[] byContour = BitDepthExpansion.contour(SignalSpec.image(w, h, channels, coarseBits), coarse, coarseBits,
                CHECK_BITS);
        return squaredError(byPrior, known) <= squaredError(byContour, known);
    }

    private static long squaredError(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            long d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
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
