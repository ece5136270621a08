package io.inrkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inrkit.core.SignalSpec;
import org.junit.jupiter.api.Test;

class CoordinateGridTest {

    @Test
    void axesSpanMinusOneToOneLikeLinspace() {
        assertEquals(-1f, CoordinateGrid.coordinate(0, 5));
        assertEquals(-0.5f, CoordinateGrid.coordinate(1, 5));
        assertEquals(0f, CoordinateGrid.coordinate(2, 5));
        assertEquals(1f, CoordinateGrid.coordinate(4, 5));
        assertEquals(-1f, CoordinateGrid.coordinate(0, 1));
        // the paper's bit axis for 8-bit: spacing 2/7, LSB -1, MSB +1
        assertEquals(-1f, CoordinateGrid.bitCoordinate(0, 8));
        assertEquals((float) (-1 + 2.0 / 7), CoordinateGrid.bitCoordinate(1, 8));
        assertEquals(1f, CoordinateGrid.bitCoordinate(7, 8));
    }

    @Test
    void imageRowsAreRowMajorWithRowCoordinateFirst() {
        SignalSpec spec = SignalSpec.image(3, 2, 1, 8); // width 3, height 2
        float[] g = CoordinateGrid.positions(spec);
        assertArrayEquals(new float[] {-1, -1, -1, 0, -1, 1, 1, -1, 1, 0, 1, 1}, g);
    }

    @Test
    void bitCoordinateIsTheInnermostColumn() {
        SignalSpec spec = SignalSpec.image(2, 1, 1, 2);
        float[] g = CoordinateGrid.positionsWithBit(spec);
        assertArrayEquals(new float[] {
            -1, -1, -1, // (row 0, col 0, LSB)
            -1, -1, 1,  // (row 0, col 0, MSB)
            -1, 1, -1,
            -1, 1, 1}, g);
    }

    @Test
    void audioHasOneAxis() {
        float[] g = CoordinateGrid.positions(SignalSpec.audio(3, 2, 16, 8000));
        assertArrayEquals(new float[] {-1, 0, 1}, g);
    }
}
