package io.inrkit.bench.quant;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.CoordinateGrid;

/**
 * An INR's whole data set, for the transforms that use exact statistics: every coordinate of the
 * grid, and (plane-heads layout, output {@code p * channels + c}) every true bit.
 */
public final class GridData {

    private GridData() {
    }

    /** One row of {@code spec.rank()} coordinates per position. */
    public static double[][] inputs(SignalSpec spec) {
        float[] flat = CoordinateGrid.positions(spec);
        int rank = spec.rank();
        double[][] out = new double[spec.positions()][rank];
        for (int n = 0; n < out.length; n++) {
            for (int r = 0; r < rank; r++) {
                out[n][r] = flat[n * rank + r];
            }
        }
        return out;
    }

    /** The bits a plane-heads network should predict at each position. */
    public static boolean[][] targets(Signal s) {
        BitPlanes planes = BitPlanes.decompose(s, PlaneMapping.BINARY);
        int channels = s.spec().channels();
        int count = planes.planeCount();
        boolean[][] out = new boolean[s.spec().positions()][count * channels];
        for (int n = 0; n < out.length; n++) {
            for (int p = 0; p < count; p++) {
                for (int c = 0; c < channels; c++) {
                    out[n][p * channels + c] = planes.bit(p, n * channels + c);
                }
            }
        }
        return out;
    }
}
