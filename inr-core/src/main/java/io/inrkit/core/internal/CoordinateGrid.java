package io.inrkit.core.internal;

import io.inrkit.core.SignalSpec;

/**
 * Input coordinates of an INR, normalised to [-1, 1] per axis as in the paper's code
 * ({@code torch.linspace(-1, 1, size)}): index k of an axis of size S maps to -1 + 2k/(S-1), and an
 * axis of size 1 maps to -1. The bit coordinate follows the same rule over the planes, so the
 * least significant plane is -1 and the most significant +1.
 *
 * <p>Rows are ordered like the signal's positions (first axis slowest). With the bit coordinate,
 * each position contributes one row per plane, LSB first, with the bit as the last column.
 */
public final class CoordinateGrid {

    private CoordinateGrid() {
    }

    /** Normalised coordinate of {@code index} on an axis of {@code size} points. */
    public static float coordinate(int index, int size) {
        if (size < 1 || index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " on an axis of " + size);
        }
        return size == 1 ? -1f : (float) (-1.0 + 2.0 * index / (size - 1));
    }

    /** Normalised bit coordinate of {@code plane} among {@code planes}: LSB -1, MSB +1. */
    public static float bitCoordinate(int plane, int planes) {
        return coordinate(plane, planes);
    }

    /** One row per position, {@code spec.rank()} columns. */
    public static float[] positions(SignalSpec spec) {
        int rank = spec.rank();
        int n = spec.positions();
        float[] out = new float[Math.multiplyExact(n, rank)];
        for (int pos = 0; pos < n; pos++) {
            fillPosition(spec, pos, out, pos * rank);
        }
        return out;
    }

    /**
     * One row per (position, plane), {@code spec.rank() + 1} columns: the position's coordinates
     * then the bit coordinate.
     */
    public static float[] positionsWithBit(SignalSpec spec) {
        return positionsWithBit(spec, 0);
    }

    /**
     * As {@link #positionsWithBit(SignalSpec)} for planes {@code firstPlane} and up only (bit
     * coordinates still spread over all the spec's planes): the rows of the planes known when
     * expanding a low bit depth signal.
     */
    public static float[] positionsWithBit(SignalSpec spec, int firstPlane) {
        int rank = spec.rank();
        int planes = spec.bitDepth();
        if (firstPlane < 0 || firstPlane >= planes) {
            throw new IllegalArgumentException("first plane " + firstPlane + " of " + planes);
        }
        int cols = rank + 1;
        long rows = (long) spec.positions() * (planes - firstPlane);
        if (rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("coordinate grid too large: " + rows + " rows");
        }
        float[] out = new float[(int) (rows * cols)];
        int o = 0;
        for (int pos = 0, n = spec.positions(); pos < n; pos++) {
            for (int p = firstPlane; p < planes; p++) {
                fillPosition(spec, pos, out, o);
                out[o + rank] = bitCoordinate(p, planes);
                o += cols;
            }
        }
        return out;
    }

    /** Writes the {@code spec.rank()} coordinates of {@code position} into {@code dst[offset..]}. */
    public static void fillPosition(SignalSpec spec, int position, float[] dst, int offset) {
        int rest = position;
        for (int axis = spec.rank() - 1; axis >= 0; axis--) {
            int size = spec.extent(axis);
            dst[offset + axis] = coordinate(rest % size, size);
            rest /= size;
        }
    }
}
