package io.inrkit.core.depth;

import io.inrkit.core.SignalSpec;

/**
 * The {@link ExpansionMethod#CONTOUR} estimate of the missing low bits, per channel, from two
 * cues the low-bit signal itself holds:
 * <ul>
 * <li><b>Contour distance.</b> A sample at level L whose nearest higher-level neighbour is d_up
 * away and nearest lower-level neighbour d_down away most likely lies on a slope between the
 * two contours, so its value is interpolated linearly across the interval: the fraction
 * {@code (d_down - 1/2) / (d_up + d_down - 1)} of the way up (the contour itself lies half a
 * sample off). Distances are Euclidean (images) or along time (audio), searched up to
 * {@link #RADIUS}; a side not found within it counts as {@code RADIUS} away, and with neither
 * side found (flat areas) the fraction is 1/2. This is the idea of intensity-potential
 * de-quantisation (IPAD, Liu et al. 2018), with a bounded search instead of a full distance
 * transform.</li>
 * <li><b>Histogram slope.</b> Within one level the values are spread like the signal's density
 * there; taking the density linear across the interval, between the means of the neighbouring
 * levels' counts, its centroid is {@code (left + 2 right) / (3 (left + right))} of the way up.</li>
 * </ul>
 * The estimate moves half way from the interval centre towards each cue and is clamped into the
 * interval. Both halves were chosen on two data sets at once (4 to 8 bits on Kodak crops, 8 to
 * 16 bits on 16-bit photographs, docs/BITDEPTH.md) and not tuned per file: the full contour step
 * over-shoots where texture, not a slope, separates the contours.
 */
final class ContourInterpolation {

    /** Search radius of the contour distance, in samples. */
    static final int RADIUS = 8;
    /** How far the estimate moves from the centre towards each cue. */
    static final double CONTOUR_WEIGHT = 0.5;
    static final double HISTOGRAM_WEIGHT = 0.5;

    private final int width;
    private final int height;
    /** Neighbour offsets within the radius, nearest first: dy, dx, distance (dy = 0 for audio). */
    private final int[] offY;
    private final int[] offX;
    private final double[] offDistance;

    ContourInterpolation(SignalSpec spec) {
        this(spec.rank() == 2 ? spec.width() : spec.frames(), spec.rank() == 2 ? spec.height() : 1);
    }

    /** For a width x height plane; height 1 searches along the one row only (audio). */
    ContourInterpolation(int width, int height) {
        this.width = width;
        this.height = height;
        java.util.List<double[]> offsets = new java.util.ArrayList<>();
        int ry = height > 1 ? RADIUS : 0;
        for (int dy = -ry; dy <= ry; dy++) {
            for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                double d = Math.sqrt(dy * dy + dx * dx);
                if (d > 0 && d < RADIUS) {
                    offsets.add(new double[] {d, dy, dx});
                }
            }
        }
        offsets.sort(java.util.Comparator.comparingDouble((double[] o) -> o[0]).thenComparingDouble(o -> o[1])
                .thenComparingDouble(o -> o[2]));
        offY = new int[offsets.size()];
        offX = new int[offsets.size()];
        offDistance = new double[offsets.size()];
        for (int i = 0; i < offsets.size(); i++) {
            offDistance[i] = offsets.get(i)[0];
            offY[i] = (int) offsets.get(i)[1];
            offX[i] = (int) offsets.get(i)[2];
        }
    }

    /**
     * Fills the {@code missing} low bits of one channel. {@code levels} are the channel's
     * unsigned n-bit values, one per position; the result is the unsigned (n + missing)-bit
     * values, each within {@code [level << missing, (level + 1) << missing)}.
     */
    int[] expand(int[] levels, int bits, int missing) {
        double[] histogramFraction = histogramFractions(levels, bits);
        double[] up = new double[levels.length];
        double[] down = new double[levels.length];
        distances(levels, width, height, up, down);
        double step = 1 << missing;
        int[] out = new int[levels.length];
        for (int pos = 0; pos < levels.length; pos++) {
            int level = levels[pos];
            double low = (double) level * step;
            double centre = low + step / 2;
            double byContour = low + contourFraction(up[pos], down[pos]) * step - 0.5;
            double byHistogram = low + histogramFraction[level] * step - 0.5;
            double estimate = centre + CONTOUR_WEIGHT * (byContour - centre)
                    + HISTOGRAM_WEIGHT * (byHistogram - centre);
            long rounded = (long) Math.floor(estimate + 0.5);
            long lowest = (long) level << missing;
            out[pos] = (int) Math.max(lowest, Math.min(lowest + (1L << missing) - 1, rounded));
        }
        return out;
    }

    /**
     * The fraction of the way up the interval the contour cue puts a sample whose nearest
     * higher and lower neighbours are {@code up} and {@code down} away; 1/2 with neither found.
     */
    static double contourFraction(double up, double down) {
        return up >= RADIUS && down >= RADIUS ? 0.5 : (down - 0.5) / (up + down - 1);
    }

    /**
     * Per position of one channel, the distance to the nearest sample of a higher level
     * ({@code up}) and of a lower level ({@code down}), {@link #RADIUS} where none lies closer;
     * {@code levels} is a width x height plane (a strip of the one this was made for, or all of it).
     */
    void distances(int[] levels, int width, int height, double[] up, double[] down) {
        // The offsets lie in a square of side 2 * REACH + 1; where the square holds no higher
        // (lower) level, that side's search can be skipped: flat areas cost O(1), not O(RADIUS^2).
        int reachY = Math.min(RADIUS - 1, height - 1);
        int[] max = boxExtreme(levels, width, height, reachY, true);
        int[] min = boxExtreme(levels, width, height, reachY, false);
        for (int y = 0, pos = 0; y < height; y++) {
            for (int x = 0; x < width; x++, pos++) {
                int level = levels[pos];
                double nearestUp = RADIUS;
                double nearestDown = RADIUS;
                boolean foundUp = max[pos] <= level;
                boolean foundDown = min[pos] >= level;
                for (int i = 0; i < offDistance.length && !(foundUp && foundDown); i++) {
                    int yy = y + offY[i];
                    int xx = x + offX[i];
                    if (yy < 0 || yy >= height || xx < 0 || xx >= width) {
                        continue;
                    }
                    int other = levels[yy * width + xx];
                    if (other > level && !foundUp) {
                        nearestUp = offDistance[i];
                        foundUp = true;
                    } else if (other < level && !foundDown) {
                        nearestDown = offDistance[i];
                        foundDown = true;
                    }
                }
                up[pos] = nearestUp;
                down[pos] = nearestDown;
            }
        }
    }

    /**
     * Per position, the largest (or smallest) level within {@code RADIUS - 1} columns and
     * {@code reachY} rows: a row pass, then a column pass.
     */
    private static int[] boxExtreme(int[] levels, int width, int height, int reachY, boolean largest) {
        int reach = RADIUS - 1;
        int[] rows = new int[levels.length];
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int best = levels[base + x];
                for (int xx = Math.max(0, x - reach), end = Math.min(width - 1, x + reach); xx <= end; xx++) {
                    int v = levels[base + xx];
                    best = largest ? Math.max(best, v) : Math.min(best, v);
                }
                rows[base + x] = best;
            }
        }
        int[] out = new int[levels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int best = rows[y * width + x];
                for (int yy = Math.max(0, y - reachY), end = Math.min(height - 1, y + reachY); yy <= end; yy++) {
                    int v = rows[yy * width + x];
                    best = largest ? Math.max(best, v) : Math.min(best, v);
                }
                out[y * width + x] = best;
            }
        }
        return out;
    }

    /** Per level, the centroid of a density linear across the level's interval (see class doc). */
    static double[] histogramFractions(int[] levels, int bits) {
        int size = 1 << bits;
        long[] count = new long[size];
        for (int v : levels) {
            count[v]++;
        }
        double[] fraction = new double[size];
        for (int v = 0; v < size; v++) {
            double left = v == 0 ? count[v] : (count[v - 1] + count[v]) / 2.0;
            double right = v == size - 1 ? count[v] : (count[v] + count[v + 1]) / 2.0;
            fraction[v] = left + right > 0 ? (left + 2 * right) / (3 * (left + right)) : 0.5;
        }
        return fraction;
    }
}
