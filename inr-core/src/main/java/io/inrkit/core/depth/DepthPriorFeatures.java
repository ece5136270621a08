package io.inrkit.core.depth;

/**
 * What the learned depth prior ({@link ExpansionMethod#LEARNED}) sees of one sample of a
 * low-bit image: {@value #COUNT} numbers computed from the known levels around it, all but the
 * level itself in units of the known quantisation step, so that one model serves every pair of
 * depths. Public so that a training tool computes exactly what inference computes; not otherwise
 * API.
 *
 * <p>For sample (y, x) of channel c, with q the known n-bit levels (edges replicated):
 * <ol>
 * <li>48: {@code q(y+dy, x+dx) - q(y, x)} over the 7x7 window (centre left out), clipped to
 * +-{@value #CLIP};</li>
 * <li>18: for each of the two other colour channels o (c itself on grey images),
 * {@code q_o - q_c} and the 8 differences of o's 3x3 window to its own centre, clipped;</li>
 * <li>2: the standard deviation of q_c over the 5x5 and 9x9 windows, at most {@value #CLIP} * 2;</li>
 * <li>9: for radii 4, 8 and 16, the mean over the window (within the image) minus the centre, for
 * c and the two other channels, clipped to +-CLIP and doubled;</li>
 * <li>1: the level itself, {@code q / (2^n - 1) - 1/2};</li>
 * <li>3: the colour channel, one-hot (all zero on grey images);</li>
 * <li>4: the contour cues of {@link ContourInterpolation}: the log distances to the nearest higher
 * and lower level (over log {@link ContourInterpolation#RADIUS}, less 1/2), the contour
 * fraction less 1/2 and the histogram fraction less 1/2;</li>
 * <li>2: the depths, {@code missing / 8} and {@code n / 8}.</li>
 * </ol>
 * Features are computed for the rows {@code [firstRow, endRow)} of the image from those rows and
 * a margin of {@link #MARGIN} rows either side, so that strips of one image can be processed
 * independently and give the same numbers as the whole.
 */
public final class DepthPriorFeatures {

    /** Numbers per sample. */
    public static final int COUNT = 87;
    /** Rows above and below a strip its features read (the widest box radius). */
    public static final int MARGIN = 16;
    /** Level differences are clipped to this many steps. */
    static final float CLIP = 4f;
    private static final int WINDOW = 3;
    private static final int[] SCALES = {4, 8, 16};
    private static final double LOG_RADIUS = StrictMath.log(ContourInterpolation.RADIUS);

    private final int width;
    private final int channels;
    private final int bits;
    private final int missing;
    /** The first image row the strip's arrays hold. */
    private final int top;
    private final int rows;
    private final int[][] plane;
    private final long[][] sum;
    private final long[][] sumSquares;
    private final double[][] up;
    private final double[][] down;
    private final double[][] histogram;

    /**
     * The features of rows {@code [firstRow, endRow)} of an image whose unsigned n-bit levels
     * are {@code levels}, interleaved ({@code levels[(y * width + x) * channels + c]});
     * {@code histograms} is {@link #histograms} of the whole image.
     */
    public DepthPriorFeatures(int[] levels, int width, int height, int channels, int bits, int missing,
            double[][] histograms, int firstRow, int endRow) {
        if (!applies(channels)) {
            throw new IllegalArgumentException("the learned prior takes 1 or 3 channels, not " + channels);
        }
        if (firstRow < 0 || endRow > height || firstRow >= endRow) {
            throw new IllegalArgumentException("rows " + firstRow + ".." + endRow + " of " + height);
        }
        this.width = width;
        this.channels = channels;
        this.bits = bits;
        this.missing = missing;
        this.top = Math.max(0, firstRow - MARGIN);
        this.rows = Math.min(height, endRow + MARGIN) - top;
        int n = rows * width;
        plane = new int[channels][n];
        sum = new long[channels][];
        sumSquares = new long[channels][];
        up = new double[channels][n];
        down = new double[channels][n];
        histogram = histograms;
        ContourInterpolation contour = new ContourInterpolation(width, height);
        for (int c = 0; c < channels; c++) {
            int[] p = plane[c];
            for (int i = 0; i < n; i++) {
                p[i] = levels[(top * width + i) * channels + c];
            }
            sum[c] = integral(p, false);
            sumSquares[c] = integral(p, true);
            contour.distances(p, width, rows, up[c], down[c]);
        }
    }

    /**
     * Per channel, the histogram cue of {@link ContourInterpolation} over the whole image: one
     * for all its strips.
     */
    public static double[][] histograms(int[] levels, int channels, int bits) {
        double[][] out = new double[channels][];
        int[] plane = new int[levels.length / channels];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = levels[i * channels + c];
            }
            out[c] = ContourInterpolation.histogramFractions(plane, bits);
        }
        return out;
    }

    /** Whether the prior takes images of this many channels (grey and RGB). */
    public static boolean applies(int channels) {
        return channels == 1 || channels == 3;
    }

    /** Writes the {@value #COUNT} features of sample (y, x), channel c, into {@code out[offset..]}. */
    public void fill(int y, int x, int c, float[] out, int offset) {
        int r = y - top;
        int[] p = plane[c];
        int centre = p[r * width + x];
        int k = offset;
        for (int dy = -WINDOW; dy <= WINDOW; dy++) {
            int row = clampRow(r + dy) * width;
            for (int dx = -WINDOW; dx <= WINDOW; dx++) {
                if (dy != 0 || dx != 0) {
                    out[k++] = clip(p[row + clampColumn(x + dx)] - centre);
                }
            }
        }
        int first = channels == 3 ? (c + 1) % 3 : c;
        int second = channels == 3 ? (c + 2) % 3 : c;
        for (int o : new int[] {first, second}) {
            int[] q = plane[o];
            int own = q[r * width + x];
            out[k++] = clip(own - centre);
            for (int dy = -1; dy <= 1; dy++) {
                int row = clampRow(r + dy) * width;
                for (int dx = -1; dx <= 1; dx++) {
                    if (dy != 0 || dx != 0) {
                        out[k++] = clip(q[row + clampColumn(x + dx)] - own);
                    }
                }
            }
        }
        out[k++] = spread(c, r, x, 2);
        out[k++] = spread(c, r, x, 4);
        for (int s : SCALES) {
            out[k++] = 2 * clip(mean(c, r, x, s) - centre);
            out[k++] = 2 * clip(mean(first, r, x, s) - plane[first][r * width + x]);
            out[k++] = 2 * clip(mean(second, r, x, s) - plane[second][r * width + x]);
        }
        out[k++] = (float) (centre / (double) ((1 << bits) - 1) - 0.5);
        for (int i = 0; i < 3; i++) {
            out[k++] = channels == 3 && i == c ? 1f : 0f;
        }
        double u = up[c][r * width + x];
        double d = down[c][r * width + x];
        out[k++] = (float) (StrictMath.log(u) / LOG_RADIUS - 0.5);
        out[k++] = (float) (StrictMath.log(d) / LOG_RADIUS - 0.5);
        out[k++] = (float) (ContourInterpolation.contourFraction(u, d) - 0.5);
        out[k++] = (float) (histogram[c][centre] - 0.5);
        out[k++] = missing / 8f;
        out[k++] = bits / 8f;
        assert k - offset == COUNT;
    }

    private static float clip(double v) {
        return (float) Math.max(-CLIP, Math.min(CLIP, v));
    }

    private int clampRow(int r) {
        // rows outside the strip are outside the image too (the margin covers the window)
        return Math.max(0, Math.min(rows - 1, r));
    }

    private int clampColumn(int x) {
        return Math.max(0, Math.min(width - 1, x));
    }

    private double mean(int c, int r, int x, int radius) {
        long[] s = sum[c];
        int y0 = Math.max(0, r - radius);
        int y1 = Math.min(rows, r + radius + 1);
        int x0 = Math.max(0, x - radius);
        int x1 = Math.min(width, x + radius + 1);
        return box(s, y0, y1, x0, x1) / (double) ((y1 - y0) * (x1 - x0));
    }

    private float spread(int c, int r, int x, int radius) {
        int y0 = Math.max(0, r - radius);
        int y1 = Math.min(rows, r + radius + 1);
        int x0 = Math.max(0, x - radius);
        int x1 = Math.min(width, x + radius + 1);
        double count = (y1 - y0) * (double) (x1 - x0);
        double m = box(sum[c], y0, y1, x0, x1) / count;
        double m2 = box(sumSquares[c], y0, y1, x0, x1) / count;
        return (float) Math.min(2 * CLIP, Math.sqrt(Math.max(0, m2 - m * m)));
    }

    private long box(long[] s, int y0, int y1, int x0, int x1) {
        int w = width + 1;
        return s[y1 * w + x1] - s[y0 * w + x1] - s[y1 * w + x0] + s[y0 * w + x0];
    }

    /** Summed-area table of the strip, (rows + 1) x (width + 1), of the levels or their squares. */
    private long[] integral(int[] p, boolean squares) {
        int w = width + 1;
        long[] s = new long[(rows + 1) * w];
        for (int y = 0; y < rows; y++) {
            long run = 0;
            for (int x = 0; x < width; x++) {
                long v = p[y * width + x];
                run += squares ? v * v : v;
                s[(y + 1) * w + x + 1] = s[y * w + x + 1] + run;
            }
        }
        return s;
    }
}
