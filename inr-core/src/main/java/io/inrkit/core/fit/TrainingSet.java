package io.inrkit.core.fit;

import io.inrkit.core.BitPlanes;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.internal.CoordinateGrid;
import io.inrkit.core.model.Formulation;
import io.inrkit.core.model.InrModel;

/**
 * A signal laid out for fitting: one input row per coordinate and one 0/1 target per logit.
 * Bit-input: row {@code pos * P + p} holds the position's coordinates and plane p's bit
 * coordinate, outputs are the C channels' bits of plane p. Plane-heads: row {@code pos}, output
 * {@code p * C + c}. A bit-input set may hold only the planes from {@code firstPlane} up (the
 * known planes of a signal whose lower planes are to be predicted); its rows are then
 * {@code pos * (P - firstPlane) + (p - firstPlane)}.
 */
final class TrainingSet {

    final SignalSpec spec;
    final Formulation formulation;
    final PlaneMapping mapping;
    final BitPlanes planes;
    /** The lowest plane with rows; 0 unless only the upper planes are known. */
    final int firstPlane;
    final int rows;
    final int inputs;
    final int outputs;
    final float[] coordinates;
    final float[] target;

    TrainingSet(Signal signal, Formulation formulation, PlaneMapping mapping) {
        this(signal, formulation, mapping, 0);
    }

    TrainingSet(Signal signal, Formulation formulation, PlaneMapping mapping, int firstPlane) {
        this.spec = signal.spec();
        this.formulation = formulation;
        this.mapping = mapping;
        this.planes = BitPlanes.decompose(signal, mapping);
        this.firstPlane = firstPlane;
        int p = spec.bitDepth();
        if (firstPlane < 0 || firstPlane >= p) {
            throw new IllegalArgumentException("first known plane " + firstPlane + " of " + p);
        }
        if (firstPlane > 0 && formulation != Formulation.BIT_INPUT) {
            throw new IllegalArgumentException("only the bit-input formulation can leave planes out");
        }
        long r = formulation == Formulation.BIT_INPUT ? (long) spec.positions() * (p - firstPlane) : spec.positions();
        this.inputs = InrModel.inputDimension(spec, formulation);
        this.outputs = InrModel.outputDimension(spec, formulation);
        if (r * Math.max(inputs, outputs) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(spec.describe() + " is too large to fit in one piece ("
                    + r + " coordinate rows); crop it or fit audio in segments");
        }
        this.rows = (int) r;
        this.coordinates = formulation == Formulation.BIT_INPUT ? CoordinateGrid.positionsWithBit(spec, firstPlane) : CoordinateGrid.positions(spec);
        this.target = new float[rows * outputs];
        for (int row = 0; row < rows; row++) {
            for (int o = 0; o < outputs; o++) {
                target[row * outputs + o] = planes.bit(plane(row, o), sample(row, o)) ? 1f : 0f;
            }
        }
    }

    /** The plane that logit {@code output} of {@code row} predicts. */
    int plane(int row, int output) {
        return formulation == Formulation.BIT_INPUT ? firstPlane + row % knownPlanes() : output / spec.channels();
    }

    /** The interleaved sample that logit {@code output} of {@code row} predicts a bit of. */
    int sample(int row, int output) {
        int c = spec.channels();
        return formulation == Formulation.BIT_INPUT ? (row / knownPlanes()) * c + output
                : row * c + output % c;
    }

    /** Planes with rows. */
    int knownPlanes() {
        return spec.bitDepth() - firstPlane;
    }

    /** Total number of bits: samples x planes. */
    long bits() {
        return (long) rows * outputs;
    }
}
